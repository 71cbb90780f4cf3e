"""The caseload screens: who has a case (one, from its page, or many, from a list) and staff
notes. They parse the form, call `services.caseload`, and answer as the other change screens
do (`pages.form_page`, `pages.refused_page`)."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.admin import messages

from ...labels import SUBMISSION_MODELS
from ...models.roles import person_label
from ...permissions import can_moderate
from ...selectors import visible_district_ids, visible_to
from ...services import TransitionRefused, editable_parts
from ...services.caseload import (
    MOST_AT_ONCE,
    add_note,
    assign,
    caseholders,
    caseholders_offered_to,
)
from ...services.editing import ASSIGNEE, NOTES
from ..base import add_service_errors, bad_request, refused
from ..urls import inspect_url, screen_url
from .actions import safe_next_url, visible_submission_or_404
from .pages import form_page, refused_page
from .step_forms import FREE_TEXT, group_fields


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return person_label(obj)


def assignee_field(people, **kwargs) -> PersonChoiceField:
    """A choice of who has the case, from `people`, or Nobody."""
    return PersonChoiceField(
        queryset=people,
        required=False,
        empty_label="Nobody",
        error_messages={"invalid_choice": "Choose someone from the list."},
        **kwargs,
    )


class AssignForm(forms.Form):
    submit_label = "Save"
    intro = (
        "Choose who has this case: an EIDO of its district or a county lead. They are "
        "emailed its reference. Choose Nobody to take the assignment off."
    )

    def __init__(self, *args, submission, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"] = assignee_field(
            caseholders([submission.district_id]),
            label="Assigned to",
            initial=submission.assigned_to_id,
        )

    def field_groups(self):
        return group_fields(self, [])


class NoteForm(forms.Form):
    submit_label = "Add the note"
    intro = (
        "Notes are for staff. The practitioner never sees them, and they are not on any "
        "agenda. Do not name or describe a child, young person or family."
    )
    text = forms.CharField(label="Note", widget=FREE_TEXT, required=False)

    def field_groups(self):
        return group_fields(self, [])


def _refused(request, submission, title, what):
    if not can_moderate(submission, request.user):
        reason = (
            f"Only an EIDO for {submission.district} or a county lead can {what}. "
            "Nothing has been changed."
        )
    else:
        reason = (
            f"{submission.reference} is “{submission.get_state_display()}”, so you cannot "
            f"{what}. Reopen it first. Nothing has been changed."
        )
    return refused_page(request, submission, title, reason)


def _done(request, submission, text):
    messages.success(request, f"{text}: {submission.reference}.")
    return redirect(safe_next_url(request) or inspect_url(submission))


@require_http_methods(["GET", "POST"])
def assign_view(request, model_name, pk):
    """Choose who has one open case. A POST of `assignee` alone (the page's "Assign to me"
    button) takes the same path."""
    title = "Assign the case"
    what = "assign this case"
    submission = visible_submission_or_404(request.user, model_name, pk)
    if ASSIGNEE not in editable_parts(submission, request.user):
        return _refused(request, submission, title, what)
    if request.method == "GET":
        form = AssignForm(submission=submission)
        return form_page(request, submission, title, form)
    form = AssignForm(request.POST, submission=submission)
    if not form.is_valid():
        return form_page(request, submission, title, form)
    assignee = form.cleaned_data["assignee"]
    try:
        assign(submissions=submission, actor=request.user, assignee=assignee)
    except ValidationError as error:
        add_service_errors(form, error)
        return form_page(request, submission, title, form)
    except TransitionRefused as error:
        return form_page(request, submission, title, form, refusal=str(error), status=409)
    except PermissionDenied:
        return _refused(request, submission, title, what)
    if assignee is None:
        return _done(request, submission, "Assignment taken off")
    return _done(request, submission, f"Assigned to {person_label(assignee)}")


@require_http_methods(["GET", "POST"])
def note_view(request, model_name, pk):
    """Add a staff note to an open case."""
    title = "Add a note"
    what = "add a note"
    submission = visible_submission_or_404(request.user, model_name, pk)
    if NOTES not in editable_parts(submission, request.user):
        return _refused(request, submission, title, what)
    form = NoteForm(request.POST or None)
    if request.method == "GET" or not form.is_valid():
        return form_page(request, submission, title, form)
    try:
        add_note(submission=submission, actor=request.user, text=form.cleaned_data["text"])
    except ValidationError as error:
        add_service_errors(form, error)
        return form_page(request, submission, title, form)
    except TransitionRefused as error:
        return form_page(request, submission, title, form, refusal=str(error), status=409)
    except PermissionDenied:
        return _refused(request, submission, title, what)
    return _done(request, submission, "Note added")


class BulkAssignForm(forms.Form):
    """Who a list's "Assign the ticked cases" form gives the ticked cases to: anyone the list
    offers (`caseholders_offered_to`); the service checks them against the cases ticked."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        offered = [person.pk for person in caseholders_offered_to(user)]
        self.fields["assignee"] = assignee_field(get_user_model().objects.filter(pk__in=offered))


def _selected_ids(request) -> list[int] | None:
    try:
        return sorted({int(value) for value in request.POST.getlist("selected")})
    except ValueError:
        return None


def _not_assigned(request, reason: str, back: str, status: int = 400):
    return bad_request(
        request,
        reason,
        back_url=back,
        title="The cases could not be assigned",
        advice="Go back to the list, tick the cases and choose the person again.",
        status=status,
    )


@require_POST
def bulk_assign_view(request, model_name):
    """Assign the cases ticked on a list to one person, then go back to the list as it was
    (`next`). A case the person may not see is a 404, as everywhere; bad input is a 400 with
    the reason, and changes nothing."""
    model = SUBMISSION_MODELS.get(model_name)
    if model is None:
        raise Http404("No such list")
    back = safe_next_url(request) or screen_url(model)
    if not visible_district_ids(request.user):
        return refused(request, "Only EIDOs and county leads can assign cases.")
    ids = _selected_ids(request)
    if ids is None:
        raise Http404("No such submission")
    form = BulkAssignForm(request.POST, user=request.user)
    if not form.is_valid():
        return _not_assigned(request, form.errors["assignee"][0], back)
    if len(ids) > MOST_AT_ONCE:
        return _not_assigned(request, f"Select {MOST_AT_ONCE} cases or fewer at once.", back)
    cases = visible_to(request.user, model).filter(pk__in=ids)
    if cases.count() != len(ids):
        raise Http404("No such submission")
    assignee = form.cleaned_data["assignee"]
    try:
        assign(submissions=cases, actor=request.user, assignee=assignee)
    except ValidationError as error:
        return _not_assigned(request, " ".join(error.messages), back)
    except TransitionRefused as error:
        return _not_assigned(request, str(error), back, status=409)
    except PermissionDenied:
        return refused(
            request,
            "Only an EIDO of each case's district or a county lead can assign it. "
            "Nothing has been changed.",
            back_url=back,
        )
    count = f"{len(ids)} case{'s' if len(ids) != 1 else ''}"
    who = person_label(assignee) if assignee else "nobody"
    messages.success(request, f"{count} assigned to {who}.")
    return redirect(back)
