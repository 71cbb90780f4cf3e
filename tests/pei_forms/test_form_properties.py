"""Property tests of the two public forms and the status page forms: whatever a practitioner,
a bot or a forger posts (long, Unicode and control characters, markup, SQL, forged choices,
ids and numbers, fields no form has), the site never fails, never stores an identifying
detail, never leaves a submission in a state the workflow tables do not allow, and never
changes any submission but the one the request is about.

Each example runs in its own savepoint (see tests/strategies.py) with a new browser session.
"""

from decimal import Decimal
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import event, given
from hypothesis import strategies as st

from pei_forms.forms import CAF_FORM, GAP_FORM
from pei_forms.protection import HONEYPOT_FIELD
from pei_workflow.anonymity import find_identifying_details
from pei_workflow.choices import (
    AffectedGroup,
    AgeBand,
    Barrier,
    EscalationType,
    GapRoute,
    PanelAttendee,
    Workforce,
    YesNo,
    YesNoNotApplicable,
    YesNoUnsure,
)
from pei_workflow.models import CafEscalation, District, GapInService
from pei_workflow.states import CafState, GapState
from pei_workflow.tokens import issue_status_token
from tests import strategies as s
from tests.factories import in_state, priority, submitted_caf, submitted_gap
from tests.pei_forms.form_helpers import CAF_ANSWERS, GAP_ANSWERS
from tests.pei_workflow.test_transition_matrix import CAF_TABLE, GAP_TABLE

pytestmark = pytest.mark.django_db

SUBMISSION_TABLES = {
    GapInService: {
        "pei_workflow.GapInService",
        "pei_workflow.HistoricalGapInService",
        "pei_workflow.TransitionLog",
        "pei_workflow.ReferenceSequence",
    },
    CafEscalation: {
        "pei_workflow.CafEscalation",
        "pei_workflow.HistoricalCafEscalation",
        "pei_workflow.TransitionLog",
        "pei_workflow.ReferenceSequence",
    },
}


def browser() -> Client:
    # An exception in a view fails the example with its traceback, rather than a bare 500.
    return Client(raise_request_exception=True)


@pytest.fixture
def others():
    """Submissions already sent in both districts, which no example may change, and the
    priorities a forger might pick: Burnley's, and a Pendle one no longer in use."""
    return {
        "submissions": [submitted_gap("PEN"), submitted_caf("PEN"), submitted_gap("BUR")],
        "pendle": [priority("PEN", "Emotional health"), priority("PEN", "Housing")],
        "burnley": priority("BUR", "Burnley only"),
        "retired": priority("PEN", "Retired", is_active=False),
    }


# What the steps of each form are sent.


def district_codes():
    return list(District.objects.order_by("name").values_list("code", flat=True))


EMAILS = ["sam.taylor@example.org", "o'brien+pei@example.org", "A@EXAMPLE.ORG"]
PHONES = ["01632 960 001", "+44 7700 900 982", "(01632) 960001", "0044 (0)7700-900-982"]


def about_you(forge: bool):
    return st.fixed_dictionaries(
        {
            "practitioner_name": s.text(forge),
            "job_title": s.text(forge),
            "organisation": s.text(forge),
            "workforce": s.choice(Workforce.values, forge),
            "email": s.text(forge) if forge else st.sampled_from(EMAILS),
            "phone": st.one_of(s.text(forge), s.number()) if forge else st.sampled_from(PHONES),
        }
    )


def confirm(forge: bool):
    ticks = ["yes", "yes", "", "false", "0", "<b>"] if forge else ["yes"]
    return st.fixed_dictionaries({"confirmed_anonymous": st.sampled_from(ticks)})


def steps(**answers):
    """Each step's answers: for each step, values of the right shape with generated text, or
    forgeries; and now and then fields no step has (`state`, `reference`...)."""
    return st.fixed_dictionaries(
        {
            slug.replace("_", "-"): st.builds(
                lambda data, junk: {**junk, **data}, s.forging().flatmap(step), s.junk_fields()
            )
            for slug, step in answers.items()
        }
    )


