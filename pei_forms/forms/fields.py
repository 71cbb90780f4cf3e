"""Form fields for the public forms, each with GOV.UK-style messages and the hints the templates
need to render it as a GOV.UK Design System component.

Every message names the question in plain words ("The unmet need must be 3,000 characters or
fewer"), never Django's defaults, and never repeats what the practitioner typed.
"""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator

from pei_workflow.text_checks import (
    ALL_DETAILS,
    NOT_CHECKED,
    refuse_identifying_details,
)

MAX_COUNT = 10_000


def too_long_message(name: str, max_length: int) -> str:
    return f"{name} must be {max_length:,} characters or fewer"


class GovukFieldMixin:
    """Presentation hints shared by every field.

    kind picks the template (input, textarea, radios, checkbox); message_name is how messages
    refer to the question; summary_label is the key on the check answers page.
    """

    kind = "input"
    input_type = "text"
    input_mode = ""
    autocomplete = ""
    spellcheck = None
    width_class = ""
    prefix = ""
    concealed_value = ""

    def init_govuk(self, *, message_name: str, summary_label: str = "", **presentation):
        self.message_name = message_name
        self.summary_label = summary_label or message_name
        for name, value in presentation.items():
            if not hasattr(type(self), name):
                raise TypeError(f"Unknown presentation option: {name}")
            setattr(self, name, value)

    def display(self, value) -> str:
        """The answer as the check answers page shows it."""
        if value in (None, ""):
            return "Not given"
        return str(value)


class TextField(GovukFieldMixin, forms.CharField):
    """A one-line text answer, such as a name or job title.

    `anonymity` is the set of identifying-detail kinds refused in it: ALL_DETAILS,
    PERSONAL_IDENTIFIERS or NOT_CHECKED (see pei_workflow.text_checks).
    """

    def __init__(
        self,
        *,
        label: str,
        message_name: str,
        max_length: int,
        required_message: str,
        anonymity=NOT_CHECKED,
        required: bool = True,
        help_text: str = "",
        summary_label: str = "",
        **presentation,
    ):
        super().__init__(
            label=label,
            max_length=max_length,
            required=required,
            help_text=help_text,
            error_messages={
                "required": required_message,
                "max_length": too_long_message(message_name, max_length),
                "null_characters_not_allowed": f"{message_name} must not include null characters",
            },
        )
        self.anonymity = anonymity
        self.init_govuk(message_name=message_name, summary_label=summary_label, **presentation)

    def to_python(self, value):
        value = super().to_python(value)
        # Browsers send new lines as CRLF; count and store each as one character.
        return value.replace("\r\n", "\n").replace("\r", "\n") if value else value

    def clean(self, value):
        # Length first, so the guard's patterns only ever read text of a bounded size.
        value = super().clean(value)
        refuse_identifying_details(value, label=self.message_name, kinds=self.anonymity)
        return value


class FreeTextField(TextField):
    """A long answer about the case, checked against every kind of identifying detail."""

    kind = "textarea"
    rows = 5

    def __init__(self, *, max_length: int, **kwargs):
        kwargs.setdefault("anonymity", ALL_DETAILS)
        super().__init__(max_length=max_length, **kwargs)


class EmailField(TextField):
    """The practitioner's own email address."""

    input_type = "email"
    autocomplete = "email"
    spellcheck = False

    def __init__(self, *, invalid_message: str, **kwargs):
        super().__init__(**kwargs)
        self.validators.append(EmailValidator(message=invalid_message))


UK_PHONE = re.compile(r"0[1-9][0-9]{8,9}")


class PhoneField(TextField):
    """The practitioner's own UK telephone number, written any common way."""

    input_type = "tel"
    autocomplete = "tel"
    spellcheck = False
    width_class = "govuk-input--width-20"

    def __init__(self, *, invalid_message: str, **kwargs):
        super().__init__(**kwargs)
        self.invalid_message = invalid_message

    def clean(self, value):
        value = super().clean(value)
        if value and not UK_PHONE.fullmatch(normalise_phone(value)):
            raise ValidationError(self.invalid_message, code="invalid")
        return value


def normalise_phone(value: str) -> str:
    """Digits only, in national form: "+44 (0)7700 900123" becomes "07700900123"."""
    digits = re.sub(r"[\s().-]", "", value)
    for international in ("+44", "0044"):
        if digits.startswith(international):
            digits = "0" + digits[len(international) :].removeprefix("0")
    return digits


class RadioField(GovukFieldMixin, forms.ChoiceField):
    """One answer from a list, shown as GOV.UK radios in a fieldset with a legend.

    item_hints adds a hint under an option; a forged value gets `invalid_message`.
    """

    kind = "radios"
    inline = False
    divider_before = ""

    def __init__(
        self,
        *,
        label: str,
        choices,
        message_name: str,
        required_message: str,
        invalid_message: str,
        required: bool = True,
        help_text: str = "",
        summary_label: str = "",
        item_hints: dict | None = None,
        **presentation,
    ):
        super().__init__(
            label=label,
            choices=choices,
            required=required,
            help_text=help_text,
            error_messages={"required": required_message, "invalid_choice": invalid_message},
        )
        self.item_hints = item_hints or {}
        self.init_govuk(message_name=message_name, summary_label=summary_label, **presentation)

    def display(self, value) -> str:
        if value in (None, ""):
            return "Not given"
        return str(dict(self.choices).get(value, value))


