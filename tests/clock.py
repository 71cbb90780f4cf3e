"""Moments in the site's own time zone, for tests that set the clock with time-machine, and
the day the whole suite may be run on (``PEI_TEST_TODAY``)."""

import datetime
import os
from zoneinfo import ZoneInfo

# The site's time zone (TIME_ZONE in site/settings/base.py): "today" for every date rule is
# today in Lancashire, which is an hour ahead of UTC in summer time.
LONDON = ZoneInfo("Europe/London")

TODAY_VARIABLE = "PEI_TEST_TODAY"

# The suite's day starts mid-morning, so no test run crosses midnight before it ends.
SUITE_HOUR = 10


def london(year: int, month: int, day: int, hour: int = SUITE_HOUR, minute: int = 0, second=0):
    """A moment as a clock in Lancashire shows it."""
    return datetime.datetime(year, month, day, hour, minute, second, tzinfo=LONDON)


def suite_start() -> datetime.datetime | None:
    """The moment the whole suite runs from when ``PEI_TEST_TODAY`` (an ISO date, such as
    2027-03-28) is set: that day at 10:00 in Lancashire. None when it is not set."""
    value = os.environ.get(TODAY_VARIABLE, "").strip()
    if not value:
        return None
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"{TODAY_VARIABLE} must be a date like 2027-03-28, not {value!r}"
        ) from None
    return london(day.year, day.month, day.day)
