"""Which workflow steps a person may take on a submission now, where their forms are, and, when
a step is refused, why in plain words. The state machine decides: django-fsm's available user
transitions, which check both the state and the step's permission."""

from dataclasses import dataclass

from django.http import Http404
from django.utils.http import url_has_allowed_host_and_scheme

from ...labels import PRACTITIONER_STEPS, SUBMISSION_MODELS, state_label, step_label
from ...models import Submission
from ...permissions import county_lead_only
from ...selectors import visible_to
from ...services.transitions import may_take_step
from ..base import scoped_object_or_404
from ..urls import step_url

# Steps that end a case rather than move it on: their buttons are less prominent.
ENDING_STEPS = frozenset({"decline", "withdraw"})


@dataclass(frozen=True)
class OfferedStep:
    name: str
    label: str
    url: str

    @property
    def is_ending(self) -> bool:
        return self.name in ENDING_STEPS


def visible_submission_or_404(user, model_name: str, pk) -> Submission:
    """The submission, if this person may see it; otherwise 404, whatever the reason, so that
    nobody learns whether another district's submission exists."""
    model = SUBMISSION_MODELS.get(model_name)
    if model is None:
        raise Http404("No such kind of submission")
    return scoped_object_or_404(visible_to(user, model).select_related("district"), pk)


def staff_steps_of(model: type[Submission]) -> set[str]:
    """The names of the steps of this model's workflow that staff take in the admin."""
    field = model._meta.get_field("state")
    return {t.name for t in field.get_all_transitions(model)} - PRACTITIONER_STEPS


def offered_step_names(submission: Submission, user) -> list[str]:
    """The steps this person may take on this submission now, in the model's order."""
    return [
        t.name
        for t in submission.get_available_user_state_transitions(user)
        if t.name not in PRACTITIONER_STEPS
    ]


def offered_steps(submission: Submission, user, next_url: str = "") -> list[OfferedStep]:
    """A button for each step this person may take now."""
    return [
        OfferedStep(name, step_label(name), step_url(submission, name, next_url))
        for name in offered_step_names(submission, user)
    ]


def _transitions_named(submission: Submission, name: str):
    return getattr(type(submission), name)._django_fsm.transitions.values()


def possible_from(submission: Submission, name: str, state: str) -> bool:
    """Whether the workflow allows the step from this state (for anyone)."""
    return any(str(t.source) == state for t in _transitions_named(submission, name))


def wrong_state_message(submission: Submission) -> str:
    state = state_label(type(submission), submission.state)
    return (
        f"{submission.reference} is now “{state}”, so that step is not possible. "
        "Nothing has been changed."
    )


def refusal_reason(submission: Submission, user, name: str) -> str:
    """Why this person may not take this step now, in plain words."""
    if not may_take_step(submission, name, user):
        label = step_label(name)
        action = label[:1].lower() + label[1:]
        who = (
            "a county lead"
            if all(t.permission is county_lead_only for t in _transitions_named(submission, name))
            else f"an EIDO for {submission.district} or a county lead"
        )
        return f"Only {who} can {action}. Nothing has been changed."
    return wrong_state_message(submission)


def safe_next_url(request) -> str:
    """The `next` address given with the request, if it is a path on this site; otherwise
    empty, so that nobody can be sent elsewhere after a step."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if (
        candidate.startswith("/")
        and not candidate.startswith("//")
        and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return candidate
    return ""
