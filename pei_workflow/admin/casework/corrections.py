"""Changes that are not workflow steps: correcting the practitioner's answers (with a reason,
kept in the field history) and tagging themes. Like Plone's workflow permissions, what may
change depends on the state: `editable_parts` decides, and the services enforce it."""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import redirect
from django.utils.dateparse import parse_datetime
from django.views.decorators.http import require_http_methods
from wagtail.admin import messages

from ...labels import state_label
from ...models import Priority, Submission, Theme
from ...permissions import can_moderate
from ...services import (
    TransitionRefused,
    answer_fields,
    correct_answers,
    editable_parts,
    set_themes,
)
from ...services.editing import ANSWERS, THEMES
from ..base import add_service_errors
from ..keys import KeysWithinRangeMixin
from ..urls import inspect_url
from .actions import safe_next_url, visible_submission_or_404
from .answers import ANSWER_GROUPS, field_label
from .pages import form_page, refused_page
from .step_forms import group_fields


class CorrectionForm(forms.ModelForm):
    """The practitioner's answers, as they are now, and why they are being corrected."""

    intro = (
        "Correct only what is wrong, such as a typing mistake or a detail the practitioner "
        "asked you to change. The review history records which answers changed and why."
    )
    submit_label = "Save the corrections"

    # Required here only so the form marks it like the other required answers; the
    # service's own check is the rule.
    reason = forms.CharField(
        label="Why are you correcting it?",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why you are correcting it."},
    )
    seen_updated_at = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name in self._meta.fields:
                field.label = field_label(type(self.instance), name)
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs.setdefault("rows", 4)
        if "priority" in self.fields:
            self.fields["priority"].queryset = Priority.objects.filter(
                district_id=self.instance.district_id
            )

    def clean_seen_updated_at(self):
        return parse_datetime(self.cleaned_data["seen_updated_at"] or "")

    def field_groups(self):
        groups = [
            (heading, "", [n for n in names if n in self.fields])
            for heading, names in ANSWER_GROUPS[type(self.instance)]
        ]
        return group_fields(self, [*groups, ("", "", ["reason"])])

    def changes(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields}


def correction_form_class(model: type[Submission]) -> type[CorrectionForm]:
    return forms.modelform_factory(model, form=CorrectionForm, fields=answer_fields(model))


class ThemesForm(KeysWithinRangeMixin, forms.Form):
    submit_label = "Save the themes"
    intro = "Themes show when gaps keep coming back to the same subject."

    themes = forms.ModelMultipleChoiceField(
        label="Themes",
        queryset=Theme.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": "Select only themes from the list."},
    )

    def __init__(self, *args, submission, **kwargs):
        super().__init__(*args, **kwargs)
        # A theme no longer in use stays ticked on the submissions that already have it.
        self.fields["themes"].queryset = Theme.objects.filter(
            Q(is_active=True) | Q(pk__in=submission.themes.values("pk"))
        )

    def field_groups(self):
        return group_fields(self, [])


def _refused(request, submission, title, part_words):
    if not can_moderate(submission, request.user):
        reason = (
            f"Only an EIDO for {submission.district} or a county lead can change its "
            f"{part_words}. Nothing has been changed."
        )
    else:
        state = state_label(type(submission), submission.state)
        reason = (
            f"{submission.reference} is “{state}”, so its {part_words} cannot be changed. "
            "Reopen it first if they must change. Nothing has been changed."
        )
    return refused_page(request, submission, title, reason)


def _render(request, submission, title, form, refusal="", status=200):
    return form_page(request, submission, title, form, refusal=refusal, status=status)


def _done(request, submission, text):
    messages.success(request, f"{text}: {submission.reference}.")
    return redirect(safe_next_url(request) or inspect_url(submission))


@require_http_methods(["GET", "POST"])
def correct_answers_view(request, model_name, pk):
    """Correct the practitioner's answers of an open submission, with a reason."""
    title = "Correct answers"
    submission = visible_submission_or_404(request.user, model_name, pk)
    if ANSWERS not in editable_parts(submission, request.user):
        return _refused(request, submission, title, "answers")
    form_class = correction_form_class(type(submission))
    if request.method == "GET":
        initial = {"seen_updated_at": submission.updated_at.isoformat()}
        return _render(request, submission, title, form_class(instance=submission, initial=initial))

    # The form works on its own copy: a refused correction must leave nothing half-applied.
    form = form_class(request.POST, instance=type(submission).objects.get(pk=submission.pk))
    if not form.is_valid():
        return _render(request, submission, title, form)
    try:
        correct_answers(
            submission=submission,
            actor=request.user,
            changes=form.changes(),
            reason=form.cleaned_data["reason"],
            seen_updated_at=form.cleaned_data["seen_updated_at"],
        )
    except ValidationError as error:
        add_service_errors(form, error)
        return _render(request, submission, title, form)
    except TransitionRefused as error:
        return _render(request, submission, title, form, str(error), status=409)
    except PermissionDenied:
        return _refused(request, submission, title, "answers")
    changed = set(form.changed_data) & set(form._meta.fields)
    return _done(request, submission, "Answers corrected" if changed else "No answers changed")


@require_http_methods(["GET", "POST"])
def themes_view(request, model_name, pk):
    """Tag an open submission with themes."""
    title = "Change themes"
    submission = visible_submission_or_404(request.user, model_name, pk)
    if THEMES not in editable_parts(submission, request.user):
        return _refused(request, submission, title, "themes")
    if request.method == "GET":
        form = ThemesForm(submission=submission, initial={"themes": submission.themes.all()})
        return _render(request, submission, title, form)
    form = ThemesForm(request.POST, submission=submission)
    if not form.is_valid():
        return _render(request, submission, title, form)
    try:
        set_themes(submission=submission, actor=request.user, themes=form.cleaned_data["themes"])
    except ValidationError as error:
        add_service_errors(form, error)
        return _render(request, submission, title, form)
    except TransitionRefused as error:
        return _render(request, submission, title, form, str(error), status=409)
    except PermissionDenied:
        return _refused(request, submission, title, "themes")
    return _done(request, submission, "Themes saved")
