"""Every address of the casework admin, built in one place: the wagtail-modeladmin screens'
(named by modeladmin as `<app>_<model>_modeladmin_<action>`) and the project's own views.
No other module writes out a URL name."""

from urllib.parse import urlencode

from django.db.models import Model
from django.urls import reverse

# The names of the project's own admin views, registered by each screen family's hooks.
STEP = "pei_workflow_step"
CORRECT = "pei_workflow_correct"
THEMES = "pei_workflow_themes"
REDACT = "pei_workflow_redact"
ASSIGN = "pei_workflow_assign"
NOTE = "pei_workflow_note"
BULK_ASSIGN = "pei_workflow_bulk_assign"
HISTORY = "pei_workflow_history"
COMPARE = "pei_workflow_compare"
AGENDA = "pei_workflow_agenda"
REMOVE_COUNTY_LEAD = "pei_people_remove_county_lead"
SECOND_FACTORS = "pei_people_second_factors"
REMOVE_SECOND_FACTOR = "pei_people_remove_second_factor"
REPORTS = "pei_workflow_reports"
COUNTY_REPORT = "pei_workflow_county_report"
DISTRICT_REPORT = "pei_workflow_district_report"
ADD_RETURN = "pei_workflow_project_add_return"
CORRECT_RETURN = "pei_workflow_project_correct_return"


def screen_url_name(model: type[Model] | Model, action: str = "index") -> str:
    opts = model._meta
    return f"{opts.app_label}_{opts.model_name}_modeladmin_{action}"


def screen_url(model: type[Model] | Model, action: str = "index", pk=None) -> str:
    """The address of a modeladmin screen: a model's list (`index`, `create`), or one row's
    `inspect`, `edit` or `delete` view (give `pk`, or pass the row itself)."""
    if pk is None and isinstance(model, Model) and action not in ("index", "create"):
        pk = model.pk
    return reverse(screen_url_name(model, action), args=[] if pk is None else [pk])


def inspect_url(obj: Model) -> str:
    return screen_url(obj, "inspect")


def admin_home_url() -> str:
    return reverse("wagtailadmin_home")


def _submission_kwargs(submission) -> dict:
    return {"model_name": submission._meta.model_name, "pk": submission.pk}


def step_url(submission, transition: str, next_url: str = "") -> str:
    url = reverse(STEP, kwargs={**_submission_kwargs(submission), "transition": transition})
    return f"{url}?{urlencode({'next': next_url}, safe='/')}" if next_url else url


def correct_url(submission) -> str:
    return reverse(CORRECT, kwargs=_submission_kwargs(submission))


def themes_url(submission) -> str:
    return reverse(THEMES, kwargs=_submission_kwargs(submission))


def assign_url(submission) -> str:
    return reverse(ASSIGN, kwargs=_submission_kwargs(submission))


def note_url(submission) -> str:
    return reverse(NOTE, kwargs=_submission_kwargs(submission))


def bulk_assign_url(model: type[Model]) -> str:
    return reverse(BULK_ASSIGN, kwargs={"model_name": model._meta.model_name})


def redact_url(submission) -> str:
    return reverse(REDACT, kwargs=_submission_kwargs(submission))


def history_url(submission) -> str:
    return reverse(HISTORY, kwargs=_submission_kwargs(submission))


def compare_url(submission, older: int | None = None, newer: int | None = None) -> str:
    url = reverse(COMPARE, kwargs=_submission_kwargs(submission))
    if older is None:
        return url
    return f"{url}?{urlencode({'from': older, 'to': newer})}"


def agenda_url(meeting_or_pk) -> str:
    pk = getattr(meeting_or_pk, "pk", meeting_or_pk)
    return reverse(AGENDA, kwargs={"pk": pk})


def remove_county_lead_url(user) -> str:
    return reverse(REMOVE_COUNTY_LEAD, args=[user.pk])


def second_factors_url() -> str:
    return reverse(SECOND_FACTORS)


def remove_second_factor_url(user) -> str:
    return reverse(REMOVE_SECOND_FACTOR, args=[user.pk])


def reports_url() -> str:
    return reverse(REPORTS)


def county_report_url() -> str:
    return reverse(COUNTY_REPORT)


def district_report_url(district) -> str:
    return reverse(DISTRICT_REPORT, kwargs={"code": district.code})


def add_return_url(project) -> str:
    return reverse(ADD_RETURN, kwargs={"pk": project.pk})


def correct_return_url(monitoring_return) -> str:
    return reverse(
        CORRECT_RETURN,
        kwargs={"pk": monitoring_return.project_id, "return_pk": monitoring_return.pk},
    )
