"""The forms of the steps that record what the Sub Group, the Trust Board or the county CAF
group agreed. Each may commission a service: a project already recorded, or a new one made
with the decision (`services.projects.Commissioning`). As every step form, they only parse
what was typed; the decision's service decides."""

from django import forms

from ...choices import SubGroupAgreement
from ...models import CommissionedProject
from ...services.commissioning import (
    EXISTING,
    NEW,
    PROJECT_ACTION,
    Commissioning,
    projects_a_decision_may_link,
)
from .step_forms import (
    CHOOSE_ONE,
    FREE_TEXT,
    SHORT_INPUT,
    PoundsField,
    StepForm,
    group_fields,
    practitioner_message_field,
)


class DateField(forms.DateField):
    """A date typed or picked in the browser's own date box (no script needed)."""

    widget = forms.DateInput(attrs={"type": "date", "class": SHORT_INPUT})

    def __init__(self, **kwargs):
        super().__init__(
            required=False,
            error_messages={"invalid": "Enter a real date, like 2026-06-30."},
            **kwargs,
        )


class ProjectChoiceField(forms.ModelChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            queryset=CommissionedProject.objects.none(),
            required=False,
            empty_label="Choose a project",
            error_messages={"invalid_choice": "Select a project from the list."},
            **kwargs,
        )

    def label_from_instance(self, project: CommissionedProject) -> str:
        return f"{project.name} ({project.provider}, {project.period})"


class CommissioningMixin(forms.Form):
    """The project a decision commissioned: one already recorded, chosen from those that
    cover the submission's district, or a new one. `commissioning` builds what the service
    takes (`services.projects.Commissioning`); its refusals are keyed by these fields."""

    project_choices = [(EXISTING, "A project already recorded"), (NEW, "A new project")]
    project_legend = "If a service was commissioned"
    project_hint = (
        "Only for “A service commissioned”. A new project's outcomes are added on its page "
        "afterwards."
    )

    project_action = forms.ChoiceField(
        label="Which project is it?",
        widget=forms.RadioSelect,
        required=False,
        error_messages=CHOOSE_ONE,
    )
    project = ProjectChoiceField(label="Project already recorded")
    project_name = forms.CharField(label="Name of the new project", max_length=160, required=False)
    project_provider = forms.CharField(
        label="Provider",
        help_text="The organisation that delivers it under the Service Level Agreement.",
        max_length=160,
        required=False,
    )
    project_start_date = DateField(label="Start date")
    project_end_date = DateField(label="End date")
    project_cost = PoundsField(label="Cost, in pounds", widget=forms.TextInput)

    PROJECT_FIELDS = (
        PROJECT_ACTION,
        "project",
        "project_name",
        "project_provider",
        "project_start_date",
        "project_end_date",
        "project_cost",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[PROJECT_ACTION].choices = self.project_choices
        if self.user is not None:
            linkable = projects_a_decision_may_link(self.user, self.submission)
            self.fields["project"].queryset = linkable

    def project_group(self) -> tuple:
        return (self.project_legend, self.project_hint, list(self.PROJECT_FIELDS))

    def commissioning(self) -> Commissioning | None:
        data = self.cleaned_data
        action = data.get(PROJECT_ACTION, "")
        if action not in (EXISTING, NEW):
            return None
        if action == EXISTING:
            return Commissioning(action=EXISTING, project=data.get("project"))
        return Commissioning(
            action=NEW,
            name=data.get("project_name", ""),
            provider=data.get("project_provider", ""),
            start_date=data.get("project_start_date"),
            end_date=data.get("project_end_date"),
            cost=data.get("project_cost"),
        )

    def service_kwargs(self) -> dict:
        kwargs = {k: v for k, v in super().service_kwargs().items() if k not in self.PROJECT_FIELDS}
        return {**kwargs, "commissioning": self.commissioning()}


class SubGroupDecisionForm(CommissioningMixin, StepForm):
    submit_label = "Record the decision"
    agreement = forms.ChoiceField(
        label="What did the Sub Group agree?",
        choices=SubGroupAgreement.choices,
        widget=forms.RadioSelect,
        required=False,
        error_messages=CHOOSE_ONE,
    )
    notes = forms.CharField(
        label="What was agreed, in a few words",
        help_text="For example, whose budget or staff time, and for how long.",
        widget=FREE_TEXT,
        required=False,
    )
    practitioner_message = practitioner_message_field()

    field_order = ["agreement", "notes", "practitioner_message"]

    def field_groups(self):
        first = ("", "", ["agreement", "notes", "practitioner_message"])
        return group_fields(self, [first, self.project_group()])


class CountyCommissioningMixin(CommissioningMixin):
    """A county body's decision may commission a service too; by default it did not."""

    NONE = "none"
    project_choices = [
        (NONE, "No, it did not commission a service"),
        (EXISTING, "Yes: a project already recorded"),
        (NEW, "Yes: a new project"),
    ]
    project_legend = "Did it commission a service?"
    project_hint = (
        "A project the Trust Board commissioned. A new project's outcomes are added on its "
        "page afterwards."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[PROJECT_ACTION].label = "Did it commission a service?"
        self.fields[PROJECT_ACTION].initial = self.NONE


def notes_form(body: str) -> type[StepForm]:
    """A form with a box for what a county body agreed, and the project it commissioned, if
    it commissioned one."""
    notes = forms.CharField(label=f"What did {body} agree?", widget=FREE_TEXT, required=False)

    def field_groups(self):
        first = ("", "", ["notes", "practitioner_message"])
        return group_fields(self, [first, self.project_group()])

    return type(
        "NotesForm",
        (CountyCommissioningMixin, StepForm),
        {
            "notes": notes,
            "practitioner_message": practitioner_message_field(),
            "submit_label": "Record the decision",
            "field_order": ["notes", "practitioner_message"],
            "field_groups": field_groups,
        },
    )
