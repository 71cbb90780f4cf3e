"""Districts and their CYPP priorities."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from simple_history.models import HistoricalRecords

DEFAULT_PANEL_MAXIMUM = Decimal("500.00")
#: The guidance's "if this is a repeated issue": by default three similar gaps in a year.
DEFAULT_REPEATED_NEED_COUNT = 3
DEFAULT_REPEATED_NEED_MONTHS = 12
MOST_REPEATED_NEED_MONTHS = 36


class District(models.Model):
    """A Lancashire district, with its own Resource Panel, Sub Group, EIDOs and budget.

    The 12 districts are rows created by a data migration, not a list in code, so that a
    boundary change is an edit in the admin rather than a release.
    """

    name = models.CharField(max_length=80, unique=True)
    code = models.CharField(
        max_length=3,
        unique=True,
        validators=[RegexValidator(r"^[A-Z]{3}$", "Use three capital letters, like PEN.")],
        help_text="Three capital letters used in submission references, like PEN for Pendle.",
    )
    slug = models.SlugField(max_length=80, unique=True)
    panel_maximum = models.DecimalField(
        "panel maximum per case",
        max_digits=8,
        decimal_places=2,
        default=DEFAULT_PANEL_MAXIMUM,
        validators=[MinValueValidator(Decimal("0.00"))],
        help_text="The most the Resource Panel may spot-purchase for one case, in pounds.",
    )
    repeated_need_count = models.PositiveSmallIntegerField(
        "similar gaps that make a repeated need",
        default=DEFAULT_REPEATED_NEED_COUNT,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text="A gap is marked as a repeated need when at least this many similar gaps "
        "were sent in the district within the period below.",
    )
    repeated_need_months = models.PositiveSmallIntegerField(
        "repeated need period, in months",
        default=DEFAULT_REPEATED_NEED_MONTHS,
        validators=[MinValueValidator(1), MaxValueValidator(MOST_REPEATED_NEED_MONTHS)],
        help_text=f"From 1 to {MOST_REPEATED_NEED_MONTHS} months, counted back from today.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        permissions = [
            ("work_in_all_districts", "Can see and act on the casework of every district"),
        ]

    def __str__(self) -> str:
        return self.name


class Priority(models.Model):
    """One of a district's Children and Young People's Plan (CYPP) priorities."""

    district = models.ForeignKey(District, on_delete=models.CASCADE, related_name="priorities")
    title = models.CharField(max_length=200)
    sort_order = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(
        default=True, help_text="Only active priorities can be chosen on the Gap form."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["district__name", "sort_order", "title"]
        verbose_name = "CYPP priority"
        verbose_name_plural = "CYPP priorities"
        constraints = [
            models.UniqueConstraint(fields=["district", "title"], name="unique_priority_title")
        ]

    def __str__(self) -> str:
        return self.title
