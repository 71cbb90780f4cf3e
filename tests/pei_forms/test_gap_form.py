"""The Gap in Service form journey through the full view stack (Django test client)."""

from decimal import Decimal

import pytest

from pei_forms.models import GapFormHelpText
from pei_workflow.anonymity import (
    DESCRIPTIONS,
    NAME,
    NHS_NUMBER,
    PHONE_NUMBER,
    POSTCODE,
    SUGGESTIONS,
)
from pei_workflow.models import District, GapInService, Priority
from tests.pei_forms.form_helpers import (
    GAP_ANSWERS,
    answers_with,
    complete,
    error_links,
    error_messages,
    fill_steps,
    html,
    inline_error,
    input_ids,
    required_attributes,
    send,
)

pytestmark = pytest.mark.django_db

REQUIRED_MESSAGES = {
    "district": {"district": "Select the district"},
    "about-you": {
        "practitioner_name": "Enter your name",
        "job_title": "Enter your job title",
        "organisation": "Enter your organisation",
        "workforce": "Select the workforce you work in",
        "email": "Enter your email address",
        "phone": "Enter a telephone number",
    },
    "why": {
        "route": "Select why you are using this form",
        "caf_in_place": "Select whether a CAF is in place",
        "tac_consulted": "Select whether you have talked to the Team Around the Child",
    },
    "who-is-affected": {
        "affected_group": "Select who is affected",
        "age_band": "Select how old they are",
        "children_affected": "Enter the number of children and young people affected",
        "families_affected": "Enter the number of families affected",
    },
    "the-need": {
        "unmet_need": "Enter the unmet need",
        "what_has_been_tried": "Enter what has been tried",
        "barrier": "Select what stops the need being met",
    },
    "spot-purchase": {
        "spot_purchase_requested": "Select yes if you want to ask the panel to buy something",
        "panel_attendee": "Select who will attend the panel",
    },
    "confirm": {
        "confirmed_anonymous": (
            "Confirm that this form does not identify the child, young person or family"
        )
    },
}


def post_step(client, page, slug, answers=GAP_ANSWERS, **changes):
    """Fill the steps before `slug`, then POST `slug` with its usual answers changed."""
    fill_steps(client, page, answers, until=slug)
    data = dict(answers[slug], **changes)
    return client.post(f"{page.url}{slug}/", data)


def assert_refused(client, page, response, field_id, message):
    """The step is shown again with the message in the summary (linking to the field) and
    beside the field, and nothing is kept or saved."""
    assert response.status_code == 200
    assert error_links(response).get(message) == field_id, error_messages(response)
    assert inline_error(response, field_id) == message
    assert GapInService.objects.count() == 0


# The whole journey


def test_a_practitioner_sends_a_gap_form_and_sees_the_reference(client, gap_page):
    """Every step, check answers and Send make one submitted Gap; the confirmation page shows
    its GAP-PEN-<year>-0001 reference."""
    response = complete(client, gap_page, GAP_ANSWERS)

    assert response.status_code == 302
    assert response["Location"] == f"{gap_page.url}confirmation/"
    gap = GapInService.objects.get()
    assert gap.reference.startswith("GAP-PEN-") and gap.reference.endswith("-0001")
    assert gap.state == "submitted"
    assert gap.district.code == "PEN"
    assert gap.practitioner_name == "Sam Taylor"
    assert gap.route == "caf_needs_unknown"
    assert gap.priority is None
    assert gap.children_affected == 1
    assert gap.unmet_need == GAP_ANSWERS["the-need"]["unmet_need"]
    assert gap.spot_purchase_requested is False and gap.spot_purchase_amount is None
    assert gap.confirmed_anonymous is True

    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    assert gap.reference in html(confirmation)
    assert "sam.taylor@example.org" in html(confirmation)
    assert "What happens next" in html(confirmation)


def test_each_step_leads_to_the_next_and_the_last_to_check_answers(client, gap_page):
    """Continue goes to the next step in order; the last step goes to check answers."""
    slugs = list(GAP_ANSWERS)
    for slug, following in zip(slugs, slugs[1:] + ["check-answers"], strict=True):
        response = client.post(f"{gap_page.url}{slug}/", GAP_ANSWERS[slug])
        assert response["Location"] == f"{gap_page.url}{following}/"


