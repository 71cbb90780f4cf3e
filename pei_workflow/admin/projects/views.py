"""A project's page, its create and edit views (which hand the form to `save_project`), and
its delete view (which refuses while anything depends on the project)."""

import re

from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.shortcuts import redirect
from wagtail.admin import messages
from wagtail_modeladmin.views import CreateView, EditView, InspectView

from ... import audit
from ...labels import history_label
from ...models import CommissionedProject, pounds
from ...progress import project_evidence, project_progress
from ...selectors import visible_district_ids
from ...services import save_project
from .. import urls
from ..base import add_service_errors
from ..directory.views import GuardedDeleteView

EXAMPLE_NOTE = (
    "This is an example, loaded with the site to show how a commissioned project looks. "
    "The projects are real Pendle projects from the PEI guidance; the dates, cost, targets "
    "and figures are made up. Delete it once you have real projects."
)
_OUTCOME_ERROR = re.compile(r"outcomes-(?P<row>\d+)-(?P<field>\w+)")


class ProjectInspectView(InspectView):
    """A project as its readers see it: what was commissioned, from whom, where and when,
    for how much; its agreed outcomes and its returns against them, as a chart with its
    table; and the evidence behind it, as far as this person may see it."""

    def __init__(self, model_admin, instance_pk):
        super().__init__(model_admin, instance_pk)
        # Read once for the permission checks, the buttons, the audit entry and the page.
        prefetch_related_objects([self.instance], "districts", "themes")

    def get_fields_dict(self):
        # The template lays the project out itself.
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        project = self.instance
        user = self.request.user
        # Reached only once the screen has found the project to be this person's to read.
        audit.record_view(self.request, project)
        may_change = self.permission_helper.user_can_edit_obj(user, project)
        progress = project_progress(project)
        evidence = project_evidence(project, user)
        sees_casework = bool(visible_district_ids(user))
        context.update(
            project=project,
            example_note=EXAMPLE_NOTE if project.is_example else "",
            facts=_facts(project),
            progress=progress,
            chart=progress.chart(),
            return_rows=_return_rows(progress),
            add_return_url=urls.add_return_url(project) if may_change else "",
            correct_returns=may_change,
            submission_rows=_submission_rows(evidence),
            hidden_sentence=_hidden(
                evidence.hidden_submissions,
                "submission",
                sees_casework=sees_casework,
                shown=len(evidence.submissions),
            ),
            decision_rows=_decision_rows(evidence),
            hidden_decisions_sentence=_hidden(
                evidence.hidden_decisions,
                "decision",
                sees_casework=sees_casework,
                shown=len(evidence.decisions),
            ),
        )
        return context


def _return_rows(progress) -> list[dict]:
    return [
        {
            "period": row.monitoring_return.period,
            "narrative": row.monitoring_return.narrative,
            "figures": ["Not given" if figure is None else f"{figure:,}" for figure in row.figures],
            "correct_url": urls.correct_return_url(row.monitoring_return),
        }
        for row in progress.returns
    ]


def _submission_rows(evidence) -> list[dict]:
    return [
        {
            "reference": submission.reference,
            "url": urls.inspect_url(submission),
            "district": submission.district.name,
            "state": submission.get_state_display(),
            "themes": _names(submission.themes.all()),
        }
        for submission in evidence.submissions
    ]


def _decision_rows(evidence) -> list[dict]:
    return [
        {
            "label": history_label(decision.log.transition),
            "reference": decision.submission.reference,
            "actor": decision.log.actor_label,
            "when": decision.log.created_at,
            "new": decision.details.get("new_project") is True,
            "agreement": getattr(decision.details.get("agreement"), "label", ""),
            "comment": decision.log.comment,
        }
        for decision in evidence.decisions
    ]


def _plural(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _hidden(number: int, noun: str, *, sees_casework: bool, shown: int) -> str:
    """What the page says of the submissions or decisions this person may not see: how many,
    never which."""
    if not number:
        return ""
    if sees_casework:
        where = "from" if noun == "submission" else "about submissions from"
        sentence = f"{_plural(number, noun)} {where} districts whose casework you do not see."
        return f"And {sentence}" if shown else sentence[:1].upper() + sentence[1:]
    if noun == "submission":
        return (
            f"{_plural(number, noun)} led to this project. Only EIDOs and county leads see "
            "submissions."
        )
    return f"{_plural(number, noun)} commissioned it or linked a submission to it."


def _names(objects) -> str:
    return ", ".join(str(obj) for obj in objects) or "None"


def _facts(project: CommissionedProject) -> list[tuple[str, str]]:
    return [
        ("Provider", project.provider),
        ("Commissioned by", project.get_commissioned_by_display()),
        ("Districts", _names(project.districts.all())),
        ("Themes", _names(project.themes.all())),
        ("Dates", project.period),
        ("Cost", pounds(project.cost)),
    ]


class ProjectFormMixin:
    """The form parses; `save_project` decides (as `service_views.ServiceFormMixin`). A
    refusal about one agreed outcome goes beside that outcome's row. Saved, the person goes
    to the project's page."""

    def form_valid(self, form):
        existing = form.instance if form.instance.pk else None
        rows = [row for row, _change in form.outcome_changes()]
        try:
            self.instance = save_project(
                actor=self.request.user, project=existing, **form.service_arguments()
            )
        except ValidationError as refused:
            add_project_errors(form, refused, rows)
            return self.form_invalid(form)
        messages.success(self.request, self.get_success_message(self.instance))
        return redirect(self.get_success_url())

    def get_success_url(self):
        return urls.inspect_url(self.instance)


def add_project_errors(form, error: ValidationError, rows) -> None:
    """The service's refusal on the project form: an agreed outcome's beside its row (and,
    numbered, above the form), the rest beside their fields or above the form."""
    if not hasattr(error, "error_dict"):
        add_service_errors(form, error)
        return
    for key, messages_ in error.message_dict.items():
        found = _OUTCOME_ERROR.fullmatch(key)
        if found and int(found["row"]) < len(rows):
            number, name = int(found["row"]), found["field"]
            row = rows[number]
            row.add_error(name if name in row.fields else None, messages_)
            form.add_error(None, [f"Agreed outcome {number + 1}: {m}" for m in messages_])
        else:
            form.add_error(key if key in form.fields else None, messages_)


class ProjectCreateView(ProjectFormMixin, CreateView):
    pass


class ProjectEditView(ProjectFormMixin, EditView):
    pass


class ProjectDeleteView(GuardedDeleteView):
    """Deletes a project only when no decision and no return depends on it (an example
    goes with its returns)."""
