"""Protection of the public forms against automated and oversized submissions.

Django's CSRF middleware covers every POST. On top of it:

Honeypot
    Every step and the Send button carry a text field (HONEYPOT_FIELD) that people cannot see
    or tab to and are told to leave empty; simple bots fill in every field. A POST with it
    filled is refused at once, on any step: the answers kept so far are dropped, nothing is
    saved, and the page says plainly that the form was not sent and how to start again. A
    fake "success" page was considered and rejected: the rare person who fills the field (a
    form-filling tool, say) would believe their form had gone, and a bot learns nothing from
    an honest refusal that it could not learn from the field itself.

Rate limit
    Each client address may send PEI_SUBMISSION_RATE_LIMIT forms (default "10/hour"; also
    "N/second", "N/minute", "N/day") across both forms. The count is kept in the shared cache
    (Redis in production, so every app server sees it) in fixed windows, so a burst at a
    window boundary can reach twice the limit: the point is to stop floods, not to meter
    people. Only complete, valid sends count. A practitioner over the limit is told so, and
    nothing is saved; their answers are kept for later. Several practitioners in one office
    may share an address: raise the limit there rather than turn it off.
    The new-link form and the links sent per submission (pei_forms.status) keep budgets
    of their own, counted by the same `allow`, so a practitioner who sent several forms can
    still ask for a link.

Client address
    REMOTE_ADDR, or with PEI_TRUSTED_PROXY_HOPS proxies in front of the site the address the
    outermost one added to X-Forwarded-For; an IPv6 client's whole /64 counts as one. The
    cache keeps a keyed hash of it, never the address (pei_forms.client_address).

Size
    Every text field has a length limit (see the forms). On top of that a POST whose body is
    larger than MAX_POST_BYTES is refused (413) before the form looks at any of it. Django's
    CSRF check reads the body first, within its global DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB);
    lower that setting to tighten what any view reads.
"""

import time

from django.conf import settings
from django.core.cache import cache

from .client_address import client_key

HONEYPOT_FIELD = "website"
DEFAULT_RATE_LIMIT = "10/hour"
PERIODS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
RETRY_WORDS = {1: "in a few seconds", 60: "in a minute", 3600: "in an hour", 86400: "tomorrow"}

# The largest step holds four 3,000-character answers. A character can take 12 bytes once
# encoded (4 UTF-8 bytes, each percent-encoded), so 4 × 3,000 × 12 = 144,000, plus room for
# the other fields.
MAX_POST_BYTES = 160_000


def honeypot_filled(request) -> bool:
    return bool(request.POST.get(HONEYPOT_FIELD, "").strip())


def post_too_large(request) -> bool:
    """Whether the request body is larger than any honest answer to these forms."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return True
    return length > MAX_POST_BYTES


def rate_limit() -> tuple[int, int]:
    """(how many sends, in how many seconds) from settings.PEI_SUBMISSION_RATE_LIMIT."""
    value = getattr(settings, "PEI_SUBMISSION_RATE_LIMIT", DEFAULT_RATE_LIMIT)
    count, _, period = value.partition("/")
    return int(count), PERIODS[period.strip()]


def retry_words() -> str:
    """When a practitioner over the limit can send again, in words: "in an hour"."""
    return RETRY_WORDS[rate_limit()[1]]


def allow(key: str, *, limit: int, window: int) -> bool:
    """Count one hit against `key` in the shared cache and say whether it is within `limit`
    hits per fixed `window` of seconds. It fails open: a counter the cache forgets early lets
    a few extra hits through rather than refusing a practitioner after a cache restart."""
    bucket = f"pei_forms:limit:{key}:{int(time.time() // window)}"
    if cache.add(bucket, 1, timeout=window):
        return limit >= 1
    try:
        count = cache.incr(bucket)
    except ValueError:  # the counter expired between add and incr: this hit starts a new one
        cache.add(bucket, 1, timeout=window)
        return limit >= 1
    return count <= limit


def allow_client(request, scope: str, *, limit: int, window: int) -> bool:
    """`allow` for the request's client (its address, or its IPv6 /64), keyed by a keyed
    hash so the cache holds no address."""
    return allow(f"{scope}:{client_key(request)}", limit=limit, window=window)


def take_send_allowance(request) -> bool:
    """Count one send from this client; False if that goes over the limit."""
    limit, window = rate_limit()
    return allow_client(request, "sends", limit=limit, window=window)


def claim_journey(journey_id: str) -> bool:
    """Mark a set of answers as being sent; False if it was already. Stops a double click or
    two tabs sending the same answers twice."""
    return cache.add(f"pei_forms:sent:{journey_id}", 1, timeout=86400)


def release_journey(journey_id: str) -> None:
    """Allow a set of answers to be sent again after a send that failed."""
    cache.delete(f"pei_forms:sent:{journey_id}")
