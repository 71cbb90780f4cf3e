"""The moderation screens: the inspect view's buttons and review history, and the form of each
workflow step, with its refusals (404, 403, 409) and validation messages."""

import re
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from pei_workflow import services
from pei_workflow.admin.casework.steps import STEPS
from pei_workflow.models import SpotPurchase, TransitionLog
from pei_workflow.states import CafState, GapState
from tests.factories import (
    admin_county_lead,
    admin_eido,
    budget,
    in_state,
    meeting,
    service,
    submitted_caf,
    submitted_gap,
)

pytestmark = pytest.mark.django_db

STEP_LINK = re.compile(r"/admin/casework/(?:gapinservice|cafescalation)/\d+/step/(\w+)/")


def step_url(submission, transition, **query):
    url = reverse(
        "pei_workflow_step",
        kwargs={
            "model_name": submission._meta.model_name,
            "pk": submission.pk,
            "transition": transition,
        },
    )
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def inspect_url(submission):
    name = submission._meta.model_name
    return reverse(f"pei_workflow_{name}_modeladmin_inspect", args=[submission.pk])


def snapshot(submission):
    """What a refused step must leave alone: the state, the history and the email queue."""
    model = type(submission)
    return (
        model.objects.values_list("state", flat=True).get(pk=submission.pk),
        TransitionLog.objects.filter(
            content_type=ContentType.objects.get_for_model(model), object_id=submission.pk
        ).count(),
        DBTaskResult.objects.count(),
        model.history.filter(id=submission.pk).count(),
    )


def offered_by_machine(submission, user):
    return {
        t.name
        for t in submission.get_available_user_state_transitions(user)
        if t.name not in {"submit", "provide_information"}
    }


@pytest.fixture
def officer(client):
    user = admin_eido("PEN")
    client.force_login(user)
    return user


INSPECT_CASES = [("gap", s) for s in GapState.values if s != "new"] + [
    ("caf", s) for s in CafState.values if s != "new"
]


@pytest.mark.parametrize("kind,state", INSPECT_CASES)
@pytest.mark.parametrize("role", ["pendle_eido", "county_lead"])
def test_inspect_offers_exactly_the_steps_the_state_machine_allows_this_person(
    client, kind, state, role
):
    """Each button on the inspect view is a step django-fsm offers this person now."""
    user = admin_eido("PEN") if role == "pendle_eido" else admin_county_lead()
    client.force_login(user)
    if kind == "gap":
        submission = in_state(submitted_gap("PEN"), state, meeting=meeting("PEN"))
    else:
        on = meeting("PEN", kind="sub_group")
        submission = in_state(submitted_caf("PEN"), state, meeting=on)
    body = client.get(inspect_url(submission)).content.decode()
    assert set(STEP_LINK.findall(body)) == offered_by_machine(submission, user)


def test_an_eido_is_not_offered_the_county_leads_step(client, officer):
    """At the Trust Board, the EIDO may only withdraw; recording the decision is a county
    lead's."""
    gap = in_state(submitted_gap("PEN"), "escalated_trust_board")
    body = client.get(inspect_url(gap)).content.decode()
    assert set(STEP_LINK.findall(body)) == {"withdraw"}
    assert "Record the Trust Board decision" not in body.split("Workflow")[0]


def test_a_submission_nobody_can_act_on_shows_no_buttons(client, officer):
    """A form the practitioner has not sent has no staff step: no buttons at all."""
    gap = in_state(submitted_gap("PEN"), "new")
    body = client.get(inspect_url(gap)).content.decode()
    assert STEP_LINK.findall(body) == []
    assert "What you can do now" not in body


