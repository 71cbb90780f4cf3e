"""Commissioned projects and their monitoring returns: recording a project with its agreed
outcomes, and entering a return (the project a decision commissions is `commissioning`'s).
Each public function is one unit of work with the project's row locked, so that a return
and a change of the project's dates, or two returns for the same days, cannot both pass
their checks.

Who: the EIDO of a district the project covers, or a county lead. An EIDO chooses districts
among their own; the districts a project covers outside them are kept, as for services.
Every staff text goes through the anonymity guard (`inputs`). The rules about the data
themselves are the models' (`models.projects`), checked by `full_clean()`; a refusal raises
ValidationError keyed by the form's field names and changes nothing.
"""

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from ..choices import CommissionedBy
from ..models import (
    AgreedOutcome,
    CommissionedProject,
    District,
    MonitoringReturn,
    OutcomeFigure,
    Theme,
)
from ..selectors import districts_visible_to
from .inputs import optional_text, required_text
from .records import change_reason, field_values, log_saved, save_record

MAY_NOT_CHANGE_PROJECT = (
    "Only the EIDO of a district the project covers, or a county lead, can change it."
)
PROJECT_FIELDS = (
    "name",
    "provider",
    "description",
    "commissioned_by",
    "start_date",
    "end_date",
    "cost",
)
RETURN_FIELDS = ("period_start", "period_end", "narrative")

#: The form field of a return's figure for one outcome, and the key of its refusal.
FIGURE_FIELD = "figure_{}"


class Errors:
    """Collects the refusals of several checks, so that a form shows them all at once."""

    def __init__(self):
        self.found: dict[str, list[str]] = {}

    def check(self, check, *args, **kwargs):
        try:
            return check(*args, **kwargs)
        except ValidationError as error:
            self.add(error)
            return None

    def add(self, error: ValidationError, keys: Mapping[str, str] | None = None) -> None:
        for key, messages in error.message_dict.items():
            key = (keys or {}).get(key, key)
            self.found.setdefault(key, []).extend(messages)

    def raise_any(self) -> None:
        if self.found:
            raise ValidationError(self.found)


def may_change_project(actor, project: CommissionedProject) -> bool:
    """Whether the actor is the EIDO of a district the project covers, or a county lead."""
    return districts_visible_to(actor).filter(commissioned_projects=project).exists()


def project_texts(errors: Errors, *, name: str, provider: str, prefix: str = "") -> tuple:
    name = errors.check(
        required_text,
        name,
        field=f"{prefix}name",
        label="The project's name",
        message="Enter the project's name.",
    )
    provider = errors.check(
        required_text,
        provider,
        field=f"{prefix}provider",
        label="The provider",
        message="Enter the provider: the organisation that delivers the project.",
    )
    return name, provider


def missing_details(errors: Errors, values: dict, prefix: str = "") -> None:
    messages = {
        "start_date": "Enter the date the project starts.",
        "end_date": "Enter the date the project ends.",
        "cost": "Enter the cost, in pounds, like 12000.00.",
    }
    for name, message in messages.items():
        if values.get(name) is None:
            errors.found.setdefault(f"{prefix}{name}", []).append(message)


# A project and its agreed outcomes.


@dataclass(frozen=True)
class OutcomeChange:
    """One agreed outcome as the project form sends it: a new one (`outcome` None), a
    change to `outcome`, or (`remove`) taking it off the project. Its refusals are keyed
    `outcomes-<index>-<field>`, the form's own names."""

    description: str
    target: int | None
    unit: str = ""
    outcome: AgreedOutcome | None = None
    remove: bool = False


def _districts_after(project, chosen: Iterable[District], actor) -> list[District]:
    theirs = districts_visible_to(actor)
    kept = list(project.districts.exclude(pk__in=theirs.values("pk"))) if project.pk else []
    return [*chosen, *kept]


def _outcome_rows(project) -> list[tuple]:
    if not project.pk:
        return []
    return list(project.outcomes.order_by("pk").values_list("pk", "description", "target", "unit"))


