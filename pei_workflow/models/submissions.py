"""What both kinds of submission share. The two kinds, with their state machines, are in
`gaps.py` and `caf.py`.

The state field is protected: only a transition method changes it, and the services in
pei_workflow.services run each transition as one unit.
"""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django_fsm import FSMModelMixin
from simple_history.models import HistoricalRecords

from ..choices import MonitoringOutcome, SubGroupAgreement, SubmissionKind, Workforce, YesNo
from ..states import ENDED_STATES

# The longest answer a free-text question takes: room for a full account, not for a file.
FREE_TEXT_MAX_LENGTH = 3000
SHORT_TEXT_MAX_LENGTH = 200


# The groups of fields every submission has, named once for the admin, exports and the rules
# about what may be corrected.
PRACTITIONER_FIELDS = (
    "practitioner_name",
    "job_title",
    "organisation",
    "workforce",
    "email",
    "phone",
)
# Written only by the step that records each: never corrected as answers.
DECISION_FIELDS = (
    "panel_outcome",
    "identified_service",
    "service_unknown_to_practitioner",
    "sub_group_agreement",
    "decision_notes",
    "decided_at",
)
MONITORING_FIELDS = (
    "monitoring_outcome",
    "children_benefiting",
    "families_benefiting",
    "caf_in_place_at_close",
    "closing_notes",
    "closed_at",
)


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
    practitioner_name = models.CharField("practitioner's name", max_length=SHORT_TEXT_MAX_LENGTH)
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

    # Who has the case: an EIDO of its district or a county lead, set only by
    # `services.caseload.assign`. Empty until someone takes it.
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="assigned to",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # Set by the EIDO while the submission is open.
    themes = models.ManyToManyField("pei_workflow.Theme", blank=True, related_name="%(class)ss")

    # Decisions. Each is written only by the transition that records it; the review history
    # keeps every decision ever made, these fields the latest.
    sub_group_agreement = models.CharField(
        "what the Sub Group agreed", max_length=32, choices=SubGroupAgreement.choices, blank=True
    )
    decision_notes = models.TextField(
        "what was agreed", blank=True, validators=[MaxLengthValidator(FREE_TEXT_MAX_LENGTH)]
    )
    decided_at = models.DateTimeField(null=True, blank=True, editable=False)

    # Monitoring, recorded when the case is closed.
    monitoring_outcome = models.CharField(
        "was the need met", max_length=16, choices=MonitoringOutcome.choices, blank=True
    )
    children_benefiting = models.PositiveIntegerField(
        "children and young people benefiting", null=True, blank=True
    )
    families_benefiting = models.PositiveIntegerField(null=True, blank=True)
    caf_in_place_at_close = models.CharField(
        "CAF in place when closed", max_length=8, choices=YesNo.choices, blank=True
    )
    closing_notes = models.TextField(
        blank=True, validators=[MaxLengthValidator(FREE_TEXT_MAX_LENGTH)]
    )
    closed_at = models.DateTimeField(null=True, blank=True, editable=False)

    # When the case was first reviewed and first settled (action agreed or declined), copied
    # from its review history by the step that did it, so that the reports' waiting times
    # are read from two columns rather than worked out from the history of every case.
    first_reviewed_at = models.DateTimeField(null=True, blank=True, editable=False)
    first_decided_at = models.DateTimeField(null=True, blank=True, editable=False)

    # The day the case should move on from the state it waits in, by its district's
    # response-time target in working days (`services.due_dates`); empty when it waits for
    # nothing (not yet sent, or ended). Kept on the row so that the lists filter and sort on
    # it in the database; set by each step and when a target or closure day changes.
    due_on = models.DateField("due", null=True, blank=True, editable=False)

    history = HistoricalRecords(
        inherit=True,
        excluded_fields=["status_token_hash", "first_reviewed_at", "first_decided_at", "due_on"],
    )

    class Meta:
        abstract = True
        ordering = ["-submitted_at", "-pk"]
        # What the casework lists and the admin home ask for, at 100,000 submissions: the
        # newest first (a county lead's list), newest first in one state (a filtered list,
        # the oldest received first on the admin home), and a district's cases in one state
        # (an EIDO's counts). See bench/casework.py.
        indexes = [
            models.Index(fields=["submitted_at", "id"], name="%(class)s_sent_idx"),
            models.Index(fields=["state", "submitted_at", "id"], name="%(class)s_state_sent_idx"),
            models.Index(
                fields=["district", "state", "submitted_at"], name="%(class)s_dist_state_idx"
            ),
            # Overdue and due-soon items, and the lists sorted by due date.
            models.Index(fields=["due_on", "id"], name="%(class)s_due_idx"),
            # The reports' waiting times read these columns of every submission sent in a
            # period. Carried in the index, PostgreSQL answers from it alone instead of
            # reading the wide rows with their free text: the county's gaps over three years
            # at 100,000 submissions, 137 ms to 43 ms. (SQLite makes a plain index.)
            models.Index(
                fields=["submitted_at"],
                include=["state", "district", "first_reviewed_at", "first_decided_at"],
                name="%(class)s_waits_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.reference or f"New {self.kind.label}"

    @property
    def is_open(self) -> bool:
        return self.state not in ENDED_STATES

    @property
    def is_ended(self) -> bool:
        """Closed, declined or withdrawn: read-only to everyone until it is reopened."""
        return self.state in ENDED_STATES

    @property
    def is_active_case(self) -> bool:
        """Sent and not ended: the states in which an EIDO may correct answers and themes."""
        return self.state not in ENDED_STATES and self.state != "new"
