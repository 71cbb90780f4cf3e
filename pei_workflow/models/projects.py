"""Commissioned projects: what a Sub Group or the Trust Board commissions under a Service Level
Agreement, the outcomes agreed with its provider, and the monitoring returns the EIDO enters
against them.

Each rule about the data has one home here, checked by `full_clean()` (which the services in
`pei_workflow.services.projects` call before every save, with the project's row locked):

- a project ends on or after the day it starts (`CommissionedProject.clean`);
- a return's period lies inside its project's dates (`period_problem`, used both when a
  return is saved and when a project's dates change), and overlaps no other return of the
  project, since the project's page adds the returns up (`MonitoringReturn.clean`);
- a figure is a whole number of 0 or more (`OutcomeFigure.achieved`'s validator), one per
  outcome per return (`one_figure_per_outcome_per_return`), for an outcome of the return's
  own project (`OutcomeFigure.clean`).
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from simple_history.models import HistoricalRecords
from wagtail.models import Orderable

from ..choices import CommissionedBy
from .submissions import FREE_TEXT_MAX_LENGTH

NAME_MAX_LENGTH = 160
OUTCOME_MAX_LENGTH = 300


def period_label(start: datetime.date, end: datetime.date) -> str:
    """A period as people write it: "1 April to 30 June 2018", "1 December 2018 to 28
    February 2019"."""
    if start.year == end.year:
        return f"{start:%-d %B} to {end:%-d %B %Y}"
    return f"{start:%-d %B %Y} to {end:%-d %B %Y}"


def period_problem(project, start: datetime.date, end: datetime.date) -> tuple[str, str] | None:
    """Why a monitoring period cannot belong to this project, as (which end of the period is
    wrong, "start" or "end"; the message), or None when it can: the one rule that a return's
    period lies inside its project's dates."""
    if end < start:
        return "end", "The end of the period must be the same as or after its start."
    if start < project.start_date or end > project.end_date:
        return "start" if start < project.start_date else "end", (
            "The period must be inside the project's dates, "
            f"{period_label(project.start_date, project.end_date)}."
        )
    return None


