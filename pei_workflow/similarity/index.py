"""Every sent gap's need vector, held in this process's memory so that a lookup is one
product of a matrix and a vector (about 5 ms for 100,000 gaps) rather than a database scan.

Each lookup first asks the database for the vectors' number and newest id (one query). New
vectors are read on their own; any other change (a vector deleted because its words changed,
a gap deleted) means a full read. Vectors are never updated in place and their ids only grow,
so this misses nothing (`NeedVector`). Inside a transaction nothing is kept: what it reads
may yet be rolled back, so it is read afresh and forgotten.

Memory: 1.5 KB a gap (100,000 gaps, about 160 MB per process).
"""

import datetime
import threading
from dataclasses import dataclass, field, replace

import numpy as np
from django.db import connection
from django.db.models import Count, Max

from ..models import NeedVector
from ..states import GapState
from .encoder import DIMENSIONS


@dataclass(frozen=True)
class Vectors:
    """Row i: gap gap_ids[i] of district districts[i], sent at sent[i] (seconds since the
    epoch), whose need is matrix[i]."""

    gap_ids: np.ndarray
    districts: np.ndarray
    sent: np.ndarray
    matrix: np.ndarray
    read: int  # NeedVector rows read, those of gaps not sent included
    newest: int  # the newest NeedVector id read
    row_of: dict[int, int] = field(repr=False)

    def __len__(self) -> int:
        return len(self.gap_ids)

    def vector_of(self, gap_id: int) -> np.ndarray | None:
        row = self.row_of.get(gap_id)
        return None if row is None else self.matrix[row]


EMPTY = Vectors(
    gap_ids=np.empty(0, dtype=np.int64),
    districts=np.empty(0, dtype=np.int64),
    sent=np.empty(0, dtype=np.float64),
    matrix=np.empty((0, DIMENSIONS), dtype=np.float32),
    read=0,
    newest=0,
    row_of={},
)


def _state_of_the_table() -> tuple[int, int]:
    """How many vectors there are, and the newest one's id."""
    found = NeedVector.objects.aggregate(count=Count("id"), newest=Max("id"))
    return found["count"], found["newest"] or 0


def _read(after: int, upto: int, base: Vectors) -> Vectors:
    """base, with the vectors of ids after `after` up to `upto` added."""
    rows = list(
        NeedVector.objects.filter(id__gt=after, id__lte=upto)
        .order_by("id")
        .values_list("gap_id", "gap__district_id", "gap__submitted_at", "gap__state", "vector")
    )
    sent = [row for row in rows if row[3] != GapState.NEW and row[2] is not None]
    if not sent:
        return replace(base, read=base.read + len(rows), newest=max(base.newest, upto))
    gap_ids = np.fromiter((row[0] for row in sent), dtype=np.int64, count=len(sent))
    matrix = np.frombuffer(b"".join(bytes(row[4]) for row in sent), dtype="<f4").reshape(
        len(sent), DIMENSIONS
    )
    start = len(base)
    row_of = dict(base.row_of)
    row_of.update((int(pk), start + i) for i, pk in enumerate(gap_ids))
    return Vectors(
        gap_ids=np.concatenate([base.gap_ids, gap_ids]),
        districts=np.concatenate(
            [base.districts, np.fromiter((row[1] for row in sent), dtype=np.int64)]
        ),
        sent=np.concatenate(
            [base.sent, np.fromiter((row[2].timestamp() for row in sent), dtype=np.float64)]
        ),
        matrix=np.concatenate([base.matrix, matrix.astype(np.float32)]),
        read=base.read + len(rows),
        newest=max(base.newest, upto),
        row_of=row_of,
    )


_kept: dict[tuple, Vectors] = {}
_lock = threading.Lock()


def current_vectors() -> Vectors:
    """The vectors of every sent gap, as the database holds them now."""
    count, newest = _state_of_the_table()
    if connection.in_atomic_block:
        return _read(0, newest, EMPTY)
    key = (connection.alias, connection.settings_dict["NAME"])
    with _lock:
        kept = _kept.get(key, EMPTY)
        if kept.newest == newest and kept.read == count:
            return kept
        if newest > kept.newest:
            grown = _read(kept.newest, newest, kept)
            if grown.read == count:
                _kept[key] = grown
                return grown
        _kept[key] = fresh = _read(0, newest, EMPTY)
        return fresh


def seconds_of(day: datetime.date) -> float:
    """The start of `day` in Lancashire, as seconds since the epoch, to compare with sent."""
    from django.utils import timezone

    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
    return moment.timestamp()
