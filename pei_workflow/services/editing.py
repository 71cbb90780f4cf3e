"""Changes to a submission that are not workflow steps: correcting the practitioner's answers
and setting themes. What may change depends on the state, as with Plone's workflow
permissions: see `editable_parts`."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction

from .. import audit
from ..models import DECISION_FIELDS, MONITORING_FIELDS, Submission, Theme
from ..permissions import can_moderate
from ..text_checks import ALL_DETAILS, ANSWER_CHECKS, refuse_identifying_details
from .history import record_transition
from .inputs import required_text
from .need_vectors import refresh_need_vector
from .transitions import TransitionRefused

#: The parts of a submission a person may change, by kind of change.
ANSWERS = "answers"
THEMES = "themes"
ASSIGNEE = "assignee"
NOTES = "notes"

# Fields set by the workflow or by the system, never by correcting answers.
NOT_ANSWERS = {
    "id",
    "reference",
    "district",
    "state",
    "status_token_hash",
    "submitted_at",
    "updated_at",
    "themes",
    "meeting",
    "confirmed_anonymous",
    *DECISION_FIELDS,
    *MONITORING_FIELDS,
}


def answer_fields(model: type[Submission]) -> list[str]:
    """The fields that hold the practitioner's answers, which an EIDO may correct."""
    return [f.name for f in model._meta.concrete_fields if f.name not in NOT_ANSWERS and f.editable]


def _refuse_identifying_details(model: type[Submission], changes: dict) -> None:
    """The public forms' anonymity guard, on every answer being corrected, with each answer's
    own rule (`text_checks.ANSWER_CHECKS`): an EIDO's correction must not bring in what the
    form kept out."""
    errors = {}
    for name, value in changes.items():
        field = model._meta.get_field(name)
        if not isinstance(value, str) or not isinstance(field, models.CharField | models.TextField):
            continue
        kinds = ANSWER_CHECKS.get(name, ALL_DETAILS)
        try:
            refuse_identifying_details(value, label=str(field.verbose_name), kinds=kinds)
        except ValidationError as error:
            errors[name] = error
    if errors:
        raise ValidationError(errors)


def editable_parts(submission: Submission, user) -> set[str]:
    """What this person may change on this submission now. Answers, themes, who has the case
    and staff notes are open to the district's EIDO (or a county lead) while the case is
    active; a closed, declined or withdrawn case is read-only to everyone until it is
    reopened. Meetings and decisions change only through their workflow steps."""
    if not submission.is_active_case or not can_moderate(submission, user):
        return set()
    return {ANSWERS, THEMES, ASSIGNEE, NOTES}


def _locked_for_change(submission: Submission, user, part: str, seen_updated_at=None):
    locked = type(submission).objects.select_for_update().get(pk=submission.pk)
    if not can_moderate(locked, user):
        raise PermissionDenied
    if part not in editable_parts(locked, user):
        raise TransitionRefused(
            f"{locked.reference} is “{locked.get_state_display()}”, so it cannot be "
            "changed. Nothing has been changed."
        )
    if seen_updated_at is not None and locked.updated_at != seen_updated_at:
        raise TransitionRefused(
            f"Someone else changed {locked.reference} while you were working on it. Your "
            "changes have not been saved: check the submission, then make them again."
        )
    return locked


def correct_answers(
    *, submission: Submission, actor, changes: dict, reason: str, seen_updated_at=None
) -> Submission:
    """Correct some of the practitioner's answers, with a reason kept in the field history
    and a row in the review history naming the fields changed.

    `seen_updated_at` is the submission's `updated_at` when the person opened the form: if
    someone changed it since, the correction is refused rather than overwrite their change.
    """
    reason = required_text(
        reason, field="reason", label="The reason", message="Enter why you are correcting it."
    )
    allowed = set(answer_fields(type(submission)))
    unknown = set(changes) - allowed
    if unknown:
        raise ValidationError(f"These cannot be corrected: {', '.join(sorted(unknown))}.")
    _refuse_identifying_details(type(submission), changes)
    with transaction.atomic():
        locked = _locked_for_change(submission, actor, ANSWERS, seen_updated_at)
        changed = [name for name, value in changes.items() if getattr(locked, name) != value]
        if not changed:
            return locked
        for name in changed:
            setattr(locked, name, changes[name])
        if "email" in changed:
            # The link went to the old address: whoever has it must not keep reading the
            # case. The practitioner asks for a new one, which goes to the corrected address.
            locked.status_token_hash = None
        locked.full_clean(exclude=["state"])
        locked._change_reason = reason
        locked._history_user = actor
        locked.save()
        refresh_need_vector(locked)
        labels = [str(type(locked)._meta.get_field(name).verbose_name) for name in changed]
        record_transition(
            submission=locked,
            transition="correct_answers",
            from_state=locked.state,
            actor=actor,
            comment=reason,
            data={"fields": labels},
        )
        audit.record(actor, audit.CORRECTED, locked, data={"fields": labels})
    return locked


def set_themes(*, submission: Submission, actor, themes) -> Submission:
    """Tag the submission with themes (replacing its themes). Only active themes can be
    added; a theme made inactive later stays on the submissions that have it."""
    themes = list(themes)
    with transaction.atomic():
        locked = _locked_for_change(submission, actor, THEMES)
        current = set(locked.themes.values_list("pk", flat=True))
        wanted = {t.pk for t in themes}
        added = wanted - current
        if Theme.objects.filter(pk__in=added, is_active=False).exists():
            raise ValidationError({"themes": "Select only themes that are in use."})
        if wanted == current:
            return locked
        locked.themes.set(themes)
        record_transition(
            submission=locked,
            transition="set_themes",
            from_state=locked.state,
            actor=actor,
            data={"themes": sorted(t.name for t in themes)},
        )
        audit.record(actor, audit.THEMES_SET, locked, data=audit.themes_data(themes))
    return locked
