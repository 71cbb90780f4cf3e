"""The daily reminders of cases due soon and overdue, and sending any daily reminder once.

Each person who has something due gets one email of their cases: those assigned to them, and
those assigned to nobody in the districts where they are an EIDO, as far as they may see them
(`visible_to`). Each county lead with anything due in the county also gets a summary: how
many cases are overdue and due soon, by district and state. The emails carry references,
kinds, states, districts, due dates and admin links, never what a practitioner wrote or who
they are. Nobody with nothing due is emailed.

`send_digests` queues each reminder through the durable email queue and records it
(`DigestSent`) in one transaction, so a second run on the same day sends nothing again. Other
apps' reminders (the guidance pages' review dates) are sent through it too, by `pei_site`.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Q
from django.template.loader import render_to_string

from .admin.urls import screen_url
from .deadlines import DueMark, DueMarks, due_marks
from .labels import SUBMISSION_MODELS, state_label
from .mail import deliver_email
from .models import DigestKind, DigestSent, DistrictAssignment, DistrictRole
from .notifications import admin_inspect_url
from .permissions import county_leads
from .selectors import visible_to


@dataclass(frozen=True)
class Digest:
    """One reminder email for one person."""

    recipient: object
    kind: str
    subject: str
    body: str
    #: What the email is about, for the logs: never an address or its content.
    about: str


@dataclass(frozen=True)
class DueCase:
    reference: str
    kind: str
    state: str
    district: str
    due_on: datetime.date
    url: str


def _admin_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _list_links() -> list[tuple[str, str]]:
    return [
        (str(model._meta.verbose_name_plural), _admin_url(screen_url(model)))
        for model in SUBMISSION_MODELS.values()
    ]


def _active_with_email():
    return get_user_model().objects.filter(is_active=True).exclude(email="")


def _eido_districts() -> dict[int, set[int]]:
    found = defaultdict(set)
    for user_id, district_id in DistrictAssignment.objects.filter(
        role=DistrictRole.EIDO
    ).values_list("user_id", "district_id"):
        found[user_id].add(district_id)
    return found


def _cases_of(person, district_ids: set[int], marks: DueMarks) -> dict[DueMark, list[DueCase]]:
    """The person's overdue and due-soon cases, soonest due first."""
    found = {DueMark.OVERDUE: [], DueMark.DUE_SOON: []}
    theirs = Q(assigned_to=person) | Q(assigned_to=None, district_id__in=district_ids)
    for model in SUBMISSION_MODELS.values():
        cases = (
            visible_to(person, model)
            .filter(marks.marked())
            .filter(theirs)
            .select_related("district")
            .only("reference", "state", "due_on", "district__name")
            .order_by("due_on", "reference")
        )
        for case in cases:
            found[marks.of(case.due_on)].append(
                DueCase(
                    reference=case.reference,
                    kind=str(model.kind.label),
                    state=state_label(model, case.state),
                    district=case.district.name,
                    due_on=case.due_on,
                    url=admin_inspect_url(case),
                )
            )
    for cases in found.values():
        cases.sort(key=lambda case: (case.due_on, case.reference))
    return found


def case_digests(marks: DueMarks) -> list[Digest]:
    """One email for each person with cases overdue or due soon."""
    eido_districts = _eido_districts()
    assigned = set()
    for model in SUBMISSION_MODELS.values():
        assigned |= set(
            model.objects.filter(marks.marked(), assigned_to__isnull=False)
            .values_list("assigned_to", flat=True)
            .distinct()
        )
    people = _active_with_email().filter(pk__in=set(eido_districts) | assigned).order_by("pk")
    digests = []
    for person in people:
        cases = _cases_of(person, eido_districts.get(person.pk, set()), marks)
        overdue, soon = cases[DueMark.OVERDUE], cases[DueMark.DUE_SOON]
        if not overdue and not soon:
            continue
        body = render_to_string(
            "pei_workflow/email/cases_due_digest.txt",
            {
                "today": marks.today,
                "overdue": overdue,
                "due_soon": soon,
                "lists": _list_links(),
            },
        )
        digests.append(
            Digest(
                recipient=person,
                kind=DigestKind.CASES,
                subject=f"Cases due: {len(overdue)} overdue, {len(soon)} due soon",
                body=body,
                about="cases due",
            )
        )
    return digests


def _county_counts(lead, marks: DueMarks) -> list[dict]:
    """How many cases are overdue and due soon, by district, kind and state: one query per
    kind."""
    rows = []
    for model in SUBMISSION_MODELS.values():
        counted = (
            visible_to(lead, model)
            .filter(marks.marked())
            .order_by()
            .values("district__name", "state")
            .annotate(
                overdue=Count("pk", filter=marks.q(DueMark.OVERDUE)),
                due_soon=Count("pk", filter=marks.q(DueMark.DUE_SOON)),
            )
        )
        rows += [
            {
                "district": row["district__name"],
                "kind": str(model.kind.label),
                "state": state_label(model, row["state"]),
                "overdue": row["overdue"],
                "due_soon": row["due_soon"],
            }
            for row in counted
        ]
    rows.sort(key=lambda row: (row["district"], row["kind"], row["state"]))
    return rows


def county_summaries(marks: DueMarks) -> list[Digest]:
    """One summary for each county lead, if anything in the county is due."""
    digests = []
    for lead in county_leads().exclude(email="").order_by("pk"):
        rows = _county_counts(lead, marks)
        if not rows:
            continue
        overdue = sum(row["overdue"] for row in rows)
        soon = sum(row["due_soon"] for row in rows)
        body = render_to_string(
            "pei_workflow/email/county_due_summary.txt",
            {
                "today": marks.today,
                "rows": rows,
                "overdue": overdue,
                "due_soon": soon,
                "lists": _list_links(),
            },
        )
        digests.append(
            Digest(
                recipient=lead,
                kind=DigestKind.COUNTY_SUMMARY,
                subject=f"County summary: {overdue} overdue, {soon} due soon",
                body=body,
                about="county summary",
            )
        )
    return digests


def casework_digests(day: datetime.date) -> list[Digest]:
    """Every casework reminder for `day`: each person's cases, then the county summaries."""
    marks = due_marks(day)
    return case_digests(marks) + county_summaries(marks)


def already_sent(day: datetime.date) -> set[tuple[int, str]]:
    return set(DigestSent.objects.filter(day=day).values_list("recipient_id", "kind"))


def send_digests(digests: list[Digest], *, day: datetime.date) -> list[Digest]:
    """Queue each reminder not yet sent to its person on `day`, recording it in the same
    transaction; the email is queued after the commit. Returns those queued."""
    queued = []
    for digest in digests:
        with transaction.atomic():
            _, created = DigestSent.objects.get_or_create(
                recipient=digest.recipient, kind=digest.kind, day=day
            )
            if not created:
                continue
            transaction.on_commit(
                lambda digest=digest: deliver_email.enqueue(
                    subject=digest.subject,
                    body=digest.body,
                    to=[digest.recipient.email],
                    about=f"{digest.about} of {day.isoformat()}",
                )
            )
        queued.append(digest)
    return queued


def not_yet_sent(digests: list[Digest], *, day: datetime.date) -> list[Digest]:
    """The reminders a run on `day` would still send (for a dry run)."""
    sent = already_sent(day)
    return [d for d in digests if (d.recipient.pk, d.kind) not in sent]
