"""The spot-purchase rules, in one place: at most the district's panel maximum per case, and
never more than is left of the district's budget for the financial year."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import Sum

from ..models import (
    District,
    SpotPurchase,
    SpotPurchaseBudget,
    financial_year_label,
    financial_year_of,
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
    spent = SpotPurchase.objects.filter(district=district, financial_year=year).aggregate(
        total=Sum("amount")
    )["total"] or Decimal("0.00")
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
                f"£{district.panel_maximum:,.2f}. Enter £{district.panel_maximum:,.2f} or less."
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
                "amount": f"{district} has £{position.left:,.2f} left in its spot-purchase "
                f"budget for {position.year_label}, so £{amount:,.2f} cannot be agreed. "
                "Nothing has been changed."
            }
        )
    return position
