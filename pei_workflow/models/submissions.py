"""The two kinds of submission a practitioner sends: a Gap in Service and a CAF escalation.

Each has a state machine (django-fsm-2). The state field is protected: only a transition
method changes it, and the services in pei_workflow.services run each transition as one unit.
"""

from decimal import Decimal

from django.core.validators import MaxLengthValidator, MinValueValidator
from django.db import models
from django_fsm import FSMField, FSMModelMixin, transition
from simple_history.models import HistoricalRecords

from ..choices import (
    AffectedGroup,
    AgeBand,
    Barrier,
    EscalationType,
    GapRoute,
    PanelAttendee,
    SubmissionKind,
    Workforce,
    YesNo,
    YesNoNotApplicable,
    YesNoUnsure,
)
from ..states import ENDED_STATES, CafState, GapState

GAP_OPEN_STATES = [s for s in GapState.values if s not in ENDED_STATES | {GapState.NEW}]
CAF_OPEN_STATES = [s for s in CafState.values if s not in ENDED_STATES | {CafState.NEW}]

# The longest answer a free-text question takes: room for a full account, not for a file.
FREE_TEXT_MAX_LENGTH = 3000
SHORT_TEXT_MAX_LENGTH = 200


def free_text(verbose_name: str, *, blank: bool = False, **kwargs) -> models.TextField:
    return models.TextField(
        verbose_name,
        blank=blank,
        validators=[MaxLengthValidator(FREE_TEXT_MAX_LENGTH)],
        **kwargs,
    )


class Submission(FSMModelMixin, models.Model):
    """What both forms share: who sent it, where, its reference, its state and its history."""

    kind: SubmissionKind

    reference = models.CharField(max_length=20, unique=True, editable=False)
    district = models.ForeignKey(
        "pei_workflow.District", on_delete=models.PROTECT, related_name="+"
    )

    # The practitioner's own contact details: personal data, needed to reply.
    practitioner_name = models.CharField("your name", max_length=SHORT_TEXT_MAX_LENGTH)
    job_title = models.CharField(max_length=SHORT_TEXT_MAX_LENGTH)
    organisation = models.CharField(max_length=SHORT_TEXT_MAX_LENGTH)
    workforce = models.CharField(max_length=32, choices=Workforce.choices)
    email = models.EmailField(max_length=254)
    phone = models.CharField(max_length=40)

    confirmed_anonymous = models.BooleanField(
        "confirmed that it identifies no child, young person or family", default=False
    )
    # Only a hash of the private status link's token is kept. The token is made when the
    # acknowledgement email is sent and lives only in that email; until then there is no link.
    status_token_hash = models.CharField(
        max_length=64, unique=True, null=True, blank=True, editable=False
    )

    submitted_at = models.DateTimeField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(inherit=True, excluded_fields=["status_token_hash"])

    class Meta:
        abstract = True
        ordering = ["-submitted_at", "-pk"]

    def __str__(self) -> str:
        return self.reference or f"New {self.kind.label}"

    @property
    def is_open(self) -> bool:
        return self.state not in ENDED_STATES


class GapInService(Submission):
    """A practitioner's report that a need cannot be met, heard by the Resource Panel."""

    kind = SubmissionKind.GAP

    state = FSMField(default=GapState.NEW, choices=GapState.choices, protected=True)

    route = models.CharField(max_length=40, choices=GapRoute.choices)
    caf_in_place = models.CharField(
        "CAF in place", max_length=16, choices=YesNoNotApplicable.choices
    )
    tac_consulted = models.CharField(
        "Team Around the Child consulted", max_length=8, choices=YesNo.choices
    )
    priority = models.ForeignKey(
        "pei_workflow.Priority",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="gaps",
        verbose_name="CYPP priority",
    )
    affected_group = models.CharField(
        "who is affected", max_length=32, choices=AffectedGroup.choices
    )
    age_band = models.CharField(max_length=8, choices=AgeBand.choices)
    children_affected = models.PositiveIntegerField("children and young people affected")
    families_affected = models.PositiveIntegerField("families affected")
    unmet_need = free_text("the unmet need")
    what_has_been_tried = free_text("what has been tried")
    service_that_would_meet_need = free_text("the service that would meet the need", blank=True)
    barrier = models.CharField(max_length=32, choices=Barrier.choices)
    barrier_detail = free_text("more about the barrier", blank=True)
    spot_purchase_requested = models.BooleanField(default=False)
    spot_purchase_amount = models.DecimalField(
        "spot purchase amount",
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    spot_purchase_purpose = free_text("what the spot purchase would buy", blank=True)
    panel_attendee = models.CharField(
        "who will attend the panel", max_length=32, choices=PanelAttendee.choices
    )

    class Meta(Submission.Meta):
        verbose_name = "gap in service"
        verbose_name_plural = "gaps in service"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(spot_purchase_requested=False)
                | models.Q(spot_purchase_amount__isnull=False),
                name="gap_spot_purchase_has_amount",
            )
        ]

    @transition(field=state, source=GapState.NEW, target=GapState.SUBMITTED)
    def submit(self):
        """The practitioner sends the form."""

    @transition(field=state, source=GapState.INFORMATION_REQUESTED, target=GapState.IN_REVIEW)
    def provide_information(self):
        """The practitioner answers the EIDO's question through the status link."""

    @transition(field=state, source=GAP_OPEN_STATES, target=GapState.WITHDRAWN)
    def withdraw(self):
        """The practitioner (or the EIDO for them) withdraws an open submission."""


class CafEscalation(Submission):
    """A problem with the CAF process that could not be solved at practitioner level."""

    kind = SubmissionKind.CAF

    state = FSMField(default=CafState.NEW, choices=CafState.choices, protected=True)

    escalation_type = models.CharField(max_length=32, choices=EscalationType.choices)
    agencies_involved = free_text("agencies involved")
    issue = free_text("the issue")
    steps_taken = free_text("steps already taken to resolve it")
    outcome_sought = free_text("the outcome you want")
    county_implications = models.CharField(
        "may have county-wide implications", max_length=8, choices=YesNoUnsure.choices
    )

    class Meta(Submission.Meta):
        verbose_name = "CAF escalation"
        verbose_name_plural = "CAF escalations"

    @transition(field=state, source=CafState.NEW, target=CafState.SUBMITTED)
    def submit(self):
        """The practitioner sends the form."""

    @transition(field=state, source=CafState.INFORMATION_REQUESTED, target=CafState.IN_REVIEW)
    def provide_information(self):
        """The practitioner answers the EIDO's question through the status link."""

    @transition(field=state, source=CAF_OPEN_STATES, target=CafState.WITHDRAWN)
    def withdraw(self):
        """The practitioner (or the EIDO for them) withdraws an open submission."""
