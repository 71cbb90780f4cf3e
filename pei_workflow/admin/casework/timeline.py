"""A submission's review history as a timeline people can read: who, when, from which state
to which, their comment, and the step's structured data under human labels."""

from dataclasses import dataclass, field
from decimal import Decimal

from ...choices import MonitoringOutcome, PanelOutcome, SubGroupAgreement, YesNo
from ...labels import history_label, state_label
from ...models import PRACTITIONER_MESSAGE, CommissionedProject, Submission, TransitionLog, pounds
from ...selectors import review_history
from .. import urls


@dataclass(frozen=True)
class DataItem:
    label: str
    value: str
    url: str = ""


@dataclass(frozen=True)
class TimelineEntry:
    """One row of the review history, ready to show."""

    log: TransitionLog
    label: str
    from_label: str
    to_label: str
    moved: bool
    data: list[DataItem] = field(default_factory=list)


# The values come decoded (`selectors.decode_history_data`): amounts as Decimals, choices as
# their members; a value that did not decode is shown as written.
def _money(value) -> str:
    return pounds(value) if isinstance(value, Decimal) else str(value)


def _choice(choices):
    return lambda value: str(value.label) if isinstance(value, choices) else str(value)


def _yes_no(value) -> str:
    return "Yes" if value else "No"


def _names(value) -> str:
    return ", ".join(str(v) for v in value) if value else "None"


# The data keys each step writes (see pei_workflow.services), with their label and how to
# show the value. Keys ending in _id are for code, not people, and are not shown.
_DATA_LABELS = {
    "outcome": ("Outcome", _choice(PanelOutcome)),
    "amount": ("Amount", _money),
    "purchase_for": ("What it buys", str),
    "service": ("Service", str),
    "unknown_to_practitioner": ("The practitioner did not know about the service", _yes_no),
    "agreement": ("What the Sub Group agreed", _choice(SubGroupAgreement)),
    "children_benefiting": ("Children and young people benefiting", str),
    "families_benefiting": ("Families benefiting", str),
    "caf_in_place": ("CAF in place", _choice(YesNo)),
    "reason": ("Reason", str),
    "message": ("Message", str),
    PRACTITIONER_MESSAGE: ("Message to the practitioner", str),
    "fields": ("Answers corrected", _names),
    "themes": ("Themes", _names),
    "new_project": ("The decision recorded a new project", _yes_no),
    "assignee": ("Assigned to", str),
}
# Closing records the monitoring outcome under the same key as a panel's outcome.
_DATA_LABELS_BY_STEP = {"close": {"outcome": ("Was the need met", _choice(MonitoringOutcome))}}
_HIDDEN_KEYS = {"meeting_id", "meeting_date", "service_id", "project_id", "assignee_id"}


def _agenda_url(meeting_id) -> str:
    return urls.agenda_url(meeting_id) if meeting_id else ""


def _project_url(project_id) -> str:
    # The project covered the submission's district when the decision was made (`commission`
    # makes sure), so whoever reads this history may open it, unless it has moved since.
    if not isinstance(project_id, int):
        return ""
    return urls.screen_url(CommissionedProject, "inspect", pk=project_id)


def data_items(log: TransitionLog) -> list[DataItem]:
    """The structured data of one history row (from `review_history`, so decoded),
    labelled for people, in a stable order."""
    data = log.details
    labels = {**_DATA_LABELS, **_DATA_LABELS_BY_STEP.get(log.transition, {})}
    items = []
    if data.get("meeting"):
        items.append(DataItem("Meeting", str(data["meeting"]), _agenda_url(data.get("meeting_id"))))
    if data.get("project"):
        project_url = _project_url(data.get("project_id"))
        items.append(DataItem("Commissioned project", str(data["project"]), project_url))
    for key, value in data.items():
        if key in ("meeting", "project") or key in _HIDDEN_KEYS or value in (None, ""):
            continue
        label, show = labels.get(key, (key.replace("_", " ").capitalize(), str))
        items.append(DataItem(label, show(value)))
    return items


def history_of(submission: Submission):
    """The submission's review history rows, oldest first, with their actors."""
    return review_history(submission)


def timeline(submission: Submission) -> list[TimelineEntry]:
    """The review history of a submission as timeline entries, oldest first."""
    model = type(submission)
    return [
        TimelineEntry(
            log=log,
            label=history_label(log.transition),
            from_label=state_label(model, log.from_state),
            to_label=state_label(model, log.to_state),
            moved=log.from_state != log.to_state,
            data=data_items(log),
        )
        for log in history_of(submission)
    ]
