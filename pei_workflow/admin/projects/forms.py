"""The project and monitoring return forms. They offer only what the signed-in person may
choose and parse what was typed; `pei_workflow.services.projects` holds every rule."""

from django import forms

from ...models import AgreedOutcome, MonitoringReturn
from ...services.projects import FIGURE_FIELD, OutcomeChange
from ...services.records import CHANGE_REASON
from ..casework.decision_forms import DateField
from ..casework.step_forms import FREE_TEXT, CountField
from ..directory.forms import offer_their_districts_and_themes
from ..reasons import ChangeReasonForm


class ProjectForm(ChangeReasonForm):
    """A project of the person's districts, with its agreed outcomes (an inline formset)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offer_their_districts_and_themes(self, "project")
        # "At least one" is the service's rule, in its words.
        self.fields["districts"].required = False
        commissioned_by = self.fields["commissioned_by"]
        commissioned_by.widget = forms.RadioSelect()
        commissioned_by.choices = [choice for choice in commissioned_by.choices if choice[0]]

    def outcome_changes(self) -> list[tuple[forms.Form, OutcomeChange]]:
        """Each agreed outcome the form sends, in the order the person put them in, with the
        row of the form it came from (where the service's refusal for it goes). Rows added
        and left empty are not sent."""
        changes = []
        for child in sorted(self.formsets["outcomes"].forms, key=_position):
            data = getattr(child, "cleaned_data", None) or {}
            existing = child.instance if child.instance.pk else None
            removed = bool(data.get("DELETE"))
            if existing is None and (removed or not child.has_changed()):
                continue
            changes.append(
                (
                    child,
                    OutcomeChange(
                        description=data.get("description", ""),
                        target=data.get("target"),
                        unit=data.get("unit", ""),
                        outcome=existing,
                        remove=removed,
                    ),
                )
            )
        return changes

    def service_arguments(self) -> dict:
        """The keyword arguments of `save_project`, but the actor and the project."""
        data = self.cleaned_data
        return {
            "name": data.get("name", ""),
            "provider": data.get("provider", ""),
            "description": data.get("description", ""),
            "districts": data.get("districts") or (),
            "themes": data.get("themes") or (),
            "commissioned_by": data.get("commissioned_by", ""),
            "start_date": data.get("start_date"),
            "end_date": data.get("end_date"),
            "cost": data.get("cost"),
            "outcomes": [change for _row, change in self.outcome_changes()],
            "reason": data.get(CHANGE_REASON, ""),
        }


def _position(row) -> tuple:
    order = (getattr(row, "cleaned_data", None) or {}).get("ORDER")
    return (order is None, order or 0)


class ReturnForm(forms.Form):
    """A monitoring return: its period, a figure for each agreed outcome, and what happened.
    A correction asks why."""

    period_start = DateField(label="Start of the period")
    period_end = DateField(label="End of the period")

    def __init__(self, *args, outcomes: list[AgreedOutcome], instance=None, **kwargs):
        self.outcomes = outcomes
        self.instance: MonitoringReturn | None = instance
        if instance is not None and not args and "initial" not in kwargs:
            given = {figure.outcome_id: figure.achieved for figure in instance.figures.all()}
            kwargs["initial"] = {
                "period_start": instance.period_start,
                "period_end": instance.period_end,
                "narrative": instance.narrative,
                **{FIGURE_FIELD.format(pk): value for pk, value in given.items()},
            }
        super().__init__(*args, **kwargs)
        for outcome in outcomes:
            self.fields[FIGURE_FIELD.format(outcome.pk)] = CountField(
                label=outcome.description,
                help_text=f"The target for the whole project is {outcome.target_label}. Give "
                "this period's figure only. Leave it empty if there is no figure yet.",
            )
        self.fields["narrative"] = forms.CharField(
            label="What happened in this period",
            help_text="What the provider reported, in a few sentences. Do not name or describe "
            "a child, young person or family.",
            widget=FREE_TEXT,
            required=False,
        )
        if instance is not None:
            self.fields[CHANGE_REASON] = forms.CharField(
                label="Why are you correcting this return?",
                help_text="For example, “The provider sent corrected figures.” It is kept in "
                "the history.",
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
            )

    def service_arguments(self) -> dict:
        """The keyword arguments of `save_monitoring_return`, but the actor, the project and
        the return."""
        data = self.cleaned_data
        return {
            "period_start": data.get("period_start"),
            "period_end": data.get("period_end"),
            "narrative": data.get("narrative", ""),
            "figures": {o.pk: data.get(FIGURE_FIELD.format(o.pk)) for o in self.outcomes},
            "reason": data.get(CHANGE_REASON, ""),
        }