def test_the_start_page_has_the_intro_and_a_start_now_button(client, gap_page):
    """The page's own address is the start page: intro, who can use it, and Start now."""
    response = client.get(gap_page.url)
    assert response.status_code == 200
    assert "Who can use this form" in html(response)
    assert f'href="{gap_page.url}district/"' in html(response)
    assert "Start now" in html(response)


def test_a_spot_purchase_request_is_saved_with_its_amount_and_purpose(client, gap_page):
    """Yes reveals the amount and what it buys; both are saved, the amount in pounds."""
    answers = answers_with(
        GAP_ANSWERS,
        spot_purchase={
            "spot_purchase_requested": "yes",
            "spot_purchase_amount": "£250.50",
            "spot_purchase_purpose": "Ten counselling sessions.",
        },
    )
    complete(client, gap_page, answers)
    gap = GapInService.objects.get()
    assert gap.spot_purchase_requested is True
    assert gap.spot_purchase_amount == Decimal("250.50")
    assert gap.spot_purchase_purpose == "Ten counselling sessions."


def test_answers_to_questions_that_were_not_revealed_are_thrown_away(client, gap_page):
    """Typed into a conditional question, then a different option chosen: the hidden answer
    is neither checked nor saved."""
    answers = answers_with(
        GAP_ANSWERS,
        the_need={"barrier": "cost", "barrier_detail": "x" * 5000},
        spot_purchase={
            "spot_purchase_requested": "no",
            "spot_purchase_amount": "9999",
            "spot_purchase_purpose": "Lives at BB9 7LJ",
        },
    )
    complete(client, gap_page, answers)
    gap = GapInService.objects.get()
    assert gap.barrier == "cost" and gap.barrier_detail == ""
    assert gap.spot_purchase_amount is None and gap.spot_purchase_purpose == ""


def test_something_else_as_the_barrier_needs_more_detail(client, gap_page):
    """ "Something else" reveals "Tell us more", which is then required, and saved."""
    response = post_step(client, gap_page, "the-need", barrier="other", barrier_detail="")
    assert_refused(
        client,
        gap_page,
        response,
        "barrier_detail",
        "Tell us more about what stops the need being met",
    )
    client.post(
        f"{gap_page.url}the-need/",
        dict(GAP_ANSWERS["the-need"], barrier="other", barrier_detail="The bus stopped."),
    )
    fill_steps(client, gap_page, {k: GAP_ANSWERS[k] for k in ("spot-purchase", "confirm")})
    send(client, gap_page)
    assert GapInService.objects.get().barrier_detail == "The bus stopped."


def test_asking_for_a_spot_purchase_needs_the_amount_and_what_it_buys(client, gap_page):
    """Yes without an amount or purpose gets a message for each."""
    response = post_step(client, gap_page, "spot-purchase", spot_purchase_requested="yes")
    assert error_messages(response) == ["Enter how much it would cost", "Enter what it would buy"]
    assert error_links(response) == {
        "Enter how much it would cost": "spot_purchase_amount",
        "Enter what it would buy": "spot_purchase_purpose",
    }


# Required answers


@pytest.mark.parametrize("slug", list(REQUIRED_MESSAGES))
def test_every_required_question_left_empty_gets_its_message_and_nothing_is_kept(
    client, gap_page, slug
):
    """An empty step lists each required question's message in the summary, linked to the
    field, and beside the field; the step is not kept and nothing is saved."""
    fill_steps(client, gap_page, GAP_ANSWERS, until=slug)
    response = client.post(f"{gap_page.url}{slug}/", {})

    expected = REQUIRED_MESSAGES[slug]
    assert response.status_code == 200
    assert error_messages(response) == list(expected.values())
    assert error_links(response) == {message: field for field, message in expected.items()}
    for field, message in expected.items():
        assert inline_error(response, field) == message
    ids = input_ids(response)
    assert all(field in ids for field in expected)
    assert html(response).count("<title>Error: ") == 1
    # The step was not kept: check answers sends the practitioner back to it.
    assert client.get(f"{gap_page.url}check-answers/")["Location"] == f"{gap_page.url}{slug}/"
    assert GapInService.objects.count() == 0


