"""The panel's memory on the screens (issue 15): the "Similar gaps" panel on a gap's page and
its agenda item, the repeated-need mark in the list and on the agenda, the Sub Group reason
drafted from references, and the services that met similar needs offered first."""

import datetime
import html
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from pei_workflow.models import District, GapInService, Theme
from pei_workflow.repeated_needs import months_before, sub_group_reason_draft
from tests.factories import (
    admin_county_lead,
    admin_eido,
    admin_panel_member,
    county_lead,
    in_state,
    meeting,
    service,
    submitted_caf,
    submitted_gap,
)
from tests.pei_workflow.similar_needs import BUS, GRIEF, GRIEF_AGAIN, one_of_each_other_need

pytestmark = pytest.mark.django_db

#: Words of GRIEF_AGAIN that only its own free text holds.
GRIEF_WORDS = "counselling after his father's death"


@pytest.fixture(autouse=True)
def casework():
    """Other needs around each test's gaps, none of them like another or like grief."""
    return [submitted_gap("HYN", **answers) for answers in one_of_each_other_need()]


def admin_client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def text(response) -> str:
    return html.unescape(response.content.decode())


def inspect_url(gap) -> str:
    return reverse("pei_workflow_gapinservice_modeladmin_inspect", args=[gap.pk])


def list_url() -> str:
    return reverse("pei_workflow_gapinservice_modeladmin_index")


def step_url(gap, transition) -> str:
    return reverse(
        "pei_workflow_step",
        kwargs={"model_name": "gapinservice", "pk": gap.pk, "transition": transition},
    )


def agenda_url(target) -> str:
    return reverse("pei_workflow_agenda", args=[target.pk])


def grief(district_code="PEN", **answers):
    return submitted_gap(district_code, **{**GRIEF_AGAIN, **answers})


def sent_days_ago(gap, days: int):
    GapInService.objects.filter(pk=gap.pk).update(
        submitted_at=timezone.now() - datetime.timedelta(days=days)
    )


def met_by(gap, met):
    GapInService.objects.filter(pk=gap.pk).update(
        identified_service=met, panel_outcome="service_identified"
    )


def rule(code="PEN", *, count=3, months=12):
    District.objects.filter(code=code).update(
        repeated_need_count=count, repeated_need_months=months
    )


def panel_text(page: str) -> str:
    """The "Similar gaps" panel of a page."""
    found = re.search(r'<section class="pei-similar".*?</section>', page, re.S)
    assert found, "no Similar gaps panel"
    return found.group(0)


# The panel on a gap's page.


def test_a_gaps_page_sums_up_its_districts_similar_gaps_and_what_met_them():
    asked = submitted_gap("PEN", **GRIEF)
    bereavement = service("PEN")
    lifts = service("PEN", name="Pendle Lifts")
    alike = [grief() for _ in range(4)]
    for each in alike[:2]:
        met_by(each, bereavement)
    met_by(alike[2], lifts)
    grief("BUR")
    submitted_gap("PEN", **BUS)
    page = text(admin_client_for(admin_county_lead()).get(inspect_url(asked)))
    panel = panel_text(page)
    assert (
        "4 similar gaps in Pendle in the last 12 months, 2 met by Young Minds Bereavement "
        "Service, 1 by Pendle Lifts." in panel
    )
    assert "5 across the county." in panel
    for each in alike:
        assert each.reference in panel


def test_each_similar_gap_shows_its_state_themes_barrier_outcome_what_met_it_and_time_taken():
    asked = submitted_gap("PEN", **GRIEF)
    alike = grief()
    bereavement = service("PEN")
    decided = alike.submitted_at + datetime.timedelta(days=9)
    GapInService.objects.filter(pk=alike.pk).update(
        state="closed",
        identified_service=bereavement,
        first_decided_at=decided,
        monitoring_outcome="met",
    )
    alike.themes.add(Theme.objects.get(name="Bereavement"))
    page = panel_text(text(admin_client_for(admin_county_lead()).get(inspect_url(asked))))
    row = re.search(
        rf"<tr>\s*<th scope=\"row\"><a href=\"{inspect_url(alike)}\">.*?</tr>", page, re.S
    )
    assert row, "no row for the similar gap"
    cells = [
        re.sub(r"<[^>]+>", "", cell).strip()
        for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row.group(0), re.S)
    ]
    assert cells == [
        alike.reference,
        "Pendle",
        "Closed",
        "Bereavement",
        "Waiting list",
        "Need met",
        "Young Minds Bereavement Service",
        "9 days",
    ]