def gap_answers(others):
    pendle = [str(p.pk) for p in others["pendle"]] + ["none"]
    forged = [others["burnley"].pk, others["retired"].pk]
    return steps(
        district=lambda forge: st.fixed_dictionaries(
            {"district": s.sometimes(s.choice(district_codes(), forge), usually=st.just("PEN"))}
        ),
        about_you=about_you,
        why=lambda forge: st.fixed_dictionaries(
            {
                "route": s.choice(GapRoute.values, forge),
                "caf_in_place": s.choice(YesNoNotApplicable.values, forge),
                "tac_consulted": s.choice(YesNo.values, forge),
                "priority": s.an_id(pendle, forged, forge),
            }
        ),
        who_is_affected=lambda forge: st.fixed_dictionaries(
            {
                "affected_group": s.choice(AffectedGroup.values, forge),
                "age_band": s.choice(AgeBand.values, forge),
                "children_affected": s.number(0, 10_000, forge),
                "families_affected": s.number(0, 10_000, forge),
            }
        ),
        the_need=lambda forge: st.fixed_dictionaries(
            {
                "unmet_need": s.text(forge),
                "what_has_been_tried": s.text(forge),
                "service_that_would_meet_need": s.text(forge),
                "barrier": s.choice(Barrier.values, forge),
                "barrier_detail": s.text(forge),
            }
        ),
        spot_purchase=lambda forge: st.fixed_dictionaries(
            {
                "spot_purchase_requested": s.choice(["yes", "no"], forge),
                "spot_purchase_amount": s.number(1, 600, forge),
                "spot_purchase_purpose": s.text(forge),
                "panel_attendee": s.choice(PanelAttendee.values, forge),
            }
        ),
        confirm=confirm,
    )


def caf_answers():
    return steps(
        district=lambda forge: st.fixed_dictionaries(
            {"district": s.sometimes(s.choice(district_codes(), forge), usually=st.just("BUR"))}
        ),
        about_you=about_you,
        the_problem=lambda forge: st.fixed_dictionaries(
            {
                "escalation_type": s.choice(EscalationType.values, forge),
                "agencies_involved": s.text(forge),
                "issue": s.text(forge),
                "steps_taken": s.text(forge),
                "outcome_sought": s.text(forge),
                "county_implications": s.choice(YesNoUnsure.values, forge),
            }
        ),
        confirm=confirm,
    )


# Driving a journey.


def refuses_forged_choices(step, data: dict, district, accepted: bool) -> None:
    """A step that took a value its radios do not offer, in a question it asks, would let a
    forged choice through: a forged choice must get the form's error."""
    form = step.form_class(data, district=district)
    concealed = form.concealed_fields()
    for name, field in form.fields.items():
        offered = getattr(field, "choices", None)
        if offered is None or name in concealed:
            continue
        value = data.get(name, "")
        if value and value not in {str(key) for key, _label in offered}:
            assert not accepted, f"{step.slug}: {name} took a value it does not offer"


def go_through(client, page, definition, answers: dict, fallback: dict) -> str:
    """Post each step's generated answers; where a step refuses them, post `fallback`'s so
    that the journey reaches Send. Returns the code of the district the answers went to."""
    district = None
    for step in definition.steps:
        url = f"{page.url}{step.slug}/"
        data = s.post_data(answers[step.slug])
        response = client.post(url, data)
        accepted = response.status_code == 302
        if accepted:
            assert response.url.startswith(page.url), response.url
        else:
            assert response.status_code in (200, 413), response.status_code
        refuses_forged_choices(step, data, district, accepted)
        event(f"{step.slug}: {'took' if accepted else 'refused'} the generated answers")
        if not accepted:
            data = fallback[step.slug]
            assert client.post(url, data).status_code == 302, step.slug
        if step.slug == "district":
            district = District.objects.get(code=data["district"])
    return district.code


