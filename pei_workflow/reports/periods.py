"""The period a report covers: a financial year (1 April to 31 March), one of its quarters,
or any two dates; and the period just before it, of the same kind, to compare with."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from ..models import financial_year_label, financial_year_of

QUARTER_NAMES = {
    1: "April to June",
    2: "July to September",
    3: "October to December",
    4: "January to March",
}


@dataclass(frozen=True)
class Period:
    """From `start` to `end`, both days included."""

    start: datetime.date
    end: datetime.date
    label: str
    year: int | None = None
    quarter: int | None = None

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def bounds(self) -> tuple[datetime.datetime, datetime.datetime]:
        """The first moment of the period and the first moment after it, in local time."""
        first = datetime.datetime.combine(self.start, datetime.time.min)
        after = datetime.datetime.combine(self.end + datetime.timedelta(days=1), datetime.time.min)
        return timezone.make_aware(first), timezone.make_aware(after)

    def previous(self) -> "Period":
        if self.quarter:
            year, quarter = (
                (self.year, self.quarter - 1) if self.quarter > 1 else (self.year - 1, 4)
            )
            return quarter_of(year, quarter)
        if self.year is not None:
            return financial_year(self.year - 1)
        end = self.start - datetime.timedelta(days=1)
        return between(end - datetime.timedelta(days=self.days - 1), end)

    def financial_years(self) -> range:
        """The financial years the period touches."""
        return range(financial_year_of(self.start), financial_year_of(self.end) + 1)


def financial_year(year: int) -> Period:
    return Period(
        datetime.date(year, 4, 1),
        datetime.date(year + 1, 3, 31),
        f"Financial year {financial_year_label(year)}",
        year=year,
    )


def quarter_of(year: int, quarter: int) -> Period:
    """Quarter 1 is April to June of financial year `year`; quarter 4 is January to March."""
    month = 4 + 3 * (quarter - 1)
    start = datetime.date(year + (month > 12), (month - 1) % 12 + 1, 1)
    following = datetime.date(start.year + (start.month > 9), (start.month + 2) % 12 + 1, 1)
    return Period(
        start,
        following - datetime.timedelta(days=1),
        f"Quarter {quarter} ({QUARTER_NAMES[quarter]}) of {financial_year_label(year)}",
        year=year,
        quarter=quarter,
    )


def between(start: datetime.date, end: datetime.date) -> Period:
    return Period(start, end, f"{start:%-d %B %Y} to {end:%-d %B %Y}")


def this_financial_year() -> Period:
    return financial_year(financial_year_of(timezone.localdate()))
