"""The private status link: who it opens the page for, what every failure looks like, how a
new link is sent, and the headers that keep it out of referrers, caches and search engines."""

import datetime
import re
import secrets

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from pei_forms.status.notifications import LINKS_PER_SUBMISSION
from pei_forms.status.views import RESEND_LIMIT
from pei_workflow.models import GapInService
from pei_workflow.services import correct_answers, submit_caf_escalation, submit_gap_in_service
from pei_workflow.tokens import hash_token, issue_status_token
from tests.email_queue import FAILING_EMAIL_BACKEND, run_email_worker
from tests.factories import caf_answers, county_lead, gap_answers

pytestmark = pytest.mark.django_db

PRIVATE_HEADERS = {
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
    "X-Robots-Tag": "noindex",
}
SENT_MESSAGE = "If we have a submission with that reference for that email address"


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate limit counters from one test must not leak into the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def gap():
    return submit_gap_in_service(answers=gap_answers("PEN"))


def status_url(token: str) -> str:
    return reverse("pei_forms:status", args=[token])


def assert_private(response):
    for header, value in PRIVATE_HEADERS.items():
        assert response.headers.get(header) == value, header


def ask_for_new_link(client, reference: str, email: str):
    return client.post(reverse("pei_forms:resend_link"), {"reference": reference, "email": email})


def link_in(message) -> str:
    return re.search(r"https?://\S+/status/[A-Za-z0-9_-]+/", message.body).group()


def test_the_status_link_opens_the_page_with_private_headers(client, gap):
    """The emailed link opens the page (200) with same-origin, no-store and noindex."""
    token = issue_status_token(gap)
    response = client.get(status_url(token))
    assert response.status_code == 200
    assert gap.reference in response.content.decode()
    assert_private(response)


def test_the_link_opens_a_caf_escalation_too(client):
    """Links are looked up across both kinds of submission."""
    caf = submit_caf_escalation(answers=caf_answers("BUR"))
    response = client.get(status_url(issue_status_token(caf)))
    assert response.status_code == 200
    assert "CAF escalation" in response.content.decode()


def test_only_the_hash_of_the_token_is_stored(gap):
    """The database holds the token's SHA-256 hash, never the token itself."""
    token = issue_status_token(gap)
    stored = GapInService.objects.values_list("status_token_hash", flat=True).get(pk=gap.pk)
    assert stored == hash_token(token)
    assert token not in stored
    assert len(token) >= 22  # at least 128 bits in URL-safe base64


def test_wrong_old_guessed_and_malformed_tokens_get_the_same_404(client, gap):
    """Every link that opens nothing gets a byte-identical 404, with the private headers."""
    old = issue_status_token(gap)
    issue_status_token(gap)  # replaces it
    no_submission = secrets.token_urlsafe(32)
    failures = {
        "old": old,
        "guessed": secrets.token_urlsafe(32),
        "wrong by one character": old[:-1] + ("A" if old[-1] != "A" else "B"),
        "malformed": "not a token!",
        "too long": "x" * 500,
        "empty-ish": "-",
        "no submission": no_submission,
    }
    responses = {name: client.get(status_url(token)) for name, token in failures.items()}
    responses["withdraw with a guessed token"] = client.get(
        reverse("pei_forms:withdraw", args=[no_submission])
    )
    responses["answer posted with a guessed token"] = client.post(
        status_url(no_submission), {"answer": "Some text."}
    )

    first = responses["no submission"]
    assert first.status_code == 404
    assert_private(first)
    for name, response in responses.items():
        assert response.status_code == 404, name
        assert response.content == first.content, name
        assert dict(response.headers) == dict(first.headers), name
    assert old not in first.content.decode()


def test_a_new_link_is_sent_for_a_matching_reference_and_address(client, gap):
    """A known reference and address get one email, to the address on the submission, with a
    link that opens the page."""
    response = ask_for_new_link(client, gap.reference.lower(), "  SAM.Taylor@example.org ")
    assert response.status_code == 302
    assert response.url == reverse("pei_forms:resend_link_sent")
    run_email_worker()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [gap.email]
    assert gap.reference in message.subject
    assert client.get(link_in(message)).status_code == 200


def test_the_answer_is_the_same_for_known_and_unknown_addresses(client, gap):
    """Known, unknown and mismatched requests get byte-identical answers; only the known one
    sends an email."""
    requests = {
        "known": (gap.reference, gap.email),
        "unknown address": (gap.reference, "someone.else@example.org"),
        "unknown reference": ("GAP-PEN-2020-9999", gap.email),
        "both unknown": ("CAF-BUR-2026-0042", "nobody@example.org"),
    }
    posts = {name: ask_for_new_link(client, *values) for name, values in requests.items()}
    for name, response in posts.items():
        assert response.status_code == 302, name
        assert response.url == posts["known"].url, name
        assert dict(response.headers) == dict(posts["known"].headers), name
        assert response.content == posts["known"].content, name
        assert_private(response)

    page = client.get(reverse("pei_forms:resend_link_sent"))
    assert SENT_MESSAGE in page.content.decode()
    assert_private(page)
    # Each request queued one task, so the request did the same work whatever the answer.
    assert DBTaskResult.objects.filter(task_path__endswith="send_status_link").count() == 4

    run_email_worker()
    assert [message.to for message in mail.outbox] == [[gap.email]]


