"""The panel's memory (issue 15): the past gaps most like a gap, how many there are, and the
services that met them. One place decides what "similar" means (`pei_workflow.similarity`:
the cosine of two needs' vectors), and `visible_to` still decides whose gaps a person may
read: counts and directory services are numbers and public names, safe for anyone who may
see the gap asked about.

"Similar past gaps" are any other gap that has been sent (not state new), whatever its state.
Every function runs a fixed number of queries, however many gaps there are: one to see
whether this process's copy of the vectors is current (`similarity.index`), one more when it
is not, then those named in each function.
"""

import datetime
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
from django.db.models import Count

from ..models import GapInService, Service
from ..similarity import need_text
from ..similarity.encoder import encoder
from ..similarity.index import Vectors, current_vectors, seconds_of
from .scope import visible_to

# A cosine at or above it counts as "similar". Calibrated on the labelled set's dev groups
# (bench/similarity.py prints what share of a gap's own group and of the rest it admits): it
# admits 61% of a dev gap's own group and 3% of the other dev gaps (held out: 57% and 2.5%).
SIMILARITY_THRESHOLD: float = 0.5

# How many of the most similar past gaps suggested_services reads the services of.
SUGGESTION_POOL = 25

# How many candidates, best first, similar_gaps asks visible_to about: enough for a person
# who may see only a district or two to still get a full list of their own.
VISIBILITY_POOL = 500


@dataclass(frozen=True)
class SimilarGap:
    gap: GapInService  # district, identified_service, priority loaded; themes prefetched
    score: float  # higher is more similar; comparable across calls
    same_district: bool  # gap.district_id == the asked-about gap's district_id


@dataclass(frozen=True)
class SimilarCounts:
    district: int  # similar gaps in the gap's district since `since`
    county: int  # similar gaps in all districts since `since`
    met_by: list[tuple[Service, int]]  # of the district's, the services that met them


def _need_of(gap: GapInService, vectors: Vectors) -> np.ndarray | None:
    """The gap's stored vector, or one made now from its words (a gap sent before vectors
    were made, until `record_need_vectors` has run); None for a gap with no words."""
    stored = vectors.vector_of(gap.pk)
    if stored is not None:
        return stored
    text = need_text(gap)
    return encoder().encode([text])[0] if text else None


def _similar_rows(gap: GapInService, vectors: Vectors) -> tuple[np.ndarray, np.ndarray]:
    """The rows of vectors similar to gap (itself left out), and every row's score."""
    need = _need_of(gap, vectors)
    if need is None or not len(vectors):
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float32)
    scores = vectors.matrix @ need
    rows = np.nonzero((scores >= SIMILARITY_THRESHOLD) & (vectors.gap_ids != gap.pk))[0]
    return rows, scores


def _best_first(rows: np.ndarray, scores: np.ndarray, vectors: Vectors) -> np.ndarray:
    """rows from the most similar down; the newer gap first where two score the same."""
    return rows[np.lexsort((-vectors.gap_ids[rows], -scores[rows]))]


def similar_gaps(
    gap: GapInService,
    user,
    *,
    limit: int = 8,
    since: datetime.date | None = None,
    same_district_only: bool = False,
) -> list[SimilarGap]:
    """Other sent gaps that visible_to(user) lets the person see and that score at least
    SIMILARITY_THRESHOLD: those of gap's district first (best first), then the rest (best
    first), at most `limit` in all; only those sent on or after `since`, if given, and only
    the district's, if asked. Three queries after the vectors': the ones the person may see,
    the gaps, their themes."""
    if limit < 1:
        return []
    vectors = current_vectors()
    rows, scores = _similar_rows(gap, vectors)
    if since is not None:
        rows = rows[vectors.sent[rows] >= seconds_of(since)]
    same = vectors.districts[rows] == gap.district_id
    if same_district_only:
        rows, same = rows[same], same[same]
    if not len(rows):
        return []
    rows = rows[np.lexsort((-vectors.gap_ids[rows], -scores[rows], ~same))][:VISIBILITY_POOL]
    candidates = [int(pk) for pk in vectors.gap_ids[rows]]
    seen = set(
        visible_to(user, GapInService).filter(pk__in=candidates).values_list("pk", flat=True)
    )
    chosen = [(pk, row) for pk, row in zip(candidates, rows, strict=True) if pk in seen][:limit]
    if not chosen:
        return []
    gaps = (
        GapInService.objects.select_related("district", "identified_service", "priority")
        .prefetch_related("themes")
        .in_bulk([pk for pk, _ in chosen])
    )
    return [
        SimilarGap(gaps[pk], float(scores[row]), int(vectors.districts[row]) == gap.district_id)
        for pk, row in chosen
        if pk in gaps
    ]