def save_project(
    *,
    actor,
    project: CommissionedProject | None = None,
    name: str,
    provider: str,
    description: str = "",
    districts: Iterable[District],
    themes: Iterable[Theme] = (),
    commissioned_by: str,
    start_date: datetime.date | None,
    end_date: datetime.date | None,
    cost: Decimal | None,
    outcomes: Sequence[OutcomeChange] = (),
    reason: str = "",
) -> CommissionedProject:
    """Record a new commissioned project, or change `project`, with its agreed outcomes.

    An outcome that a return has a figure for cannot be taken off (its figures would be
    lost): change its words instead. Raises PermissionDenied if the actor may not,
    ValidationError keyed by field if a rule is broken; either way nothing changes."""
    theirs = districts_visible_to(actor)
    created = project is None or project.pk is None
    if not theirs.exists() or not (created or may_change_project(actor, project)):
        raise PermissionDenied(MAY_NOT_CHANGE_PROJECT)
    errors = Errors()
    name, provider = project_texts(errors, name=name, provider=provider)
    description = errors.check(
        optional_text, description, field="description", label="What it provides"
    )
    chosen = list(districts)
    own = set(theirs.values_list("pk", flat=True))
    if any(district.pk not in own for district in chosen):
        errors.found["districts"] = ["Choose only districts you work in."]
    if commissioned_by not in CommissionedBy.values:
        errors.found["commissioned_by"] = ["Select who commissioned the project."]
    missing_details(errors, {"start_date": start_date, "end_date": end_date, "cost": cost})
    texts = [
        (
            errors.check(
                required_text,
                change.description,
                field=f"outcomes-{n}-description",
                label="The outcome",
                message="Enter what the outcome counts.",
            ),
            errors.check(optional_text, change.unit, field=f"outcomes-{n}-unit", label="The unit"),
        )
        for n, change in enumerate(outcomes)
    ]
    reason = errors.check(change_reason, reason, created=created, added="Project added")
    errors.raise_any()

    with transaction.atomic():
        if created:
            locked = CommissionedProject()
        else:
            locked = CommissionedProject.objects.select_for_update().get(pk=project.pk)
            if not may_change_project(actor, locked):
                raise PermissionDenied(MAY_NOT_CHANGE_PROJECT)
        before = field_values(locked, PROJECT_FIELDS, ("districts", "themes"))
        outcomes_before = _outcome_rows(locked)
        for field, value in zip(
            PROJECT_FIELDS,
            (name, provider, description, commissioned_by, start_date, end_date, cost),
            strict=True,
        ):
            setattr(locked, field, value)
        final = _districts_after(locked, chosen, actor)
        if not final:
            raise ValidationError({"districts": "Tick at least one district the project covers."})
        save_record(locked, actor=actor, reason=reason)
        locked._history_user, locked._change_reason = actor, reason
        locked.districts.set(final)
        locked.themes.set(list(themes))
        _save_outcomes(locked, outcomes, texts, actor=actor, reason=reason)
        changed = (
            field_values(locked, PROJECT_FIELDS, ("districts", "themes")) != before
            or _outcome_rows(locked) != outcomes_before
        )
        log_saved(locked, actor=actor, created=created, changed=changed)
    return locked


