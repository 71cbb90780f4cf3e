"""A Gap in Service: a practitioner's report that a need cannot be met, heard by the district's
Resource Panel, and its state machine. Each transition is one row of DESIGN.md's table; the
service of the same name in pei_workflow.services does its work."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django_fsm import FSMField, transition

from ..choices import (
    AffectedGroup,
    AgeBand,
    Barrier,
    GapRoute,
    MeetingKind,
    PanelAttendee,
    PanelOutcome,
    SubmissionKind,
    YesNo,
    YesNoNotApplicable,
)
from ..permissions import can_moderate, county_lead_only, practitioner_only
from ..states import ENDED_STATES, GapState
from .submissions import Submission, free_text

GAP_OPEN_STATES = [s for s in GapState.values if s not in ENDED_STATES | {GapState.NEW}]
S = GapState


class GapInService(Submission):
    """A practitioner's report that a need cannot be met, heard by the Resource Panel."""

    kind = SubmissionKind.GAP
    meeting_kind = MeetingKind.RESOURCE_PANEL

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

    # Set by the workflow.
    meeting = models.ForeignKey(
        "pei_workflow.Meeting",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="gaps",
        limit_choices_to={"kind": MeetingKind.RESOURCE_PANEL},
        help_text="The Resource Panel meeting whose agenda it is on, or that heard it.",
    )
    panel_outcome = models.CharField(
        "what was agreed", max_length=32, choices=PanelOutcome.choices, blank=True
    )
    identified_service = models.ForeignKey(
        "pei_workflow.Service",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="answered_gaps",
        verbose_name="service that meets the need",
    )
    service_unknown_to_practitioner = models.BooleanField(
        "the practitioner did not know about the service", default=False
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

    @transition(field=state, source=S.NEW, target=S.SUBMITTED, permission=practitioner_only)
    def submit(self):
        """The practitioner sends the form."""

    @transition(field=state, source=S.SUBMITTED, target=S.IN_REVIEW, permission=can_moderate)
    def start_review(self):
        """The EIDO starts reviewing it."""

    @transition(
        field=state, source=S.IN_REVIEW, target=S.INFORMATION_REQUESTED, permission=can_moderate
    )
    def request_information(self):
        """The EIDO asks the practitioner a question (the message is required)."""

    @transition(
        field=state,
        source=S.INFORMATION_REQUESTED,
        target=S.IN_REVIEW,
        permission=practitioner_only,
    )
    def provide_information(self):
        """The practitioner answers the EIDO's question through the status link."""

    @transition(field=state, source=S.IN_REVIEW, target=S.ACTION_AGREED, permission=can_moderate)
    def signpost(self):
        """The EIDO points the practitioner to an existing service that meets the need."""

    @transition(field=state, source=S.IN_REVIEW, target=S.ON_PANEL_AGENDA, permission=can_moderate)
    def add_to_agenda(self):
        """The EIDO puts it on a coming Resource Panel meeting of its district."""

    @transition(
        field=state, source=S.ON_PANEL_AGENDA, target=S.ON_PANEL_AGENDA, permission=can_moderate
    )
    def defer(self):
        """The EIDO moves it to a later Resource Panel meeting."""

    @transition(
        field=state, source=S.ON_PANEL_AGENDA, target=S.ACTION_AGREED, permission=can_moderate
    )
    def record_panel_decision(self):
        """The EIDO records what the Resource Panel agreed."""

    @transition(
        field=state,
        source=[S.ON_PANEL_AGENDA, S.ACTION_AGREED],
        target=S.ESCALATED_SUB_GROUP,
        permission=can_moderate,
    )
    def escalate_to_sub_group(self):
        """The EIDO passes it to the Sub Group (a reason is required)."""

    @transition(
        field=state,
        source=S.ESCALATED_SUB_GROUP,
        target=S.ACTION_AGREED,
        permission=can_moderate,
    )
    def record_sub_group_decision(self):
        """The EIDO records what the Sub Group agreed."""

    @transition(
        field=state,
        source=S.ESCALATED_SUB_GROUP,
        target=S.ESCALATED_TRUST_BOARD,
        permission=can_moderate,
    )
    def escalate_to_trust_board(self):
        """The EIDO or a county lead passes it to the Trust Board (a reason is required)."""

    @transition(
        field=state,
        source=S.ESCALATED_TRUST_BOARD,
        target=S.ACTION_AGREED,
        permission=county_lead_only,
    )
    def record_trust_board_decision(self):
        """A county lead records what the Trust Board agreed."""

    @transition(field=state, source=S.ACTION_AGREED, target=S.CLOSED, permission=can_moderate)
    def close(self):
        """The EIDO closes the case with its monitoring outcome."""

    @transition(
        field=state,
        source=[S.SUBMITTED, S.IN_REVIEW],
        target=S.DECLINED,
        permission=can_moderate,
    )
    def decline(self):
        """The EIDO declines it (a reason is required; the practitioner is told)."""

    @transition(field=state, source=GAP_OPEN_STATES, target=S.WITHDRAWN, permission=can_moderate)
    def withdraw(self):
        """The practitioner (through the status link) or the EIDO withdraws it."""

    @transition(
        field=state,
        source=[S.CLOSED, S.DECLINED, S.WITHDRAWN],
        target=S.IN_REVIEW,
        permission=can_moderate,
    )
    def reopen(self):
        """The EIDO reopens an ended case (a reason is required)."""
