"""Site navigation: the main menu, breadcrumbs and links to key pages.

The menu and the breadcrumbs come from one query per request, whatever the number of pages,
so that every public page stays inside its query budget. URLs come from
``page.get_url(request)``, which uses the site root paths cached on the request rather than a
query per link.
"""

from dataclasses import dataclass

from django import template
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Page, Site

register = template.Library()


@dataclass(frozen=True)
class Navigation:
    root: Page
    menu: list[Page]
    ancestors: list[Page]


def site_root(request) -> Page | None:
    """The current site's home page (fetched with the site, so it costs no query of its own)."""
    site = Site.find_for_request(request) if request is not None else None
    return site.root_page if site else None


def navigation(request, page: Page | None) -> Navigation | None:
    """The menu pages and the live ancestors of ``page`` below the site root, in one query.

    The ancestors' tree paths are prefixes of the page's own path, so they can be fetched in
    the same query as the root's children. The result is cached on the request: the menu,
    the breadcrumbs and any "back" link share it.
    """
    root = site_root(request)
    if root is None:
        return None
    cache = request.__dict__.setdefault("_pei_navigation", {})
    key = page.pk if page is not None else None
    if key not in cache:
        ancestor_paths = []
        if page is not None and page.path.startswith(root.path):
            ancestor_paths = [
                page.path[: Page.steplen * depth] for depth in range(root.depth + 1, page.depth)
            ]
        menu_q = Q(path__startswith=root.path, depth=root.depth + 1, show_in_menus=True)
        pages = list(
            Page.objects.filter(menu_q | Q(path__in=ancestor_paths), live=True).order_by("path")
        )
        cache[key] = Navigation(
            root=root,
            menu=[p for p in pages if p.depth == root.depth + 1 and p.show_in_menus],
            ancestors=[p for p in pages if p.path in ancestor_paths],
        )
    return cache[key]


@register.inclusion_tag("components/service_navigation.html", takes_context=True)
def main_menu(context):
    """The site root's live children that are shown in menus, with the current section marked."""
    request = context.get("request")
    current = context.get("page")
    nav = navigation(request, current)
    items = []
    for child in nav.menu if nav else []:
        is_page = current is not None and current.pk == child.pk
        in_section = current is not None and current.path.startswith(child.path)
        items.append(
            {
                "title": child.title,
                "url": child.get_url(request),
                # "page" for the page itself, "true" for a page inside its section.
                "aria_current": "page" if is_page else ("true" if in_section else ""),
            }
        )
    return {"items": items}


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, current_title: str = ""):
    """Home, then the current page's ancestors, then the current page (not on the home page).

    Views that are not Wagtail pages, such as search, pass ``current_title``.
    """
    request = context.get("request")
    page = context.get("page")
    nav = navigation(request, page)
    if nav is None or (page is None and not current_title):
        return {"items": []}
    if page is not None and page.pk == nav.root.pk:
        return {"items": []}
    items = [{"title": "Home", "url": nav.root.get_url(request)}]
    items += [{"title": a.title, "url": a.get_url(request)} for a in nav.ancestors]
    return {"items": items, "current_title": current_title or page.title}


@register.simple_tag(takes_context=True)
def parent_page(context, page: Page) -> Page | None:
    """The page above ``page``, from the breadcrumbs' query."""
    nav = navigation(context.get("request"), page)
    if nav is None or page.pk == nav.root.pk:
        return None
    parent_path = page.path[: -Page.steplen]
    if parent_path == nav.root.path:
        return nav.root
    return next((a for a in nav.ancestors if a.path == parent_path), None)


@register.simple_tag(takes_context=True)
def news_index(context) -> Page | None:
    """The site's live news index page, for "All news" links outside the news section.

    Usually it is in the menu, which is already fetched; only otherwise does this query.
    """
    from guidance_pages.models import NewsIndexPage

    request = context.get("request")
    nav = navigation(request, context.get("page"))
    if nav is None:
        return None
    content_type = ContentType.objects.get_for_model(NewsIndexPage)
    in_menu = next((p for p in nav.menu if p.content_type_id == content_type.pk), None)
    if in_menu is not None:
        return in_menu
    return NewsIndexPage.objects.live().descendant_of(nav.root).order_by("path").first()
