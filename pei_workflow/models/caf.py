"""A CAF escalation: a problem with the CAF process that could not be solved at practitioner
level, heard by the district's Sub Group, and its state machine. Each transition is one row of
DESIGN.md's table; the service of the same name in pei_workflow.services does its work."""

from django.db import models
from django_fsm import FSMField, transition

from ..choices import EscalationType, MeetingKind, SubmissionKind, YesNoUnsure
from ..permissions import can_moderate, county_lead_only, practitioner_only
from ..states import ENDED_STATES, CafState
from .submissions import Submission, free_text

CAF_OPEN_STATES = [s for s in CafState.values if s not in ENDED_STATES | {CafState.NEW}]
S = CafState


class CafEscalation(Submission):
    """A problem with the CAF process that could not be solved at practitioner level."""

    kind = SubmissionKind.CAF
    meeting_kind = MeetingKind.SUB_GROUP

    state = FSMField(default=CafState.NEW, choices=CafState.choices, protected=True)

    escalation_type = models.CharField(max_length=32, choices=EscalationType.choices)
    agencies_involved = free_text("agencies involved")
    issue = free_text("the issue")
    steps_taken = free_text("steps already taken to resolve it")
    outcome_sought = free_text("the outcome wanted")
    county_implications = models.CharField(
        "may have county-wide implications", max_length=8, choices=YesNoUnsure.choices
    )

    # Set by the workflow.
    meeting = models.ForeignKey(
        "pei_workflow.Meeting",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="caf_escalations",
        limit_choices_to={"kind": MeetingKind.SUB_GROUP},
        help_text="The Sub Group meeting whose agenda it is on, or that heard it.",
    )

    class Meta(Submission.Meta):
        verbose_name = "CAF escalation"
        verbose_name_plural = "CAF escalations"

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

    @transition(
        field=state, source=S.IN_REVIEW, target=S.ON_SUB_GROUP_AGENDA, permission=can_moderate
    )
    def add_to_agenda(self):
        """The EIDO puts it on a coming Sub Group meeting of its district."""

    @transition(
        field=state,
        source=S.ON_SUB_GROUP_AGENDA,
        target=S.ON_SUB_GROUP_AGENDA,
        permission=can_moderate,
    )
    def defer(self):
        """The EIDO moves it to a later Sub Group meeting."""

    @transition(
        field=state,
        source=S.ON_SUB_GROUP_AGENDA,
        target=S.ACTION_AGREED,
        permission=can_moderate,
    )
    def record_sub_group_decision(self):
        """The EIDO records what the Sub Group agreed."""

    @transition(
        field=state,
        source=[S.ON_SUB_GROUP_AGENDA, S.ACTION_AGREED],
        target=S.ESCALATED_TRUST_BOARD,
        permission=can_moderate,
    )
    def escalate_to_trust_board(self):
        """The EIDO or a county lead passes it to the Trust Board (a reason is required)."""

    @transition(
        field=state,
        source=[S.ON_SUB_GROUP_AGENDA, S.ACTION_AGREED],
        target=S.REFERRED_TO_COUNTY,
        permission=can_moderate,
    )
    def refer_to_county_caf_group(self):
        """The EIDO or a county lead refers it to the county CAF ISA steering group."""

    @transition(
        field=state,
        source=[S.ESCALATED_TRUST_BOARD, S.REFERRED_TO_COUNTY],
        target=S.ACTION_AGREED,
        permission=county_lead_only,
    )
    def record_county_response(self):
        """A county lead records the Trust Board's or the county group's response."""

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

    @transition(field=state, source=CAF_OPEN_STATES, target=S.WITHDRAWN, permission=can_moderate)
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
