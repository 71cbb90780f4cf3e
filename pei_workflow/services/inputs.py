"""Checks on what a member of staff typed for a workflow step or a record. A failed check
raises ValidationError keyed by field, so a form shows the message beside the field, and
nothing changes.

Every free text staff write goes through the anonymity guard, as the practitioner's answers
do: an information request, a reason or a note is read by the practitioner, the panel or the
Sub Group, and ends up in the history and the reports."""

from django.core.exceptions import ValidationError

from ..models import FREE_TEXT_MAX_LENGTH
from ..text_checks import refuse_identifying_details


def optional_text(value: str, *, field: str, label: str) -> str:
    """The text, stripped; refused if it is too long or identifies anyone. `label` is how
    the messages name the field ("The reason")."""
    text = (value or "").strip()
    if len(text) > FREE_TEXT_MAX_LENGTH:
        raise ValidationError(
            {field: f"{label} must be {FREE_TEXT_MAX_LENGTH:,} characters or fewer."}
        )
    refuse_identifying_details(text, label=label, field=field)
    return text


def required_text(value: str, *, field: str, label: str, message: str) -> str:
    """As `optional_text`, and refused with `message` if it is empty."""
    if not (value or "").strip():
        raise ValidationError({field: message})
    return optional_text(value, field=field, label=label)
