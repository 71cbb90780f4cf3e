"""Things worked out once per generation of the public site, not once per request (issue 16).

`page_cache.current_generation()` is the token every change a public page can show replaces
(`page_changes.py`). Anything kept under it here is forgotten by that change on every server
at once, because the token is read from the shared cache on each request, as the page cache
reads it. Each request reads it once (`generation`), so what one request keeps and finds
agrees with itself.

`Memo` is this process's own store, for what costs queries to work out but little to keep
(which page an address is, the menu's pages, drawn fragments): a dict read in microseconds,
emptied when the generation changes, and bounded, so addresses made up by a crawler cannot
grow it forever. An entry also lasts no longer than PEI_PER_GENERATION_SECONDS, so a change
made outside the models (which starts no generation) shows within that, as it does within
PEI_PAGE_CACHE_SECONDS for the page cache.
"""

import contextlib
import time
from collections import OrderedDict

from django.conf import settings

from .page_cache import current_generation

_REQUEST_ATTRIBUTE = "_pei_generation"


def generation(request) -> str:
    """The generation this request draws under, read from the shared cache once."""
    if request is None:
        return current_generation()
    found = getattr(request, _REQUEST_ATTRIBUTE, None)
    if found is None:
        found = current_generation()
        setattr(request, _REQUEST_ATTRIBUTE, found)
    return found


def share(request, other) -> None:
    """Let `other`, which stands in for the request, draw under the request's generation."""
    setattr(other, _REQUEST_ATTRIBUTE, generation(request))


class Memo:
    """Values worked out under one generation, in this process, the least used first to go."""

    def __init__(self, size: int):
        self.size = size
        self._generation = None
        self._values: OrderedDict = OrderedDict()

    def get_or_make(self, generation: str, key, make):
        if generation != self._generation:
            # Nothing kept under another generation can be used again: start afresh.
            self._values = OrderedDict()
            self._generation = generation
        values = self._values
        now = time.monotonic()
        kept = values.get(key)
        if kept is not None and kept[0] > now:
            # Another thread may have dropped it meanwhile (runserver's threads): no matter.
            with contextlib.suppress(KeyError):
                values.move_to_end(key)
            return kept[1]
        value = make()
        if generation == self._generation:
            values[key] = (now + settings.PEI_PER_GENERATION_SECONDS, value)
            while len(values) > self.size:
                with contextlib.suppress(KeyError):
                    values.popitem(last=False)
        return value

    def clear(self) -> None:
        self._generation = None
        self._values = OrderedDict()
