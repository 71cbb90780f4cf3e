"""Spot-purchase budgets and spend. The budget year is the financial year, 1 April to
31 March, named by the year it starts in: 2026 means 1 April 2026 to 31 March 2027."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Sum
from simple_history.models import HistoricalRecords

FINANCIAL_YEAR_START_MONTH = 4


def financial_year_of(day: datetime.date) -> int:
    """The financial year a day falls in, named by its starting year."""
    return day.year if day.month >= FINANCIAL_YEAR_START_MONTH else day.year - 1


def pounds(amount) -> str:
    """Money as people write it: £1,250.00 (nothing is £0.00)."""
    return f"£{amount or Decimal('0'):,.2f}"


def financial_year_label(year: int) -> str:
    """How people write a financial year: "2026 to 2027"."""
    return f"{year} to {year + 1}"


def spent_in(district_id: int, financial_year: int) -> Decimal:
    """What a district has spent on spot purchases in one financial year: the one sum every
    screen and rule uses."""
    return SpotPurchase.objects.filter(
        district_id=district_id, financial_year=financial_year
    ).aggregate(total=Sum("amount"))["total"] or Decimal("0.00")


class SpotPurchaseBudget(models.Model):
    """What a district's Resource Panel may spend on spot purchases in one financial year."""

    district = models.ForeignKey(
        "pei_workflow.District", on_delete=models.PROTECT, related_name="budgets"
    )
    financial_year = models.PositiveSmallIntegerField(
        help_text="The year it starts in: 2026 means 1 April 2026 to 31 March 2027."
    )
    amount = models.DecimalField(
        max_digits=10, decimal_places=2, validators=[MinValueValidator(Decimal("0.00"))]
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-financial_year", "district__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["district", "financial_year"], name="one_budget_per_district_year"
            )
        ]
        verbose_name = "spot-purchase budget"

    def __str__(self) -> str:
        return f"{self.district}, {financial_year_label(self.financial_year)}"

    @property
    def year_label(self) -> str:
        return financial_year_label(self.financial_year)

    def spent(self) -> Decimal:
        return spent_in(self.district_id, self.financial_year)


class SpotPurchase(models.Model):
    """Money the Resource Panel agreed to spend on one gap. Written only by
    `record_panel_decision`, in the same unit as the decision."""

    district = models.ForeignKey(
        "pei_workflow.District", on_delete=models.PROTECT, related_name="spot_purchases"
    )
    financial_year = models.PositiveSmallIntegerField()
    gap = models.ForeignKey(
        "pei_workflow.GapInService", on_delete=models.PROTECT, related_name="spot_purchases"
    )
    amount = models.DecimalField(max_digits=8, decimal_places=2)
    purchase_for = models.TextField("what it buys")
    agreed_at = models.DateTimeField(auto_now_add=True)
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-agreed_at"]
        indexes = [models.Index(fields=["district", "financial_year"])]

    def __str__(self) -> str:
        return f"{pounds(self.amount)} for {self.gap}"
