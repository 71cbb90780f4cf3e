"""The casework domain. For now: the 12 districts every other part of the site refers to."""

from decimal import Decimal

from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from simple_history.models import HistoricalRecords

DEFAULT_PANEL_MAXIMUM = Decimal("500.00")


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

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
