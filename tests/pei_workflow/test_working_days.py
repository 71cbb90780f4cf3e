"""Working days skip weekends, England and Wales bank holidays and closure days; adding and
counting them agree with each other."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pei_workflow.working_days import WorkingCalendar, is_bank_holiday
from tests.strategies import examples

D = datetime.date
WORKING = WorkingCalendar()

days = st.dates(min_value=D(2020, 1, 1), max_value=D(2035, 12, 31))
counts = st.integers(min_value=0, max_value=70)
closures = st.frozensets(st.dates(min_value=D(2020, 1, 1), max_value=D(2036, 6, 30)), max_size=8)


def test_five_working_days_from_a_friday_is_the_next_friday():
    assert WORKING.add(D(2026, 6, 5), 5) == D(2026, 6, 12)


def test_a_weekend_is_not_counted():
    """Received on a Saturday, a case is first worked on the Monday: five working days end
    on the Friday."""
    assert WORKING.add(D(2026, 6, 6), 5) == D(2026, 6, 12)
    assert WORKING.count(D(2026, 6, 5), D(2026, 6, 8)) == 1


def test_a_bank_holiday_monday_is_not_counted():
    """4 May 2026 is the early May bank holiday: five working days from Friday 1 May end on
    Monday 11 May, not Friday 8 May."""
    assert is_bank_holiday(D(2026, 5, 4))
    assert WORKING.add(D(2026, 5, 1), 5) == D(2026, 5, 11)
    assert WORKING.count(D(2026, 5, 1), D(2026, 5, 8)) == 4


def test_christmas_and_boxing_day_on_a_weekend_are_taken_on_the_monday_and_tuesday():
    """In 2027 Christmas Day is a Saturday and Boxing Day a Sunday: the days in lieu, 27 and
    28 December, are not worked either."""
    assert not WORKING.is_working_day(D(2027, 12, 27))
    assert not WORKING.is_working_day(D(2027, 12, 28))
    assert WORKING.add(D(2027, 12, 24), 1) == D(2027, 12, 29)


def test_easter_is_skipped():
    """Good Friday and Easter Monday 2026 are 3 and 6 April."""
    assert WORKING.add(D(2026, 4, 2), 1) == D(2026, 4, 7)


def test_a_closure_day_is_not_counted():
    closed = WorkingCalendar(frozenset({D(2026, 6, 10)}))
    assert closed.add(D(2026, 6, 5), 5) == D(2026, 6, 15)
    assert closed.count(D(2026, 6, 5), D(2026, 6, 12)) == 4


def test_zero_working_days_is_the_day_itself_even_at_a_weekend():
    assert WORKING.add(D(2026, 6, 6), 0) == D(2026, 6, 6)


def test_a_negative_number_of_working_days_is_refused():
    with pytest.raises(ValueError):
        WORKING.add(D(2026, 6, 5), -1)


@examples(150)
@given(start=days, n=counts, closed=closures)
def test_counting_the_days_added_gives_the_number_added(start, n, closed):
    calendar = WorkingCalendar(closed)
    assert calendar.count(start, calendar.add(start, n)) == n


@examples(150)
@given(start=days, n=st.integers(min_value=1, max_value=70), closed=closures)
def test_adding_working_days_lands_on_a_working_day(start, n, closed):
    calendar = WorkingCalendar(closed)
    end = calendar.add(start, n)
    assert end > start
    assert end.weekday() < 5 and end not in closed and not is_bank_holiday(end)


@examples(150)
@given(start=days, n=counts, closed=closures)
def test_one_more_working_day_is_never_earlier(start, n, closed):
    calendar = WorkingCalendar(closed)
    assert calendar.add(start, n + 1) > calendar.add(start, n)


@examples(150)
@given(start=days, n=counts, closed=closures)
def test_a_closure_day_can_only_make_a_target_later(start, n, closed):
    assert WorkingCalendar(closed).add(start, n) >= WORKING.add(start, n)


@examples(100)
@given(start=days, end=days, closed=closures)
def test_the_count_is_the_working_days_after_the_start_up_to_the_end(start, end, closed):
    calendar = WorkingCalendar(closed)
    span = (end - start).days
    expected = sum(
        calendar.is_working_day(start + datetime.timedelta(days=n)) for n in range(1, span + 1)
    )
    assert calendar.count(start, end) == expected
