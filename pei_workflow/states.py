"""The states of both workflows, in two wordings side by side.

Each state's choices label is what staff read: the admin lists, their filters, the exports,
the agenda, the review history and the staff emails all take it from the model field. The
practitioner reads the same state from the other side ("from you"), so their status page and
their emails use PRACTITIONER_STATE_LABELS instead, and NEXT_STEPS for what happens next.
"""

from django.db import models


class GapState(models.TextChoices):
    NEW = "new", "Not yet sent"
    SUBMITTED = "submitted", "Received"
    IN_REVIEW = "in_review", "Being reviewed"
    INFORMATION_REQUESTED = "information_requested", "Waiting for the practitioner's answer"
    ON_PANEL_AGENDA = "on_panel_agenda", "On the Resource Panel agenda"
    ACTION_AGREED = "action_agreed", "Action agreed"
    ESCALATED_SUB_GROUP = "escalated_sub_group", "Passed to the Sub Group"
    ESCALATED_TRUST_BOARD = "escalated_trust_board", "Passed to the Trust Board"
    CLOSED = "closed", "Closed"
    DECLINED = "declined", "Declined"
    WITHDRAWN = "withdrawn", "Withdrawn"


class CafState(models.TextChoices):
    NEW = "new", "Not yet sent"
    SUBMITTED = "submitted", "Received"
    IN_REVIEW = "in_review", "Being reviewed"
    INFORMATION_REQUESTED = "information_requested", "Waiting for the practitioner's answer"
    ON_SUB_GROUP_AGENDA = "on_sub_group_agenda", "On the Sub Group agenda"
    ACTION_AGREED = "action_agreed", "Action agreed"
    ESCALATED_TRUST_BOARD = "escalated_trust_board", "Passed to the Trust Board"
    REFERRED_TO_COUNTY = "referred_to_county", "Passed to the county CAF group"
    CLOSED = "closed", "Closed"
    DECLINED = "declined", "Declined"
    WITHDRAWN = "withdrawn", "Withdrawn"


ENDED_STATES = {"closed", "declined", "withdrawn"}

# Each state in the practitioner's words, for both workflows: a value the two share means the
# same thing in each. Every state has one, so staff wording can change without touching the
# public side.
PRACTITIONER_STATE_LABELS = {
    "new": "Not yet sent",
    "submitted": "Received",
    "in_review": "Being reviewed",
    "information_requested": "Waiting for more information from you",
    "on_panel_agenda": "On the Resource Panel agenda",
    "on_sub_group_agenda": "On the Sub Group agenda",
    "action_agreed": "Action agreed",
    "escalated_sub_group": "Passed to the Sub Group",
    "escalated_trust_board": "Passed to the Trust Board",
    "referred_to_county": "Passed to the county CAF group",
    "closed": "Closed",
    "declined": "Declined",
    "withdrawn": "Withdrawn",
}


def practitioner_state_label(value: str) -> str:
    """A state as the practitioner reads it on their status page and in their emails."""
    return PRACTITIONER_STATE_LABELS.get(value) or value.replace("_", " ").capitalize()


# What happens next, in the practitioner's words, by state. Shared by both workflows where the
# state means the same thing.
NEXT_STEPS = {
    "submitted": "Your district's Early Intervention Development Officer (EIDO) will read it "
    "and start a review, usually within 5 working days.",
    "in_review": "The EIDO is reviewing it. They may ask you for more information.",
    "information_requested": "The EIDO needs more information. Answer their question on this page.",
    "on_panel_agenda": "It will be discussed at the Resource Panel meeting. You, or someone "
    "for you, should attend.",
    "on_sub_group_agenda": "It will be discussed at the Sub Group meeting.",
    "action_agreed": "Action has been agreed. The EIDO will tell you what happens and will "
    "close the case once it is done.",
    "escalated_sub_group": "The Resource Panel could not meet the need, so it has gone to the "
    "Sub Group.",
    "escalated_trust_board": "It has gone to the Children and Young People's Trust Board.",
    "referred_to_county": "It has gone to the county CAF group.",
    "closed": "The case is closed. Thank you for telling us about it.",
    "declined": "The EIDO has declined it. Their reason is shown on this page.",
    "withdrawn": "It was withdrawn. Nothing more will happen.",
}
