"""The admin form for one workflow step of one submission (URL name `pei_workflow_step`).

The view parses the form, calls the step's one service in pei_workflow.services, and renders
the outcome; the service holds every rule. What a person sees:

- a submission they may not see: 404, whatever the step;
- a step not offered to them now (wrong state, or not their step): 403, saying why;
- input the service refuses: the form again, with an error summary and each message beside
  its field;
- someone else moved the case first: the form again with their input kept, the reason at the
  top, and status 409;
- success: back to `?next=` (a path on this site) or the submission, with a message.

A step whose text the practitioner reads (`Step.message_field`) offers "Start from a
template": `?template=<id>` shows the form with that template's text filled in for this
submission; an id not offered to this person for this step is a 400 and changes nothing.

A gap that is a repeated need may be passed to the Sub Group with its reason drafted:
`?draft=repeated_need` on that step's form (`repeated_needs.sub_group_reason_draft`); on any
other step, or a gap that is not a repeated need, it is a 400.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_http_methods
from wagtail.admin import messages

from ... import services
from ...labels import history_label, step_label
from ...models import GapInService, Meeting, pounds
from ...repeated_needs import REPEATED_NEED_DRAFT, is_repeated_need, sub_group_reason_draft
from ...services import TransitionRefused
from ...services.transitions import may_take_step, refusal_message
from ..base import bad_request
from ..urls import inspect_url, screen_url, step_url
from .actions import (
    offered_step_names,
    possible_from,
    refusal_reason,
    safe_next_url,
    staff_steps_of,
    visible_submission_or_404,
)
from .decision_forms import SubGroupDecisionForm, notes_form
from .message_choice import (
    TEMPLATE_PARAMETER,
    TemplateNotOffered,
    offered_templates,
    picked_template,
)
from .pages import form_page, refused_page
from .step_forms import (
    CloseForm,
    ConfirmForm,
    DeferForm,
    MeetingForm,
    MessageForm,
    PanelDecisionForm,
    SignpostForm,
    StepForm,
    reason_form,
)

PRACTITIONER_SEES = "The practitioner sees this in an email and on their status page."


MESSAGE = "practitioner_message"

#: `?draft=` on a step's form: which drafted text to fill in.
DRAFT_PARAMETER = "draft"
DRAFT_HINT = (
    "Drafted from the similar gaps, by reference only. Add what the Sub Group is asked to decide."
)


@dataclass(frozen=True)
class Step:
    form_class: type[StepForm]
    #: The name of the service in pei_workflow.services, looked up when the step runs.
    service: str
    #: The form's field that holds the text the practitioner reads, if it has one: a message
    #: template fills it in.
    message_field: str = ""


STEPS = {
    "start_review": Step(ConfirmForm, "start_review"),
    "request_information": Step(MessageForm, "request_information", "message"),
    "signpost": Step(SignpostForm, "signpost", MESSAGE),
    "add_to_agenda": Step(MeetingForm, "add_to_agenda"),
    "defer": Step(DeferForm, "defer"),
    "record_panel_decision": Step(PanelDecisionForm, "record_panel_decision", MESSAGE),
    "escalate_to_sub_group": Step(
        reason_form("Why does it need the Sub Group?", "Pass to the Sub Group"),
        "escalate_to_sub_group",
    ),
    "record_sub_group_decision": Step(SubGroupDecisionForm, "record_sub_group_decision", MESSAGE),
    "escalate_to_trust_board": Step(
        reason_form("Why does it need the Trust Board?", "Pass to the Trust Board"),
        "escalate_to_trust_board",
    ),
    "refer_to_county_caf_group": Step(
        reason_form("Why does it need the county CAF group?", "Refer it"),
        "refer_to_county_caf_group",
    ),
    "record_trust_board_decision": Step(
        notes_form("the Trust Board"), "record_trust_board_decision", MESSAGE
    ),
    "record_county_response": Step(
        notes_form("the Trust Board or the county CAF group"), "record_county_response", MESSAGE
    ),
    "close": Step(CloseForm, "close", MESSAGE),
    "decline": Step(
        reason_form("Why are you declining it?", "Decline", help_text=PRACTITIONER_SEES),
        "decline",
        "reason",
    ),
    "withdraw": Step(
        reason_form("Why is it being withdrawn?", "Withdraw", optional=True),
        "withdraw_for_practitioner",
    ),
    "reopen": Step(reason_form("Why are you reopening it?", "Reopen"), "reopen"),
}


@require_http_methods(["GET", "POST"])
def step_view(request, model_name, pk, transition):
    """Show (GET) or take (POST) one workflow step of one submission."""
    submission = visible_submission_or_404(request.user, model_name, pk)
    step = STEPS.get(transition)
    if step is None or transition not in staff_steps_of(type(submission)):
        raise Http404("No such step")
    offered = transition in offered_step_names(submission, request.user)

    if request.method == "GET":
        if not offered:
            return _refused(request, submission, transition)
        initial = {"seen_state": submission.state}
        templates = _templates(request, submission, transition)
        try:
            picked = picked_template(request.GET, templates)
        except TemplateNotOffered as problem:
            return bad_request(
                request,
                str(problem),
                back_url=step_url(submission, transition, safe_next_url(request)),
                title="This form cannot start from that",
                advice="Choose a template from the list on the form instead.",
                back_label="Go to the form",
            )
        if picked is not None:
            initial[step.message_field] = picked.text
        draft = request.GET.get(DRAFT_PARAMETER)
        if draft is not None:
            problem = _draft_problem(submission, transition, draft)
            if problem:
                return bad_request(
                    request,
                    problem,
                    back_url=step_url(submission, transition, safe_next_url(request)),
                    title="This form cannot start from that",
                    advice="Write the reason on the form instead.",
                    back_label="Go to the form",
                )
            initial["reason"] = sub_group_reason_draft(submission, request.user)
        form = step.form_class(submission=submission, user=request.user, initial=initial)
        if draft is not None:
            form.fields["reason"].help_text = DRAFT_HINT
        return _render(request, submission, transition, form, templates=templates, picked=picked)

    form = step.form_class(request.POST, submission=submission, user=request.user)
    if not offered:
        if _lost_a_race(submission, request.user, transition, request.POST.get("seen_state")):
            return _render(
                request, submission, transition, form, refusal_message(submission), status=409
            )
        return _refused(request, submission, transition)
    if not form.is_valid():
        return _render(request, submission, transition, form)
    try:
        service = getattr(services, step.service)
        service(submission=submission, actor=request.user, **form.service_kwargs())
    except ValidationError as error:
        form.add_service_errors(error)
        return _render(request, submission, transition, form)
    except TransitionRefused as error:
        return _render(request, submission, transition, form, str(error), status=409)
    except PermissionDenied:
        return _refused(request, submission, transition)

    messages.success(request, f"{history_label(transition)}: {submission.reference}.")
    return redirect(safe_next_url(request) or inspect_url(submission))


def _draft_problem(submission, transition: str, draft: str) -> str:
    """Why this form cannot start from the draft asked for; empty when it can."""
    if draft != REPEATED_NEED_DRAFT or transition != "escalate_to_sub_group":
        return "This form has no such draft."
    if not isinstance(submission, GapInService) or not is_repeated_need(submission):
        return f"{submission.reference} is not a repeated need, so there is no draft for it."
    return ""


def _lost_a_race(submission, user, transition, seen_state) -> bool:
    """The person's form was shown when the step was possible, and the case has moved since:
    someone else acted first. A step forced from the wrong state has no such form."""
    return bool(
        seen_state
        and seen_state != submission.state
        and possible_from(submission, transition, seen_state)
        and may_take_step(submission, transition, user)
    )


def _refused(request, submission, transition):
    reason = refusal_reason(submission, request.user, transition)
    return refused_page(request, submission, step_label(transition), reason)


def _templates(request, submission, transition):
    if not STEPS[transition].message_field:
        return []
    return offered_templates(request.user, submission, transition)


def _render(
    request, submission, transition, form, refusal="", status=200, templates=None, picked=None
):
    # The form is sent to the step's own address: a template picked is not sent with it.
    action_url = step_url(submission, transition, safe_next_url(request))
    extra = {"transition": transition, "action_url": action_url}
    message_field = STEPS[transition].message_field
    if templates is None:
        templates = _templates(request, submission, transition)
    if templates:
        extra |= {
            "message_templates": templates,
            "picked_template": picked,
            "message_field": form[message_field],
            "template_parameter": TEMPLATE_PARAMETER,
            "template_url": step_url(submission, transition),
        }
    if isinstance(form, MeetingForm):
        extra |= {"meeting_step": True, "create_meeting_url": _create_meeting_url()}
    if isinstance(form, PanelDecisionForm):
        extra["budget"] = _budget(submission)
    return form_page(
        request, submission, step_label(transition), form, refusal=refusal, status=status, **extra
    )


def _budget(submission) -> dict:
    """The figures the EIDO needs beside the amount: the panel maximum, and the district's
    budget, spend to date and what is left, for the financial year of the meeting."""
    day = submission.meeting.date if submission.meeting_id else timezone.localdate()
    position = services.budget_position(district=submission.district, day=day)
    return {
        "year": position.year_label,
        "maximum": pounds(submission.district.panel_maximum),
        "budget": pounds(position.budget) if position.budget is not None else "",
        "spent": pounds(position.spent),
        "left": pounds(position.left),
    }


def _create_meeting_url() -> str:
    return screen_url(Meeting, "create")
