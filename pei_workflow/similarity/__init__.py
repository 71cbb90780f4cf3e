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
