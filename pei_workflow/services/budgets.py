"""The spot-purchase rules, in one place: at most the district's panel maximum per case, and
never more than is left of the district's budget for the financial year; and setting the
budgets themselves (`set_budget`)."""

import datetime
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from ..models import (
    District,
    SpotPurchaseBudget,
    financial_year_label,
    financial_year_of,
    pounds,
    spent_in,
)
from ..permissions import is_county_lead
from .records import change_reason, field_values, log_saved, save_record


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

    It must run inside the transaction that saves the budget, with the budget row locked (the
    row a Resource Panel decision locks while it spends), so that a decision recorded at the
    same moment cannot slip in between this check and the save: `lock` locks it here;
    `set_budget`, which has locked it already, passes `lock=False`.
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


#: The financial years a budget can be set for, named by the year they start in.
EARLIEST_YEAR = 2000
LATEST_YEAR = 2100
# What an edit compares to tell whether it changed anything.
BUDGET_FIELDS = ("district_id", "financial_year", "amount")
#: Two county leads set the same district's budget for the same year at the same moment.
BUDGET_SET_A_MOMENT_AGO = (
    "A budget for that district and year was set a moment ago. Change that one instead."
)


def _as_money(amount) -> Decimal | None:
    """The amount as a Decimal (a command may pass "5000"), or None if it is not one."""
    try:
        amount = Decimal(str(amount)) if amount is not None else None
    except InvalidOperation:
        return None
    return amount if amount is not None and amount.is_finite() else None


def _check_budget_input(*, district, financial_year, amount) -> Decimal:
    """The amount as a Decimal, once the input is known to be complete."""
    errors = {}
    if district is None:
        errors["district"] = "Select the district the budget is for."
    if not isinstance(financial_year, int) or not EARLIEST_YEAR <= financial_year <= LATEST_YEAR:
        errors["financial_year"] = "Enter the year the financial year starts in, like 2026."
    money = _as_money(amount)
    if money is None or money < 0:
        errors["amount"] = "Enter the budget in pounds, like 5000.00."
    if errors:
        raise ValidationError(errors)
    return money


def _check_one_budget_per_year(budget: SpotPurchaseBudget, district, financial_year) -> None:
    others = SpotPurchaseBudget.objects.filter(district=district, financial_year=financial_year)
    if budget.pk:
        others = others.exclude(pk=budget.pk)
    if others.exists():
        raise ValidationError(
            {
                "financial_year": f"{district} already has a budget for "
                f"{financial_year_label(financial_year)}. Change that one instead."
            }
        )


def set_budget(
    *,
    actor,
    budget: SpotPurchaseBudget | None = None,
    district: District,
    financial_year: int,
    amount: Decimal,
    reason: str = "",
) -> SpotPurchaseBudget:
    """Set a district's spot-purchase budget for one financial year: a new budget, or a change
    to `budget`. Only a county lead sets budgets.

    One unit of work: the budget row is locked (the row a Resource Panel decision locks while
    it spends, see `check_spot_purchase`), so a decision recorded at the same moment cannot
    slip in between the checks and the save. There is one budget per district and year; a
    budget is never less than the district has spent that year, and a budget that has been
    spent from keeps its district and year (`check_budget_change`). Saved with its field
    history and Wagtail's log entry, as the admin's create and edit views write them.

    Raises PermissionDenied if `actor` is not a county lead, and ValidationError (keyed by
    district, financial_year or amount, or not keyed) if the change breaks a rule; either way
    nothing changes. Returns the saved budget.
    """
    if not is_county_lead(actor):
        raise PermissionDenied("Only a county lead can set or change a spot-purchase budget.")
    amount = _check_budget_input(district=district, financial_year=financial_year, amount=amount)
    created = budget is None or budget.pk is None
    reason = change_reason(reason, created=created, added="Budget set")
    try:
        with transaction.atomic():
            if created:
                locked = SpotPurchaseBudget()
            else:
                locked = SpotPurchaseBudget.objects.select_for_update().get(pk=budget.pk)
            before = field_values(locked, BUDGET_FIELDS)
            _check_one_budget_per_year(locked, district, financial_year)
            # The row is locked above; the check reads the saved row, not `budget`, which a
            # bound form may already have changed.
            check_budget_change(
                budget=locked,
                district=district,
                financial_year=financial_year,
                amount=amount,
                lock=False,
            )
            locked.district = district
            locked.financial_year = financial_year
            locked.amount = amount
            save_record(locked, actor=actor, reason=reason)
            log_saved(
                locked,
                actor=actor,
                created=created,
                changed=field_values(locked, BUDGET_FIELDS) != before,
            )
    except IntegrityError:
        # Someone else set this district's budget for the year between the check and the save.
        raise ValidationError({"financial_year": BUDGET_SET_A_MOMENT_AGO}) from None
    return locked