@pytest.mark.parametrize("slug", list(GAP_ANSWERS))
def test_no_step_has_a_required_attribute_empty_or_with_errors(client, gap_page, slug):
    """Validation happens on the server: no `required` attribute, and `novalidate` on the
    form, so the browser never blocks Continue with its own messages."""
    fill_steps(client, gap_page, GAP_ANSWERS, until=slug)
    empty = client.get(f"{gap_page.url}{slug}/")
    with_errors = client.post(f"{gap_page.url}{slug}/", {})
    for response in (empty, with_errors):
        assert response.status_code == 200
        assert required_attributes(response) == []
        assert "novalidate" in html(response)
        assert 'name="csrfmiddlewaretoken"' in html(response)


def test_answers_are_kept_when_a_step_is_shown_again_with_errors(client, gap_page):
    """A refused step shows every answer as typed, including the valid ones."""
    response = post_step(client, gap_page, "about-you", email="not an email")
    assert 'value="Sam Taylor"' in html(response)
    assert 'value="not an email"' in html(response)
    assert 'value="education" checked' in html(response)


# Forged choices


@pytest.mark.parametrize(
    ("slug", "field", "value", "message"),
    [
        ("district", "district", "XYZ", "Select a district from the list"),
        ("about-you", "workforce", "wizardry", "Select a workforce from the list"),
        ("why", "route", "because", "Select a reason from the list"),
        ("why", "caf_in_place", "maybe", "Select yes, no or not applicable"),
        ("why", "tac_consulted", "maybe", "Select yes or no"),
        ("who-is-affected", "affected_group", "everyone", "Select who is affected from the list"),
        ("who-is-affected", "age_band", "99", "Select an age group from the list"),
        ("the-need", "barrier", "magic", "Select what stops the need being met from the list"),
        ("spot-purchase", "spot_purchase_requested", "perhaps", "Select yes or no"),
        ("spot-purchase", "panel_attendee", "nobody", "Select who will attend from the list"),
    ],
)
def test_a_forged_choice_gets_a_clear_message_and_nothing_is_saved(
    client, gap_page, slug, field, value, message
):
    """A value that is not one of the options is refused with a message, not an error page."""
    response = post_step(client, gap_page, slug, **{field: value})
    assert_refused(client, gap_page, response, field, message)


def test_only_the_districts_active_priorities_are_offered(client, gap_page):
    """The priority question lists Pendle's active priorities and "None of these", not
    retired ones or another district's."""
    pendle, burnley = District.objects.get(code="PEN"), District.objects.get(code="BUR")
    Priority.objects.create(district=pendle, title="Emotional health", sort_order=1)
    Priority.objects.create(district=pendle, title="Retired priority", is_active=False)
    Priority.objects.create(district=burnley, title="Burnley only")
    fill_steps(client, gap_page, GAP_ANSWERS, until="why")
    page = html(client.get(f"{gap_page.url}why/"))
    assert "Which of Pendle&#x27;s priorities does this relate to? (optional)" in page
    assert "Emotional health" in page and "None of these" in page
    assert "Retired priority" not in page and "Burnley only" not in page


def test_a_priority_of_another_district_is_refused(client, gap_page):
    """Forging another district's priority gets a message naming the district's own list."""
    pendle, burnley = District.objects.get(code="PEN"), District.objects.get(code="BUR")
    Priority.objects.create(district=pendle, title="Emotional health")
    other = Priority.objects.create(district=burnley, title="Burnley only")
    response = post_step(client, gap_page, "why", priority=str(other.pk))
    assert_refused(
        client,
        gap_page,
        response,
        "priority",
        "Select one of Pendle's priorities, or None of these",
    )


