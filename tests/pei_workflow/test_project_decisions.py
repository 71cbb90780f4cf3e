"""A decision that commissions a service makes or links its project in the decision's own
unit of work: the Sub Group's "A service commissioned", and the Trust Board's or the county
response's when they commission one. The review history row names the project."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from pei_workflow import services
from pei_workflow.admin import urls
from pei_workflow.models import CommissionedProject, TransitionLog
from pei_workflow.selectors import review_history
from pei_workflow.services import Commissioning
from tests.factories import (
    admin_county_lead,
    admin_eido,
    in_state,
    meeting,
    submitted_caf,
    submitted_gap,
)
from tests.factories_projects import project

pytestmark = pytest.mark.django_db

NEW_PROJECT = Commissioning(
    action="new",
    name="Holiday lunches at Nelson children's centre",
    provider="Example Community Kitchen",
    start_date=datetime.date(2026, 7, 1),
    end_date=datetime.date(2027, 6, 30),
    cost=Decimal("3000.00"),
)


def escalated_gap(district_code="PEN", themes=("Transport",)):
    from pei_workflow.models import Theme

    gap = in_state(submitted_gap(district_code), "escalated_sub_group")
    gap.themes.set(Theme.objects.filter(name__in=themes))
    return gap


def last_step(submission) -> TransitionLog:
    return review_history(submission)[-1]


def test_a_sub_group_decision_that_commissions_a_new_project_makes_it_in_the_same_unit():
    """The project is made with the gap's district and themes, commissioned by the Sub
    Group; the gap is linked to it as its evidence; the history row names it."""
    officer = admin_eido("PEN")
    gap = escalated_gap()

    decided = services.record_sub_group_decision(
        submission=gap,
        actor=officer,
        agreement="commissioned_service",
        notes="A holiday lunch club for the town's families.",
        commissioning=NEW_PROJECT,
    )

    made = CommissionedProject.objects.get()
    assert decided.state == "action_agreed"
    assert (made.name, made.provider, made.cost) == (
        NEW_PROJECT.name,
        NEW_PROJECT.provider,
        Decimal("3000.00"),
    )
    assert made.commissioned_by == "sub_group"
    assert [d.code for d in made.districts.all()] == ["PEN"]
    assert [t.name for t in made.themes.all()] == ["Transport"]
    assert list(made.gaps.all()) == [gap]
    row = last_step(gap)
    assert row.transition == "record_sub_group_decision"
    assert row.data == {
        "agreement": "commissioned_service",
        "project": NEW_PROJECT.name,
        "project_id": made.pk,
        "new_project": True,
    }
    assert made.history.latest().history_change_reason == f"Commissioned for {gap.reference}"


def test_a_decision_links_a_caf_escalation_to_a_project_already_recorded():
    """Linking adds the escalation to the project's evidence and makes no new project."""
    officer = admin_eido("PEN")
    existing = project("PEN")
    caf = in_state(
        submitted_caf("PEN"), "on_sub_group_agenda", meeting=meeting("PEN", kind="sub_group")
    )

    services.record_sub_group_decision(
        submission=caf,
        actor=officer,
        agreement="commissioned_service",
        notes="The crèche takes these families too.",
        commissioning=Commissioning(action="existing", project=existing),
    )

    assert CommissionedProject.objects.count() == 1
    assert list(existing.caf_escalations.all()) == [caf]
    assert last_step(caf).data["project_id"] == existing.pk
    assert last_step(caf).data["new_project"] is False


@pytest.mark.parametrize(
    ("commissioning", "field"),
    [
        (None, "project_action"),
        (Commissioning(action="existing"), "project"),
        (Commissioning(action="new"), "project_name"),
        (
            Commissioning(**{**vars(NEW_PROJECT), "end_date": datetime.date(2026, 6, 30)}),
            "project_end_date",
        ),
        (
            Commissioning(**{**vars(NEW_PROJECT), "name": "For Mrs Smith of BB9 7LJ"}),
            "project_name",
        ),
    ],
)
def test_a_commissioned_service_without_a_good_project_is_refused_and_nothing_changes(
    commissioning, field
):
    """No choice, no project chosen, a new project missing its details, ending before it
    starts or naming someone: refused beside the field, the case stays where it was and no
    project is made."""
    gap = escalated_gap()
    with pytest.raises(ValidationError) as refused:
        services.record_sub_group_decision(
            submission=gap,
            actor=admin_eido("PEN"),
            agreement="commissioned_service",
            notes="Commissioned.",
            commissioning=commissioning,
        )
    assert field in refused.value.message_dict
    gap.refresh_from_db()
    assert gap.state == "escalated_sub_group"
    assert not CommissionedProject.objects.exists()
    assert last_step(gap).transition == "submit"


