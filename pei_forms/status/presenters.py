"""What the status page shows, in the practitioner's words.

The review history holds staff names and internal comments. Only the steps listed in
PUBLIC_STEPS reach the page, each as a date and a plain name; of the comments, only the EIDO's
question (which the practitioner must answer) and a decline reason (written for them) are
shown, and of the data, only a decision's or a closure's message to the practitioner, under
its step (never the internal notes). A step added to the workflow later stays hidden until it
is given a public name here.
"""

import datetime
from dataclasses import dataclass

from pei_workflow.choices import SubmissionKind
from pei_workflow.models import Submission, TransitionLog
from pei_workflow.selectors import review_history
from pei_workflow.states import NEXT_STEPS, practitioner_state_label

INFORMATION_REQUESTED = "information_requested"
DECLINED = "declined"

# The public name of each workflow step, by transition. Decisions and escalations are shown
# by their effect, not by who made them or how.
PUBLIC_STEPS = {
    "submit": "Sent",
    "start_review": "Review started",
    "request_information": "More information requested",
    "provide_information": "You answered",
    "add_to_agenda": "Put on the meeting agenda",
    "defer": "Moved to a later meeting",
    "signpost": "Decision made",
    "record_panel_decision": "Decision made",
    "record_sub_group_decision": "Decision made",
    "record_trust_board_decision": "Decision made",
    "record_county_response": "Decision made",
    "escalate_to_sub_group": "Passed to the Sub Group",
    "escalate_to_trust_board": "Passed to the Trust Board",
    "refer_to_county_caf_group": "Passed to the county CAF group",
    "close": "Closed",
    "decline": "Declined",
    "withdraw": "Withdrawn",
    "reopen": "Reopened",
}


@dataclass(frozen=True)
class PublicStep:
    """One step of the history as the practitioner sees it: when, what happened, and the
    EIDO's message to them about it, if there is one."""

    date: datetime.datetime
    name: str
    message: str = ""


@dataclass(frozen=True)
class StatusSummary:
    """Everything the status page shows about one submission."""

    reference: str
    kind: str
    district: str
    district_slug: str
    state: str
    state_label: str
    next_step: str
    steps: list[PublicStep]
    information_request: str
    decline_reason: str
    is_open: bool

    @property
    def can_answer(self) -> bool:
        return self.state == INFORMATION_REQUESTED

    @property
    def can_withdraw(self) -> bool:
        return self.is_open


def summarise(submission: Submission) -> StatusSummary:
    """Build the status page's view of a submission from the submission and its history."""
    history = review_history(submission, for_practitioner=True)
    return StatusSummary(
        reference=submission.reference,
        kind=SubmissionKind(submission.kind).label,
        district=submission.district.name,
        district_slug=submission.district.slug,
        state=submission.state,
        state_label=practitioner_state_label(submission.state),
        next_step=NEXT_STEPS.get(submission.state, ""),
        steps=[
            PublicStep(
                date=row.created_at,
                name=PUBLIC_STEPS[row.transition],
                message=row.practitioner_message,
            )
            for row in history
            if row.transition in PUBLIC_STEPS
        ],
        information_request=(
            _latest_comment(history, "request_information")
            if submission.state == INFORMATION_REQUESTED
            else ""
        ),
        decline_reason=(
            _latest_comment(history, "decline") if submission.state == DECLINED else ""
        ),
        is_open=submission.is_open,
    )


def no_longer_possible(submission: Submission) -> str:
    """The message for a step the state no longer allows, such as answering twice."""
    return (
        f"This submission is now “{practitioner_state_label(submission.state).lower()}”, "
        "so that step is no longer possible. Nothing has been changed."
    )


def step_refused(submission: Submission) -> str:
    """The message for a step the workflow refused because the submission moved on first
    (the service's own message names the state in the staff's words)."""
    submission.refresh_from_db(fields=["state"])
    return (
        f"{submission.reference} is now “{practitioner_state_label(submission.state)}”, "
        "so that step is no longer possible. Nothing has been changed."
    )


def _latest_comment(history: list[TransitionLog], transition: str) -> str:
    rows = [row for row in history if row.transition == transition]
    return rows[-1].comment if rows else ""
