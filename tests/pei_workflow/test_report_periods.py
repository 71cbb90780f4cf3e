"""The periods a report covers, and the period each is compared with."""

import datetime

from pei_workflow.reports import periods

D = datetime.date


def test_a_financial_year_runs_from_1_april_to_31_march_and_follows_the_one_before():
    year = periods.financial_year(2026)
    assert (year.start, year.end) == (D(2026, 4, 1), D(2027, 3, 31))
    assert year.previous() == periods.financial_year(2025)
    assert list(year.financial_years()) == [2026]


def test_quarters_run_april_to_march_and_quarter_1_follows_the_last_of_the_year_before():
    starts = [periods.quarter_of(2026, q).start for q in (1, 2, 3, 4)]
    assert starts == [D(2026, 4, 1), D(2026, 7, 1), D(2026, 10, 1), D(2027, 1, 1)]
    assert periods.quarter_of(2026, 4).end == D(2027, 3, 31)
    assert periods.quarter_of(2026, 1).previous() == periods.quarter_of(2025, 4)
    assert periods.quarter_of(2026, 3).previous() == periods.quarter_of(2026, 2)


def test_two_dates_are_compared_with_as_many_days_just_before():
    may = periods.between(D(2026, 5, 1), D(2026, 5, 31))
    before = may.previous()
    assert (before.start, before.end) == (D(2026, 3, 31), D(2026, 4, 30))
    assert before.days == may.days == 31


def test_a_period_touching_two_financial_years_reports_both_budgets():
    span = periods.between(D(2026, 2, 1), D(2026, 5, 31))
    assert list(span.financial_years()) == [2025, 2026]