def test_a_closed_case_offers_only_reopen_and_no_corrections(client, officer):
    """Ended cases are read-only until reopened: no correct or themes buttons."""
    gap = in_state(submitted_gap("PEN"), "closed")
    body = client.get(inspect_url(gap)).content.decode()
    assert set(STEP_LINK.findall(body)) == {"reopen"}
    assert "/correct/" not in body
    assert "/themes/" not in body


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("kind", ["gap", "caf"])
def test_a_pendle_eido_gets_404_on_every_burnley_url_and_nothing_changes(
    client, officer, method, kind, django_capture_on_commit_callbacks
):
    """Every step, correction and themes address of a Burnley case answers 404 to a Pendle
    EIDO, without a word of the case, and changes nothing."""
    burnley = submitted_gap("BUR") if kind == "gap" else submitted_caf("BUR")
    before = snapshot(burnley)
    model_name = burnley._meta.model_name
    urls = [step_url(burnley, name) for name in [*STEPS, "no_such_step", "submit"]]
    urls += [
        reverse(name, kwargs={"model_name": model_name, "pk": burnley.pk})
        for name in ("pei_workflow_correct", "pei_workflow_themes")
    ]
    data = {"reason": "x", "message": "x", "notes": "x", "outcome": "met", "themes": []}
    with django_capture_on_commit_callbacks(execute=True):
        for url in urls:
            response = getattr(client, method)(url, data if method == "post" else None)
            assert response.status_code == 404, url
            assert burnley.reference not in response.content.decode()
    assert snapshot(burnley) == before


def test_an_unknown_kind_or_step_is_404(client, officer):
    """Addresses that name no kind of submission, or no step of its workflow, answer 404."""
    gap = submitted_gap("PEN")
    assert client.get(f"/admin/casework/page/{gap.pk}/step/start_review/").status_code == 404
    assert client.get(step_url(gap, "refer_to_county_caf_group")).status_code == 404
    assert client.get(step_url(gap, "provide_information")).status_code == 404


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_step_forced_from_the_wrong_state_is_403_and_changes_nothing(
    client, officer, method, django_capture_on_commit_callbacks
):
    """A panel decision on a case still being reviewed is refused in plain words."""
    gap = in_state(submitted_gap("PEN"), "in_review")
    before = snapshot(gap)
    data = {"outcome": "waiting_list"} if method == "post" else None
    with django_capture_on_commit_callbacks(execute=True):
        response = getattr(client, method)(step_url(gap, "record_panel_decision"), data)
    assert response.status_code == 403
    body = response.content.decode()
    assert f"{gap.reference} is now “Being reviewed”, so that step is not possible." in body
    assert "Nothing has been changed." in body
    assert snapshot(gap) == before


def test_a_step_that_is_not_theirs_is_403_and_says_who_may(client, officer):
    """Only a county lead records the Trust Board's decision; the EIDO is told so."""
    gap = in_state(submitted_gap("PEN"), "escalated_trust_board")
    before = snapshot(gap)
    response = client.post(step_url(gap, "record_trust_board_decision"), {"notes": "Agreed."})
    assert response.status_code == 403
    assert "Only a county lead can record the Trust Board decision." in response.content.decode()
    assert snapshot(gap) == before


def test_starting_a_review_moves_the_case_and_returns_to_the_page_it_came_from(client, officer):
    """A step succeeds, writes one history row and goes back to the local `next` page."""
    gap = submitted_gap("PEN")
    _, logs, _, _ = snapshot(gap)
    back = reverse("pei_workflow_gapinservice_modeladmin_index")
    response = client.post(step_url(gap, "start_review", next=back), {"seen_state": "submitted"})
    assert response.status_code == 302
    assert response["Location"] == back
    assert snapshot(gap)[:2] == ("in_review", logs + 1)


def test_an_outside_next_address_is_ignored(client, officer):
    """After a step, nobody is sent to another site: the submission's page is used instead."""
    gap = submitted_gap("PEN")
    response = client.post(step_url(gap, "start_review", next="https://evil.example/"))
    assert response["Location"] == inspect_url(gap)


def test_a_refused_input_shows_an_error_summary_and_changes_nothing(client, officer):
    """An empty question is refused beside its box, listed in the summary, and nothing moves."""
    gap = in_state(submitted_gap("PEN"), "in_review")
    before = snapshot(gap)
    response = client.post(step_url(gap, "request_information"), {"message": "  "})
    assert response.status_code == 200
    body = response.content.decode()
    assert "There is a problem" in body
    assert '<a href="#id_message">Enter the question for the practitioner.</a>' in body
    assert 'class="error-message"' in body
    assert snapshot(gap) == before