def test_a_chosen_priority_is_saved_and_none_of_these_and_blank_save_none(client, gap_page):
    """The priority is optional: a chosen one is saved; "None of these" or no answer is not."""
    priority = Priority.objects.create(
        district=District.objects.get(code="PEN"), title="Emotional health"
    )
    complete(client, gap_page, answers_with(GAP_ANSWERS, why={"priority": str(priority.pk)}))
    assert GapInService.objects.get().priority == priority
    for blank in ("none", ""):
        complete(client, gap_page, answers_with(GAP_ANSWERS, why={"priority": blank}))
    assert GapInService.objects.filter(priority=None).count() == 2


def test_changing_the_district_sends_the_practitioner_back_to_a_priority_that_no_longer_fits(
    client, gap_page
):
    """A Pendle priority chosen, then the district changed to Burnley from check answers:
    check answers sends the practitioner to the priority question with a message."""
    pendle, burnley = District.objects.get(code="PEN"), District.objects.get(code="BUR")
    priority = Priority.objects.create(district=pendle, title="Emotional health")
    Priority.objects.create(district=burnley, title="Burnley only")
    fill_steps(client, gap_page, answers_with(GAP_ANSWERS, why={"priority": str(priority.pk)}))

    changed = client.post(f"{gap_page.url}district/?return=check-answers", {"district": "BUR"})
    assert changed["Location"] == f"{gap_page.url}check-answers/"
    checked = client.get(changed["Location"])
    assert checked["Location"] == f"{gap_page.url}why/?return=check-answers"
    shown = client.get(checked["Location"])
    assert inline_error(shown, "priority") == (
        "Select one of Burnley's priorities, or None of these"
    )
    assert send(client, gap_page).status_code == 302
    assert GapInService.objects.count() == 0


# Lengths, numbers, email, phone, money


@pytest.mark.parametrize(
    ("slug", "field", "limit", "message", "extra"),
    [
        ("about-you", "practitioner_name", 200, "Your name must be 200 characters or fewer", {}),
        ("about-you", "job_title", 200, "Your job title must be 200 characters or fewer", {}),
        ("about-you", "organisation", 200, "Your organisation must be 200 characters or fewer", {}),
        ("the-need", "unmet_need", 3000, "The unmet need must be 3,000 characters or fewer", {}),
        (
            "the-need",
            "what_has_been_tried",
            3000,
            "What has been tried must be 3,000 characters or fewer",
            {},
        ),
        (
            "the-need",
            "service_that_would_meet_need",
            3000,
            "The service that would meet the need must be 3,000 characters or fewer",
            {},
        ),
        (
            "the-need",
            "barrier_detail",
            3000,
            "What else stops the need being met must be 3,000 characters or fewer",
            {"barrier": "other"},
        ),
        (
            "spot-purchase",
            "spot_purchase_purpose",
            3000,
            "What it would buy must be 3,000 characters or fewer",
            {"spot_purchase_requested": "yes", "spot_purchase_amount": "100"},
        ),
    ],
)
def test_an_answer_over_its_length_limit_gets_a_message_and_nothing_is_saved(
    client, gap_page, slug, field, limit, message, extra
):
    """One character over the limit is refused with "… must be N characters or fewer"; the
    limit itself is accepted."""
    response = post_step(client, gap_page, slug, **extra, **{field: "a" * (limit + 1)})
    assert_refused(client, gap_page, response, field, message)
    accepted = client.post(
        f"{gap_page.url}{slug}/", dict(GAP_ANSWERS[slug], **extra, **{field: "a" * limit})
    )
    assert accepted.status_code == 302


def test_email_and_phone_over_their_limits_get_a_length_message(client, gap_page):
    """The email address (254) and phone number (40) have limits too."""
    long_email = "a" * 250 + "@example.org"
    response = post_step(client, gap_page, "about-you", email=long_email, phone="0" * 41)
    assert inline_error(response, "email") == "Email address must be 254 characters or fewer"
    assert inline_error(response, "phone") == "Telephone number must be 40 characters or fewer"


