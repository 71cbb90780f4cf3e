"""Which site a request is for, and which page its address is, remembered per generation.

Wagtail finds both afresh on every request: a query for the site (with its home page), the
home page's specific row, then a query for each page on the way down and another for its
specific row, five queries for a page two levels deep. Neither answer changes until a page
or a site changes, and each such change starts a new generation (`page_changes.py`), so
this process remembers them under the generation (`memo.Memo`):

- the site: its row, from which each request gets an instance of its own, and the site
  root paths that page URLs are made from;
- the address: the page Wagtail's own routing reached, and how many parts of the address
  it used on the way; the rest (a routable page's own subpath, such as a news feed or a
  form's step) is handed to that page's `route()` on every request, as Wagtail does.

What a request then costs is one query: the page, specific, fetched by its id. Whether a
view restriction applies to it is remembered with it (`view_restrictions.py`), which saves
Wagtail's two queries before serving. Nothing shared between requests is an instance: each
request has its own site and page objects.

Both answers are handed to Wagtail through the attributes it caches them in on the request
(`Site.find_for_request` documents `request._wagtail_site`, and `Page.route_for_request`
documents `request._wagtail_route_for_request`), so its serve view, its hooks (view
restrictions, the request method check) and everything else of Wagtail run unchanged.
"""

import functools

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

from . import view_restrictions
from .memo import Memo
from .page_cache import generation_for

_sites = Memo(size=100)
_root_paths = Memo(size=1)
#: Enough for every page of a large site, and the addresses that are not pages.
_routes = Memo(size=5000)
NOT_FOUND = None
ROUTE_AFRESH = "route afresh"


def site_for(request) -> Site | None:
    """`Site.find_for_request`, from the memo: what Wagtail then finds on the request. The
    site root paths every page's URL is worked out from are left there too, where Wagtail
    keeps them for the request (`Page._get_site_root_paths`), instead of its read of them
    from the shared cache."""
    if not hasattr(request, "_wagtail_site"):
        request._wagtail_site = find_site(request)
        request._wagtail_cached_site_root_paths = _root_paths.get_or_make(
            generation_for(request), "root paths", Site.get_site_root_paths
        )
    return request._wagtail_site


def find_site(request) -> Site | None:
    """The site for the request's host and port, as Wagtail would choose it."""
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()

    def row():
        try:
            site = get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            return NOT_FOUND
        return tuple(getattr(site, name) for name in _site_fields())

    values = _sites.get_or_make(generation_for(request), (hostname, port), row)
    if values is NOT_FOUND:
        return None
    return Site.from_db("default", _site_fields(), values)


def route(request, path: str):
    """Wagtail's `RouteResult` for the address, or None for a 404, as `Page.route_for_request`
    would answer it."""
    site = site_for(request)
    if site is None:
        return None
    parts = [part for part in path.split("/") if part]
    key = (site.pk, translation.get_language(), tuple(parts))
    found: list = []

    def walk():
        # The first time under this generation: Wagtail's own routing, all the way down.
        result = _route_from_root(request, site, parts)
        found.append(result)
        if result is None:
            return NOT_FOUND
        page = result[0]
        used = page.depth - site.root_page.depth
        if page.url_path != site.root_page.url_path + "".join(f"{p}/" for p in parts[:used]):
            # Reached by a route() of its own making, not by its slug: nothing to remember.
            return ROUTE_AFRESH
        # Wagtail's own check of the restrictions on the page and above it, aliases included.
        unrestricted = not page.get_view_restrictions()
        if unrestricted:
            view_restrictions.known_unrestricted(page)
        return (page.pk, page.content_type_id, used, unrestricted)

    landing = _routes.get_or_make(generation_for(request), key, walk)
    if found:
        return found[0]
    if landing is NOT_FOUND:
        return None
    if landing is ROUTE_AFRESH:
        return _route_from_root(request, site, parts)
    page_id, content_type_id, used, unrestricted = landing
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    try:
        page = model._default_manager.get(pk=page_id)
    except model.DoesNotExist:
        # Gone since (a change inside a transaction not yet committed): route afresh.
        return _route_from_root(request, site, parts)
    if unrestricted:
        view_restrictions.known_unrestricted(page)
    try:
        return page.route(request, parts[used:])
    except Http404:
        return None


@functools.cache
def _site_fields() -> list[str]:
    return [field.attname for field in Site._meta.concrete_fields]


def _route_from_root(request, site: Site, parts: list[str]):
    try:
        return site.root_page.localized.specific.route(request, parts)
    except Http404:
        return None


class RoutingMiddleware:
    """Hands Wagtail the remembered site and page for a request its serve view is about to
    answer. Other views find the site through `site_for` when they need it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_views.serve:
            path = view_args[0] if view_args else view_kwargs.get("path", "")
            request._wagtail_route_for_request = route(request, path)
        return None
