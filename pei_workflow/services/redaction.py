"""Redaction: an EIDO or county lead takes an identifying detail out of a submission, the
whole of an answer or note or every occurrence of a passage, replaced by "[redacted]". The
scrubbing of every copy (versions, review history, queued emails, log entries) is
`copies.remove_everywhere`, which the retention schedule uses too.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Count, Q

from .. import audit
from ..labels import field_label
from ..models import Submission
from ..permissions import can_moderate
from .copies import (
    MIN_PASSAGE_LENGTH,
    Removal,
    Removed,
    Scrubber,
    former_values,
    history_rows,
    remove_everywhere,
    review_history_texts,
    words,
)
from .history import record_transition
from .inputs import required_text
from .need_vectors import refresh_need_vector

REDACTED = "[redacted]"
#: The pseudo-field for a passage in the review history (a question, an answer, a reason).
REVIEW_HISTORY = "review_history"
REVIEW_HISTORY_LABEL = "A comment in the review history"


def redactable_fields(model: type[Submission]) -> list[str]:
    """The free text of a submission, which an EIDO may redact: every TextField, that is the
    practitioner's answers about the need and the staff's decision and closing notes. Not the
    practitioner's contact details, which are theirs to give (a wrong one is corrected) and
    go on the retention schedule, nor choices, numbers or dates, which cannot hold a name."""
    return [f.name for f in model._meta.concrete_fields if isinstance(f, models.TextField)]


def redaction_choices(model: type[Submission]) -> list[tuple[str, str]]:
    """What may be redacted, with the labels staff read."""
    fields = [(name, field_label(model, name)) for name in redactable_fields(model)]
    return [*fields, (REVIEW_HISTORY, REVIEW_HISTORY_LABEL)]


def _label(model: type[Submission], field: str) -> str:
    return REVIEW_HISTORY_LABEL if field == REVIEW_HISTORY else field_label(model, field)


def _where(model: type[Submission], field: str) -> str:
    """The field as the middle of a sentence: "the unmet need", "the review history"."""
    if field == REVIEW_HISTORY:
        return "the review history"
    label = field_label(model, field)
    return label[:1].lower() + label[1:]


def fields_with_text(submission: Submission) -> list[str]:
    """The redactable fields that hold text now or in an earlier version, in one query."""
    names = redactable_fields(type(submission))
    counts = history_rows(submission).aggregate(
        **{name: Count("pk", filter=~Q(**{name: ""}) & ~Q(**{name: REDACTED})) for name in names}
    )
    return [
        name for name in names if counts[name] or getattr(submission, name) not in ("", REDACTED)
    ]


def _checked_passage(passage, field: str) -> str:
    """The passage as it will be looked for (its spaces made single), or "" for the whole
    field; refused if it is too short to be safe or cannot be redacted."""
    passage = words(passage or "")
    if passage and len(passage) < MIN_PASSAGE_LENGTH:
        raise ValidationError(
            {"passage": f"Enter at least {MIN_PASSAGE_LENGTH} characters of the passage."}
        )
    if passage and passage.lower() in REDACTED:
        raise ValidationError({"passage": "That passage is already redacted."})
    if not passage and field == REVIEW_HISTORY:
        raise ValidationError({"passage": "Enter the passage to redact from the review history."})
    return passage


def _removal(locked: Submission, field: str, passage: str) -> Removal:
    """What redacting this field or passage takes out: refused if it is not there."""
    where = _where(type(locked), field)
    if field == REVIEW_HISTORY:
        held = review_history_texts(locked)
    else:
        held = [value for value in former_values(locked, [field]) if value != REDACTED]
    if passage:
        if not Scrubber([passage], REDACTED).found_in("\n".join(held)):
            raise ValidationError(
                {"passage": f"That passage is not in {where}. Copy it exactly as it appears."}
            )
        return Removal(marker=REDACTED, passages=(passage,))
    if not held:
        raise ValidationError({"field": f"There is nothing to redact in {where}: it is empty."})
    # Each value the field has held is looked for elsewhere too, where it may have been
    # pasted (an information request quoting the answer).
    return Removal(marker=REDACTED, fields=(field,), passages=tuple(held))


def redact(*, submission: Submission, actor, field: str, reason: str, passage=None) -> Removed:
    """Replace an identifying detail with "[redacted]": the whole of a free-text field
    (`redaction_choices`), or every occurrence of a passage of it. In one unit, with the row
    locked, it is taken out of the submission and every copy (`remove_everywhere`), and the
    history says who redacted which field, when and why, without the text: a new version
    whose change reason names the field and gives the reason, and a "redact" row in the
    review history. Only the district's EIDO or a county lead may (PermissionDenied
    otherwise); a refusal (ValidationError keyed by the form's field: `field`, `passage`,
    `reason`) changes nothing."""
    model = type(submission)
    reason = required_text(
        reason, field="reason", label="The reason", message="Enter why you are redacting it."
    )
    if field not in dict(redaction_choices(model)):
        raise ValidationError({"field": "Select the answer or note to redact."})
    passage = _checked_passage(passage, field)
    with transaction.atomic():
        locked = model.objects.select_for_update().get(pk=submission.pk)
        if not can_moderate(locked, actor):
            raise PermissionDenied
        removal = _removal(locked, field, passage)
        if Scrubber(removal.passages, REDACTED).found_in(reason):
            raise ValidationError(
                {"reason": "Do not repeat the text you are redacting in the reason."}
            )
        removed = remove_everywhere(
            locked,
            removal,
            reason=f"Redacted {_where(model, field)}: {reason}",
            actor=actor,
        )
        refresh_need_vector(locked)
        record_transition(
            submission=locked,
            transition="redact",
            from_state=locked.state,
            actor=actor,
            comment=reason,
            data={
                "field": _label(model, field),
                "redacted": "Every occurrence of a passage" if passage else "The whole text",
            },
        )
        audit.record(actor, audit.REDACTED, locked, data={"field": field})
    return removed