def test_a_pendle_eido_never_sees_a_burnley_gap_but_the_county_count_includes_it():
    asked = submitted_gap("PEN", **GRIEF)
    pendle = grief()
    burnley = grief(
        "BUR", unmet_need="A grieving boy of eight needs counselling since his dad died."
    )
    page = text(admin_client_for(admin_eido("PEN")).get(inspect_url(asked)))
    panel = panel_text(page)
    assert pendle.reference in panel
    assert burnley.reference not in page
    assert "since his dad died" not in page
    assert "1 similar gap in Pendle in the last 12 months." in panel
    assert "2 across the county." in panel
    lead = text(admin_client_for(admin_county_lead()).get(inspect_url(asked)))
    assert burnley.reference in panel_text(lead)


def test_no_similar_gaps_is_said_in_words():
    asked = submitted_gap("PEN", **GRIEF)
    panel = panel_text(text(admin_client_for(admin_county_lead()).get(inspect_url(asked))))
    assert "No similar gaps in Pendle in the last 12 months." in panel
    assert "across the county" not in panel
    assert "<table" not in panel


def test_a_caf_escalations_page_has_no_similar_gaps_panel():
    caf = submitted_caf("PEN")
    page = text(
        admin_client_for(admin_county_lead()).get(
            reverse("pei_workflow_cafescalation_modeladmin_inspect", args=[caf.pk])
        )
    )
    assert 'class="pei-similar"' not in page


@pytest.mark.parametrize("user", [admin_county_lead, lambda: admin_eido("PEN")])
def test_the_gaps_page_with_its_panel_keeps_a_fixed_number_of_queries(user):
    asked = submitted_gap("PEN", **GRIEF)
    client = admin_client_for(user())
    bereavement = service("PEN")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(inspect_url(asked)).status_code == 200
        return len(captured)

    met_by(grief(), bereavement)
    one = queries()
    for n in range(7):
        each = grief("PEN" if n % 2 else "BUR")
        met_by(each, service("PEN", name=f"Service {n}"))
    assert queries() == one


# Repeated needs.


def test_months_before_is_the_same_day_or_the_shorter_months_last():
    assert months_before(datetime.date(2026, 3, 31), 1) == datetime.date(2026, 2, 28)
    assert months_before(datetime.date(2028, 3, 31), 1) == datetime.date(2028, 2, 29)
    assert months_before(datetime.date(2026, 1, 15), 12) == datetime.date(2025, 1, 15)
    assert months_before(datetime.date(2026, 2, 10), 36) == datetime.date(2023, 2, 10)


def test_a_gap_with_its_districts_number_of_similar_gaps_is_a_repeated_need():
    rule(count=2)
    asked = submitted_gap("PEN", **GRIEF)
    grief()
    client = admin_client_for(admin_county_lead())
    assert "Repeated need" not in panel_text(text(client.get(inspect_url(asked))))
    grief()
    panel = panel_text(text(client.get(inspect_url(asked))))
    assert "Repeated need" in panel
    assert "Pendle has had at least 2 similar gaps in the last 12 months" in panel


def test_similar_gaps_of_other_districts_do_not_make_a_repeated_need():
    rule(count=2)
    asked = submitted_gap("PEN", **GRIEF)
    grief()
    grief("BUR")
    grief("BUR")
    page = text(admin_client_for(admin_county_lead()).get(inspect_url(asked)))
    assert "Repeated need" not in panel_text(page)


def test_a_repeated_need_counts_only_its_districts_period():
    rule(count=2, months=12)
    asked = submitted_gap("PEN", **GRIEF)
    grief()
    sent_days_ago(grief(), 400)
    client = admin_client_for(admin_county_lead())
    panel = panel_text(text(client.get(inspect_url(asked))))
    assert "1 similar gap in Pendle in the last 12 months." in panel
    assert "Repeated need" not in panel
    rule(count=2, months=24)
    panel = panel_text(text(client.get(inspect_url(asked))))
    assert "2 similar gaps in Pendle in the last 24 months." in panel
    assert "Repeated need" in panel


