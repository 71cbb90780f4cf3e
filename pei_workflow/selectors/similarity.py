"""The panel's memory (issue 15): the past gaps most like a gap, how many there are, and the
services that met them. One place decides what "similar" means (`pei_workflow.similarity`,
the database's own full-text ranking plus shared themes, barrier and age band), and
`visible_to` still decides whose gaps a person may read: counts and directory services are
numbers and public names, safe for anyone who may see the gap asked about.

"Similar past gaps" are any other gap that has been sent (not state new), whatever its state.
Every function runs a fixed number of queries, however many gaps there are.
"""

# Only table names and fixed SQL expressions are written into the statements; every value
# (the terms, ids, choices, dates, the threshold) is a query parameter.
# ruff: noqa: S608

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.db import connection
from django.utils import timezone

from ..models import GapInService, Service
from ..similarity import Asked, backend
from .scope import visible_to

# A score at or above it counts as "similar". Calibrated on the labelled set's dev groups
# (bench/similarity.py prints what share of a gap's own group and of the rest it admits): on
# SQLite it admits 62% of a dev gap's own group and 6% of the other dev gaps.
SIMILARITY_THRESHOLD: float = 0.15

# How many of the most similar past gaps suggested_services reads the services of.
SUGGESTION_POOL = 25

_TEXT_FIELDS = ("unmet_need", "what_has_been_tried", "barrier_detail")


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


def _asked(gap: GapInService) -> Asked:
    return Asked.of(
        gap.pk,
        gap.district_id,
        gap.barrier,
        gap.age_band,
        *(getattr(gap, name) for name in _TEXT_FIELDS),
    )


def _since(day: datetime.date):
    """The start of `day` in Lancashire, as the database compares sending times."""
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
    return connection.ops.adapt_datetimefield_value(moment)


def _fetch(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def similar_gaps(gap: GapInService, user, *, limit: int = 8) -> list[SimilarGap]:
    """Other sent gaps that visible_to(user) lets the person see and that score at least
    SIMILARITY_THRESHOLD: those of gap's district first (best first), then the rest (best
    first), at most `limit` in all. Three queries: the ranking, the gaps, their themes."""
    asked = _asked(gap)
    if not asked.terms or limit < 1:
        return []
    scope = visible_to(user, GapInService).values("pk").query.sql_with_params()
    scored, params = backend().scored_gaps(asked, SIMILARITY_THRESHOLD)
    rows = _fetch(
        f"SELECT s.id, s.score, CASE WHEN s.district_id = %s THEN 1 ELSE 0 END AS same"
        f" FROM ({scored}) s WHERE s.id IN ({scope[0]})"
        f" ORDER BY same DESC, s.score DESC, s.id DESC LIMIT %s",
        [gap.district_id, *params, *scope[1], limit],
    )
    if not rows:
        return []
    gaps = (
        GapInService.objects.select_related("district", "identified_service", "priority")
        .prefetch_related("themes")
        .in_bulk([pk for pk, _, _ in rows])
    )
    return [SimilarGap(gaps[pk], float(score), bool(same)) for pk, score, same in rows]


def similar_gap_counts(gap: GapInService, *, since: datetime.date) -> SimilarCounts:
    """How many similar gaps were sent on or after `since` in gap's district and in the
    county, and the services that met the district's, most first. Numbers and directory
    services only, whoever asks. Two queries: the counts by service, the services."""
    asked = _asked(gap)
    if not asked.terms:
        return SimilarCounts(district=0, county=0, met_by=[])
    scored, params = backend().scored_gaps(asked, SIMILARITY_THRESHOLD)
    rows = _fetch(
        f"SELECT CASE WHEN s.district_id = %s THEN 1 ELSE 0 END AS same,"
        f" s.identified_service_id, COUNT(*) FROM ({scored}) s WHERE s.submitted_at >= %s"
        f" GROUP BY 1, 2",
        [gap.district_id, *params, _since(since)],
    )
    district = sum(n for same, _, n in rows if same)
    county = sum(n for _, _, n in rows)
    met = sorted(
        ((service, n) for same, service, n in rows if same and service is not None),
        key=lambda pair: (-pair[1], pair[0]),
    )
    services = Service.objects.in_bulk([pk for pk, _ in met]) if met else {}
    return SimilarCounts(
        district=district, county=county, met_by=[(services[pk], n) for pk, n in met]
    )


def similar_counts_for(
    gaps: Iterable[GapInService], *, since_by_district: Mapping[int, datetime.date]
) -> dict[int, int]:
    """For a page of gaps, gap.pk -> the number of similar gaps in that gap's own district
    sent on or after since_by_district[gap.district_id]. Two queries whatever the page's
    size: the page's words, then one count per gap inside one statement."""
    pks = [gap.pk for gap in gaps]
    counts = dict.fromkeys(pks, 0)
    if not pks:
        return counts
    # Read afresh: a list page may have left the answers out of the gaps it loaded.
    fields = ("pk", "district_id", "barrier", "age_band", *_TEXT_FIELDS)
    page = []
    for pk, district_id, barrier, age_band, *texts in GapInService.objects.filter(
        pk__in=pks
    ).values_list(*fields):
        asked = Asked.of(pk, district_id, barrier, age_band, *texts)
        if asked.terms and district_id in since_by_district:
            page.append((asked, _since(since_by_district[district_id])))
    if page:
        counts.update(backend().counts_for(page, SIMILARITY_THRESHOLD))
    return counts


def suggested_services(gap: GapInService, *, limit: int = 5) -> list[Service]:
    """Published directory services that were the identified_service of the most similar
    past gaps, in any district (the directory is public): those that met the most of them
    first, then the more similar. Two queries: the ranking, the services."""
    asked = _asked(gap)
    if not asked.terms or limit < 1:
        return []
    scored, params = backend().scored_gaps(asked, SIMILARITY_THRESHOLD)
    services = Service._meta.db_table
    rows = _fetch(
        f"SELECT m.identified_service_id FROM (SELECT s.identified_service_id, s.score"
        f" FROM ({scored}) s JOIN {services} sv ON sv.id = s.identified_service_id"
        f" WHERE sv.is_published ORDER BY s.score DESC, s.id DESC LIMIT %s) m"
        f" GROUP BY m.identified_service_id"
        f" ORDER BY COUNT(*) DESC, MAX(m.score) DESC, m.identified_service_id LIMIT %s",
        [*params, SUGGESTION_POOL, limit],
    )
    found = Service.objects.in_bulk([pk for (pk,) in rows])
    return [found[pk] for (pk,) in rows]
