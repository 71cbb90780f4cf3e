"""What this process has worked out under one generation of the public site, kept beside
the shared cache (issue 16).

`Memo` is for what costs queries or drawing to work out but little to keep: which page an
address is, the menu's pages, drawn fragments, whole pages for the page cache. It is a dict
read in microseconds, emptied when the generation changes (nothing kept under another one
can be used again), and bounded, the least used first to go, so addresses made up by a
crawler cannot grow it forever. An entry also lasts no longer than the setting it is made
with says (PEI_PER_GENERATION_SECONDS unless told otherwise), so a change made outside the
models, which starts no generation, shows within that.
"""

import contextlib
import time
from collections import OrderedDict

from django.conf import settings

_MISSING = object()


class Memo:
    """Values worked out under one generation, in this process, the least used first to go."""

    def __init__(self, size: int, *, lasting: str = "PEI_PER_GENERATION_SECONDS"):
        self.size = size
        #: The name of the setting that says how many seconds an entry lasts at most.
        self.lasting = lasting
        self._generation = None
        self._values: OrderedDict = OrderedDict()

    def get(self, generation: str, key, default=None):
        """The value kept for `key` under `generation`, or `default`."""
        if generation != self._generation:
            self._values = OrderedDict()
            self._generation = generation
        kept = self._values.get(key)
        if kept is None or kept[0] <= time.monotonic():
            return default
        # Another thread may have dropped it meanwhile (runserver's threads): no matter.
        with contextlib.suppress(KeyError):
            self._values.move_to_end(key)
        return kept[1]

    def put(self, generation: str, key, value) -> None:
        """Keep `value`, unless the memo has moved on to a newer generation meanwhile."""
        if generation != self._generation:
            return
        values = self._values
        values[key] = (time.monotonic() + getattr(settings, self.lasting), value)
        while len(values) > self.size:
            with contextlib.suppress(KeyError):
                values.popitem(last=False)

    def get_or_make(self, generation: str, key, make):
        value = self.get(generation, key, _MISSING)
        if value is _MISSING:
            value = make()
            self.put(generation, key, value)
        return value

    def clear(self) -> None:
        self._generation = None
        self._values = OrderedDict()
