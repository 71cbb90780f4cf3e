"""`manage.py send_overdue_digests`: one email per person with exactly their cases overdue
and due soon, a county summary for county leads, one reminder per page owner, nothing for a
person with nothing due, and nothing again on a second run the same day."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from pei_workflow.models import DigestSent, GapInService
from tests.clock import london
from tests.email_queue import run_email_worker
from tests.factories import (
    GuidancePageFactory,
    UserFactory,
    admin_county_lead,
    admin_eido,
    submitted_caf,
    submitted_gap,
)

pytestmark = pytest.mark.django_db

D = datetime.date
# Cases received on Friday 1 May 2026 are due on Monday 11 May (5 working days, the bank
# holiday skipped): on Tuesday 12 May they are overdue.
RECEIVED = D(2026, 5, 1)
SEND_DAY = D(2026, 5, 12)


@pytest.fixture
def clock(time_machine):
    def set_to(day: datetime.date) -> None:
        time_machine.move_to(london(day.year, day.month, day.day), tick=False)

    return set_to


def assign(case, person):
    GapInService.objects.filter(pk=case.pk).update(assigned_to=person)
    return case


def send(django_capture_on_commit_callbacks, *args) -> str:
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_overdue_digests", *args, stdout=out)
    run_email_worker()
    return out.getvalue()


def emails_to(person) -> list:
    return [message for message in mail.outbox if message.to == [person.email]]


@pytest.fixture
def casework(clock):
    """Two Pendle EIDOs and a Burnley one, a county lead, an EIDO with nothing due, and
    cases overdue and due soon, some assigned."""
    people = {
        "ann": admin_eido("PEN", username="ann", email="ann@example.org"),
        "ben": admin_eido("PEN", username="ben", email="ben@example.org"),
        "cat": admin_eido("BUR", username="cat", email="cat@example.org"),
        "dan": admin_eido("FYL", username="dan", email="dan@example.org"),
        "lead": admin_county_lead(username="lead", email="lead@example.org"),
    }
    clock(RECEIVED)
    cases = {
        "unassigned": submitted_gap("PEN"),
        "anns": assign(submitted_gap("PEN"), people["ann"]),
        "bens": assign(submitted_gap("PEN"), people["ben"]),
        "leads": assign(submitted_gap("BUR"), people["lead"]),
        "burnley": submitted_gap("BUR"),
        "caf": submitted_caf("PEN"),
    }
    clock(D(2026, 5, 6))
    cases["soon"] = submitted_gap("PEN")  # due Wednesday 13 May
    clock(D(2026, 5, 11))
    cases["later"] = submitted_gap("PEN")  # due 18 May: not yet due soon
    clock(SEND_DAY)
    return people, cases


def references_in(message, cases) -> set[str]:
    return {name for name, case in cases.items() if case.reference in message.body}


def test_each_eido_gets_one_email_with_exactly_their_cases(
    casework, django_capture_on_commit_callbacks
):
    """Their cases: assigned to them, or to nobody in their districts; never another
    district's, nor a case assigned to someone else."""
    people, cases = casework
    send(django_capture_on_commit_callbacks)

    (ann,) = emails_to(people["ann"])
    assert references_in(ann, cases) == {"unassigned", "anns", "caf", "soon"}
    overdue, due_soon = ann.body.split("Due soon (1)")
    assert "Overdue (3)" in overdue
    assert cases["soon"].reference in due_soon
    (ben,) = emails_to(people["ben"])
    assert references_in(ben, cases) == {"unassigned", "bens", "caf", "soon"}
    (cat,) = emails_to(people["cat"])
    assert references_in(cat, cases) == {"burnley"}


def test_an_email_names_the_case_not_what_the_practitioner_wrote_or_who_they_are(
    casework, django_capture_on_commit_callbacks
):
    people, cases = casework
    send(django_capture_on_commit_callbacks)
    (ann,) = emails_to(people["ann"])
    gap = cases["unassigned"]
    assert f"{gap.reference}: Gap in Service, Pendle, Received, due 11 May 2026" in ann.body
    assert f"/admin/pei_workflow/gapinservice/inspect/{gap.pk}/" in ann.body
    for message in mail.outbox:
        for private in (gap.practitioner_name, gap.email, gap.unmet_need, gap.phone):
            assert private not in message.body and private not in message.subject