def assert_a_new_submission_as_sent(model, before, after, code: str):
    """Send added one submission, in the state the tables give a new one, to the district
    chosen, and changed no row that was there before but the district's reference counter."""
    new = [c for c in s.changes(before, after) if c.table == model._meta.label]
    assert [c.before for c in new] == [None]
    sent = model.objects.get(pk=new[0].pk)
    # DESIGN.md: submit goes from (new) to "submitted", whatever the form was sent.
    assert sent.state == "submitted"
    assert sent.district.code == code
    for change in s.changes(before, after):
        assert change.before is None or change.table == "pei_workflow.ReferenceSequence", change
    s.assert_changes_only(
        before, after, districts={sent.district_id}, tables=SUBMISSION_TABLES[model]
    )
    assert s.stored_details(before, after, s.CASEWORK_TEXT_TABLES) == []
    # Every value is one the model allows: choices offered, lengths, counts.
    sent.full_clean(exclude=["state"])  # protected: only a transition sets it
    return sent


def test_every_planted_detail_is_one_the_guard_finds():
    """The details the properties plant are ones the anonymity guard knows: a property that
    plants nothing it would refuse proves nothing."""
    for detail in s.IDENTIFYING_DETAILS:
        assert find_identifying_details(f"Seen at the clinic with {detail} today"), detail


@given(data=st.data())
@s.examples(15)
def test_any_answers_to_the_gap_form_send_one_clean_new_gap_and_change_nothing_else(
    form_pages, others, data
):
    """Whatever each step of the Gap in Service form is sent, a step refuses what it does not
    offer, and Send stores one new gap in "Received", for the district chosen, with only
    allowed values and no identifying detail, and changes no other submission."""
    gap_page = form_pages[0]
    answers = data.draw(gap_answers(others), label="answers")
    with s.one_example():
        client = browser()
        before = s.snapshot()
        code = go_through(client, gap_page, GAP_FORM, answers, GAP_ANSWERS)
        response = client.post(f"{gap_page.url}check-answers/", {})
        assert response.status_code == 302
        assert response.url.endswith("/confirmation/")
        gap = assert_a_new_submission_as_sent(GapInService, before, s.snapshot(), code)
        if gap.priority is not None:
            assert gap.priority.district_id == gap.district_id
            assert gap.priority.is_active
        assert 0 <= gap.children_affected <= 10_000
        assert 0 <= gap.families_affected <= 10_000
        if gap.spot_purchase_requested:
            assert Decimal("0") < gap.spot_purchase_amount <= gap.district.panel_maximum
        else:
            assert (gap.spot_purchase_amount, gap.spot_purchase_purpose) == (None, "")
        if gap.barrier != Barrier.OTHER:
            assert gap.barrier_detail == ""
        assert gap.confirmed_anonymous


@given(data=st.data())
@s.examples(12)
def test_any_answers_to_the_caf_form_send_one_clean_new_escalation_and_change_nothing_else(
    form_pages, others, data
):
    """The same for the CAF escalation form: one new escalation in "Received", for the
    district chosen, with only allowed values and no identifying detail."""
    caf_page = form_pages[1]
    answers = data.draw(caf_answers(), label="answers")
    with s.one_example():
        client = browser()
        before = s.snapshot()
        code = go_through(client, caf_page, CAF_FORM, answers, CAF_ANSWERS)
        response = client.post(f"{caf_page.url}check-answers/", {})
        assert response.status_code == 302
        escalation = assert_a_new_submission_as_sent(CafEscalation, before, s.snapshot(), code)
        assert escalation.confirmed_anonymous


# Which answers the guard reads, with the answers that reveal them: a spot purchase's "what
# it would buy" is asked only when one is requested, "tell us more" only for another barrier.
GUARDED = {
    "gap": {
        "about-you": {"job_title": {}, "organisation": {}},
        "the-need": {
            "unmet_need": {},
            "what_has_been_tried": {},
            "service_that_would_meet_need": {},
            "barrier_detail": {"barrier": "other"},
        },
        "spot-purchase": {
            "spot_purchase_purpose": {
                "spot_purchase_requested": "yes",
                "spot_purchase_amount": "50",
            }
        },
    },
    "caf": {
        "about-you": {"job_title": {}, "organisation": {}},
        "the-problem": {
            "agencies_involved": {},
            "issue": {},
            "steps_taken": {},
            "outcome_sought": {},
        },
    },
}


