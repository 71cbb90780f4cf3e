"""What the status page shows a practitioner, and the two things they can do on it: answer an
information request and withdraw."""

import datetime
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from pei_workflow.models import FREE_TEXT_MAX_LENGTH, GapInService, TransitionLog
from pei_workflow.services import submit_caf_escalation, submit_gap_in_service
from pei_workflow.tokens import issue_status_token
from tests.factories import (
    ContactsPageFactory,
    caf_answers,
    eido,
    gap_answers,
    move_to_state,
)

pytestmark = pytest.mark.django_db

QUESTION = "Which services have you already contacted about the bereavement support?"
INTERNAL_NOTE = "Internal: check this against last year's panel minutes."


@pytest.fixture
def officer():
    return eido("PEN", username="erin", first_name="Erin", last_name="Eidoofficer")


@pytest.fixture
def gap():
    return submit_gap_in_service(answers=gap_answers("PEN"))


@pytest.fixture
def token(gap):
    return issue_status_token(gap)


@pytest.fixture
def asked(gap, officer):
    """The gap after the EIDO started a review and asked a question."""
    move_to_state(
        gap, transition="start_review", to_state="in_review", comment=INTERNAL_NOTE, actor=officer
    )
    return move_to_state(
        gap,
        transition="request_information",
        to_state="information_requested",
        comment=QUESTION,
        actor=officer,
    )


def status_url(token: str) -> str:
    return reverse("pei_forms:status", args=[token])


def withdraw_url(token: str) -> str:
    return reverse("pei_forms:withdraw", args=[token])


def history(submission) -> list[str]:
    return list(
        TransitionLog.objects.filter(
            content_type=ContentType.objects.get_for_model(submission), object_id=submission.pk
        ).values_list("transition", flat=True)
    )


def eido_emails_queued() -> int:
    return DBTaskResult.objects.filter(
        task_path__endswith="notify_eidos_of_practitioner_step"
    ).count()


def test_the_page_shows_reference_kind_district_state_and_what_happens_next(client, gap, token):
    """A new Gap in Service shows its reference, kind, district, "Received" and next step."""
    html = client.get(status_url(token)).content.decode()
    assert gap.reference in html
    assert "Gap in Service" in html
    assert "Pendle" in html
    assert "Received" in html
    assert "will read it" in html  # NEXT_STEPS["submitted"]
    assert "Sent" in html
    assert timezone.localdate(gap.submitted_at).strftime("%-d %B %Y") in html


def test_the_page_shows_each_public_step_with_its_date_and_no_staff_detail(
    client, asked, token, officer
):
    """Steps show a date and a plain name; never a staff member's name or an internal
    comment."""
    TransitionLog.objects.filter(transition="start_review").update(
        created_at=timezone.make_aware(datetime.datetime(2026, 3, 2, 10, 0))
    )
    html = client.get(status_url(token)).content.decode()
    assert "Review started" in html
    assert "2 March 2026" in html
    assert "More information requested" in html
    for secret in (officer.first_name, officer.last_name, officer.username, INTERNAL_NOTE):
        assert secret not in html


def test_an_unknown_staff_step_stays_off_the_page(client, gap, token, officer):
    """A transition with no public name (one added later) is not shown at all."""
    move_to_state(
        gap, transition="tag_with_theme", to_state="submitted", comment="Theme: transport"
    )
    html = client.get(status_url(token)).content.decode()
    assert "tag_with_theme" not in html
    assert "Theme: transport" not in html


def test_a_declined_submission_shows_the_reason_and_no_actions(client, gap, token, officer):
    """The decline reason is shown, the state is "Declined", and withdraw is not offered."""
    move_to_state(
        gap,
        transition="decline",
        to_state="declined",
        comment="Another service already covers this need.",
        actor=officer,
    )
    html = client.get(status_url(token)).content.decode()
    assert "Declined" in html
    assert "Another service already covers this need." in html
    assert withdraw_url(token) not in html
    assert 'name="answer"' not in html


