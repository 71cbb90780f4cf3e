"""Spot-purchase spend against budget, and what the money bought."""

from decimal import Decimal

from django.db.models import Count, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from ..models import SpotPurchase, financial_year_label, pounds
from ..selectors import budgets_visible_to
from .scope import Scope
from .sections import Section


def spend_against_budget(scope: Scope) -> Section:
    purchases = (
        SpotPurchase.objects.filter(
            district=OuterRef("district"), financial_year=OuterRef("financial_year")
        )
        .order_by()
        .values("district", "financial_year")
        .annotate(n=Count("pk"))
        .values("n")
    )
    budgets = (
        budgets_visible_to(scope.user)
        .filter(
            district_id__in=scope.district_ids,
            financial_year__in=list(scope.period.financial_years()),
        )
        .annotate(purchases=Coalesce(Subquery(purchases), Value(0)))
        .select_related("district")
        .order_by("district__name", "financial_year")
    )
    rows = [
        [
            f"{budget.district.name}, {financial_year_label(budget.financial_year)}",
            budget.spent_to_date,
            budget.amount,
            budget.left,
            budget.purchases,
        ]
        for budget in budgets
    ]
    spent = sum((row[1] for row in rows), Decimal("0"))
    budgeted = sum((row[2] for row in rows), Decimal("0"))
    if budgeted:
        finding = (
            f"{pounds(spent)} of {pounds(budgeted)} budgeted was spent ({spent / budgeted:.0%})."
        )
    else:
        finding = "No spot-purchase budget is set for these financial years."
    return Section(
        "spend",
        "Spot-purchase spend against budget",
        finding,
        "The whole of each financial year the period touches, to date.",
        ["District and financial year", "Spent", "Budget", "Left", "Spot purchases"],
        rows,
        charted=(1,),
        target=2,
        money=frozenset({1, 2, 3}),
    )


def what_was_bought(scope: Scope) -> Section:
    start, after = scope.period.bounds()
    purchases = SpotPurchase.objects.filter(
        district_id__in=scope.district_ids, agreed_at__gte=start, agreed_at__lt=after
    )
    found = (
        purchases.order_by()
        .values("purchase_for")
        .annotate(n=Count("pk"), total=Sum("amount"))
        .order_by("-total", "purchase_for")
    )
    rows = [[row["purchase_for"], row["total"], row["n"]] for row in found]
    total = sum((row[1] for row in rows), Decimal("0"))
    count = sum(row[2] for row in rows)
    finding = (
        f"{count:,} spot purchases in this period cost {pounds(total)}."
        if count
        else "No spot purchases were agreed in this period."
    )
    return Section(
        "bought",
        "What spot purchases bought",
        finding,
        "Spot purchases agreed in the period, by what the panel agreed to buy, largest "
        "spend first.",
        ["What it bought", "Spent", "Spot purchases"],
        rows,
        money=frozenset({1}),
    )