@pytest.mark.parametrize("form", ["gap", "caf"])
@given(data=st.data())
@s.examples(2)
def test_every_answer_the_guard_reads_refuses_a_planted_detail(form_pages, others, form, data):
    """A detail planted in any free-text answer of either form (in the job title and the
    organisation, one that can only be about a person) gets the guard's message on that
    step, and the step is not passed. Each example plants one in each answer in turn."""
    page, definition, fallback = {
        "gap": (form_pages[0], GAP_FORM, GAP_ANSWERS),
        "caf": (form_pages[1], CAF_FORM, CAF_ANSWERS),
    }[form]
    for slug, fields in GUARDED[form].items():
        for field, reveal in fields.items():
            kinds = s.personal_kinds() if field in s.PERSONAL_ONLY else None
            detail = data.draw(s.with_detail(kinds), label=field)
            with s.one_example():
                client = browser()
                for step in definition.steps[: definition.index(definition.step(slug))]:
                    client.post(f"{page.url}{step.slug}/", fallback[step.slug])
                answers = {**fallback[slug], **reveal, field: detail}
                response = client.post(f"{page.url}{slug}/", answers)
                s.assert_the_guard_refused(response)


@given(
    form=st.sampled_from(["gap", "caf"]),
    steps_before=st.integers(min_value=0, max_value=3),
    honeypot=s.free_text().filter(lambda text: text.strip()),
    send=st.booleans(),
)
@s.examples(10)
def test_a_filled_honeypot_stores_nothing_and_keeps_no_answers(
    form_pages, others, form, steps_before, honeypot, send
):
    """A bot that fills the hidden field, on any step or on Send, gets 400, nothing is
    stored, and the answers so far are forgotten."""
    page, definition, fallback = {
        "gap": (form_pages[0], GAP_FORM, GAP_ANSWERS),
        "caf": (form_pages[1], CAF_FORM, CAF_ANSWERS),
    }[form]
    with s.one_example():
        client = browser()
        if send:
            steps_before = len(definition.steps)
        for step in definition.steps[:steps_before]:
            client.post(f"{page.url}{step.slug}/", fallback[step.slug])
        before = s.snapshot()
        if send:
            url, data = f"{page.url}check-answers/", {}
        else:
            step = definition.steps[steps_before]
            url, data = f"{page.url}{step.slug}/", dict(fallback[step.slug])
        response = client.post(url, {**data, HONEYPOT_FIELD: honeypot})
        assert response.status_code == 400
        assert s.changes(before, s.snapshot()) == []
        assert client.get(f"{page.url}check-answers/").status_code == 302


@given(slug=s.plain_text(30), body=s.junk_fields())
@s.examples(15)
def test_any_address_under_a_form_page_stores_nothing_without_a_journey(
    form_pages, others, slug, body
):
    """Posting to any made-up address under a form page, with no answers in the session,
    never fails and never stores anything."""
    with s.one_example():
        before = s.snapshot()
        url = f"{form_pages[0].url}{quote(slug, safe='')}/"
        assert browser().post(url, body).status_code in (200, 302, 400, 404, 405)
        assert s.changes(before, s.snapshot()) == []


# The status page.


@pytest.fixture
def linked():
    """A Pendle gap and a Pendle escalation with status links, and a Burnley gap with one."""
    cases = {
        "pendle gap": submitted_gap("PEN"),
        "pendle caf": submitted_caf("PEN"),
        "burnley gap": submitted_gap("BUR"),
    }
    return {name: (case, issue_status_token(case)) for name, case in cases.items()}


def forged_tokens(real: str):
    """Tokens that open nothing: guessed, mangled, far too long, empty."""
    return st.one_of(
        s.plain_text(60),
        st.just(real[:-1]),
        st.just(real + "A"),
        st.just(real.upper()),
        st.just("A" * 5000),
        st.sampled_from(s.FORGED_IDS),
    )


def state_of(case) -> str:
    return type(case).objects.values_list("state", flat=True).get(pk=case.pk)


def all_states(case) -> list[str]:
    return (GapState if isinstance(case, GapInService) else CafState).values


def status_address(token: str, action: str = "") -> str:
    path = f"/status/{quote(token, safe='')}/"
    return f"{path}{action}/" if action else path


def allowed_states(case, transition: str, before: str) -> set[str]:
    """The state the case may be in after the practitioner's step: as it was, or the
    table's target if the table allows the step from it."""
    sources, target, _who = (GAP_TABLE if isinstance(case, GapInService) else CAF_TABLE)[transition]
    return {before, target} if before in sources else {before}


