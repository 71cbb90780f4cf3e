"""The pages navigation links to: the main menu, and the live ancestors of a page.

Read once per generation (`page_serving.memo`) and kept as plain links, not pages:
a publish, unpublish, move or a change of "show in menus" starts a new generation, so the
menu and the breadcrumbs show it at once. URLs come from `page.get_url(request)`, so the
links are relative on the request's own site as before; the site is part of every key.
"""

from dataclasses import dataclass

from django.utils import translation
from wagtail.models import Page

from page_serving import routing
from page_serving.memo import Memo
from page_serving.page_cache import generation_for

_menus = Memo(size=50)
_ancestors = Memo(size=5000)
_news_indexes = Memo(size=50)


@dataclass(frozen=True)
class Link:
    pk: int
    path: str
    title: str
    url: str
    content_type_id: int

    @classmethod
    def to(cls, page: Page, request) -> "Link":
        return cls(page.pk, page.path, page.title, page.get_url(request), page.content_type_id)


def root_link(request) -> Link | None:
    """The current site's home page."""
    site = routing.site_for(request) if request is not None else None
    if site is None:
        return None

    def root():
        return Link.to(site.root_page, request)

    return _ancestors.get_or_make(_generation(request), ("root", _key(request, site)), root)


def menu(request) -> list[Link]:
    """The site root's live children shown in menus, in tree order."""
    site = routing.site_for(request) if request is not None else None
    if site is None:
        return []

    def pages():
        root = site.root_page
        children = Page.objects.filter(
            path__startswith=root.path, depth=root.depth + 1, show_in_menus=True, live=True
        ).order_by("path")
        return [Link.to(page, request) for page in children]

    return _menus.get_or_make(_generation(request), _key(request, site), pages)


def ancestors(request, page: Page) -> list[Link]:
    """The live pages above `page` and below the site root, top first."""
    site = routing.site_for(request) if request is not None else None
    if site is None:
        return []

    def pages():
        root = site.root_page
        if not page.path.startswith(root.path):
            return []
        paths = [page.path[: Page.steplen * depth] for depth in range(root.depth + 1, page.depth)]
        found = Page.objects.filter(path__in=paths, live=True).order_by("path")
        return [Link.to(ancestor, request) for ancestor in found]

    key = (_key(request, site), page.path)
    return _ancestors.get_or_make(_generation(request), key, pages)


def news_index(request) -> Link | None:
    """The site's live news index page: the one in the menu, or else the first in the tree."""
    from .models import NewsIndexPage

    site = routing.site_for(request) if request is not None else None
    if site is None:
        return None

    def find():
        from django.contrib.contenttypes.models import ContentType

        content_type = ContentType.objects.get_for_model(NewsIndexPage)
        in_menu = next((p for p in menu(request) if p.content_type_id == content_type.pk), None)
        if in_menu is not None:
            return in_menu
        page = NewsIndexPage.objects.live().descendant_of(site.root_page).order_by("path")
        page = page.first()
        return Link.to(page, request) if page else None

    return _news_indexes.get_or_make(_generation(request), _key(request, site), find)


def _generation(request) -> str:
    return generation_for(request)


def _key(request, site) -> tuple:
    return (site.pk, translation.get_language())
