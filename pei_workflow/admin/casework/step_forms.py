"""The small form each workflow step needs. A form only parses what was typed (numbers,
choices, a meeting from the list); the step's service decides whether it is acceptable, so each
rule has one home. Field names are the service's argument names, which are also the keys of
the service's ValidationError, so a refusal lands beside the right field."""

from dataclasses import dataclass, field
from decimal import InvalidOperation

from django import forms
from django.core.exceptions import ValidationError

from ...choices import MonitoringOutcome, PanelOutcome, YesNo
from ...models import Meeting, Service
from ...selectors import suggested_services
from ..base import add_service_errors

FREE_TEXT = forms.Textarea(attrs={"rows": 5})
SHORT_INPUT = "w-field__input--short"
CHOOSE_ONE = {"invalid_choice": "Select one of the options."}


@dataclass
class FieldGroup:
    """Fields shown together, under a legend when they belong to one choice. `extra` names
    something the page shows inside the group, such as the budget beside the amount."""

    legend: str
    hint: str
    fields: list = field(default_factory=list)
    extra: str = ""


def group_fields(form: forms.BaseForm, groups: list[tuple]) -> list[FieldGroup]:
    """The form's visible fields in their groups; fields in no group come first. Each group
    is (legend, hint, field names[, extra])."""
    grouped = {name for group in groups for name in group[2]}
    loose = [f for f in form.visible_fields() if f.name not in grouped]
    result = [FieldGroup("", "", loose)] if loose else []
    for legend, hint, names, *extra in groups:
        result.append(FieldGroup(legend, hint, [form[n] for n in names], *extra))
    return result


class StepForm(forms.Form):
    """What every step form has: the submission it is for, and the state the person saw
    when the form was shown, which tells a race (someone moved the case meanwhile) apart from
    a step forced from the wrong state."""

    intro = ""
    submit_label = "Save"
    #: (legend, hint, field names[, extra]): a legend groups fields that belong together.
    groups: list[tuple] = []

    seen_state = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, submission, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.submission = submission
        self.user = user

    def field_groups(self) -> list[FieldGroup]:
        return group_fields(self, self.groups)

    def service_kwargs(self) -> dict:
        """The keyword arguments of the step's service, from what was typed."""
        return {k: v for k, v in self.cleaned_data.items() if k != "seen_state"}

    def add_service_errors(self, error: ValidationError) -> None:
        add_service_errors(self, error)


def practitioner_message_field() -> forms.CharField:
    """The optional message to the practitioner of a decision or a closure: apart from the
    notes, which staff, the panel and the agenda read."""
    return forms.CharField(
        label="Message to the practitioner (optional)",
        help_text="They see it on their status page, under this step. The notes are not "
        "shown to them. Do not name or describe a child, young person or family.",
        widget=FREE_TEXT,
        required=False,
    )


class ConfirmForm(StepForm):
    submit_label = "Start review"
    intro = "The practitioner will see that their form is being reviewed."


class MessageForm(StepForm):
    submit_label = "Send the question"
    message = forms.CharField(
        label="Your question for the practitioner",
        help_text="They see it in an email and on their status page. Do not name or "
        "describe a child, young person or family.",
        widget=FREE_TEXT,
        required=False,
    )


def reason_form(
    label: str, submit: str, *, help_text: str = "", optional: bool = False
) -> type[StepForm]:
    """A form with one reason box, for the steps that need only a reason."""
    reason = forms.CharField(
        label=f"{label} (optional)" if optional else label,
        help_text=help_text,
        widget=FREE_TEXT,
        required=False,
    )
    return type("ReasonForm", (StepForm,), {"reason": reason, "submit_label": submit})


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, meeting: Meeting) -> str:
        where = f", {meeting.location}" if meeting.location else ""
        return f"{meeting.get_kind_display()}, {meeting.date:%A %-d %B %Y}{where}"


class MeetingForm(StepForm):
    """Add to an agenda, or move to a later meeting: the coming meetings that can hear it."""

    submit_label = "Add to the agenda"
    meeting = MeetingChoiceField(
        queryset=Meeting.objects.none(),
        required=False,
        empty_label="Choose a meeting",
        error_messages={"invalid_choice": "Select a meeting from the list."},
    )

    def __init__(self, *args, submission, **kwargs):
        super().__init__(*args, submission=submission, **kwargs)
        meetings = Meeting.objects.hears(submission).upcoming().select_related("district")
        self.fields["meeting"].queryset = meetings
        self.fields["meeting"].label = f"{submission.meeting_kind.label} meeting"

    @property
    def has_meetings(self) -> bool:
        return self.fields["meeting"].queryset.exists()

    @property
    def no_meetings_message(self) -> str:
        kind, district = self.submission.meeting_kind.label, self.submission.district
        return f"There is no coming {kind} meeting of {district} to choose."


class DeferForm(MeetingForm):
    submit_label = "Move it"
    reason = forms.CharField(label="Why is it moving? (optional)", widget=FREE_TEXT, required=False)

    def __init__(self, *args, submission, **kwargs):
        super().__init__(*args, submission=submission, **kwargs)
        meeting = self.fields["meeting"]
        meeting.label = f"Later {submission.meeting_kind.label} meeting"
        if submission.meeting_id:
            meeting.queryset = meeting.queryset.filter(date__gt=submission.meeting.date)

    @property
    def no_meetings_message(self) -> str:
        kind, district = self.submission.meeting_kind.label, self.submission.district
        return f"There is no {kind} meeting of {district} after the one it is on now."


