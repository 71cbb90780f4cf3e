"""Protection of the public forms: CSRF, the honeypot, the rate limit and size limits."""

from urllib.parse import urlencode

import pytest
from django.test import Client

from pei_forms import protection
from pei_workflow.models import CafEscalation, GapInService
from tests.pei_forms.form_helpers import (
    CAF_ANSWERS,
    GAP_ANSWERS,
    complete,
    error_messages,
    fill_steps,
    html,
    send,
)

pytestmark = pytest.mark.django_db

RATE_LIMIT_MESSAGE = (
    "You have sent too many forms from this network recently. Your form has not been sent. "
    "Your answers are kept: try again in an hour."
)


def test_a_post_without_the_csrf_token_is_refused(gap_page):
    """Django's CSRF check covers every step and Send."""
    client = Client(enforce_csrf_checks=True)
    assert client.post(f"{gap_page.url}district/", {"district": "PEN"}).status_code == 403
    assert client.post(f"{gap_page.url}check-answers/", {}).status_code == 403


def test_every_step_and_send_carry_the_honeypot_out_of_sight_and_tab_order(client, gap_page):
    """The honeypot is visually hidden, labelled for people to leave empty, not focusable by
    Tab and not filled in by the browser."""
    fill_steps(client, gap_page, GAP_ANSWERS)
    for path in [f"{slug}/" for slug in GAP_ANSWERS] + ["check-answers/"]:
        page = html(client.get(f"{gap_page.url}{path}"))
        assert '<div class="govuk-visually-hidden">' in page
        assert '<label for="website">Leave this field empty</label>' in page
        assert (
            '<input type="text" id="website" name="website" value="" autocomplete="off" '
            'tabindex="-1">'
        ) in page


def test_a_filled_honeypot_on_a_step_keeps_nothing(client, gap_page):
    """A bot that fills the honeypot on a step is told the form was not sent, and the
    answers so far are dropped."""
    fill_steps(client, gap_page, GAP_ANSWERS, until="why")
    response = client.post(
        f"{gap_page.url}why/", dict(GAP_ANSWERS["why"], website="http://spam.example")
    )
    assert response.status_code == 400
    assert "Your form has not been sent" in html(response)
    assert client.get(f"{gap_page.url}check-answers/")["Location"] == f"{gap_page.url}district/"


def test_a_filled_honeypot_on_send_saves_nothing(client, gap_page):
    """Send with the honeypot filled saves nothing, shows no reference and keeps nothing."""
    fill_steps(client, gap_page, GAP_ANSWERS)
    response = client.post(f"{gap_page.url}check-answers/", {"website": "spam"})
    assert response.status_code == 400
    assert "Your form has not been sent" in html(response)
    assert "GAP-" not in html(response)
    assert GapInService.objects.count() == 0
    assert client.get(f"{gap_page.url}confirmation/")["Location"] == gap_page.url


def test_sends_over_the_rate_limit_are_refused_with_a_message_and_save_nothing(
    client, gap_page, caf_page, settings
):
    """With a limit of 2 an hour, the third send from one address (either form) is refused
    with a clear message and status 429; nothing is saved and the answers are kept."""
    settings.PEI_SUBMISSION_RATE_LIMIT = "2/hour"
    complete(client, gap_page, GAP_ANSWERS)
    complete(client, caf_page, CAF_ANSWERS)

    fill_steps(client, gap_page, GAP_ANSWERS)
    refused = send(client, gap_page)
    assert refused.status_code == 429
    assert error_messages(refused) == [RATE_LIMIT_MESSAGE]
    assert html(refused).count("<title>Error: ") == 1
    assert GapInService.objects.count() == 1 and CafEscalation.objects.count() == 1
    # The answers are still there, ready to send later.
    assert client.get(f"{gap_page.url}check-answers/").status_code == 200


def sent(response, page) -> bool:
    """Whether Send saved the form: it then goes on to the confirmation page."""
    return response.status_code == 302 and response["Location"] == f"{page.url}confirmation/"


def test_the_rate_limit_is_per_client_address(gap_page, settings):
    """Another address has its own allowance: with a limit of 1 an hour, the first address's
    second send is refused while the second address's first send is saved."""
    settings.PEI_SUBMISSION_RATE_LIMIT = "1/hour"
    first = Client(REMOTE_ADDR="192.0.2.1")
    second = Client(REMOTE_ADDR="192.0.2.2")
    assert sent(complete(first, gap_page, GAP_ANSWERS), gap_page)
    refused = complete(first, gap_page, GAP_ANSWERS)
    assert refused.status_code == 429
    assert error_messages(refused) == [RATE_LIMIT_MESSAGE]
    assert GapInService.objects.count() == 1
    assert sent(complete(second, gap_page, GAP_ANSWERS), gap_page)
    assert GapInService.objects.count() == 2
    assert complete(second, gap_page, GAP_ANSWERS).status_code == 429
    assert GapInService.objects.count() == 2