def test_a_new_line_counts_as_one_character(client, gap_page):
    """Browsers send new lines as two characters; the limit counts them as one, and the
    answer is saved with plain new lines."""
    text = "a\r\n" * 1000  # 3,000 characters as sent, 2,000 as written
    complete(client, gap_page, answers_with(GAP_ANSWERS, the_need={"unmet_need": text}))
    assert GapInService.objects.get().unmet_need == ("a\n" * 1000).strip()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("3.5", "The number of children and young people must be a whole number, like 3"),
        ("lots", "The number of children and young people must be a whole number, like 3"),
        ("-1", "The number of children and young people must be 0 or more"),
        ("10001", "The number of children and young people must be 10,000 or fewer"),
        (
            "99999999999999999999",
            "The number of children and young people must be a whole number, like 3",
        ),
    ],
)
def test_counts_must_be_whole_numbers_from_0_to_10000(client, gap_page, value, message):
    """Counts are whole numbers from 0 to 10,000, with a message for each way they go wrong."""
    response = post_step(client, gap_page, "who-is-affected", children_affected=value)
    assert_refused(client, gap_page, response, "children_affected", message)


def test_counts_may_be_0_or_written_with_a_comma(client, gap_page):
    """0 and "1,000" are accepted."""
    complete(
        client,
        gap_page,
        answers_with(
            GAP_ANSWERS, who_is_affected={"children_affected": "1,000", "families_affected": "0"}
        ),
    )
    gap = GapInService.objects.get()
    assert (gap.children_affected, gap.families_affected) == (1000, 0)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("email", "sam@", "Enter an email address in the correct format, like name@example.org"),
        (
            "email",
            "sam.example.org",
            "Enter an email address in the correct format, like name@example.org",
        ),
        ("phone", "12345", "Enter a UK telephone number, like 01632 960 001 or 07700 900 982"),
        ("phone", "call me", "Enter a UK telephone number, like 01632 960 001 or 07700 900 982"),
    ],
)
def test_the_email_and_phone_must_be_valid(client, gap_page, field, value, message):
    """A malformed email address or a number that is not a UK phone number is refused."""
    response = post_step(client, gap_page, "about-you", **{field: value})
    assert_refused(client, gap_page, response, field, message)


@pytest.mark.parametrize("phone", ["01632 960001", "+44 (0)7700 900982", "(01632) 960-001"])
def test_uk_phone_numbers_are_accepted_however_they_are_written(client, gap_page, phone):
    """National and international forms, with spaces, brackets or hyphens, are accepted."""
    assert post_step(client, gap_page, "about-you", phone=phone).status_code == 302


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        (
            "600",
            "The amount must be £500 or less: that is the most Pendle's panel can spend "
            "on one case",
        ),
        ("0", "The amount must be more than £0"),
        ("-5", "The amount must be more than £0"),
        (
            "12.345",
            "The amount must be in pounds and pence, with no more than 2 digits after "
            "the decimal point, like 150.50",
        ),
        ("ten pounds", "The amount must be an amount in pounds, like 150 or 150.50"),
    ],
)
def test_the_spot_purchase_amount_must_be_positive_pounds_within_the_panel_maximum(
    client, gap_page, amount, message
):
    """The amount is in pounds and pence, above 0 and at most the district's panel maximum;
    the message names the maximum."""
    response = post_step(
        client,
        gap_page,
        "spot-purchase",
        spot_purchase_requested="yes",
        spot_purchase_amount=amount,
        spot_purchase_purpose="Counselling.",
    )
    assert_refused(client, gap_page, response, "spot_purchase_amount", message)


def test_the_panel_maximum_is_the_districts_own(client, gap_page):
    """A district with a £300 maximum refuses £301 and says £300; the hint says it too."""
    District.objects.filter(code="PEN").update(panel_maximum=Decimal("300.00"))
    response = post_step(
        client,
        gap_page,
        "spot-purchase",
        spot_purchase_requested="yes",
        spot_purchase_amount="301",
        spot_purchase_purpose="Counselling.",
    )
    assert inline_error(response, "spot_purchase_amount").startswith(
        "The amount must be £300 or less"
    )
    assert "up to £300 for each case" in html(response)
    ok = client.post(
        f"{gap_page.url}spot-purchase/",
        dict(
            GAP_ANSWERS["spot-purchase"],
            spot_purchase_requested="yes",
            spot_purchase_amount="300",
            spot_purchase_purpose="Counselling.",
        ),
    )
    assert ok.status_code == 302


