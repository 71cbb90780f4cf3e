"""Emails to staff about casework. They carry references and admin links, never the
practitioner's free text, so a forwarded or misdirected email gives nothing away."""

from django.apps import apps
from django.conf import settings
from django.template.loader import render_to_string

from .admin.urls import inspect_url
from .email_tasks import email_task
from .mail import deliver_email
from .models import DistrictAssignment, DistrictRole


def admin_inspect_url(submission) -> str:
    """The full address of a submission's page in the admin."""
    path = inspect_url(submission)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def eido_emails(district) -> list[str]:
    return sorted(
        DistrictAssignment.objects.filter(
            district=district, role=DistrictRole.EIDO, user__is_active=True
        )
        .exclude(user__email="")
        .values_list("user__email", flat=True)
        .distinct()
    )


@email_task
def notify_eidos_of_new_submission(*, model_label: str, pk: int):
    """Tell each EIDO of the district that a submission has arrived: one email each, so one
    bad address cannot stop the others."""
    submission = apps.get_model(model_label).objects.select_related("district").get(pk=pk)
    context = {
        "submission": submission,
        "kind": submission._meta.verbose_name,
        "admin_url": admin_inspect_url(submission),
    }
    subject = f"New {submission._meta.verbose_name}: {submission.reference}"
    body = render_to_string("pei_workflow/email/new_submission_to_eido.txt", context)
    for address in eido_emails(submission.district):
        deliver_email.enqueue(subject=subject, body=body, to=[address], about=submission.reference)


PRACTITIONER_STEP_SUBJECTS = {
    "provide_information": "The practitioner has answered your question",
    "withdraw": "The practitioner has withdrawn",
}


@email_task
def notify_eidos_of_practitioner_step(*, model_label: str, pk: int, log_pk: int):
    """Tell the district's EIDOs that the practitioner answered or withdrew."""
    from .models import TransitionLog

    submission = apps.get_model(model_label).objects.select_related("district").get(pk=pk)
    log = TransitionLog.objects.get(pk=log_pk)
    context = {
        "submission": submission,
        "kind": submission._meta.verbose_name,
        "log": log,
        "admin_url": admin_inspect_url(submission),
    }
    subject = f"{PRACTITIONER_STEP_SUBJECTS[log.transition]}: {submission.reference}"
    body = render_to_string("pei_workflow/email/practitioner_step_to_eido.txt", context)
    for address in eido_emails(submission.district):
        deliver_email.enqueue(subject=subject, body=body, to=[address], about=submission.reference)


@email_task
def notify_assignee(*, model_label: str, pks: list[int], assignee_id: int):
    """Tell a person the cases now theirs: one email for one assignment, however many cases,
    with each reference and its admin link. Cases given to someone else (or ended) since
    the assignment are left out; nothing is sent if none is left."""
    from django.contrib.auth import get_user_model

    assignee = get_user_model().objects.filter(pk=assignee_id, is_active=True).first()
    if assignee is None or not assignee.email:
        return
    cases = list(
        apps.get_model(model_label)
        .objects.filter(pk__in=pks, assigned_to=assignee)
        .select_related("district")
        .order_by("reference")
    )
    if not cases:
        return
    kind = cases[0]._meta.verbose_name
    context = {
        "cases": [(case, admin_inspect_url(case)) for case in cases],
        "kind": kind,
        "kind_plural": cases[0]._meta.verbose_name_plural,
    }
    subject = (
        f"A {kind} is now yours: {cases[0].reference}"
        if len(cases) == 1
        else f"{len(cases)} {cases[0]._meta.verbose_name_plural} are now yours"
    )
    body = render_to_string("pei_workflow/email/assigned_to_you.txt", context)
    deliver_email.enqueue(subject=subject, body=body, to=[assignee.email], about=cases[0].reference)
