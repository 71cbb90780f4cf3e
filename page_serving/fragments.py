"""Parts of pages drawn once per generation: the menu, the breadcrumbs, the footer, and the
content of a page that is the same for every reader (issue 16).

A fragment is drawn from the values it is given and nothing else: a template rendered
without the request (`render_to_string` with a dict), or a part of a page's template
rendered in a context of its own (`{% page_part %}`, page_serving/templatetags/pei_fragments.py).
No context processor runs for it, so it cannot see the user, the session, messages or a
CSRF token. Nothing personal can get into it, and the same copy is right for a reader, a
practitioner part way through a form and signed-in staff alike.

It is kept under the generation (`page_cache.generation_for`), so a publish shows in it at
once, with the site and the language in the key, and whatever else the caller says it varies
by (the menu's current section, the page). This process keeps its own copy (`memo.Memo`),
and the shared cache keeps one for the other processes, so each is drawn once per
generation.

Wagtail's previews draw theirs afresh and keep nothing: a draft's title must not show in
anyone else's menu.
"""

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse, QueryDict
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from . import routing
from .memo import Memo
from .page_cache import frozen, generation_for, share_generation, thawed

_here = Memo(size=2000)
_MISSING = object()


def kept(request, vary: tuple, draw: Callable[[], str]) -> SafeString:
    """What `draw()` returns (HTML escaped by its template), kept for this site, language and
    `vary` under the current generation."""
    html = kept_value(request, vary, lambda: str(draw()))
    return mark_safe(html)  # noqa: S308 (escaped by the template that drew it)


def kept_value(request, vary: tuple, make: Callable):
    """What `make()` returns (anything the shared cache can hold, the same for everyone),
    kept for this site, language and `vary` under the current generation."""
    if request is None or getattr(request, "is_preview", False):
        return make()
    site = routing.site_for(request)
    key = (site.pk if site else None, translation.get_language(), *vary)
    return _here.get_or_make(generation_for(request), key, lambda: _shared(request, key, make))


def kept_response(request, vary: tuple, answer: Callable[[], HttpResponse]) -> HttpResponse:
    """The answer `answer()` gives (a sitemap, a feed: the same for everyone, with no cookie
    and no session), its status, headers and body kept like a fragment."""

    return thawed(kept_value(request, vary, lambda: frozen(answer())))


def drawn(template: str, data: Callable[[], dict]) -> Callable[[], str]:
    """A `draw` for `kept`: `template` rendered from `data()` alone, without the request."""
    return lambda: render_to_string(template, data())


class SiteOnly:
    """The request, as a part of a page drawn for everyone sees it: which site it is for
    (what Wagtail's `pageurl` reads, through `Site.find_for_request`, and where it keeps the
    site root paths while drawing), the generation it is drawn under, and its path with no
    query (what pagination links are made from); nothing else."""

    def __init__(self, request):
        self._wagtail_site = routing.site_for(request)
        share_generation(request, self)
        self.path = request.path
        self.GET = QueryDict()


def _shared(request, key: tuple, make):
    name = hashlib.sha256(repr(key).encode()).hexdigest()
    shared_key = f"pei_fragment:{generation_for(request)}:{name}"
    cache = caches[settings.PEI_PAGE_CACHE_ALIAS]
    value = cache.get(shared_key, _MISSING)
    if value is _MISSING:
        value = make()
        cache.set(shared_key, value, settings.PEI_PER_GENERATION_SECONDS)
    return value