# Anonymity


@pytest.mark.parametrize(
    ("slug", "field", "label", "extra"),
    [
        ("the-need", "unmet_need", "The unmet need", {}),
        ("the-need", "what_has_been_tried", "What has been tried", {}),
        ("the-need", "service_that_would_meet_need", "The service that would meet the need", {}),
        ("the-need", "barrier_detail", "What else stops the need being met", {"barrier": "other"}),
        (
            "spot-purchase",
            "spot_purchase_purpose",
            "What it would buy",
            {"spot_purchase_requested": "yes", "spot_purchase_amount": "100"},
        ),
    ],
)
@pytest.mark.parametrize(
    ("detail", "kind"),
    [
        ("They live at BB9 7LJ.", POSTCODE),
        ("Her NHS number is 943 476 5919.", NHS_NUMBER),
        ("Call mum on 07700 900123.", PHONE_NUMBER),
        ("Mrs Smith asked for help.", NAME),
    ],
)
def test_an_identifying_detail_in_any_free_text_answer_is_refused_without_repeating_it(
    client, gap_page, slug, field, label, extra, detail, kind
):
    """A free-text answer holding an identifying detail is refused with a message naming the
    question and the kind of detail, never the detail itself; nothing is kept or saved."""
    response = post_step(client, gap_page, slug, **extra, **{field: detail})
    message = (
        f"{label} must not include {DESCRIPTIONS[kind]}. Remove it so that no child, young "
        f"person or family can be identified. {SUGGESTIONS[kind]}"
    )
    assert_refused(client, gap_page, response, field, message)
    assert client.get(f"{gap_page.url}check-answers/")["Location"] == f"{gap_page.url}{slug}/"


@pytest.mark.parametrize("field", ["job_title", "organisation"])
def test_the_job_title_and_organisation_may_not_hold_details_only_a_person_has(
    client, gap_page, field
):
    """A postcode or a date of birth in the job title or organisation is refused."""
    for detail, kind in (("School, BB9 7LJ", "a postcode"), ("DOB 12/05/2014", "a date of birth")):
        response = post_step(client, gap_page, "about-you", **{field: detail})
        assert kind in inline_error(response, field)
        assert GapInService.objects.count() == 0


def test_the_practitioners_own_details_are_not_checked_for_names_phones_or_streets(
    client, gap_page
):
    """The practitioner's name, phone and email are theirs, and an organisation may be named
    after a doctor or a street: none of these is refused."""
    response = post_step(
        client,
        gap_page,
        "about-you",
        practitioner_name="Dr Sam Taylor",
        organisation="Dr Patel's Surgery, 14 High Street",
        phone="07700 900123",
    )
    assert response.status_code == 302


# Check answers


def test_check_answers_shows_every_answer_with_a_change_link_back_to_its_question(client, gap_page):
    """Every answer is listed in a summary list, each with a Change link to its question
    that returns to check answers."""
    fill_steps(client, gap_page, GAP_ANSWERS)
    response = client.get(f"{gap_page.url}check-answers/")
    page = html(response)
    assert response.status_code == 200
    assert "govuk-summary-list" in page
    for shown in (
        "Pendle",
        "Sam Taylor",
        "Learning mentor",
        "Example High School",
        "Education",
        "sam.taylor@example.org",
        "01632 960 001",
        "A CAF is complete, but you do not know how to meet the needs",
        "A child or young person",
        "11 to 15",
        "Bereavement counselling for a young person in Year 9.",
        "School pastoral support since March 2026.",
        "Waiting list",
        "I will attend, as the Lead Professional",
    ):
        assert shown in page.replace("&#x27;", "'"), shown
    for slug, answers in GAP_ANSWERS.items():
        for field in answers:
            if field in {"barrier_detail", "spot_purchase_amount", "spot_purchase_purpose"}:
                continue  # not revealed with these answers
            if field == "priority":
                continue  # Pendle has no priorities here, so the question is not asked
            assert f'href="{gap_page.url}{slug}/?return=check-answers#{field}"' in page, field
    assert 'data-prevent-double-click="true"' in page


