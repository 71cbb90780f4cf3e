"""How alike two gaps in service are, worked out by the database's own full-text search:
PostgreSQL's ranking over a stored, generated `tsvector` column (`postgres`), or SQLite's
FTS5 and bm25 (`sqlite`), chosen by the connection's vendor. `selectors.similarity` is the
only caller; screens use the selectors.

A score is the text's rank divided by the asked-about gap's rank against its own words (so
about 1 for the same words, whatever the corpus or the backend's scale), plus a bonus for
each shared theme (at most two), the same barrier and the same age band. Scores of different
lookups can therefore be compared, and one threshold serves every gap.
"""

from dataclasses import dataclass

from django.db import connection

from .terms import terms_of


@dataclass(frozen=True)
class Weights:
    # Small beside the text: on the labelled set's dev groups, needs that a panel tells apart
    # share themes, barrier and age band as often as not (0.345 precision at 5 with these,
    # 0.36 with none, 0.28 with three times as much).
    theme: float = 0.05  # for each theme the two gaps share, at most two
    themes_counted: int = 2
    barrier: float = 0.03
    age_band: float = 0.03

    @property
    def most_bonus(self) -> float:
        return self.theme * self.themes_counted + self.barrier + self.age_band


WEIGHTS = Weights()


def bonus_sql(*, pk: str, barrier: str, age_band: str, least: str) -> str:
    """The structured part of a candidate gap `g`'s score, as SQL: its themes shared with the
    asked-about gap (at most two counted), the same barrier, the same age band. The arguments
    are SQL expressions for the asked-about gap's id, barrier and age band, and the name of
    the database's two-argument minimum (LEAST on PostgreSQL, MIN on SQLite)."""
    from ..models import GapInService

    # Only table names, fixed numbers and the caller's SQL expressions are written in.
    w = WEIGHTS
    gap_themes = GapInService.themes.through._meta.db_table
    themes = (
        f"{least}({w.themes_counted}, (SELECT COUNT(*) FROM {gap_themes} t"  # noqa: S608
        f" WHERE t.gapinservice_id = g.id AND t.theme_id IN"
        f" (SELECT a.theme_id FROM {gap_themes} a WHERE a.gapinservice_id = {pk})))"
    )
    return (
        f"{w.theme} * {themes}"
        f" + CASE WHEN g.barrier = {barrier} THEN {w.barrier} ELSE 0 END"
        f" + CASE WHEN g.age_band = {age_band} THEN {w.age_band} ELSE 0 END"
    )


@dataclass(frozen=True)
class Asked:
    """The gap a lookup is about, as the SQL needs it."""

    pk: int
    district_id: int
    barrier: str
    age_band: str
    terms: tuple[str, ...]

    @classmethod
    def of(cls, pk, district_id, barrier, age_band, *texts) -> "Asked":
        return cls(pk, district_id, barrier, age_band, tuple(terms_of(*texts)))


def backend():
    """The module that speaks this database's full-text search."""
    if connection.vendor == "postgresql":
        from . import postgres

        return postgres
    from . import sqlite

    return sqlite