class ServiceChoiceField(forms.ModelChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            queryset=Service.objects.none(),
            required=False,
            empty_label="Choose a service",
            error_messages={"invalid_choice": "Select a service from the list."},
            **kwargs,
        )


SUGGESTED = "Suggested for this need"
SUGGESTED_HINT = "The suggested services met the most similar past gaps."


def offer_services(field: ServiceChoiceField, submission) -> None:
    """The published services of the submission's district, with those that met the most
    similar past gaps (`suggested_services`) first, in their own group."""
    field.queryset = (
        Service.objects.published().filter(districts=submission.district_id).order_by("name")
    )
    offered = {service.pk: service for service in field.queryset}
    suggested = [s for s in suggested_services(submission) if s.pk in offered]
    if not suggested:
        return
    first = {service.pk for service in suggested}
    rest = [service for pk, service in offered.items() if pk not in first]

    def options(services):
        return [(service.pk, field.label_from_instance(service)) for service in services]

    # Only what is shown changes: the choice is still checked against the queryset.
    field.choices = [("", field.empty_label), (SUGGESTED, options(suggested))]
    if rest:
        field.choices += [(f"Other services in {submission.district}", options(rest))]
    field.help_text = SUGGESTED_HINT


UNKNOWN_LABEL = "The practitioner did not know about this service"
UNKNOWN_HINT = (
    "Tick this if the service already existed. It tells us which services need publicity."
)


class SignpostForm(StepForm):
    submit_label = "Signpost"
    service = ServiceChoiceField(label="Service that meets the need")
    unknown_to_practitioner = forms.BooleanField(
        label=UNKNOWN_LABEL, help_text=UNKNOWN_HINT, required=False
    )
    notes = forms.CharField(label="Notes (optional)", widget=FREE_TEXT, required=False)
    practitioner_message = practitioner_message_field()

    def __init__(self, *args, submission, **kwargs):
        super().__init__(*args, submission=submission, **kwargs)
        offer_services(self.fields["service"], submission)


class PoundsField(forms.DecimalField):
    """An amount in pounds, accepting "£1,250.50" as readily as "1250.5"."""

    def __init__(self, **kwargs):
        super().__init__(
            max_digits=8,
            decimal_places=2,
            required=False,
            error_messages={
                "invalid": "Enter the amount in pounds, like 250.00.",
                "max_decimal_places": "Enter the amount in pounds and pence, like 250.50.",
                "max_digits": "Enter an amount of less than £1,000,000.",
                "max_whole_digits": "Enter an amount of less than £1,000,000.",
            },
            **kwargs,
        )

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace("£", "").replace(",", "")
        try:
            return super().to_python(value)
        except InvalidOperation:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None

    def widget_attrs(self, widget):
        # A text box, not a number spinner: people type "£250" and the step accepts it.
        return {"inputmode": "decimal", "class": SHORT_INPUT}


class PanelDecisionForm(StepForm):
    submit_label = "Record the decision"
    outcome = forms.ChoiceField(
        label="What did the Resource Panel agree?",
        choices=PanelOutcome.choices,
        widget=forms.RadioSelect,
        required=False,
        error_messages=CHOOSE_ONE,
    )
    service = ServiceChoiceField(label="Service that meets the need")
    unknown_to_practitioner = forms.BooleanField(
        label=UNKNOWN_LABEL, help_text=UNKNOWN_HINT, required=False
    )
    amount = PoundsField(label="Amount agreed, in pounds", widget=forms.TextInput)
    purchase_for = forms.CharField(
        label="What it buys", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    notes = forms.CharField(label="Notes (optional)", widget=FREE_TEXT, required=False)
    practitioner_message = practitioner_message_field()

    groups = [
        (
            "If an existing service meets the need",
            "Only for “An existing service meets the need”.",
            ["service", "unknown_to_practitioner"],
        ),
        (
            "If it is a spot purchase",
            "Only for “Spot purchase”.",
            ["amount", "purchase_for"],
            "budget",
        ),
        ("", "", ["notes", "practitioner_message"]),
    ]

    def __init__(self, *args, submission, **kwargs):
        super().__init__(*args, submission=submission, **kwargs)
        offer_services(self.fields["service"], submission)


class CountField(forms.IntegerField):
    def __init__(self, **kwargs):
        super().__init__(
            required=False,
            min_value=0,
            widget=forms.TextInput(
                attrs={"inputmode": "numeric", "class": "w-field__input--short"}
            ),
            error_messages={
                "invalid": "Enter a whole number, like 2. Enter 0 if none.",
                "min_value": "Enter 0 or more.",
            },
            **kwargs,
        )


class CloseForm(StepForm):
    submit_label = "Close the case"
    outcome = forms.ChoiceField(
        label="Was the need met?",
        choices=MonitoringOutcome.choices,
        widget=forms.RadioSelect,
        required=False,
        error_messages=CHOOSE_ONE,
    )
    children_benefiting = CountField(label="Children and young people benefiting")
    families_benefiting = CountField(label="Families benefiting")
    caf_in_place = forms.ChoiceField(
        label="Is a CAF in place?",
        choices=YesNo.choices,
        widget=forms.RadioSelect,
        required=False,
        error_messages=CHOOSE_ONE,
    )
    notes = forms.CharField(label="Notes (optional)", widget=FREE_TEXT, required=False)
    practitioner_message = practitioner_message_field()