def test_refused_or_incomplete_sends_do_not_use_up_the_allowance(client, gap_page, settings):
    """Only complete, valid sends count towards the limit: three incomplete sends are sent
    back to the missing step and save nothing, and the one allowed send still goes through;
    the send after it is refused."""
    settings.PEI_SUBMISSION_RATE_LIMIT = "1/hour"
    fill_steps(client, gap_page, GAP_ANSWERS, until="confirm")
    for _ in range(3):
        incomplete = send(client, gap_page)
        assert incomplete.status_code == 302
        assert incomplete["Location"] == f"{gap_page.url}confirm/"
    assert GapInService.objects.count() == 0
    assert sent(complete(client, gap_page, GAP_ANSWERS), gap_page)
    assert GapInService.objects.count() == 1
    assert complete(client, gap_page, GAP_ANSWERS).status_code == 429
    assert GapInService.objects.count() == 1


def test_behind_a_trusted_proxy_each_client_has_its_own_allowance(gap_page, settings):
    """Two practitioners behind the same load balancer are counted apart."""
    settings.PEI_SUBMISSION_RATE_LIMIT = "1/hour"
    settings.PEI_TRUSTED_PROXY_HOPS = 1
    one = Client(REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="203.0.113.1")
    two = Client(REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="203.0.113.2")
    assert sent(complete(one, gap_page, GAP_ANSWERS), gap_page)
    assert sent(complete(two, gap_page, GAP_ANSWERS), gap_page)


def test_a_client_behind_a_trusted_proxy_cannot_reset_its_allowance_with_a_forged_header(
    gap_page, settings
):
    """Writing a new address into X-Forwarded-For does not give a client a new allowance:
    the load balancer's own entry, on the right, is counted."""
    settings.PEI_SUBMISSION_RATE_LIMIT = "1/hour"
    settings.PEI_TRUSTED_PROXY_HOPS = 1
    honest = Client(REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="203.0.113.1")
    forged = Client(REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="192.0.2.99, 203.0.113.1")
    assert sent(complete(honest, gap_page, GAP_ANSWERS), gap_page)
    assert complete(forged, gap_page, GAP_ANSWERS).status_code == 429


def test_all_addresses_of_one_ipv6_64_share_one_allowance(gap_page, settings):
    """An IPv6 client cannot get a new allowance by moving to another address of its /64;
    a neighbouring /64 is another client."""
    settings.PEI_SUBMISSION_RATE_LIMIT = "1/hour"
    assert sent(complete(Client(REMOTE_ADDR="2001:db8:1:2::1"), gap_page, GAP_ANSWERS), gap_page)
    same_64 = Client(REMOTE_ADDR="2001:db8:1:2:a:b:c:d")
    assert complete(same_64, gap_page, GAP_ANSWERS).status_code == 429
    next_64 = Client(REMOTE_ADDR="2001:db8:1:3::1")
    assert sent(complete(next_64, gap_page, GAP_ANSWERS), gap_page)
    assert GapInService.objects.count() == 2


def test_a_post_larger_than_any_answer_is_refused(client, gap_page):
    """A body over the cap gets a 413 page and nothing is kept."""
    fill_steps(client, gap_page, GAP_ANSWERS, until="the-need")
    huge = dict(GAP_ANSWERS["the-need"], unmet_need="a" * (protection.MAX_POST_BYTES + 1))
    response = client.post(f"{gap_page.url}the-need/", huge)
    assert response.status_code == 413
    assert "too long to send" in html(response)
    assert client.get(f"{gap_page.url}check-answers/")["Location"] == f"{gap_page.url}the-need/"


def test_the_largest_honest_step_fits_under_the_cap(client, gap_page):
    """Four answers at their limit, in characters that take the most bytes, sent the way a
    browser sends the form (URL-encoded), are accepted."""
    fill_steps(client, gap_page, GAP_ANSWERS, until="the-need")
    widest = "\U0001f600" * 3000  # 4 bytes in UTF-8, 12 once percent-encoded
    data = dict(
        GAP_ANSWERS["the-need"],
        unmet_need=widest,
        what_has_been_tried=widest,
        service_that_would_meet_need=widest,
        barrier="other",
        barrier_detail=widest,
    )
    body = urlencode(data)
    assert len(body) > 140_000
    response = client.post(
        f"{gap_page.url}the-need/", body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 302


def test_the_same_answers_are_never_sent_twice_even_by_two_requests(client, gap_page):
    """If two Sends of the same answers race (a double click), the second does not save a
    copy: it goes to the confirmation page."""
    from pei_forms.journey import Journey

    fill_steps(client, gap_page, GAP_ANSWERS)
    journey_id = client.session[f"{Journey(client.session, gap_page.pk).key}"]["id"]
    assert protection.claim_journey(journey_id)  # the first request is still sending
    response = send(client, gap_page)
    assert response["Location"] == f"{gap_page.url}confirmation/"
    assert GapInService.objects.count() == 0