def test_the_gaps_list_marks_repeated_needs_by_their_own_districts_rule():
    rule("PEN", count=2)
    rule("BUR", count=5)
    pendle = [grief() for _ in range(3)]
    burnley = [grief("BUR") for _ in range(3)]
    bus = submitted_gap("PEN", **BUS)
    page = text(admin_client_for(admin_county_lead()).get(list_url()))
    assert "<th" in page and "Repeated need</" in page  # the column's header
    marked = {
        pk
        for pk, row in re.findall(r'<tr class="\w+" data-object-pk="(\d+)">(.*?)</tr>', page, re.S)
        if 'class="pei-repeated"' in row
    }
    assert marked == {str(each.pk) for each in pendle}
    assert str(bus.pk) not in marked and not marked & {str(b.pk) for b in burnley}


def test_the_gaps_list_keeps_a_fixed_number_of_queries_with_its_repeated_need_column():
    client = admin_client_for(admin_county_lead())

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(list_url()).status_code == 200
        return len(captured)

    grief()
    few = queries()
    for n in range(10):
        grief("PEN" if n % 2 else "BUR")
    assert queries() == few


# The drafted Sub Group reason.


def repeated_gap_on_the_agenda():
    """A Pendle gap on the Resource Panel's agenda with two similar Pendle gaps before it
    (one met by the bereavement service), Pendle's rule being two."""
    rule(count=2)
    earlier = [grief(), grief()]
    met_by(earlier[0], service("PEN"))
    asked = in_state(submitted_gap("PEN", **GRIEF), "on_panel_agenda", meeting=meeting("PEN"))
    return asked, earlier


def test_the_sub_group_reason_is_drafted_from_references_and_never_their_words():
    asked, earlier = repeated_gap_on_the_agenda()
    client = admin_client_for(admin_eido("PEN"))
    page = text(client.get(inspect_url(asked)))
    draft_link = f"{step_url(asked, 'escalate_to_sub_group')}?draft=repeated_need"
    assert html.unescape(draft_link) in page
    form = text(client.get(draft_link))
    reason = re.search(r'<textarea name="reason"[^>]*>(.*?)</textarea>', form, re.S).group(1)
    references = ", ".join(sorted(each.reference for each in earlier))
    assert reason.strip() == (
        "Repeated need. 2 similar gaps were sent in Pendle in the last 12 months:\n"
        f"{references}.\n"
        "1 met by Young Minds Bereavement Service."
    )
    assert GRIEF_WORDS not in form
    assert "by reference only" in form


def test_a_draft_lists_at_most_twenty_references_and_says_how_many_more():
    rule(count=2)
    asked = submitted_gap("PEN", **GRIEF)
    for _ in range(22):
        grief()
    draft = sub_group_reason_draft(asked, county_lead())
    assert "22 similar gaps were sent in Pendle" in draft
    listed = re.findall(r"GAP-PEN-\d{4}-\d+", draft)
    assert len(listed) == 20
    assert "and 2 more." in draft


@pytest.mark.parametrize(
    ("query", "why"),
    [
        ("draft=repeated_need", "is not a repeated need"),
        ("draft=something_else", "no such draft"),
    ],
)
def test_a_draft_that_does_not_apply_is_a_bad_request_and_changes_nothing(query, why):
    asked = in_state(submitted_gap("PEN", **GRIEF), "on_panel_agenda", meeting=meeting("PEN"))
    if "something_else" in query:
        rule(count=1)
        grief()
    response = admin_client_for(admin_eido("PEN")).get(
        f"{step_url(asked, 'escalate_to_sub_group')}?{query}"
    )
    assert response.status_code == 400
    assert why in text(response)
    asked.refresh_from_db()
    assert asked.state == "on_panel_agenda"


def test_a_draft_on_another_steps_form_is_a_bad_request():
    asked, _ = repeated_gap_on_the_agenda()
    response = admin_client_for(admin_eido("PEN")).get(
        f"{step_url(asked, 'defer')}?draft=repeated_need"
    )
    assert response.status_code == 400


# The agenda.