def test_the_page_links_to_the_contacts_for_the_district(client, token, home_page):
    """When a contacts page is published, the page links to the district's contacts."""
    contacts = ContactsPageFactory(parent=home_page)
    html = client.get(status_url(token)).content.decode()
    assert f'href="{contacts.url}#district-pendle"' in html


def test_the_answer_form_is_shown_only_when_information_is_requested(client, gap, token):
    """No form while being reviewed; the form and the EIDO's question once they ask."""
    assert 'name="answer"' not in client.get(status_url(token)).content.decode()
    move_to_state(
        gap, transition="request_information", to_state="information_requested", comment=QUESTION
    )
    html = client.get(status_url(token)).content.decode()
    assert QUESTION in html
    assert 'name="answer"' in html
    assert "Waiting for more information from you" in html


def test_an_empty_answer_gets_the_gov_uk_error_pattern(client, asked, token):
    """An empty answer: error summary linked to the field, message by it, title "Error: ",
    no required attribute, nothing changed."""
    response = client.post(status_url(token), {"answer": "   "})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in html
    assert "There is a problem" in html
    assert '<a href="#answer">Enter your answer</a>' in html
    assert 'id="answer-error"' in html
    assert "required" not in html
    assert GapInService.objects.get(pk=asked.pk).state == "information_requested"