def test_a_change_link_returns_to_check_answers_with_the_new_answer(client, gap_page):
    """Following a Change link and saving goes back to check answers, which shows the change."""
    fill_steps(client, gap_page, GAP_ANSWERS)
    change = client.get(f"{gap_page.url}about-you/?return=check-answers")
    assert "Save and return to check your answers" in html(change)
    assert f'href="{gap_page.url}check-answers/" class="govuk-back-link"' in html(change)
    assert 'value="Sam Taylor"' in html(change)

    saved = client.post(
        f"{gap_page.url}about-you/?return=check-answers",
        dict(GAP_ANSWERS["about-you"], job_title="Head of year"),
    )
    assert saved["Location"] == f"{gap_page.url}check-answers/"
    assert "Head of year" in html(client.get(saved["Location"]))


def test_steps_cannot_be_skipped(client, gap_page):
    """A later step or check answers, visited early, sends the practitioner to the first step
    they have not done."""
    assert client.get(f"{gap_page.url}the-need/")["Location"] == f"{gap_page.url}district/"
    fill_steps(client, gap_page, GAP_ANSWERS, until="who-is-affected")
    for slug in ("spot-purchase", "check-answers"):
        response = client.get(f"{gap_page.url}{slug}/")
        assert response["Location"] == f"{gap_page.url}who-is-affected/"
    posted = client.post(f"{gap_page.url}confirm/", GAP_ANSWERS["confirm"])
    assert posted["Location"] == f"{gap_page.url}who-is-affected/"
    assert send(client, gap_page)["Location"] == f"{gap_page.url}who-is-affected/"
    assert GapInService.objects.count() == 0


def test_an_unknown_step_is_not_found(client, gap_page):
    """Only the form's own steps exist."""
    assert client.get(f"{gap_page.url}no-such-step/").status_code == 404


# After sending


def test_sending_again_after_sending_does_not_send_twice(client, gap_page):
    """After sending, the answers are gone: a second Send, a refresh of check answers or the
    back button lead to the confirmation page and save nothing more."""
    complete(client, gap_page, GAP_ANSWERS)
    reference = GapInService.objects.get().reference

    again = send(client, gap_page)
    assert again["Location"] == f"{gap_page.url}confirmation/"
    assert client.get(f"{gap_page.url}check-answers/")["Location"] == (
        f"{gap_page.url}confirmation/"
    )
    assert GapInService.objects.count() == 1
    assert reference in html(client.get(f"{gap_page.url}confirmation/"))


def test_the_confirmation_page_without_a_sent_form_goes_to_the_start(client, gap_page):
    """Nobody sees a confirmation for a form they did not send."""
    assert client.get(f"{gap_page.url}confirmation/")["Location"] == gap_page.url


def test_a_new_form_can_be_started_after_sending(client, gap_page):
    """The same practitioner can send a second form from the start."""
    complete(client, gap_page, GAP_ANSWERS)
    complete(client, gap_page, GAP_ANSWERS)
    references = sorted(GapInService.objects.values_list("reference", flat=True))
    assert [r[-4:] for r in references] == ["0001", "0002"]


def test_the_journey_pages_are_not_cached(client, gap_page):
    """Pages holding answers or a reference carry Cache-Control: no-store."""
    fill_steps(client, gap_page, GAP_ANSWERS)
    for path in ("about-you/", "check-answers/"):
        assert "no-store" in client.get(f"{gap_page.url}{path}")["Cache-Control"]


# Editors' help texts


def test_an_editors_help_text_replaces_the_default_and_others_keep_theirs(client, gap_page):
    """A question with an editor's help text shows it; the others show their default."""
    GapFormHelpText.objects.create(
        page=gap_page, question="route", help_text="Pick the closest match."
    )
    fill_steps(client, gap_page, GAP_ANSWERS, until="why")
    page = html(client.get(f"{gap_page.url}why/"))
    assert "Pick the closest match." in page
    assert "Choose the one that fits best." not in page
    assert "The needs were met, but not in the best way, for example" in page  # route hint
