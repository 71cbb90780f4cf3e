"""Keys sent for the admin's lists of tick boxes: a key no row can have is refused as unknown.

Django checks each ticked key by filtering on it, and SQLite cannot hold an integer of 2**63
or more, so such a key (which no browser sends, but anyone can) would be a server error
instead of the field's "not a valid value" message."""

from functools import partial

from django import forms
from django.core.exceptions import ValidationError

SMALLEST_KEY, LARGEST_KEY = -(2**63), 2**63 - 1


def _within_range(key) -> bool:
    text = str(key).strip()
    digits = text[1:] if text[:1] in "+-" else text
    if not digits.isdecimal():
        return True  # not a number: the field refuses it itself
    # Python refuses to read a number of more than 4,300 digits (a server error too), and
    # none of more than 19 is in range.
    significant = digits.lstrip("0") or "0"
    if len(significant) > len(str(LARGEST_KEY)):
        return False
    value = -int(significant) if text.startswith("-") else int(significant)
    return SMALLEST_KEY <= value <= LARGEST_KEY


def _clean(field: forms.ModelMultipleChoiceField, clean, value):
    for key in value or ():
        if not _within_range(key):
            message = field.error_messages["invalid_pk_value"]
            raise ValidationError(message, code="invalid_pk_value", params={"pk": key})
    return clean(value)


class KeysWithinRangeMixin:
    """For a form: its tick-box lists refuse a key no database row can have."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.ModelMultipleChoiceField):
                field.clean = partial(_clean, field, field.clean)
