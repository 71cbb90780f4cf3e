"""Commissioned projects and their monitoring returns, made through the services that staff
use, so that every example meets the same rules. Dates are fixed, never read from the clock:
a project's rules are about its own dates, not today's."""

import datetime
from decimal import Decimal

from tests.factories import county_lead, district

START = datetime.date(2026, 4, 1)
END = datetime.date(2027, 3, 31)
OUTCOMES = (
    ("Families using the crèche", 40, "families"),
    ("Parents who finish their course", 30, "parents"),
    ("Families with a CAF in place", 10, "families"),
)


def project(
    district_code: str = "PEN",
    *,
    name: str = "Mobile crèche for four children's centres",
    provider: str = "Example Childcare Trust",
    outcomes=OUTCOMES,
    actor=None,
    start: datetime.date = START,
    end: datetime.date = END,
    cost: str = "12000.00",
    commissioned_by: str = "trust_board",
    districts=None,
    **kwargs,
):
    """A project of the district (or `districts`, codes), with its agreed outcomes
    (description, target, unit), recorded by a county lead unless `actor` is given."""
    from pei_workflow.services import OutcomeChange, save_project

    codes = districts or [district_code]
    return save_project(
        actor=actor or county_lead(),
        name=name,
        provider=provider,
        districts=[district(code) for code in codes],
        commissioned_by=commissioned_by,
        start_date=start,
        end_date=end,
        cost=Decimal(cost),
        outcomes=[OutcomeChange(text, target, unit) for text, target, unit in outcomes],
        **kwargs,
    )


def quarter(n: int, start: datetime.date = START) -> tuple[datetime.date, datetime.date]:
    """The n-th three months (from 1) of a project starting on the first of a month."""
    first = _add_months(start, 3 * (n - 1))
    return first, _add_months(first, 3) - datetime.timedelta(days=1)


def _add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    return day.replace(year=day.year + month // 12, month=month % 12 + 1)


def monitoring_return(
    project,
    figures=(),
    *,
    n: int = 1,
    period=None,
    narrative: str = "Twelve families used the crèche; two parents left early for work.",
    actor=None,
):
    """A return for the project's n-th quarter (or `period`), with `figures` in the order of
    the project's outcomes (None for no figure)."""
    from pei_workflow.services import save_monitoring_return

    start, end = period or quarter(n, project.start_date)
    outcomes = list(project.outcomes.all())
    return save_monitoring_return(
        actor=actor or county_lead(),
        project=project,
        period_start=start,
        period_end=end,
        narrative=narrative,
        figures={outcome.pk: value for outcome, value in zip(outcomes, figures, strict=False)},
    )