def similar_gap_counts(gap: GapInService, *, since: datetime.date) -> SimilarCounts:
    """How many similar gaps were sent on or after `since` in gap's district and in the
    county, and the services that met the district's, most first. Numbers and directory
    services only, whoever asks. Two queries after the vectors': the counts by service,
    the services."""
    vectors = current_vectors()
    rows, _ = _similar_rows(gap, vectors)
    rows = rows[vectors.sent[rows] >= seconds_of(since)]
    in_district = rows[vectors.districts[rows] == gap.district_id]
    met: list[tuple[int, int]] = []
    if len(in_district):
        met = list(
            GapInService.objects.filter(pk__in=[int(pk) for pk in vectors.gap_ids[in_district]])
            .exclude(identified_service=None)
            .values("identified_service")
            .annotate(n=Count("pk"))
            .values_list("identified_service", "n")
        )
    met.sort(key=lambda pair: (-pair[1], pair[0]))
    services = Service.objects.in_bulk([pk for pk, _ in met]) if met else {}
    return SimilarCounts(
        district=len(in_district),
        county=len(rows),
        met_by=[(services[pk], n) for pk, n in met if pk in services],
    )


def similar_counts_for(
    gaps: Iterable[GapInService], *, since_by_district: Mapping[int, datetime.date]
) -> dict[int, int]:
    """For a page of gaps, gap.pk -> the number of similar gaps in that gap's own district
    sent on or after since_by_district[gap.district_id]. One query after the vectors' (the
    page's districts and words), whatever the page's size."""
    pks = [gap.pk for gap in gaps]
    counts = dict.fromkeys(pks, 0)
    if not pks:
        return counts
    vectors = current_vectors()
    # Read afresh: a list page may have left the answers out of the gaps it loaded.
    page = [
        gap
        for gap in GapInService.objects.filter(pk__in=pks).only(
            "district_id", "unmet_need", "what_has_been_tried", "barrier_detail"
        )
        if gap.district_id in since_by_district
    ]
    needs = [(gap, _need_of(gap, vectors)) for gap in page]
    needs = [(gap, need) for gap, need in needs if need is not None]
    if not needs or not len(vectors):
        return counts
    scores = vectors.matrix @ np.stack([need for _, need in needs]).T
    for column, (gap, _) in enumerate(needs):
        counts[gap.pk] = int(
            np.count_nonzero(
                (scores[:, column] >= SIMILARITY_THRESHOLD)
                & (vectors.districts == gap.district_id)
                & (vectors.sent >= seconds_of(since_by_district[gap.district_id]))
                & (vectors.gap_ids != gap.pk)
            )
        )
    return counts


def suggested_services(gap: GapInService, *, limit: int = 5) -> list[Service]:
    """Published directory services that were the identified_service of the most similar
    past gaps, in any district (the directory is public): those that met the most of them
    first, then the more similar. Two queries after the vectors': the gaps' services, the
    services."""
    if limit < 1:
        return []
    vectors = current_vectors()
    rows, scores = _similar_rows(gap, vectors)
    rows = _best_first(rows, scores, vectors)
    if not len(rows):
        return []
    score_of = {int(vectors.gap_ids[row]): float(scores[row]) for row in rows}
    met = (
        GapInService.objects.filter(
            pk__in=list(score_of)[:VISIBILITY_POOL], identified_service__is_published=True
        )
        .values_list("pk", "identified_service")
        .order_by()
    )
    pool = sorted(met, key=lambda pair: (-score_of[pair[0]], -pair[0]))[:SUGGESTION_POOL]
    times = Counter(service for _, service in pool)
    best = {}
    for pk, service in pool:
        best.setdefault(service, score_of[pk])
    chosen = sorted(times, key=lambda service: (-times[service], -best[service], service))
    found = Service.objects.in_bulk(chosen[:limit])
    return [found[pk] for pk in chosen[:limit] if pk in found]
