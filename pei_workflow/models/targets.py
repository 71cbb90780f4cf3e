"""Response-time targets and the days nobody works, from which each open case's due date is
worked out (`services.due_dates`)."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from ..choices import SubmissionKind
from ..states import CafState, GapState
from .caf import CAF_OPEN_STATES
from .gaps import GAP_OPEN_STATES

#: The states in which somebody must act, by kind: every open state.
WAITING_STATES = {SubmissionKind.GAP: GAP_OPEN_STATES, SubmissionKind.CAF: CAF_OPEN_STATES}
#: The states whose wait counts from the date of the meeting the case is on, not from the
#: day it got there.
AGENDA_STATES = frozenset({GapState.ON_PANEL_AGENDA, CafState.ON_SUB_GROUP_AGENDA})

#: The targets, in working days, where a district has set none of its own. A case on an
#: agenda is decided at that meeting (0 working days after its date).
DEFAULT_TARGET_DAYS = {
    "submitted": 5,
    "in_review": 10,
    "information_requested": 10,
    "on_panel_agenda": 0,
    "on_sub_group_agenda": 0,
    "action_agreed": 20,
    "escalated_sub_group": 30,
    "escalated_trust_board": 65,
    "referred_to_county": 30,
}
#: A year of working days: room for a Trust Board that meets twice a year, not for a typo.
LONGEST_TARGET = 250


def _waiting_state_choices() -> list[tuple[str, str]]:
    labels = dict(GapState.choices) | dict(CafState.choices)
    states = dict.fromkeys([*GAP_OPEN_STATES, *CAF_OPEN_STATES])
    return [(state, labels[state]) for state in states]


WAITING_STATE_CHOICES = _waiting_state_choices()


class ResponseTarget(models.Model):
    """How many working days a district gives itself to move a kind of case on from one
    waiting state. A district without a target for a state uses `DEFAULT_TARGET_DAYS`."""

    district = models.ForeignKey(
        "pei_workflow.District", on_delete=models.CASCADE, related_name="response_targets"
    )
    kind = models.CharField("kind of submission", max_length=3, choices=SubmissionKind.choices)
    state = models.CharField(
        "waiting state",
        max_length=32,
        choices=WAITING_STATE_CHOICES,
        help_text="The state the case waits in until someone moves it on.",
    )
    working_days = models.PositiveSmallIntegerField(
        validators=[MaxValueValidator(LONGEST_TARGET)],
        help_text="Working days from the day the case reached this state (from the meeting's "
        "date for a case on an agenda; 0 means at that meeting). Weekends, bank holidays and "
        "closure days are not counted.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["district__name", "kind", "state"]
        verbose_name = "response-time target"
        constraints = [
            models.UniqueConstraint(
                fields=["district", "kind", "state"], name="unique_response_target"
            )
        ]

    def __str__(self) -> str:
        return f"{self.district}: {self.get_kind_display()}, {self.get_state_display()}"

    def clean(self):
        if self.kind and self.state and self.state not in WAITING_STATES.get(self.kind, ()):
            raise ValidationError(
                {"state": f"A {self.get_kind_display()} is never “{self.get_state_display()}”."}
            )


class ClosureDay(models.Model):
    """A weekday nobody works, beyond the bank holidays (which come from the `holidays`
    package): not counted towards any target."""

    date = models.DateField(unique=True)
    name = models.CharField(
        "what it is", max_length=120, help_text="For example, “Council offices closed”."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["date"]
        verbose_name = "closure day"

    def __str__(self) -> str:
        return f"{self.date:%-d %B %Y}: {self.name}"
