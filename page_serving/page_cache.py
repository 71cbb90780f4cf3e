"""Public pages from the shared cache, for readers without a session (issue 16).

Wagtail 8 has no page cache of its own, and wagtail-cache pins Wagtail below 8. This is a
small middleware on Django's cache (Redis in production, so every app server shares it):

What is cached
    A GET from someone with no session cookie (a reader: no practitioner with a half-filled
    form, no member of staff), outside the admin, the status pages and documents (which may
    be private), answered 200 with no cookie set, no CSRF token used (a page with a form
    holds a token of its own visitor's), and nothing marking it private. Its status, headers
    (the security headers included) and body are kept for PEI_PAGE_CACHE_SECONDS.

When it is forgotten
    Every change that a public page can show bumps one generation number in the cache: a
    page published, unpublished, moved or deleted, a snippet or setting (the menu, the
    footer, the contacts), an image or document, a form's help text, or the service
    directory's services, districts and themes. An entry made under an older generation is
    never served, so the change shows at once on every server. The bump happens when the
    change is made and again when its transaction commits, so no request can keep the old
    page after it.

Speed
    First in MIDDLEWARE, so a hit runs no other middleware: what is kept is the answer as it
    left them all, its security headers included. Each process also keeps the pages it has
    served lately (KEPT_HERE, a `memo.Memo`), the addresses it could not keep (so a form
    page's miss costs what it would with no page cache), and, with Redis, its own copy of
    the generation, kept current by pub/sub (`page_generation.py`): a hit then asks the
    shared cache nothing. The page itself comes from the shared cache only when this
    process has no copy of this generation's. Each request reads the generation once
    (`generation_for`), and what the pages are drawn from is kept under the same one. The
    generation is a random token, not a count: if the cache loses it, a new one is made,
    and nothing kept before can match it.
"""

import functools
import hashlib
import uuid

import redis
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.core.signals import setting_changed
from django.db import transaction
from django.dispatch import receiver
from django.http import HttpResponse
from django.urls import reverse

from .memo import Memo
from .page_generation import GenerationListener, publish

GENERATION_KEY = "pei_page_cache:generation"
HIT_HEADER = "X-Page-Cache"
#: Paths never cached, besides the admin's: private by nature.
PRIVATE_PREFIXES = ("/status/", "/documents/")
#: Vary headers a cached answer may have: every reader without a session gets the same.
HARMLESS_VARY = {"cookie", "accept-encoding"}
#: How many pages each process keeps beside the shared cache, the least read first to go.
KEPT_HERE = 500
#: A page kept here lasts no longer than in the shared cache, so a change made outside the
#: models shows within twice PEI_PAGE_CACHE_SECONDS.
_here = Memo(size=KEPT_HERE, lasting="PEI_PAGE_CACHE_SECONDS")
#: Addresses this process drew under the generation and could not keep (a form's pages,
#: which say no cache may keep them; a 404): their next miss asks the shared cache
#: nothing. Apart from the pages, so that addresses made up by a crawler cannot push a
#: kept page out. Wrong only when another process kept the page meanwhile: then it is
#: drawn here, never stale.
_not_kept_here = Memo(size=KEPT_HERE, lasting="PEI_PAGE_CACHE_SECONDS")
#: Where a request keeps the generation it is answered under (`generation_for`).
_ON_REQUEST = "_pei_generation"


def _cache():
    return caches[settings.PEI_PAGE_CACHE_ALIAS]


@functools.cache
def _admin_prefix() -> str:
    return reverse("wagtailadmin_home")


@functools.cache
def _redis():
    """A client of the shared cache's Redis server (its first, the one written to), or None
    when the cache is not Redis. Kept per process; redis-py's clients are thread-safe."""
    if not isinstance(_cache(), RedisCache):
        return None
    location = settings.CACHES[settings.PEI_PAGE_CACHE_ALIAS]["LOCATION"]
    servers = location.split(",") if isinstance(location, str) else location
    return redis.Redis.from_url(servers[0], socket_connect_timeout=2, socket_timeout=2)


