"""Similarity on SQLite, the embedded default: an FTS5 index of the unmet need, what has
been tried and the barrier's detail (`pei_workflow_gap_similarity`, external content: the
words are read from the gaps' own table, nothing is copied), kept by triggers on the gaps'
table (migration 0017), so that the form, corrections, redaction and the retention schedule
keep it right without any code of theirs. Ranked by bm25, with the columns weighted as
PostgreSQL weights them (1, 0.4, 0.2).

Each function returns ids and numbers; `selectors.similarity` turns them into gaps.
"""

# Only table names and fixed SQL expressions are written into the statements; every value
# (the terms, ids, choices, dates, the threshold) is a query parameter.
# ruff: noqa: S608

from django.db import connection

from ..models import GapInService
from . import Asked, bonus_sql

GAPS = GapInService._meta.db_table
INDEX = "pei_workflow_gap_similarity"
COLUMNS = ("unmet_need", "what_has_been_tried", "barrier_detail")
BM25 = "bm25({table}." + INDEX + ", 1.0, 0.4, 0.2)"

# Made by migration 0017, and again by `create_index` should a later migration rebuild the
# gaps' table (SQLite's way of altering a column), which drops its triggers.
TRIGGERS = {
    f"{INDEX}_insert": (
        f"AFTER INSERT ON {GAPS} BEGIN"
        f" INSERT INTO {INDEX} (rowid, {', '.join(COLUMNS)})"
        f" VALUES (new.id, {', '.join(f'new.{c}' for c in COLUMNS)}); END"
    ),
    f"{INDEX}_delete": (
        f"AFTER DELETE ON {GAPS} BEGIN"
        f" INSERT INTO {INDEX} ({INDEX}, rowid, {', '.join(COLUMNS)})"
        f" VALUES ('delete', old.id, {', '.join(f'old.{c}' for c in COLUMNS)}); END"
    ),
    f"{INDEX}_update": (
        f"AFTER UPDATE OF {', '.join(COLUMNS)} ON {GAPS} BEGIN"
        f" INSERT INTO {INDEX} ({INDEX}, rowid, {', '.join(COLUMNS)})"
        f" VALUES ('delete', old.id, {', '.join(f'old.{c}' for c in COLUMNS)});"
        f" INSERT INTO {INDEX} (rowid, {', '.join(COLUMNS)})"
        f" VALUES (new.id, {', '.join(f'new.{c}' for c in COLUMNS)}); END"
    ),
}


def create_index(cursor) -> None:
    """Make the index and its triggers where they are missing, and fill it from the gaps."""
    cursor.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {INDEX} USING fts5({', '.join(COLUMNS)},"
        f" content='{GAPS}', content_rowid='id',"
        f" tokenize='porter unicode61 remove_diacritics 2')"
    )
    for name, body in TRIGGERS.items():
        cursor.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")
    cursor.execute(f"INSERT INTO {INDEX} ({INDEX}) VALUES ('rebuild')")


def drop_index(cursor) -> None:
    for name in TRIGGERS:
        cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
    cursor.execute(f"DROP TABLE IF EXISTS {INDEX}")


def match_expression(terms) -> str:
    """FTS5's query: the terms (letters and digits only, see `terms`), quoted, OR'd."""
    return " OR ".join(f'"{term}"' for term in terms)


def _own_rank(*, pk: str, match: str) -> str:
    """The asked-about gap's bm25 against its own words (NULL if it has none)."""
    return (
        f"(SELECT NULLIF({BM25.format(table='o')}, 0) FROM {INDEX} o"
        f" WHERE o.{INDEX} MATCH {match} AND o.rowid = {pk})"
    )


def _scored(*, pk: str, match: str, own: str, barrier: str, age_band: str) -> tuple[str, str, str]:
    """The FROM, score and conditions of the gaps `g` that meet the asked-about gap. The
    arguments are SQL expressions for its id, FTS5 query, own rank, barrier and age band."""
    text = f"({BM25.format(table='f')} / {own})"
    score = f"{text} + " + bonus_sql(pk=pk, barrier=barrier, age_band=age_band, least="MIN")
    source = f"{INDEX} f JOIN {GAPS} g ON g.id = f.rowid"
    where = f"f.{INDEX} MATCH {match} AND g.id <> {pk} AND g.state <> 'new'"
    return source, score, where


def scored_gaps(asked: Asked, threshold: float) -> tuple[str, list]:
    """A subquery of (id, district_id, identified_service_id, submitted_at, score) for every
    sent gap but the asked-about one that scores at least `threshold`."""
    source, score, where = _scored(
        pk="%s", match="%s", own=_own_rank(pk="%s", match="%s"), barrier="%s", age_band="%s"
    )
    match = match_expression(asked.terms)
    # Placeholders in the order they appear: the score's (own rank: match, pk; themes: pk;
    # barrier; age band), then the conditions' (match, pk).
    score_params = [match, asked.pk, asked.pk, asked.barrier, asked.age_band]
    sql = (
        f"SELECT * FROM (SELECT g.id, g.district_id, g.identified_service_id, g.submitted_at,"
        f" {score} AS score FROM {source} WHERE {where}) s WHERE s.score >= %s"
    )
    return sql, [*score_params, match, asked.pk, threshold]


def counts_for(page: list[tuple[Asked, object]], threshold: float) -> dict[int, int]:
    """For each (asked-about gap, since) the number of similar gaps of its own district sent
    at or after `since`: one query, a correlated count on the index per gap of the page."""
    rows = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(page))
    params: list = []
    for asked, since in page:
        params += [
            asked.pk,
            asked.district_id,
            since,
            match_expression(asked.terms),
            asked.barrier,
            asked.age_band,
        ]
    source, score, where = _scored(
        pk="p.pk", match="p.match", own="p.own", barrier="p.barrier", age_band="p.age_band"
    )
    # Each gap's own rank once, not once for every gap it is compared with.
    sql = (
        f"WITH v (pk, district_id, since, match, barrier, age_band) AS (VALUES {rows}),"
        f" p AS MATERIALIZED (SELECT v.*, {_own_rank(pk='v.pk', match='v.match')} AS own"
        f" FROM v)"
        f" SELECT p.pk, (SELECT COUNT(*) FROM {source} WHERE {where}"
        f" AND g.district_id = p.district_id AND g.submitted_at >= p.since"
        f" AND {score} >= %s) FROM p"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, threshold])
        return dict(cursor.fetchall())
