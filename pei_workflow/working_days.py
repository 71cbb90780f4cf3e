"""Working days: the one place that counts them.

A working day is a weekday that is neither an England and Wales bank holiday (from the
`holidays` package, whose dates ship with it, so nothing is fetched) nor one of the closure
days county leads keep in the admin (`ClosureDay`: the days between Christmas and New Year,
say). Response-time targets are in working days (`pei_workflow.targets`).

The arithmetic is pure: a `WorkingCalendar` is given the closure days it knows, and
`calendar()` builds one from the database.

Counting runs from the day after the start, as people count: a case received on a Friday with
a target of 5 working days is due on the next Friday, and one received on a Saturday is due on
the Friday after the Monday it is first worked on. Zero working days is the day itself (a
case on a meeting's agenda is decided at that meeting).
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import holidays

from .models import ClosureDay

ONE_DAY = datetime.timedelta(days=1)


@lru_cache(maxsize=64)
def bank_holidays(year: int) -> frozenset[datetime.date]:
    """England and Wales bank holidays in a year, days in lieu (such as a Boxing Day that
    falls on a Saturday, taken on the Monday) included. England and Wales share them."""
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_bank_holiday(day: datetime.date) -> bool:
    return day in bank_holidays(day.year)


@dataclass(frozen=True)
class WorkingCalendar:
    """Which days are worked: weekdays that are neither bank holidays nor `closures`."""

    closures: frozenset[datetime.date] = field(default_factory=frozenset)

    def is_working_day(self, day: datetime.date) -> bool:
        return day.weekday() < 5 and day not in self.closures and not is_bank_holiday(day)

    def add(self, start: datetime.date, days: int) -> datetime.date:
        """The date `days` working days after `start` (`start` itself for 0)."""
        if days < 0:
            raise ValueError("Count forwards: the number of working days cannot be negative.")
        day = start
        while days:
            day += ONE_DAY
            if self.is_working_day(day):
                days -= 1
        return day

    def count(self, start: datetime.date, end: datetime.date) -> int:
        """How many working days there are after `start`, up to and including `end` (0 when
        `end` is not after `start`)."""
        found, day = 0, start
        while day < end:
            day += ONE_DAY
            found += self.is_working_day(day)
        return found


def calendar(closures: Iterable[datetime.date] | None = None) -> WorkingCalendar:
    """The calendar the casework works to: bank holidays and the closure days in the database
    (one query), or `closures` if given."""
    if closures is None:
        closures = ClosureDay.objects.values_list("date", flat=True)
    return WorkingCalendar(frozenset(closures))