def _save_outcomes(project, changes: Sequence[OutcomeChange], texts, *, actor, reason) -> None:
    errors = Errors()
    for n, (change, (description, unit)) in enumerate(zip(changes, texts, strict=True)):
        outcome = change.outcome
        if outcome is not None and outcome.project_id != project.pk:
            raise ValidationError({"outcomes": "Change only the outcomes of this project."})
        if change.remove:
            if outcome is None:
                continue
            used = outcome.figures.count()
            if used:
                errors.found[f"outcomes-{n}-description"] = [
                    f"You cannot take off “{outcome.description}”: "
                    f"{used} monitoring return{'s have' if used > 1 else ' has'} a figure for "
                    "it. Change its words instead."
                ]
                continue
            outcome._history_user, outcome._change_reason = actor, reason
            outcome.delete()
            continue
        outcome = outcome or AgreedOutcome(project=project)
        outcome.description, outcome.target, outcome.unit = description, change.target, unit
        outcome.sort_order = n
        if change.target is None:
            errors.found[f"outcomes-{n}-target"] = ["Enter the target, a whole number."]
            continue
        try:
            save_record(outcome, actor=actor, reason=reason)
        except ValidationError as error:
            errors.add(error, {key: f"outcomes-{n}-{key}" for key in error.message_dict})
    errors.raise_any()


# Monitoring returns.


def save_monitoring_return(
    *,
    actor,
    project: CommissionedProject,
    monitoring_return: MonitoringReturn | None = None,
    period_start: datetime.date | None,
    period_end: datetime.date | None,
    narrative: str,
    figures: Mapping[int, int | None],
    reason: str = "",
) -> MonitoringReturn:
    """Enter a monitoring return for `project`, or correct `monitoring_return`: its period,
    what happened, and a figure (or none yet) for each agreed outcome, keyed by the
    outcome's id. A correction needs a reason. Raises as `save_project` does."""
    errors = Errors()
    narrative = errors.check(
        required_text,
        narrative,
        field="narrative",
        label="What happened in this period",
        message="Enter what happened in this period.",
    )
    for field, value, what in (
        ("period_start", period_start, "starts"),
        ("period_end", period_end, "ends"),
    ):
        if value is None:
            errors.found[field] = [f"Enter the date the period {what}."]
    created = monitoring_return is None
    reason = errors.check(change_reason, reason, created=created, added="Monitoring return added")
    errors.raise_any()

    with transaction.atomic():
        locked_project = CommissionedProject.objects.select_for_update().get(pk=project.pk)
        if not may_change_project(actor, locked_project):
            raise PermissionDenied(MAY_NOT_CHANGE_PROJECT)
        if created:
            locked = MonitoringReturn(project=locked_project, entered_by=actor)
        else:
            locked = MonitoringReturn.objects.select_for_update().get(
                pk=monitoring_return.pk, project=locked_project
            )
        before = field_values(locked, RETURN_FIELDS)
        figures_before = _figure_rows(locked)
        locked.project = locked_project
        locked.period_start, locked.period_end, locked.narrative = (
            period_start,
            period_end,
            narrative,
        )
        save_record(locked, actor=actor, reason=reason)
        _save_figures(locked, figures, actor=actor, reason=reason)
        changed = (
            field_values(locked, RETURN_FIELDS) != before or _figure_rows(locked) != figures_before
        )
        log_saved(locked, actor=actor, created=created, changed=changed)
    return locked


def _figure_rows(monitoring_return) -> dict:
    if not monitoring_return.pk:
        return {}
    return dict(monitoring_return.figures.values_list("outcome_id", "achieved"))


def _save_figures(monitoring_return, figures: Mapping[int, int | None], *, actor, reason) -> None:
    outcomes = {outcome.pk: outcome for outcome in monitoring_return.project.outcomes.all()}
    if set(figures) - set(outcomes):
        raise ValidationError("Give figures only for the outcomes agreed for this project.")
    existing = {figure.outcome_id: figure for figure in monitoring_return.figures.all()}
    errors = Errors()
    for pk, outcome in outcomes.items():
        value, figure = figures.get(pk), existing.get(pk)
        if value is None:
            if figure is not None:
                figure._history_user, figure._change_reason = actor, reason
                figure.delete()
            continue
        figure = figure or OutcomeFigure(monitoring_return=monitoring_return, outcome=outcome)
        figure.achieved = value
        try:
            save_record(figure, actor=actor, reason=reason)
        except ValidationError as error:
            errors.add(error, {key: FIGURE_FIELD.format(pk) for key in error.message_dict})
    errors.raise_any()