def test_a_refused_decision_keeps_what_was_typed(client, officer):
    """An amount over the panel maximum is refused beside the amount, with the input kept."""
    budget("PEN", "5000.00")
    gap = in_state(submitted_gap("PEN"), "on_panel_agenda", meeting=meeting("PEN"))
    before = snapshot(gap)
    data = {"outcome": "spot_purchase", "amount": "750", "purchase_for": "Ten sessions"}
    response = client.post(step_url(gap, "record_panel_decision"), data)
    body = response.content.decode()
    assert response.status_code == 200
    assert "The most the Pendle Resource Panel can agree for one case is £500.00." in body
    assert 'value="750"' in body
    assert "Ten sessions" in body
    assert snapshot(gap) == before


def test_the_spot_purchase_form_shows_the_maximum_budget_spent_and_left(client, officer):
    """The decision form shows the panel maximum and the district's budget position."""
    budget("PEN", "900.00")
    earlier = in_state(submitted_gap("PEN"), "on_panel_agenda", meeting=meeting("PEN"))
    services.record_panel_decision(
        submission=earlier,
        actor=officer,
        outcome="spot_purchase",
        amount=Decimal("400.00"),
        purchase_for="Transport",
    )
    gap = in_state(submitted_gap("PEN"), "on_panel_agenda", meeting=meeting("PEN"))
    body = client.get(step_url(gap, "record_panel_decision")).content.decode()
    assert re.search(r"Most for one case</dt>\s*<dd>£500.00", body)
    assert re.search(r"Budget for \d{4} to \d{4}</dt>\s*<dd>£900.00", body)
    assert re.search(r"Spent to date</dt>\s*<dd>£400.00", body)
    assert re.search(r"Left</dt>\s*<dd>£500.00", body)


def test_a_spot_purchase_is_recorded_through_the_form(client, officer):
    """ "£450" is read as 450.00: the spend is saved and the case moves on."""
    budget("PEN", "900.00")
    gap = in_state(submitted_gap("PEN"), "on_panel_agenda", meeting=meeting("PEN"))
    data = {"outcome": "spot_purchase", "amount": "£450", "purchase_for": "Six sessions"}
    response = client.post(step_url(gap, "record_panel_decision"), data)
    assert response.status_code == 302
    assert SpotPurchase.objects.get(gap=gap).amount == Decimal("450.00")
    assert snapshot(gap)[0] == "action_agreed"


def test_someone_else_moving_the_case_first_gives_409_with_the_input_kept(client, officer):
    """Between showing the form and sending it, another EIDO declined the case: the person is
    told, keeps what they typed, and nothing of theirs is saved."""
    gap = in_state(submitted_gap("PEN"), "in_review")
    form = client.get(step_url(gap, "request_information")).content.decode()
    assert 'name="seen_state" value="in_review"' in form
    services.decline(submission=gap, actor=admin_eido("PEN"), reason="Not a gap in service.")
    before = snapshot(gap)
    data = {"seen_state": "in_review", "message": "Which school year is the pupil in?"}
    response = client.post(step_url(gap, "request_information"), data)
    assert response.status_code == 409
    body = response.content.decode()
    assert f"{gap.reference} is now “Declined”, so that step is no longer possible." in body
    assert "Which school year is the pupil in?" in body
    assert snapshot(gap) == before


def just_before(monkeypatch, name, happening):
    """Run `happening` between the view's own checks and the real service `name`, as when
    someone else acts in that moment; the service itself is not replaced."""
    real = getattr(services, name)

    def after_it(**kwargs):
        happening()
        return real(**kwargs)

    monkeypatch.setattr(services, name, after_it)


def test_a_race_lost_inside_the_service_gives_409_with_the_input_kept(client, officer, monkeypatch):
    """If someone else moves the case after the view's own check, the service refuses, the
    person is told with what they typed kept, and only the other person's step is saved."""
    gap = in_state(submitted_gap("PEN"), "in_review")
    lead = admin_county_lead()
    just_before(
        monkeypatch,
        "request_information",
        lambda: services.decline(submission=gap, actor=lead, reason="Not a gap in services."),
    )
    data = {"seen_state": "in_review", "message": "Which school year?"}
    response = client.post(step_url(gap, "request_information"), data)
    assert response.status_code == 409
    body = response.content.decode()
    assert f"{gap.reference} is now “Declined”, so that step is no longer possible." in body
    assert "Which school year?" in body
    steps = TransitionLog.objects.filter(object_id=gap.pk, content_type__model="gapinservice")
    assert list(steps.values_list("transition", flat=True).order_by("pk")) == ["submit", "decline"]