def test_a_project_of_another_district_cannot_be_linked():
    """A Pendle gap may be linked only to a project covering Pendle."""
    burnley = project("BUR", name="Burnley bikes")
    gap = escalated_gap()
    with pytest.raises(ValidationError) as refused:
        services.record_sub_group_decision(
            submission=gap,
            actor=admin_county_lead(),
            agreement="commissioned_service",
            notes="Commissioned.",
            commissioning=Commissioning(action="existing", project=burnley),
        )
    assert refused.value.message_dict == {"project": ["Select a project that covers Pendle."]}
    assert not burnley.gaps.exists()


def test_another_agreement_ignores_any_project_details():
    """Budgets aligned commissions nothing, whatever else the form sent."""
    gap = escalated_gap()
    services.record_sub_group_decision(
        submission=gap,
        actor=admin_eido("PEN"),
        agreement="budget_aligned",
        notes="Pooled budgets.",
        commissioning=NEW_PROJECT,
    )
    assert not CommissionedProject.objects.exists()
    assert last_step(gap).data == {"agreement": "budget_aligned"}


def test_the_trust_board_and_the_county_response_may_commission_a_project():
    """A county lead's decision commissions a project of the Trust Board, or nothing."""
    lead = admin_county_lead()
    gap = in_state(submitted_gap("PEN"), "escalated_trust_board")
    services.record_trust_board_decision(
        submission=gap, actor=lead, notes="Commissioned.", commissioning=NEW_PROJECT
    )
    made = CommissionedProject.objects.get()
    assert made.commissioned_by == "trust_board"
    assert last_step(gap).data["project_id"] == made.pk

    caf = in_state(submitted_caf("PEN"), "referred_to_county")
    services.record_county_response(submission=caf, actor=lead, notes="Guidance issued.")
    assert last_step(caf).data == {}
    assert CommissionedProject.objects.count() == 1


def test_through_the_step_form_the_eido_records_a_new_project_and_the_history_links_it():
    """The Sub Group decision form offers both ways; a new project posted with it is made,
    and the case's review history shows the project with a link to its page."""
    officer = admin_eido("PEN")
    project("PEN", name="Pendle crèche")
    project("BUR", name="Burnley bikes")
    gap = escalated_gap()
    client = Client()
    client.force_login(officer)
    address = urls.step_url(gap, "record_sub_group_decision")

    form = client.get(address).content.decode()
    assert "Pendle crèche" in form
    assert "Burnley bikes" not in form
    response = client.post(
        address,
        {
            "seen_state": "escalated_sub_group",
            "agreement": "commissioned_service",
            "notes": "A lunch club in the holidays.",
            "project_action": "new",
            "project_name": NEW_PROJECT.name,
            "project_provider": NEW_PROJECT.provider,
            "project_start_date": "2026-07-01",
            "project_end_date": "2027-06-30",
            "project_cost": "£3,000",
        },
    )
    assert response.status_code == 302
    made = CommissionedProject.objects.get(name=NEW_PROJECT.name)
    page = client.get(urls.inspect_url(gap)).content.decode()
    assert "Commissioned project" in page
    assert f'href="{urls.inspect_url(made)}"' in page


def test_the_step_form_keeps_what_was_typed_and_says_what_is_missing():
    """Choosing "A service commissioned" without saying which project gets the form again
    with the message beside the question, and changes nothing."""
    gap = escalated_gap()
    client = Client()
    client.force_login(admin_eido("PEN"))
    response = client.post(
        urls.step_url(gap, "record_sub_group_decision"),
        {
            "seen_state": "escalated_sub_group",
            "agreement": "commissioned_service",
            "notes": "A lunch club.",
        },
    )
    assert response.status_code == 200
    assert "Choose whether it is a project already recorded or a new one." in (
        response.content.decode()
    )
    gap.refresh_from_db()
    assert gap.state == "escalated_sub_group"
