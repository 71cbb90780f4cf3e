"""The project a decision commissions: the Sub Group's "A service commissioned", or a Trust
Board decision or county response that commissions one. The decision's service (see
`decisions`) checks what was chosen before its unit of work starts (`check_commissioning`),
then makes or links the project inside it (`commission`), with the submission's row locked,
and names it in the review history row (`commission_data`)."""

import datetime
from dataclasses import dataclass, replace
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from ..models import CafEscalation, CommissionedProject, Submission
from ..selectors import projects_visible_to
from .projects import Errors, missing_details, project_texts
from .records import log_saved, save_record

EXISTING, NEW = "existing", "new"
PROJECT_ACTION = "project_action"
_NEW_PROJECT_FIELDS = ("name", "provider", "start_date", "end_date", "cost", "commissioned_by")


@dataclass(frozen=True)
class Commissioning:
    """What a decision commissioned: a project already recorded (`action` EXISTING, with
    `project`), or a new one (`action` NEW, with its name, provider, dates and cost; its
    districts are the submission's, its themes the submission's themes, its outcomes added
    on its page later). The step forms' fields are these names prefixed `project_`
    (`project_action`, `project`, `project_name`, ...), and so are the keys of a refusal."""

    action: str
    project: CommissionedProject | None = None
    name: str = ""
    provider: str = ""
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None
    cost: Decimal | None = None


def projects_a_decision_may_link(actor, submission: Submission) -> QuerySet:
    """The projects a decision about `submission` may be linked to: those the actor may see
    that cover the submission's district, so that whoever reads the decision may open the
    project."""
    return projects_visible_to(actor).filter(districts=submission.district_id).order_by("name")


def check_commissioning(
    commissioning: Commissioning | None, *, submission: Submission, actor
) -> Commissioning:
    """Check what a decision commissioned before its unit of work starts: a project from
    those it may link to, or a new project's details (its texts through the anonymity guard).
    Returns it with its texts tidied."""
    if commissioning is None or commissioning.action not in (EXISTING, NEW):
        raise ValidationError(
            {PROJECT_ACTION: "Choose whether it is a project already recorded or a new one."}
        )
    if commissioning.action == EXISTING:
        if commissioning.project is None:
            raise ValidationError({"project": "Select the project that was commissioned."})
        linkable = projects_a_decision_may_link(actor, submission)
        if not linkable.filter(pk=commissioning.project.pk).exists():
            raise ValidationError(
                {"project": f"Select a project that covers {submission.district}."}
            )
        return commissioning
    errors = Errors()
    name, provider = project_texts(
        errors, name=commissioning.name, provider=commissioning.provider, prefix="project_"
    )
    missing_details(errors, vars(commissioning), prefix="project_")
    errors.raise_any()
    return replace(commissioning, name=name, provider=provider)


def commission(
    commissioning: Commissioning, *, submission: Submission, actor, commissioned_by: str
) -> tuple[CommissionedProject, bool]:
    """In the decision's unit, with the submission's row locked: make the new project (or
    lock the one chosen) and link the submission to it, as evidence of what led to it.
    Returns the project, and whether it is new."""
    created = commissioning.action == NEW
    if created:
        project = CommissionedProject(
            name=commissioning.name,
            provider=commissioning.provider,
            start_date=commissioning.start_date,
            end_date=commissioning.end_date,
            cost=commissioning.cost,
            commissioned_by=commissioned_by,
        )
        try:
            save_record(project, actor=actor, reason=f"Commissioned for {submission.reference}")
        except ValidationError as error:
            keys = {name: f"project_{name}" for name in _NEW_PROJECT_FIELDS}
            errors = Errors()
            errors.add(error, {key: keys.get(key, PROJECT_ACTION) for key in error.message_dict})
            errors.raise_any()
        project.districts.set([submission.district_id])
        project.themes.set(submission.themes.all())
        log_saved(project, actor=actor, created=True)
    else:
        project = (
            CommissionedProject.objects.select_for_update()
            .filter(pk=commissioning.project.pk, districts=submission.district_id)
            .first()
        )
        if project is None:
            raise ValidationError({"project": "That project no longer covers the district."})
    links = project.caf_escalations if isinstance(submission, CafEscalation) else project.gaps
    links.add(submission)
    return project, created


def commission_data(project: CommissionedProject, created: bool) -> dict:
    """What the decision's review history row records of the project."""
    return {"project": project.name, "project_id": project.pk, "new_project": created}