class CommissionedProject(ClusterableModel):
    """A service commissioned under a Service Level Agreement, with a provider, the districts
    and themes it covers, its dates, cost and agreed outcomes, and the gaps and CAF
    escalations whose decisions led to it. `is_example` marks the projects
    `load_pei_content` loads to show how a project looks; no form sets it."""

    name = models.CharField(max_length=NAME_MAX_LENGTH)
    provider = models.CharField(
        max_length=NAME_MAX_LENGTH,
        help_text="The organisation that delivers it under the Service Level Agreement.",
    )
    description = models.TextField(
        "what it provides",
        blank=True,
        validators=[MaxLengthValidator(FREE_TEXT_MAX_LENGTH)],
        help_text="What the provider does, for whom and where. Do not name or describe a "
        "child, young person or family.",
    )
    districts = models.ManyToManyField(
        "pei_workflow.District",
        related_name="commissioned_projects",
        help_text="The districts the project covers.",
    )
    themes = models.ManyToManyField(
        "pei_workflow.Theme", related_name="commissioned_projects", blank=True
    )
    commissioned_by = models.CharField(max_length=16, choices=CommissionedBy.choices)
    start_date = models.DateField("start date")
    end_date = models.DateField("end date")
    cost = models.DecimalField(
        "cost, in pounds",
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.00"), "Enter a cost of £0 or more.")],
        help_text="What the Service Level Agreement pays for the whole project.",
    )
    # The evidence behind it: linked by the decisions that commissioned it.
    gaps = models.ManyToManyField(
        "pei_workflow.GapInService", related_name="commissioned_projects", blank=True
    )
    caf_escalations = models.ManyToManyField(
        "pei_workflow.CafEscalation", related_name="commissioned_projects", blank=True
    )
    is_example = models.BooleanField(default=False, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # The districts decide who sees it: part of each version. The links to submissions are
    # made only by decisions, whose review history rows record them.
    history = HistoricalRecords(m2m_fields=[districts, themes])

    class Meta:
        ordering = ["-start_date", "name", "pk"]
        verbose_name = "commissioned project"

    def __str__(self) -> str:
        return self.name

    @property
    def period(self) -> str:
        return period_label(self.start_date, self.end_date)

    def clean(self):
        super().clean()
        if self.start_date and self.end_date:
            if self.end_date < self.start_date:
                raise ValidationError(
                    {"end_date": "The end date must be the same as or after the start date."}
                )
            if self.pk:
                self._check_returns_still_inside()

    def _check_returns_still_inside(self) -> None:
        for monitoring_return in self.returns.order_by("period_start"):
            start, end = monitoring_return.period_start, monitoring_return.period_end
            if period_problem(self, start, end):
                field = "start_date" if start < self.start_date else "end_date"
                raise ValidationError(
                    {
                        field: f"The return for {monitoring_return.period} would be outside "
                        "the project's dates. Change the dates so that every return is inside "
                        "them, or correct that return first."
                    }
                )


class AgreedOutcome(Orderable):
    """An outcome agreed with the provider, with its target for the whole project: "Families
    using the crèche", 40 families."""

    project = ParentalKey(CommissionedProject, on_delete=models.CASCADE, related_name="outcomes")
    description = models.CharField(
        max_length=OUTCOME_MAX_LENGTH,
        help_text="What is counted, such as “Parents who finish their course”.",
    )
    target = models.PositiveIntegerField(
        validators=[MinValueValidator(1, "Enter a target of 1 or more.")],
        help_text="The number agreed for the whole project.",
    )
    unit = models.CharField(
        max_length=40, blank=True, help_text="What the number counts, such as “families”."
    )

    # An outcome never moves to another project, and its history cannot copy the ParentalKey
    # (modelcluster refuses the related_name "+" simple-history gives copied keys): each
    # version is found by the outcome's id.
    history = HistoricalRecords(excluded_fields=["project"])

    class Meta(Orderable.Meta):
        verbose_name = "agreed outcome"

    def __str__(self) -> str:
        return self.description

    @property
    def target_label(self) -> str:
        return f"{self.target:,} {self.unit}".strip()


class MonitoringReturn(models.Model):
    """What the provider reported for one period: a figure against each agreed outcome, and
    what happened, in words. Entered by the EIDO."""

    project = models.ForeignKey(
        CommissionedProject, on_delete=models.CASCADE, related_name="returns"
    )
    period_start = models.DateField("start of the period")
    period_end = models.DateField("end of the period")
    narrative = models.TextField(
        "what happened in this period", validators=[MaxLengthValidator(FREE_TEXT_MAX_LENGTH)]
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["period_start", "pk"]
        verbose_name = "monitoring return"

    def __str__(self) -> str:
        return f"{self.project}: return for {self.period}"

    @property
    def period(self) -> str:
        return period_label(self.period_start, self.period_end)

    def clean(self):
        super().clean()
        if not (self.period_start and self.period_end and self.project_id):
            return
        problem = period_problem(self.project, self.period_start, self.period_end)
        if problem is not None:
            end, message = problem
            raise ValidationError({f"period_{end}": message})
        overlapping = (
            MonitoringReturn.objects.filter(
                project_id=self.project_id,
                period_start__lte=self.period_end,
                period_end__gte=self.period_start,
            )
            .exclude(pk=self.pk)
            .order_by("period_start")
            .first()
        )
        if overlapping is not None:
            raise ValidationError(
                {
                    "period_start": f"This period overlaps the return for {overlapping.period}. "
                    "The project's page adds the returns up, so each day belongs to one "
                    "return only. Correct that return instead, or choose another period."
                }
            )


class OutcomeFigure(models.Model):
    """What one return reports against one agreed outcome."""

    monitoring_return = models.ForeignKey(
        MonitoringReturn, on_delete=models.CASCADE, related_name="figures"
    )
    # RESTRICT, not PROTECT: an outcome with figures cannot be deleted on its own, but goes
    # with its project, whose returns take their figures with them.
    outcome = models.ForeignKey(AgreedOutcome, on_delete=models.RESTRICT, related_name="figures")
    achieved = models.PositiveIntegerField(
        validators=[MinValueValidator(0, "Enter a whole number, 0 or more.")]
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["monitoring_return", "outcome__sort_order", "outcome"]
        constraints = [
            models.UniqueConstraint(
                fields=["monitoring_return", "outcome"],
                name="one_figure_per_outcome_per_return",
                violation_error_message="This return already has a figure for that outcome.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.outcome}: {self.achieved}"

    def clean(self):
        super().clean()
        if (
            self.monitoring_return_id
            and self.outcome_id
            and self.outcome.project_id != self.monitoring_return.project_id
        ):
            raise ValidationError(
                {"outcome": "Choose an outcome agreed for this return's project."}
            )