def test_the_queue_never_holds_the_typed_address(client, gap):
    """The task carries a keyed hash of the address typed in, not the address."""
    ask_for_new_link(client, gap.reference, "typed.by.anyone@example.org")
    task = DBTaskResult.objects.get(task_path__endswith="send_status_link")
    assert "typed.by.anyone" not in str(task.args_kwargs)


def test_the_old_link_stops_working_after_a_new_one_is_sent(client, gap):
    """Sending a new link replaces the token: the old link then gets the 404."""
    old = issue_status_token(gap)
    assert client.get(status_url(old)).status_code == 200
    ask_for_new_link(client, gap.reference, gap.email)
    run_email_worker()

    assert client.get(status_url(old)).status_code == 404
    assert client.get(link_in(mail.outbox[0])).status_code == 200


def test_the_new_link_email_does_not_hold_the_token_in_the_queue(client, gap):
    """The token is made when the email is sent: no queued task or result holds it."""
    ask_for_new_link(client, gap.reference, gap.email)
    run_email_worker()
    token = link_in(mail.outbox[0]).rstrip("/").rsplit("/", 1)[-1]
    for task in DBTaskResult.objects.all():
        assert token not in str(task.args_kwargs) + str(task.return_value)


def test_asking_too_often_from_one_address_is_refused_and_sends_nothing(client, gap):
    """After RESEND_LIMIT requests in an hour from one client address the form answers 429
    and queues nothing; another address is not affected."""
    for _ in range(RESEND_LIMIT):
        assert ask_for_new_link(client, "GAP-PEN-2020-0001", "a@example.org").status_code == 302
    queued = DBTaskResult.objects.count()

    refused = ask_for_new_link(client, gap.reference, gap.email)
    assert refused.status_code == 429
    assert "too many" in refused.content.decode()
    assert_private(refused)
    assert DBTaskResult.objects.count() == queued

    elsewhere = client.post(
        reverse("pei_forms:resend_link"),
        {"reference": gap.reference, "email": gap.email},
        REMOTE_ADDR="198.51.100.7",
    )
    assert elsewhere.status_code == 302


def test_one_submission_gets_only_a_few_new_links_a_day(client, gap):
    """However many addresses ask, a submission gets at most LINKS_PER_SUBMISSION new links a
    day, so nobody can flood the practitioner's inbox or keep killing their link."""
    for n in range(LINKS_PER_SUBMISSION + 2):
        client.post(
            reverse("pei_forms:resend_link"),
            {"reference": gap.reference, "email": gap.email},
            REMOTE_ADDR=f"198.51.100.{n + 1}",
        )
    run_email_worker()
    assert len(mail.outbox) == LINKS_PER_SUBMISSION


def test_the_resend_form_shows_errors_in_the_gov_uk_pattern(client):
    """Missing or badly formed answers get the error summary, a message by each field, the
    "Error: " title, the answers kept, and nothing queued."""
    response = client.post(
        reverse("pei_forms:resend_link"), {"reference": "GAP 12", "email": "not-an-address"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in html
    assert "There is a problem" in html
    assert 'href="#reference"' in html and 'href="#email"' in html
    assert 'id="reference-error"' in html and 'id="email-error"' in html
    assert 'value="not-an-address"' in html
    assert " required" not in html
    assert DBTaskResult.objects.count() == 0
    assert_private(response)


def test_a_mail_failure_is_retried_with_a_fresh_link(client, gap, settings):
    """If the mail server is down, the task queues itself again; nothing is lost."""
    settings.EMAIL_BACKEND = FAILING_EMAIL_BACKEND
    ask_for_new_link(client, gap.reference, gap.email)
    run_email_worker()
    retry = DBTaskResult.objects.filter(status="READY", task_path__endswith="send_status_link")
    assert retry.count() == 1
    assert retry.get().args_kwargs["kwargs"]["attempt"] == 2


# When a link stops working.


def ended_days_ago(gap, days: int):
    GapInService.objects.filter(pk=gap.pk).update(
        state="closed", closed_at=timezone.now() - datetime.timedelta(days=days)
    )


def test_a_link_stops_working_ninety_days_after_its_case_ended(client, gap):
    token = issue_status_token(gap)
    ended_days_ago(gap, 89)
    assert client.get(status_url(token)).status_code == 200
    ended_days_ago(gap, 91)
    response = client.get(status_url(token))
    assert response.status_code == 404
    assert response.content == client.get(status_url(secrets.token_urlsafe(32))).content


def test_an_open_case_keeps_its_link_however_old(client, gap):
    token = issue_status_token(gap)
    GapInService.objects.filter(pk=gap.pk).update(
        submitted_at=timezone.now() - datetime.timedelta(days=400)
    )
    assert client.get(status_url(token)).status_code == 200


def test_correcting_the_email_address_stops_the_link_and_another_answer_does_not(client, gap):
    token = issue_status_token(gap)
    lead = county_lead()
    correct_answers(
        submission=gap, actor=lead, changes={"job_title": "Senior mentor"}, reason="Typo."
    )
    assert client.get(status_url(token)).status_code == 200
    correct_answers(
        submission=GapInService.objects.get(pk=gap.pk),
        actor=lead,
        changes={"email": "sam.taylor@example.net"},
        reason="The practitioner gave the wrong address.",
    )
    assert client.get(status_url(token)).status_code == 404
    assert GapInService.objects.get(pk=gap.pk).status_token_hash is None
