"""Redacting an identifying detail from a submission: a form that asks which text, the whole of
it or a passage, and why; `services.redact` does the work and decides what is acceptable."""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods
from wagtail.admin import messages

from ...permissions import can_moderate
from ...services import redact
from ...services.redaction import (
    REDACTED,
    REVIEW_HISTORY,
    fields_with_text,
    redaction_choices,
)
from ..base import add_service_errors
from ..urls import inspect_url
from .actions import visible_submission_or_404
from .pages import refused_page
from .step_forms import FREE_TEXT, group_fields

WHOLE = "whole"
PASSAGE = "passage"
TITLE = "Redact an identifying detail"


class RedactionForm(forms.Form):
    """Which text to redact, all of it or a passage, and why. The names are the service's
    argument names, so its refusals land beside the right field."""

    intro = (
        "Use this when a submission holds something that could identify a child, young "
        f"person or family. The text is replaced with “{REDACTED}” in the submission, in every "
        "earlier version of it, in the review history and in any email waiting to be sent. "
        "The history records who redacted which answer, when and why, but not the text."
    )
    submit_label = "Redact"

    field = forms.ChoiceField(
        label="Which answer or note holds it?",
        widget=forms.RadioSelect,
        error_messages={"required": "Select the answer or note to redact."},
    )
    part = forms.ChoiceField(
        label="What do you want to redact?",
        widget=forms.RadioSelect,
        choices=[
            (PASSAGE, "A passage: every place it appears"),
            (WHOLE, "The whole answer or note"),
        ],
        initial=PASSAGE,
        error_messages={"required": "Select whether to redact a passage or the whole text."},
    )
    passage = forms.CharField(
        label="The passage",
        help_text="Copy the words exactly as they appear. Capitals and line breaks do not "
        "matter. Leave it empty to redact the whole answer or note.",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    reason = forms.CharField(
        label="Why are you redacting it?",
        help_text="Say what kind of detail it was, such as “the school's name”. Do not "
        "repeat the text you are redacting.",
        widget=FREE_TEXT,
        error_messages={"required": "Enter why you are redacting it."},
    )
    confirm = forms.BooleanField(
        label="I understand that the text will be removed from every version and cannot be "
        "brought back",
        help_text="Nobody can see it again, on this screen or in the history.",
        error_messages={"required": "Confirm that you understand the text cannot be brought back."},
    )

    def __init__(self, *args, submission, **kwargs):
        super().__init__(*args, **kwargs)
        held = set(fields_with_text(submission))
        self.fields["field"].choices = [
            (name, label)
            for name, label in redaction_choices(type(submission))
            if name in held or name == REVIEW_HISTORY
        ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("part") == PASSAGE and not (cleaned.get("passage") or "").strip():
            self.add_error("passage", "Enter the passage to redact.")
        if cleaned.get("part") == WHOLE and cleaned.get("field") == REVIEW_HISTORY:
            self.add_error(
                "part", "Select “A passage”: the review history is redacted a passage at a time."
            )
        return cleaned

    def field_groups(self):
        return group_fields(self, [])

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        passage = data["passage"] if data["part"] == PASSAGE else None
        return {"field": data["field"], "passage": passage, "reason": data["reason"]}


def _refused(request, submission):
    reason = (
        f"Only an EIDO for {submission.district} or a county lead can redact "
        f"{submission.reference}. Nothing has been changed."
    )
    return refused_page(request, submission, TITLE, reason)


def _render(request, submission, form, status=200):
    context = {
        "submission": submission,
        "step_label": TITLE,
        "form": form,
        "back_url": inspect_url(submission),
        "action_url": request.path,
    }
    return TemplateResponse(request, "pei_workflow/admin/redact_form.html", context, status=status)


@require_http_methods(["GET", "POST"])
def redact_view(request, model_name, pk):
    """Redact a passage, or the whole of an answer or note, from a submission of any state."""
    submission = visible_submission_or_404(request.user, model_name, pk)
    if not can_moderate(submission, request.user):
        return _refused(request, submission)
    if request.method == "GET":
        return _render(request, submission, RedactionForm(submission=submission))
    form = RedactionForm(request.POST, submission=submission)
    if not form.is_valid():
        return _render(request, submission, form)
    try:
        removed = redact(submission=submission, actor=request.user, **form.service_kwargs())
    except ValidationError as error:
        add_service_errors(form, error)
        return _render(request, submission, form)
    except PermissionDenied:
        return _refused(request, submission)
    messages.success(
        request,
        f"Redacted from {submission.reference}: the text is gone from {removed.summary()}.",
    )
    return redirect(inspect_url(submission))
