"""Putting submissions on meeting agendas: gaps on their district's Resource Panel, CAF
escalations on their district's Sub Group."""

from django.core.exceptions import ValidationError

from ..models import Meeting, Submission
from .inputs import optional_text
from .review import staff_step


def meeting_data(meeting: Meeting) -> dict:
    """How a meeting is kept in the review history: enough to read it after the meeting
    row has changed."""
    return {
        "meeting": str(meeting),
        "meeting_id": meeting.pk,
        "meeting_date": meeting.date.isoformat(),
    }


def check_meeting(submission: Submission, meeting: Meeting | None) -> None:
    """A meeting can take the submission if it is of the submission's district, of the kind
    that hears it, and not in the past."""
    kind_label = submission.meeting_kind.label
    if meeting is None:
        raise ValidationError({"meeting": f"Select a {kind_label} meeting."})
    if meeting.district_id != submission.district_id:
        raise ValidationError(
            {"meeting": f"Select a meeting of {submission.district}, the submission's district."}
        )
    if meeting.kind != submission.meeting_kind:
        raise ValidationError(
            {
                "meeting": f"Select a {kind_label} meeting, "
                f"not a {meeting.get_kind_display()} meeting."
            }
        )
    if meeting.is_past:
        raise ValidationError({"meeting": "That meeting has already happened. Select a later one."})


def _locked_meeting(meeting: Meeting | None) -> Meeting | None:
    """The meeting as saved, locked until the step's transaction ends, so that an edit of the
    meeting (`services.meetings.save_meeting`, which locks it too) cannot change its district,
    kind or date between this check and the item reaching its agenda."""
    if meeting is None or meeting.pk is None:
        return meeting
    return Meeting.objects.select_for_update().get(pk=meeting.pk)


def add_to_agenda(*, submission: Submission, actor, meeting: Meeting) -> Submission:
    """Put the submission on a coming meeting's agenda."""

    def put_on_agenda(locked: Submission) -> None:
        current = _locked_meeting(meeting)
        check_meeting(locked, current)
        locked.meeting = current

    return staff_step(
        submission=submission,
        name="add_to_agenda",
        actor=actor,
        change=put_on_agenda,
        data=meeting_data(meeting) if meeting else {},
        reason=f"Added to the agenda of {meeting}",
    )


def defer(*, submission: Submission, actor, meeting: Meeting, reason: str = "") -> Submission:
    """Move the submission from its meeting's agenda to a later meeting of the same kind."""
    reason = optional_text(reason, field="reason", label="The reason for moving it")

    def move(locked: Submission) -> None:
        current = _locked_meeting(meeting)
        check_meeting(locked, current)
        if locked.meeting_id is not None and current.date <= locked.meeting.date:
            raise ValidationError(
                {
                    "meeting": f"Select a meeting after {locked.meeting.date:%-d %B %Y}, "
                    "the one it is on now."
                }
            )
        locked.meeting = current

    return staff_step(
        submission=submission,
        name="defer",
        actor=actor,
        change=move,
        comment=reason,
        data=meeting_data(meeting) if meeting else {},
        reason=f"Moved to {meeting}",
    )
