"""The words the casework screens use for states, steps, answers and review history, in one
place, so the buttons, the forms, the timeline and the workflow picture all say the same thing.

These are the staff's words. What the practitioner reads of the same things is beside the
choices: `states.PRACTITIONER_STATE_LABELS` and the PRACTITIONER_… mappings in `choices`."""

from .models import CafEscalation, GapInService, Submission
from .permissions import can_moderate, county_lead_only, practitioner_only

#: The submission models the casework screens serve, by the model name used in their URLs.
SUBMISSION_MODELS: dict[str, type[Submission]] = {
    "gapinservice": GapInService,
    "cafescalation": CafEscalation,
}

#: Steps only the practitioner takes, through their status link: never offered in the admin.
PRACTITIONER_STEPS = frozenset({"submit", "provide_information"})

#: What the button for each step says.
STEP_LABELS = {
    "submit": "Send the form",
    "start_review": "Start review",
    "request_information": "Ask the practitioner for information",
    "provide_information": "Answer the information request",
    "signpost": "Signpost to a service",
    "add_to_agenda": "Add to a meeting agenda",
    "defer": "Move to a later meeting",
    "record_panel_decision": "Record the Resource Panel decision",
    "escalate_to_sub_group": "Pass to the Sub Group",
    "record_sub_group_decision": "Record the Sub Group decision",
    "escalate_to_trust_board": "Pass to the Trust Board",
    "refer_to_county_caf_group": "Refer to the county CAF group",
    "record_trust_board_decision": "Record the Trust Board decision",
    "record_county_response": "Record the county response",
    "close": "Close the case",
    "decline": "Decline",
    "withdraw": "Withdraw",
    "reopen": "Reopen",
}

#: What a review history row says happened, by the step (or change) that wrote it.
HISTORY_LABELS = {
    "submit": "Sent by the practitioner",
    "start_review": "Review started",
    "redact": "Text redacted",
    "request_information": "Information requested",
    "provide_information": "Information provided",
    "signpost": "Signposted to a service",
    "add_to_agenda": "Added to a meeting agenda",
    "defer": "Moved to a later meeting",
    "record_panel_decision": "Resource Panel decision recorded",
    "escalate_to_sub_group": "Passed to the Sub Group",
    "record_sub_group_decision": "Sub Group decision recorded",
    "escalate_to_trust_board": "Passed to the Trust Board",
    "refer_to_county_caf_group": "Referred to the county CAF group",
    "record_trust_board_decision": "Trust Board decision recorded",
    "record_county_response": "County response recorded",
    "close": "Closed",
    "decline": "Declined",
    "withdraw": "Withdrawn",
    "reopen": "Reopened",
    "correct_answers": "Answers corrected",
    "set_themes": "Themes changed",
    "assign": "Assigned",
    "unassign": "Assignment taken off",
    "add_note": "Note added",
}

#: Answers whose field name reads oddly under its heading on the submission's page and in
#: its correction form ("The practitioner: Name").
FIELD_LABELS = {
    "practitioner_name": "Name",
}


def in_words(names) -> str:
    """Names as a sentence lists them: "A", "A and B", "A, B and C"."""
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def step_label(name: str) -> str:
    """The button text of a step; a step added later without a label still reads sensibly."""
    return STEP_LABELS.get(name) or name.replace("_", " ").capitalize()


def history_label(name: str) -> str:
    """What a review history row of this step says happened."""
    return HISTORY_LABELS.get(name) or name.replace("_", " ").capitalize()


def state_label(model: type[Submission], value: str) -> str:
    """The plain label of a state of this model, as staff read it: the state field's choices
    carry the staff wording (the practitioner's is `states.practitioner_state_label`)."""
    choices = dict(model._meta.get_field("state").choices)
    return str(choices.get(value, value.replace("_", " ")))


def field_label(model: type[Submission], name: str) -> str:
    """A submission field's label as staff read it, starting with a capital."""
    label = FIELD_LABELS.get(name) or str(model._meta.get_field(name).verbose_name)
    return label[:1].upper() + label[1:]


def who_may(permission) -> str:
    """Who may take a step, in words, from the step's django-fsm permission."""
    if permission is practitioner_only:
        return "The practitioner, through their status link"
    if permission is county_lead_only:
        return "A county lead"
    if permission is can_moderate:
        return "The district's EIDO or a county lead"
    return "Anyone who may see the submission"