@functools.cache
def _listener() -> GenerationListener | None:
    if _redis() is None:
        return None
    return GenerationListener(_redis, lambda: _cache().get(GENERATION_KEY))


@receiver(setting_changed)
def _settings_changed(*, setting, **kwargs):
    if setting in ("CACHES", "PEI_PAGE_CACHE_ALIAS", "ROOT_URLCONF"):
        if _listener.cache_info().currsize and _listener() is not None:
            _listener().stop()
        for kept in (_admin_prefix, _redis, _listener):
            kept.cache_clear()


def _key(request) -> str:
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return "pei_page_cache:page:" + hashlib.sha256(address.encode()).hexdigest()


def is_reader(request) -> bool:
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path.startswith((_admin_prefix(), *PRIVATE_PREFIXES))
    )


def may_keep(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
    return vary <= HARMLESS_VARY


class PageCacheMiddleware:
    """First in MIDDLEWARE: a hit skips every other middleware and the view. The headers the
    others add (HSTS, the Content-Security-Policy, the Permissions-Policy) are part of what
    is kept. The scheme is part of the key: a plain-HTTP request is redirected to HTTPS by
    SecurityMiddleware, and a redirect is never kept."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PEI_PAGE_CACHE_SECONDS or not is_reader(request):
            return self.get_response(request)
        key = _key(request)
        generation = generation_for(request)
        entry = _here.get(generation, key)
        if entry is None and not _not_kept_here.get(generation, key):
            entry = _cache().get(key)
            if entry is not None and entry[0] == generation:
                _here.put(generation, key, entry)
            else:
                entry = None
        if entry is not None:
            response = thawed(entry[1:])
            response[HIT_HEADER] = "hit"
            return response
        response = self.get_response(request)
        if may_keep(request, response):
            # The shared cache's entries keep this shape: (generation, status, headers, body).
            entry = (generation, *frozen(response))
            _cache().set(key, entry, settings.PEI_PAGE_CACHE_SECONDS)
            _here.put(generation, key, entry)
        else:
            _not_kept_here.put(generation, key, True)
        return response


def current_generation() -> str:
    """The token that every change a public page can show replaces: anything drawn and kept
    under an older one is stale."""
    listener = _listener()
    held = listener.trusted() if listener is not None else None
    return held or _cache().get(GENERATION_KEY) or _new_generation()


def generation_for(request) -> str:
    """The generation this request is answered and drawn under: `current_generation()`,
    read once per request, so that what one request keeps and finds agrees with itself."""
    if request is None:
        return current_generation()
    found = getattr(request, _ON_REQUEST, None)
    if found is None:
        found = current_generation()
        setattr(request, _ON_REQUEST, found)
    return found


def share_generation(request, other) -> None:
    """Let `other`, which stands in for the request, draw under the request's generation."""
    setattr(other, _ON_REQUEST, generation_for(request))


def frozen(response) -> tuple:
    """(status, headers, body) of a drawn answer, to keep in a cache."""
    if hasattr(response, "render"):
        response.render()
    return response.status_code, list(response.items()), response.content


def thawed(kept) -> HttpResponse:
    """A new answer from what `frozen` kept."""
    status, headers, content = kept
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


def forget_every_page() -> None:
    """Start a new generation now, and again once the current transaction commits: a reader
    between the two could have cached the page as it was before the commit."""
    _bump()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_bump)


def _bump() -> None:
    generation = uuid.uuid4().hex
    _cache().set(GENERATION_KEY, generation, timeout=None)
    _tell_everyone(generation)


def _tell_everyone(generation: str) -> None:
    """After the generation is stored: this process holds it at once, and every other
    process hears of it (stored first, so what they read is at least this new)."""
    if _listener() is not None:
        _listener().replaced(generation)
        publish(_redis())


def _new_generation() -> str:
    """The generation when the cache has none (new, flushed or evicted): one made now, or
    the one another server made a moment before."""
    made = uuid.uuid4().hex
    if _cache().add(GENERATION_KEY, made, timeout=None):
        _tell_everyone(made)
        return made
    return _cache().get(GENERATION_KEY) or made
