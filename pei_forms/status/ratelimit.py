"""A small fixed-window rate limiter on the shared cache, for the "send me a new link" form and
for the links sent per submission.

pei_forms.protection counts form sends with one fixed budget (PEI_SUBMISSION_RATE_LIMIT);
these limits are separate budgets, so a practitioner who sent several forms can still ask for
a link. The client address comes from pei_forms.protection, which knows about the proxy.

The cache is the one every app server shares (Redis in production), so a limit holds across
processes. It fails open: if the cache forgets a counter early, a few extra requests get
through, which is better than refusing a practitioner because of a cache restart.
"""

import hashlib
import time

from django.core.cache import cache

from ..protection import client_address

KEY_PREFIX = "pei_forms:status"


def allow(key: str, *, limit: int, window: int) -> bool:
    """Count one hit against `key` and say whether it is within `limit` hits per `window`
    seconds."""
    bucket = f"{KEY_PREFIX}:{key}:{int(time.time() // window)}"
    if cache.add(bucket, 1, timeout=window):
        return limit >= 1
    try:
        count = cache.incr(bucket)
    except ValueError:  # the counter expired between add and incr: this hit starts a new one
        cache.add(bucket, 1, timeout=window)
        return limit >= 1
    return count <= limit


def allow_client(request, scope: str, *, limit: int, window: int) -> bool:
    """`allow` for the request's client address, hashed so the cache holds no address."""
    address = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    return allow(f"{scope}:{address}", limit=limit, window=window)