def test_a_service_refusing_the_person_is_403_and_changes_nothing(client, officer, monkeypatch):
    """If the person stops being the district's EIDO after the view's own check, the service
    refuses the step: the answer is 403 and nothing changes."""
    gap = in_state(submitted_gap("PEN"), "in_review")
    before = snapshot(gap)
    just_before(
        monkeypatch,
        "decline",
        lambda: officer.district_assignments.all().delete(),
    )
    response = client.post(step_url(gap, "decline"), {"reason": "Not a gap."})
    assert response.status_code == 403
    assert snapshot(gap) == before


def test_add_to_agenda_offers_only_coming_meetings_that_can_hear_it(client, officer):
    """Past meetings, Sub Group meetings and other districts' meetings are not offered."""
    gap = in_state(submitted_gap("PEN"), "in_review")
    coming = meeting("PEN", location="Nelson Town Hall")
    past = meeting("PEN", days_ahead=-7, location="Past Hall")
    sub_group = meeting("PEN", kind="sub_group", location="Sub Group Room")
    burnley = meeting("BUR", location="Burnley Hall")
    body = client.get(step_url(gap, "add_to_agenda")).content.decode()
    assert f'value="{coming.pk}"' in body
    for other in (past, sub_group, burnley):
        assert f'value="{other.pk}"' not in body


def test_add_to_agenda_says_so_when_there_is_no_meeting(client, officer):
    """With no coming Resource Panel meeting, the form says what to do."""
    gap = in_state(submitted_gap("PEN"), "in_review")
    body = client.get(step_url(gap, "add_to_agenda")).content.decode()
    assert "There is no coming Resource Panel meeting of Pendle to choose." in body
    assert f'href="{reverse("pei_workflow_meeting_modeladmin_create")}"' in body


def test_defer_offers_only_later_meetings(client, officer):
    """Moving an item offers only meetings after the one it is on now."""
    current = meeting("PEN", days_ahead=14)
    earlier = meeting("PEN", days_ahead=7)
    later = meeting("PEN", days_ahead=28)
    gap = in_state(submitted_gap("PEN"), "on_panel_agenda", meeting=current)
    body = client.get(step_url(gap, "defer")).content.decode()
    assert f'value="{later.pk}"' in body
    assert f'value="{earlier.pk}"' not in body
    assert f'value="{current.pk}"' not in body


def test_signposting_offers_the_districts_services(client, officer):
    """Signposting lists the services that cover the submission's district."""
    own = service("PEN", name="Pendle Bereavement Group")
    other = service("BUR", name="Burnley Youth Club")
    gap = in_state(submitted_gap("PEN"), "in_review")
    body = client.get(step_url(gap, "signpost")).content.decode()
    assert own.name in body
    assert other.name not in body
    response = client.post(
        step_url(gap, "signpost"), {"service": own.pk, "unknown_to_practitioner": "on"}
    )
    assert response.status_code == 302
    gap.refresh_from_db()
    assert gap.identified_service == own
    assert gap.service_unknown_to_practitioner is True


def test_closing_records_the_monitoring_outcome_shown_on_the_case(client, officer):
    """The close form records the outcome, the numbers benefiting and the CAF."""
    gap = in_state(submitted_gap("PEN"), "action_agreed")
    data = {
        "outcome": "partly_met",
        "children_benefiting": "0",
        "families_benefiting": "1",
        "caf_in_place": "yes",
    }
    assert client.post(step_url(gap, "close"), data).status_code == 302
    body = client.get(inspect_url(gap)).content.decode()
    assert "Monitoring outcome" in body
    assert "Need partly met" in body
    assert re.search(r"Children and young people benefiting</dt>\s*<dd>0<", body)


def test_closing_with_a_number_that_is_not_a_number_is_refused_beside_it(client, officer):
    """ "two" is not a count: the message is beside the box and nothing changes."""
    gap = in_state(submitted_gap("PEN"), "action_agreed")
    before = snapshot(gap)
    data = {"outcome": "met", "children_benefiting": "two", "families_benefiting": "1"}
    body = client.post(step_url(gap, "close"), data).content.decode()
    assert '<a href="#id_children_benefiting">Enter a whole number, like 2.' in body
    assert 'value="two"' in body
    assert snapshot(gap) == before