def test_the_agenda_marks_a_repeated_need_and_links_to_its_similar_gaps():
    asked, _ = repeated_gap_on_the_agenda()
    other = in_state(submitted_gap("PEN", **BUS), "on_panel_agenda", meeting=asked.meeting)
    page = text(admin_client_for(admin_eido("PEN")).get(agenda_url(asked.meeting)))
    items = dict(
        re.findall(r"<h3[^>]*>\d+\. Gap in service (GAP-[\w-]+)</h3>(.*?)</article>", page, re.S)
    )
    assert 'class="pei-repeated"' in items[asked.reference]
    assert 'class="pei-repeated"' not in items[other.reference]
    assert f"?similar={asked.pk}#similar" in items[asked.reference]


def test_an_eido_reads_an_agenda_items_similar_gaps_and_a_panel_member_only_their_number():
    asked, earlier = repeated_gap_on_the_agenda()
    address = f"{agenda_url(asked.meeting)}?similar={asked.pk}"
    eido_page = panel_text(text(admin_client_for(admin_eido("PEN")).get(address)))
    assert f"Similar gaps to {asked.reference}" in eido_page
    assert all(each.reference in eido_page for each in earlier)
    member = text(admin_client_for(admin_panel_member("PEN")).get(address))
    panel = panel_text(member)
    assert "2 similar gaps in Pendle in the last 12 months" in panel
    assert not any(each.reference in member for each in earlier)


@pytest.mark.parametrize("asked", ["999999", "abc", "", "caf", "other"])
def test_similar_gaps_of_anything_but_a_gap_on_this_agenda_are_a_bad_request(asked):
    gap, _ = repeated_gap_on_the_agenda()
    elsewhere = in_state(grief(), "on_panel_agenda", meeting=meeting("PEN", days_ahead=30))
    value = {"caf": str(submitted_caf("PEN").pk), "other": str(elsewhere.pk)}.get(asked, asked)
    response = admin_client_for(admin_eido("PEN")).get(f"{agenda_url(gap.meeting)}?similar={value}")
    assert response.status_code == 400
    assert "not of a gap on this agenda" in text(response)


# Suggested services.


def service_select(form: str) -> str:
    return re.search(r'<select name="service".*?</select>', form, re.S).group(0)


def service_groups(form: str) -> list[tuple[str, str]]:
    """The service list's groups: (label, its options)."""
    return re.findall(r'<optgroup label="([^"]+)">(.*?)</optgroup>', service_select(form), re.S)


def test_the_services_that_met_similar_gaps_are_offered_first_when_signposting():
    pendle_first = service("PEN", name="Aardvark Family Support")
    bereavement = service("PEN")
    elsewhere = service("BUR", name="Burnley Grief Group")
    for _ in range(2):
        met_by(grief(), bereavement)
    met_by(grief("BUR"), elsewhere)
    asked = in_state(submitted_gap("PEN", **GRIEF), "in_review")
    client = admin_client_for(admin_eido("PEN"))
    form = text(client.get(step_url(asked, "signpost")))
    groups = service_groups(form)
    assert [label for label, _ in groups] == ["Suggested for this need", "Other services in Pendle"]
    assert bereavement.name in groups[0][1] and pendle_first.name not in groups[0][1]
    assert pendle_first.name in groups[1][1]
    assert elsewhere.name not in service_select(form)  # it does not serve Pendle
    response = client.post(
        step_url(asked, "signpost"),
        {"seen_state": "in_review", "service": bereavement.pk},
    )
    assert response.status_code == 302
    assert GapInService.objects.get(pk=asked.pk).identified_service == bereavement


def test_the_panel_decision_offers_the_suggested_services_first_too():
    bereavement = service("PEN")
    service("PEN", name="Aardvark Family Support")
    met_by(grief(), bereavement)
    asked = in_state(submitted_gap("PEN", **GRIEF), "on_panel_agenda", meeting=meeting("PEN"))
    form = text(admin_client_for(admin_eido("PEN")).get(step_url(asked, "record_panel_decision")))
    groups = service_groups(form)
    assert groups[0][0] == "Suggested for this need" and bereavement.name in groups[0][1]


def test_without_similar_gaps_the_services_are_one_plain_list():
    service("PEN")
    asked = in_state(submitted_gap("PEN", **GRIEF), "in_review")
    form = text(admin_client_for(admin_eido("PEN")).get(step_url(asked, "signpost")))
    assert service_groups(form) == []
    assert "Young Minds Bereavement Service" in service_select(form)
