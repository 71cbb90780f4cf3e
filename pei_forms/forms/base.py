"""What every step of a form journey shares: the step form, and the definition of a journey."""

from dataclasses import dataclass

from django import forms


class StepForm(forms.Form):
    """One step (one page) of a form journey.

    Validation happens on the server only: no `required` attribute is rendered, so the
    browser never blocks a send with its own messages. Field ids are the field names, so the
    error summary can link to `#unmet_need`.

    `conditionals` maps a radio field to the fields each of its options reveals, such as
    {"barrier": {"other": ("barrier_detail",)}}. A field whose option is not chosen is
    concealed: it is not validated, and its answer is thrown away.
    """

    use_required_attribute = False
    conditionals: dict[str, dict[str, tuple[str, ...]]] = {}
    # Whether the step's questions depend on the district chosen earlier.
    needs_district = False

    def __init__(self, data=None, *, initial=None, district=None, help_texts=None):
        super().__init__(data=data, initial=initial, auto_id="%s", label_suffix="")
        self.district = district
        self.set_up()
        for name, text in (help_texts or {}).items():
            if name in self.fields and text:
                self.fields[name].help_text = text

    def set_up(self) -> None:
        """Adjust fields to the district and the database; called before editors' help texts
        are applied."""

    def chosen(self, name: str) -> str:
        value = self[name].value()
        return value if isinstance(value, str) else ""

    def concealed_fields(self) -> set[str]:
        concealed = set()
        for controller, options in self.conditionals.items():
            if controller not in self.fields:
                continue
            chosen = self.chosen(controller)
            for value, names in options.items():
                if value != chosen:
                    concealed.update(names)
        return concealed

    def revealed_fields(self) -> set[str]:
        """Every field that sits inside a conditional reveal, concealed or not."""
        return {
            name
            for options in self.conditionals.values()
            for names in options.values()
            for name in names
        }

    def full_clean(self):
        super().full_clean()
        if not self.is_bound:
            return
        for name in self.concealed_fields():
            self._errors.pop(name, None)
            self.cleaned_data[name] = self.fields[name].concealed_value

    def stored_data(self) -> dict[str, str]:
        """The answers to keep between steps: what was sent, as sent, for the fields of this
        step only, with concealed answers emptied. They are checked again before sending."""
        concealed = self.concealed_fields()
        data = {}
        for name in self.fields:
            value = self.data.get(name, "")
            data[name] = "" if name in concealed or not isinstance(value, str) else value
        return data

    def summary_rows(self) -> list[dict]:
        """The rows of the check answers page for this step (a valid form only)."""
        concealed = self.concealed_fields()
        return [
            {
                "key": field.summary_label,
                "value": field.display(self.cleaned_data.get(name)),
                "field_id": name,
            }
            for name, field in self.fields.items()
            if name not in concealed
        ]


@dataclass(frozen=True)
class Step:
    """One page of questions: its address (slug), heading and form."""

    slug: str
    title: str
    form_class: type[StepForm]


@dataclass(frozen=True)
class FormDefinition:
    """A whole journey: its steps in order. Check answers and confirmation follow the last."""

    name: str
    steps: tuple[Step, ...]

    def step(self, slug: str) -> Step | None:
        return next((step for step in self.steps if step.slug == slug), None)

    def index(self, step: Step) -> int:
        return self.steps.index(step)

    def questions(self) -> list[tuple[str, str]]:
        """(field name, label) for every question, for editors choosing one to give help."""
        return [
            (name, f"{step.title}: {field.label}")
            for step in self.steps
            for name, field in step.form_class.base_fields.items()
        ]

    def answers(self, forms_by_step: dict[str, StepForm]) -> dict:
        """The answers of every (valid) step together, as the submit service takes them."""
        answers = {}
        for step in self.steps:
            answers.update(forms_by_step[step.slug].cleaned_data)
        return answers
