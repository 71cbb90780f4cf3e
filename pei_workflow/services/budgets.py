"""The spot-purchase rules, in one place: at most the district's panel maximum per case, and
never more than is left of the district's budget for the financial year."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError

from ..models import (
    District,
    SpotPurchaseBudget,
    financial_year_label,
    financial_year_of,
    pounds,
    spent_in,
)


@dataclass(frozen=True)
class BudgetPosition:
    """A district's spot-purchase budget for one financial year, what is spent and what is
    left. `budget` is None when no budget has been set for that year."""

    district: District
    financial_year: int
    budget: Decimal | None
    spent: Decimal

    @property
    def year_label(self) -> str:
        return financial_year_label(self.financial_year)

    @property
    def left(self) -> Decimal:
        return max((self.budget or Decimal("0")) - self.spent, Decimal("0"))


def budget_position(*, district: District, day: datetime.date, lock: bool = False):
    """The district's budget position for the financial year that `day` falls in.

    With `lock`, the budget row is locked until the caller's transaction ends, so two
    decisions for the same district take turns: the second sees the first one's spend.
    """
    year = financial_year_of(day)
    budgets = SpotPurchaseBudget.objects.filter(district=district, financial_year=year)
    if lock:
        budgets = budgets.select_for_update()
    budget = budgets.values_list("amount", flat=True).first()
    spent = spent_in(district.pk, year)
    return BudgetPosition(district=district, financial_year=year, budget=budget, spent=spent)


def check_spot_purchase(*, district: District, amount: Decimal, day: datetime.date):
    """Refuse an amount over the panel maximum or over what is left of the year's budget.

    Must run inside the decision's transaction: it locks the budget row. Returns the
    position before the spend.
    """
    if amount is None or amount <= 0:
        raise ValidationError({"amount": "Enter the amount agreed, in pounds, like 250.00."})
    if amount > district.panel_maximum:
        raise ValidationError(
            {
                "amount": f"The most the {district} Resource Panel can agree for one case is "
                f"{pounds(district.panel_maximum)}. Enter {pounds(district.panel_maximum)} or less."
            }
        )
    position = budget_position(district=district, day=day, lock=True)
    if position.budget is None:
        raise ValidationError(
            {
                "amount": f"{district} has no spot-purchase budget for "
                f"{position.year_label}. Ask a county lead to set one, then try again."
            }
        )
    if amount > position.left:
        raise ValidationError(
            {
                "amount": f"{district} has {pounds(position.left)} left in its spot-purchase "
                f"budget for {position.year_label}, so {pounds(amount)} cannot be agreed. "
                "Nothing has been changed."
            }
        )
    return position


def check_budget_change(
    *,
    budget: SpotPurchaseBudget,
    district: District,
    financial_year: int,
    amount: Decimal,
    lock: bool = True,
) -> None:
    """Refuse setting a budget below what the district has already spent that year, and
    moving a budget that has been spent from to another district or year.

    With `lock` it must run inside the transaction that saves the budget: it locks the budget
    row, the row a Resource Panel decision locks while it spends, so that a decision recorded
    at the same moment cannot slip in between this check and the save. A form checks early
    without the lock, to show its messages; the save checks again with it.
    """
    if budget.pk:
        # Compare with the row as saved: a bound form has already changed the instance.
        saved = SpotPurchaseBudget.objects.all()
        saved = (saved.select_for_update() if lock else saved).get(pk=budget.pk)
        moved = district.pk != saved.district_id or financial_year != saved.financial_year
        if moved and spent_in(saved.district_id, saved.financial_year):
            raise ValidationError(
                "Money has been spent from this budget, so its district and year cannot change."
            )
    spent = spent_in(district.pk, financial_year)
    if amount < spent:
        raise ValidationError(
            {
                "amount": f"{district} has already spent {pounds(spent)} of its budget for "
                f"{financial_year_label(financial_year)}, so the budget cannot be less than "
                f"{pounds(spent)}."
            }
        )