def test_a_person_with_nothing_due_gets_nothing(casework, django_capture_on_commit_callbacks):
    people, _ = casework
    send(django_capture_on_commit_callbacks)
    assert emails_to(people["dan"]) == []
    assert not DigestSent.objects.filter(recipient=people["dan"]).exists()


def test_a_county_lead_gets_their_assigned_cases_and_a_county_summary(
    casework, django_capture_on_commit_callbacks
):
    people, cases = casework
    send(django_capture_on_commit_callbacks)
    theirs, summary = sorted(emails_to(people["lead"]), key=lambda m: m.subject)
    assert theirs.subject.startswith("Cases due")
    assert references_in(theirs, cases) == {"leads"}
    assert summary.subject == "County summary: 6 overdue, 1 due soon"
    assert "Pendle, Gap in Service, Received: 3 overdue, 1 due soon" in summary.body
    assert "Pendle, CAF escalation, Received: 1 overdue, 0 due soon" in summary.body
    assert "Burnley, Gap in Service, Received: 2 overdue, 0 due soon" in summary.body
    assert references_in(summary, cases) == set()


def test_a_second_run_the_same_day_sends_nothing(casework, django_capture_on_commit_callbacks):
    send(django_capture_on_commit_callbacks)
    sent, recorded = len(mail.outbox), DigestSent.objects.count()
    assert sent == 5  # Ann, Ben, Cat, and the lead's cases and summary; none for Dan
    output = send(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == sent
    assert DigestSent.objects.count() == recorded
    assert "0 reminders" in output


def test_a_missed_day_can_be_sent_again_with_its_date(casework, django_capture_on_commit_callbacks):
    """On 11 May the cases were due that day: the rerun for it sends them as due soon."""
    people, cases = casework
    send(django_capture_on_commit_callbacks, "--date", "2026-05-11")
    (cat,) = emails_to(people["cat"])
    assert "Due soon (1)" in cat.body and "Overdue" not in cat.body
    assert DigestSent.objects.filter(day=D(2026, 5, 11)).count() == len(mail.outbox)


def test_a_dry_run_says_what_it_would_send_and_sends_nothing(
    casework, django_capture_on_commit_callbacks
):
    output = send(django_capture_on_commit_callbacks, "--dry-run")
    assert "Would send: ann: Cases due: 3 overdue, 1 due soon" in output
    assert "dan" not in output
    assert mail.outbox == [] and not DigestSent.objects.exists()


@pytest.mark.parametrize(
    ("value", "message"),
    [("2026-02-30", "--date must be a date like"), ("2999-01-01", "cannot be in the future")],
)
def test_a_bad_date_is_refused_in_one_line(value, message):
    with pytest.raises(CommandError, match=message):
        call_command("send_overdue_digests", "--date", value, stdout=StringIO())
    assert not DigestSent.objects.exists()


def test_a_page_owner_gets_one_reminder_of_pages_due_within_a_month_or_overdue(
    home_page, clock, django_capture_on_commit_callbacks
):
    clock(SEND_DAY)
    owner = UserFactory(username="owner", email="owner@example.org")
    other = UserFactory(username="other", email="other@example.org")
    GuidancePageFactory(
        parent=home_page, title="Overdue page", review_by=D(2026, 5, 1), content_owner=owner
    )
    GuidancePageFactory(
        parent=home_page, title="Soon page", review_by=D(2026, 6, 1), content_owner=owner
    )
    GuidancePageFactory(
        parent=home_page, title="Later page", review_by=D(2026, 8, 1), content_owner=owner
    )
    GuidancePageFactory(
        parent=home_page, title="Others' page", review_by=D(2026, 9, 1), content_owner=other
    )
    send(django_capture_on_commit_callbacks)
    (reminder,) = emails_to(owner)
    assert "Overdue page" in reminder.body and "Soon page" in reminder.body
    assert "Later page" not in reminder.body
    assert reminder.subject == "Pages to review: 1 overdue, 1 due within a month"
    assert emails_to(other) == []
    send(django_capture_on_commit_callbacks)
    assert len(emails_to(owner)) == 1
