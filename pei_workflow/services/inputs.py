"""Checks on what a person typed for a workflow step. A failed check raises ValidationError
keyed by field, so a form shows the message beside the field, and nothing changes."""

from django.core.exceptions import ValidationError

from ..models import FREE_TEXT_MAX_LENGTH


def required_text(value: str, *, field: str, message: str) -> str:
    """The text, stripped; refused if it is empty or too long."""
    text = (value or "").strip()
    if not text:
        raise ValidationError({field: message})
    if len(text) > FREE_TEXT_MAX_LENGTH:
        raise ValidationError({field: f"Keep it to {FREE_TEXT_MAX_LENGTH} characters or fewer."})
    return text


def optional_text(value: str, *, field: str) -> str:
    text = (value or "").strip()
    if len(text) > FREE_TEXT_MAX_LENGTH:
        raise ValidationError({field: f"Keep it to {FREE_TEXT_MAX_LENGTH} characters or fewer."})
    return text