class ModelRadioField(RadioField):
    """Radios whose options are rows (districts, priorities): the value is the row's key and
    the cleaned value the row itself, or None for the `none_value` option."""

    def __init__(self, *, none_value: str = "", none_label: str = "", **kwargs):
        super().__init__(choices=[], **kwargs)
        self.objects: dict[str, object] = {}
        self.none_value = none_value
        self.none_label = none_label

    def set_objects(self, objects: dict[str, object]) -> None:
        self.objects = objects
        choices = [(key, str(obj)) for key, obj in objects.items()]
        if self.none_value:
            choices.append((self.none_value, self.none_label))
            self.divider_before = self.none_value
        self.choices = choices

    def clean(self, value):
        value = super().clean(value)
        if value in ("", self.none_value):
            return None
        return self.objects[value]

    def display(self, value) -> str:
        if value is None:
            return self.none_label or "Not given"
        return str(value)


class YesNoField(RadioField):
    """A yes or no question whose answer is a boolean."""

    concealed_value = False

    def __init__(self, **kwargs):
        super().__init__(choices=[("yes", "Yes"), ("no", "No")], **kwargs)

    def clean(self, value):
        return super().clean(value) == "yes"

    def display(self, value) -> str:
        return "Yes" if value else "No"


class NumberField(GovukFieldMixin, forms.Field):
    """A number typed into a text box; subclasses say how to read it."""

    def __init__(
        self,
        *,
        label: str,
        message_name: str,
        summary_label: str,
        required_message: str,
        help_text: str = "",
    ):
        super().__init__(
            label=label, help_text=help_text, error_messages={"required": required_message}
        )
        self.init_govuk(message_name=message_name, summary_label=summary_label)


class CountField(NumberField):
    """A whole number of children, young people or families, from 0 to 10,000."""

    input_mode = "numeric"
    width_class = "govuk-input--width-5"
    spellcheck = False
    concealed_value = None

    def to_python(self, value):
        value = (value or "").strip().replace(",", "")
        if not value:
            return None
        if not re.fullmatch(r"-?[0-9]{1,9}", value):
            raise ValidationError(
                f"{self.message_name} must be a whole number, like 3", code="invalid"
            )
        number = int(value)
        if number < 0:
            raise ValidationError(f"{self.message_name} must be 0 or more", code="min_value")
        if number > MAX_COUNT:
            raise ValidationError(
                f"{self.message_name} must be {MAX_COUNT:,} or fewer", code="max_value"
            )
        return number

    def display(self, value) -> str:
        return f"{value:,}"


class AmountField(NumberField):
    """An amount in pounds, such as 250 or £1,250.50. The upper limit is the district's panel
    maximum, which the form checks because it depends on the district."""

    input_mode = "decimal"
    width_class = "govuk-input--width-10"
    prefix = "£"
    spellcheck = False
    concealed_value = None

    def to_python(self, value):
        value = (value or "").strip().removeprefix("£").strip().replace(",", "")
        if not value:
            return None
        if len(value) > 12 or not re.fullmatch(r"-?[0-9]*(\.[0-9]*)?", value):
            raise ValidationError(
                f"{self.message_name} must be an amount in pounds, like 150 or 150.50",
                code="invalid",
            )
        try:
            amount = Decimal(value)
        except InvalidOperation:
            raise ValidationError(
                f"{self.message_name} must be an amount in pounds, like 150 or 150.50",
                code="invalid",
            ) from None
        if amount <= 0:
            raise ValidationError(f"{self.message_name} must be more than £0", code="min_value")
        if amount != amount.quantize(Decimal("0.01")):
            raise ValidationError(
                f"{self.message_name} must be in pounds and pence, with no more than 2 digits "
                "after the decimal point, like 150.50",
                code="decimal_places",
            )
        return amount.quantize(Decimal("0.01"))

    def display(self, value) -> str:
        return format_pounds(value) if value is not None else "Not given"


def format_pounds(amount: Decimal) -> str:
    """£500, £1,250 or £150.50: pence only when there are some."""
    if amount == amount.to_integral_value():
        return f"£{int(amount):,}"
    return f"£{amount:,.2f}"


class ConfirmField(GovukFieldMixin, forms.BooleanField):
    """A single checkbox the practitioner must tick, in a fieldset whose legend asks the
    question and whose one option says what they confirm."""

    kind = "checkbox"
    concealed_value = False

    def __init__(
        self,
        *,
        label: str,
        item_label: str,
        required_message: str,
        summary_label: str,
        help_text="",
    ):
        super().__init__(
            label=label, help_text=help_text, error_messages={"required": required_message}
        )
        self.item_label = item_label
        self.init_govuk(message_name=label, summary_label=summary_label)

    def display(self, value) -> str:
        return "Yes" if value else "No"
