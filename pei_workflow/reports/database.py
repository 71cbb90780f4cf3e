"""SQL for the figures that Django does not write itself.

Every figure of a report is counted by the database, so a report costs the same number of
queries at 100,000 submissions as at 100. Two things need help:

- `DaysBetween`: the time between two timestamps in days, as a number to aggregate.
- `Percentile`: the median and the 90th percentile. PostgreSQL has `percentile_cont`, an
  ordered-set aggregate; SQLite has none, so one with the same meaning is registered on each
  SQLite connection, as Django itself registers `STDDEV_POP` and friends there.
"""

import math

from django.db.backends.signals import connection_created
from django.db.models import Aggregate, FloatField, Func

SQLITE_PERCENTILE = "PEI_PERCENTILE_CONT"


class DaysBetween(Func):
    """`later - earlier` in days (fractions kept); NULL when either is NULL."""

    output_field = FloatField()
    arity = 2

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            template="(EXTRACT(EPOCH FROM (%(expressions)s)) / 86400.0)",
            arg_joiner=" - ",
            **extra,
        )

    def as_sqlite(self, compiler, connection, **extra):
        # Django keeps SQLite timestamps as ISO text in UTC, which julianday() reads.
        return self.as_sql(
            compiler,
            connection,
            template="(julianday(%(expressions)s))",
            arg_joiner=") - julianday(",
            **extra,
        )


class Percentile(Aggregate):
    """The continuous percentile of an expression (`fraction` 0.5 is the median), with
    linear interpolation between the two nearest values, as PostgreSQL's `percentile_cont`.
    NULLs are left out; no rows gives NULL."""

    name = "Percentile"
    function = "PERCENTILE_CONT"
    output_field = FloatField()
    template = "%(function)s(%(fraction)s) WITHIN GROUP (ORDER BY %(expressions)s)"

    def __init__(self, expression, fraction: float, **extra):
        if not 0 <= fraction <= 1:
            raise ValueError("A percentile's fraction is from 0 to 1.")
        # A number we chose, written into the SQL as a literal: never a person's input.
        super().__init__(expression, fraction=repr(float(fraction)), **extra)

    def as_sqlite(self, compiler, connection, **extra):
        # On a copy, not as keyword arguments: with a filter, Django's Aggregate.as_sql
        # builds its FILTER clause around `self.template`.
        sqlite = self.copy()
        sqlite.function = SQLITE_PERCENTILE
        sqlite.template = "%(function)s(%(expressions)s, %(fraction)s)"
        return sqlite.as_sql(compiler, connection, **extra)


class _PercentileCont:
    """SQLite's side of `Percentile`: collects the values, then interpolates."""

    def __init__(self):
        self.values = []
        self.fraction = None

    def step(self, value, fraction):
        self.fraction = fraction
        if value is not None:
            self.values.append(value)

    def finalize(self):
        if not self.values:
            return None
        values = sorted(self.values)
        position = (len(values) - 1) * self.fraction
        lower, upper = math.floor(position), math.ceil(position)
        return values[lower] + (values[upper] - values[lower]) * (position - lower)


def _register_sqlite_functions(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_aggregate(SQLITE_PERCENTILE, 2, _PercentileCont)


def connect_signals() -> None:
    connection_created.connect(_register_sqlite_functions, dispatch_uid="pei_report_sql")