@given(data=st.data())
@s.examples(20)
def test_any_answer_posted_to_a_status_page_moves_only_that_case_and_only_as_the_table_allows(
    linked, data
):
    """Whatever answer is posted to a status link, in whatever state the case is, the site
    never fails; the case stays put or goes back to "Being reviewed" from "Waiting for the
    practitioner's answer"; nothing else changes; nothing identifying is stored. A forged
    link answers 404 and changes nothing."""
    name = data.draw(st.sampled_from(sorted(linked)), label="case")
    case, token = linked[name]
    state = data.draw(
        s.sometimes(st.sampled_from(all_states(case)), usually=st.just("information_requested")),
        label="state",
    )
    forged = data.draw(st.booleans(), label="forged link")
    if forged:
        token = data.draw(forged_tokens(token), label="token")
    body = {"answer": data.draw(s.free_text(), label="answer"), **data.draw(s.junk_fields())}
    with s.one_example():
        in_state(case, state)
        before = s.snapshot()
        response = browser().post(status_address(token), s.post_data(body))
        after = s.snapshot()
        if forged:
            assert response.status_code == 404
            assert s.changes(before, after) == []
            return
        assert response.status_code in (200, 302)
        assert state_of(case) in allowed_states(case, "provide_information", state)
        assert s.changes_outside(before, after, case) == []
        assert s.stored_details(before, after, s.CASEWORK_TEXT_TABLES) == []


@pytest.mark.parametrize("name", ["pendle gap", "pendle caf"])
@given(answer=s.with_detail())
@s.examples(3)
def test_an_answer_with_an_identifying_detail_is_refused_and_stored_nowhere(linked, name, answer):
    """An answer to the EIDO's question with a detail planted in it gets the guard's
    message; the case stays waiting for the answer and nothing is stored."""
    case, token = linked[name]
    with s.one_example():
        in_state(case, "information_requested")
        before = s.snapshot()
        response = browser().post(status_address(token), {"answer": answer})
        assert s.changes(before, s.snapshot()) == []
        s.assert_the_guard_refused(response)


@given(data=st.data())
@s.examples(15)
def test_withdrawing_through_a_status_link_moves_only_that_case_as_the_table_allows(linked, data):
    """A withdrawal posted in any state, with any body, withdraws an open case and nothing
    else, leaves an ended one as it is, and a forged link answers 404."""
    name = data.draw(st.sampled_from(sorted(linked)), label="case")
    case, token = linked[name]
    state = data.draw(st.sampled_from(all_states(case)), label="state")
    forged = data.draw(st.booleans(), label="forged link")
    if forged:
        token = data.draw(forged_tokens(token), label="token")
    body = data.draw(s.junk_fields(), label="body")
    with s.one_example():
        in_state(case, state)
        before = s.snapshot()
        response = browser().post(status_address(token, "withdraw"), s.post_data(body))
        after = s.snapshot()
        if forged:
            assert response.status_code == 404
            assert s.changes(before, after) == []
            return
        assert response.status_code == 302
        assert state_of(case) in allowed_states(case, "withdraw", state)
        assert s.changes_outside(before, after, case) == []


@given(data=st.data())
@s.examples(15)
def test_asking_for_a_new_link_with_any_values_changes_no_casework(linked, data):
    """The new-link form takes any reference and address without failing, answers with the
    form's errors or the same "sent" page, and changes no casework row."""
    cases = [case for case, _token in linked.values()]
    reference = data.draw(
        st.one_of(st.sampled_from([c.reference for c in cases]), s.free_text()), label="reference"
    )
    email = data.draw(
        st.one_of(st.sampled_from([c.email for c in cases]), s.free_text()), label="email"
    )
    with s.one_example():
        before = s.snapshot()
        body = {"reference": reference, "email": email, **data.draw(s.junk_fields())}
        response = browser().post(reverse("pei_forms:resend_link"), s.post_data(body))
        assert response.status_code in (200, 302)
        if response.status_code == 302:
            assert response.url == reverse("pei_forms:resend_link_sent")
        assert s.changes(before, s.snapshot()) == []