def test_a_long_answer_is_refused_and_kept(client, asked, token):
    """An answer over FREE_TEXT_MAX_LENGTH is refused with the limit, and kept to shorten."""
    long_answer = "word " * (FREE_TEXT_MAX_LENGTH // 5 + 1)
    html = client.post(status_url(token), {"answer": long_answer}).content.decode()
    assert f"{FREE_TEXT_MAX_LENGTH:,} characters or fewer" in html
    assert long_answer.strip() in html
    assert GapInService.objects.get(pk=asked.pk).state == "information_requested"


def test_an_answer_that_identifies_someone_is_refused_and_saves_nothing(client, asked, token):
    """A postcode in the answer: the field's message names the kind of detail, and nothing is
    saved, logged in the history or emailed."""
    before = history(asked)
    response = client.post(status_url(token), {"answer": "The family live at BB9 7LJ."})
    html = response.content.decode()
    assert "Your answer must not include a postcode" in html
    assert 'id="answer-error"' in html
    assert GapInService.objects.get(pk=asked.pk).state == "information_requested"
    assert history(asked) == before
    assert eido_emails_queued() == 0


def test_a_good_answer_moves_it_back_to_review_with_one_history_row_and_an_eido_email(
    client, asked, token, django_capture_on_commit_callbacks
):
    """The answer goes to the service: state in_review, one provide_information row holding
    the answer, the EIDO email queued, then a redirect to the page with a success banner."""
    before = history(asked)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(status_url(token), {"answer": "We tried the local hospice."})
    assert response.status_code == 302
    assert response.url == status_url(token)

    assert GapInService.objects.get(pk=asked.pk).state == "in_review"
    assert history(asked) == [*before, "provide_information"]
    row = TransitionLog.objects.get(transition="provide_information")
    assert row.comment == "We tried the local hospice."
    assert row.actor is None
    assert eido_emails_queued() == 1

    page = client.get(response.url).content.decode()
    assert "govuk-notification-banner--success" in page
    assert "Your answer has been sent" in page
    assert "You answered" in page
    assert 'name="answer"' not in page


def test_answering_when_no_longer_asked_changes_nothing(client, gap, token):
    """A second answer (the state has moved on) shows the plain message; nothing changes."""
    before = history(gap)
    response = client.post(status_url(token), {"answer": "Another answer."}, follow=True)
    html = response.content.decode()
    assert "so that step is no longer possible. Nothing has been changed." in html
    assert history(gap) == before


def test_withdraw_asks_for_confirmation_first(client, gap, token):
    """The button leads to a confirmation page; opening it changes nothing, and its Cancel
    link goes back to the status page."""
    html = client.get(status_url(token)).content.decode()
    assert f'href="{withdraw_url(token)}"' in html

    confirm = client.get(withdraw_url(token))
    page = confirm.content.decode()
    assert confirm.status_code == 200
    assert f"Are you sure you want to withdraw {gap.reference}?" in page
    assert "This cannot be undone by you. Contact your EIDO to reopen it." in page
    assert "Yes, withdraw" in page
    assert f'href="{status_url(token)}">Cancel</a>' in page
    assert GapInService.objects.get(pk=gap.pk).state == "submitted"


def test_confirming_withdraws_it_and_tells_the_eido(
    client, gap, token, django_capture_on_commit_callbacks
):
    """Yes, withdraw: state withdrawn, one history row, EIDO email queued, success banner."""
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(withdraw_url(token))
    assert response.status_code == 302
    assert response.url == status_url(token)
    assert GapInService.objects.get(pk=gap.pk).state == "withdrawn"
    assert history(gap) == ["submit", "withdraw"]
    assert eido_emails_queued() == 1

    page = client.get(response.url).content.decode()
    assert f"You have withdrawn {gap.reference}." in page
    assert "Withdrawn" in page
    assert withdraw_url(token) not in page


def test_a_second_withdraw_shows_the_plain_message_and_changes_nothing(client, gap, token):
    """Withdrawing an ended submission is refused with a plain message; no new history."""
    client.post(withdraw_url(token))
    response = client.post(withdraw_url(token), follow=True)
    html = response.content.decode()
    assert "“Withdrawn”, so that step is no longer possible. Nothing has been changed." in html
    assert history(gap) == ["submit", "withdraw"]


def test_the_confirmation_page_is_not_offered_once_it_has_ended(client, gap, token):
    """Opening the withdraw page of an ended submission goes back to the status page."""
    move_to_state(gap, transition="close", to_state="closed")
    response = client.get(withdraw_url(token))
    assert response.status_code == 302
    assert response.url == status_url(token)


def test_a_caf_escalation_can_be_answered_and_withdrawn(client):
    """The same page and actions work for a CAF escalation."""
    caf = submit_caf_escalation(answers=caf_answers("BUR"))
    token = issue_status_token(caf)
    move_to_state(
        caf, transition="request_information", to_state="information_requested", comment=QUESTION
    )
    client.post(status_url(token), {"answer": "The agency has now replied."})
    caf.refresh_from_db()
    assert caf.state == "in_review"
    client.post(withdraw_url(token))
    caf.refresh_from_db()
    assert caf.state == "withdrawn"


def test_the_action_pages_are_private_too(client, asked, token):
    """The confirmation page, an answer with errors and a redirect all carry the headers."""
    for response in (
        client.get(withdraw_url(token)),
        client.post(status_url(token), {"answer": ""}),
        client.post(status_url(token), {"answer": "Fine."}),
    ):
        assert response["Referrer-Policy"] == "same-origin"
        assert response["Cache-Control"] == "no-store"
        assert response["X-Robots-Tag"] == "noindex"


def csrf_client_and_token(url: str):
    """A client that enforces CSRF, with the form token from the page at `url`."""
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    html = client.get(url).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    return client, token


def test_a_post_from_the_status_page_passes_django_csrf_check_with_its_own_origin(asked, token):
    """Under "same-origin" browsers send the page's real Origin: with the form's CSRF token
    the answer is accepted."""
    client, csrf = csrf_client_and_token(status_url(token))
    response = client.post(
        status_url(token),
        {"answer": "The hospice has a waiting list.", "csrfmiddlewaretoken": csrf},
        HTTP_ORIGIN="http://testserver",
    )
    assert response.status_code == 302
    assert GapInService.objects.get(pk=asked.pk).state == "in_review"


@pytest.mark.parametrize(
    ("origin", "with_token"),
    [("http://testserver", False), ("null", True), ("https://attacker.example", True)],
)
def test_a_post_without_the_csrf_token_or_from_another_origin_is_refused(
    asked, token, origin, with_token
):
    """The token is needed; a null or foreign Origin is refused even with it."""
    client, csrf = csrf_client_and_token(withdraw_url(token))
    data = {"csrfmiddlewaretoken": csrf} if with_token else {}
    response = client.post(withdraw_url(token), data, HTTP_ORIGIN=origin)
    assert response.status_code == 403
    assert GapInService.objects.get(pk=asked.pk).state == "information_requested"
