"""Site navigation: the main menu, breadcrumbs, the footer and links to key pages.

Each is a fragment (`page_serving.fragments.kept`): drawn once per generation from the links in
`guidance_pages.navigation`, and kept, so a page drawn again costs no query for them and
little template work. The menu varies only by which of its sections the page is in.
"""

from django import template
from django.urls import reverse
from wagtail.models import Page

from page_serving import routing
from page_serving.fragments import drawn, kept

from .. import navigation
from ..models import SiteChrome

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The site root's live children that are shown in menus, with the current section marked."""
    request = context.get("request")
    current = context.get("page")
    items = navigation.menu(request)
    section = None
    if current is not None and current.path:
        section = next((item for item in items if current.path.startswith(item.path)), None)
    # "page" for the section's own page, "true" for a page inside it.
    marked = None
    if section is not None:
        marked = (section.pk, "page" if current.pk == section.pk else "true")

    def data():
        return {
            "items": [
                {
                    "title": item.title,
                    "url": item.url,
                    "aria_current": marked[1] if marked and marked[0] == item.pk else "",
                }
                for item in items
            ]
        }

    return kept(request, ("menu", marked), drawn("components/service_navigation.html", data))


@register.simple_tag(takes_context=True)
def breadcrumbs(context, current_title: str = ""):
    """Home, then the current page's ancestors, then the current page (not on the home page).

    Views that are not Wagtail pages, such as search, pass ``current_title``.
    """
    request = context.get("request")
    page = context.get("page")
    root = navigation.root_link(request)
    if root is None or (page is None and not current_title):
        return ""
    if page is not None and page.pk == root.pk:
        return ""
    title = current_title or page.title

    def data():
        above = navigation.ancestors(request, page) if page is not None else []
        return {
            "items": [
                {"title": "Home", "url": root.url},
                *({"title": link.title, "url": link.url} for link in above),
            ],
            "current_title": title,
        }

    # A page's title may be a draft's in a preview, which fragments never keep.
    vary = ("breadcrumbs", page.path if page is not None else None, title)
    return kept(request, vary, drawn("components/breadcrumbs.html", data))


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The footer: the pages editors chose in Settings > Footer and site links (those that
    are set and live), the search page, and the footer's line of text."""
    request = context.get("request")

    def data():
        chrome = SiteChrome.read_for(routing.site_for(request))
        chosen = [
            ("Accessibility statement", chrome.accessibility_statement),
            ("Privacy notice", chrome.privacy_notice),
            ("Contact us", chrome.contact_page),
        ]
        return {
            "links": [
                {"title": title, "url": page.get_url(request)}
                for title, page in chosen
                if page is not None and page.live
            ],
            "search_url": reverse("search"),
            "footer_text": chrome.footer_text,
        }

    return kept(request, ("footer",), drawn("components/footer.html", data))


@register.simple_tag(takes_context=True)
def parent_page(context, page: Page) -> navigation.Link | None:
    """The live page above ``page`` (its ``url`` and ``title``), or the home page."""
    request = context.get("request")
    root = navigation.root_link(request)
    if root is None or page.pk == root.pk:
        return None
    parent_path = page.path[: -Page.steplen]
    if parent_path == root.path:
        return root
    return next((a for a in navigation.ancestors(request, page) if a.path == parent_path), None)


@register.simple_tag(takes_context=True)
def news_index(context) -> navigation.Link | None:
    """The site's live news index page (its ``url`` and ``title``), for "All news" links."""
    return navigation.news_index(context.get("request"))
