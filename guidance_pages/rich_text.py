"""Page links in rich text, resolved from the shared cache.

Wagtail's own handler runs a query for each rich text block that links to pages (and one more
per page type linked), so a guidance page's query count would grow with the number of links
editors add. Here each linked page's address is cached under a version number that goes up
whenever any page is published, unpublished, moved or deleted, or a site changes: a warm cache
costs no queries, and an address is never stale after one of those events.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils.html import escape
from wagtail import hooks
from wagtail.models import Page, Site
from wagtail.rich_text.pages import PageLinkHandler
from wagtail.signals import page_published, page_unpublished, post_page_move

VERSION_KEY = "pei:page-links:version"
CACHE_SECONDS = 24 * 60 * 60


def _version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def forget_page_links(**kwargs) -> None:
    """Make every cached page address stale (they are all re-read on next use)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def page_urls(page_ids: list[str]) -> dict[str, str]:
    """The address of each page id ("" for a page that does not exist)."""
    version = _version()
    keys = {page_id: f"pei:page-link:{version}:{page_id}" for page_id in page_ids}
    cached = cache.get_many(list(keys.values()))
    urls = {page_id: cached[key] for page_id, key in keys.items() if key in cached}
    missing = [page_id for page_id in page_ids if page_id not in urls and page_id.isdigit()]
    if missing:
        found = {
            str(page.pk): page.url or ""
            for page in Page.objects.filter(pk__in=missing).defer_streamfields()
        }
        fresh = {page_id: found.get(page_id, "") for page_id in missing}
        cache.set_many({keys[k]: v for k, v in fresh.items()}, timeout=CACHE_SECONDS)
        urls.update(fresh)
    return urls


class CachedPageLinkHandler(PageLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        ids = [str(attrs.get("id", "")) for attrs in attrs_list]
        urls = page_urls(ids)
        return [f'<a href="{escape(urls[i])}">' if urls.get(i) else "<a>" for i in ids]


@hooks.register("register_rich_text_features", order=100)
def use_cached_page_links(features):
    # Runs after Wagtail's own registration (order 0), so it replaces the page link type.
    features.register_link_type(CachedPageLinkHandler)


def connect_signals() -> None:
    page_published.connect(forget_page_links, dispatch_uid="pei_forget_links_published")
    page_unpublished.connect(forget_page_links, dispatch_uid="pei_forget_links_unpublished")
    post_page_move.connect(forget_page_links, dispatch_uid="pei_forget_links_moved")
    post_save.connect(forget_page_links, sender=Site, dispatch_uid="pei_forget_links_site")

    def page_deleted(sender, instance, **kwargs):
        if isinstance(instance, Page):
            forget_page_links()

    post_delete.connect(page_deleted, weak=False, dispatch_uid="pei_forget_links_deleted")
