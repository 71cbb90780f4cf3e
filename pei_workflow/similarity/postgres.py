"""Similarity on PostgreSQL: `ts_rank` over the gap's stored `similarity_document` (a
generated `tsvector` of the unmet need, what has been tried and the barrier's detail,
weighted A, B and C, with a GIN index: migration 0017). PostgreSQL recomputes the column on
every write, so the form, corrections, redaction and the retention schedule keep it right
without any code of theirs.

Each function returns ids and numbers; `selectors.similarity` turns them into gaps.
"""

# Only table names and fixed SQL expressions are written into the statements; every value
# (the terms, ids, choices, dates, the threshold) is a query parameter.
# ruff: noqa: S608

from django.db import connection

from ..models import GapInService
from . import WEIGHTS, Asked, bonus_sql

GAPS = GapInService._meta.db_table


def _scored(*, pk: str, query: str, own: str, barrier: str, age_band: str) -> str:
    """FROM-less SELECT list and conditions of the gaps `g` that meet the asked-about gap:
    its id, district, service, sending time and score. The arguments are SQL expressions for
    the asked-about gap's id, tsquery, own rank, barrier and age band."""
    w = WEIGHTS
    text = f"(ts_rank(g.similarity_document, {query}) / {own})"
    score = f"{text} + " + bonus_sql(pk=pk, barrier=barrier, age_band=age_band, least="LEAST")
    # The text alone must come within the most the bonus can add, so that the themes'
    # subquery runs only for gaps that can still reach the threshold.
    where = (
        f"g.similarity_document @@ {query} AND g.id <> {pk} AND g.state <> 'new'"
        f" AND {text} >= %s - {w.most_bonus}"
    )
    return score, where


def _asked_sql() -> str:
    return (
        f"(SELECT q.query, NULLIF(ts_rank(a.similarity_document, q.query), 0) AS own"
        f" FROM (SELECT to_tsquery('english', %s) AS query) q, {GAPS} a WHERE a.id = %s) asked"
    )


def _asked_params(asked: Asked) -> list:
    return [" | ".join(asked.terms), asked.pk]


def _single(asked: Asked, threshold: float) -> tuple[str, str, list, list]:
    score, where = _scored(
        pk="%s", query="asked.query", own="asked.own", barrier="%s", age_band="%s"
    )
    # Placeholders in the order they appear: score (pk, barrier, age band), FROM, WHERE.
    select_params = [asked.pk, asked.barrier, asked.age_band]
    where_params = [asked.pk, threshold]
    return score, where, select_params, where_params


def scored_gaps(asked: Asked, threshold: float) -> tuple[str, list]:
    """A subquery of (id, district_id, identified_service_id, submitted_at, score) for every
    sent gap but the asked-about one that scores at least `threshold`."""
    score, where, select_params, where_params = _single(asked, threshold)
    sql = (
        f"SELECT * FROM (SELECT g.id, g.district_id, g.identified_service_id, g.submitted_at,"
        f" {score} AS score FROM {GAPS} g, {_asked_sql()} WHERE {where}) s"
        f" WHERE s.score >= %s"
    )
    return sql, [*select_params, *_asked_params(asked), *where_params, threshold]


def counts_for(page: list[tuple[Asked, object]], threshold: float) -> dict[int, int]:
    """For each (asked-about gap, since) the number of similar gaps of its own district sent
    at or after `since`: one query, a LATERAL count per gap of the page."""
    rows = ", ".join(["(%s::integer, %s::integer, %s::timestamptz, %s, %s, %s)"] * len(page))
    params: list = []
    for asked, since in page:
        params += [
            asked.pk,
            asked.district_id,
            since,
            " | ".join(asked.terms),
            asked.barrier,
            asked.age_band,
        ]
    score, where = _scored(
        pk="p.pk", query="q.query", own="q.own", barrier="p.barrier", age_band="p.age_band"
    )
    sql = (
        f"SELECT p.pk, n.count FROM (VALUES {rows})"
        f" AS p(pk, district_id, since, terms, barrier, age_band)"
        f" CROSS JOIN LATERAL (SELECT x.query,"
        f" NULLIF(ts_rank(a.similarity_document, x.query), 0) AS own"
        f" FROM (SELECT to_tsquery('english', p.terms) AS query) x, {GAPS} a"
        f" WHERE a.id = p.pk) q"
        f" CROSS JOIN LATERAL (SELECT COUNT(*) AS count FROM {GAPS} g WHERE {where}"
        f" AND g.district_id = p.district_id AND g.submitted_at >= p.since"
        f" AND {score} >= %s) n"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, threshold, threshold])
        return dict(cursor.fetchall())
