"""The caseload screens: "Assign to me" and the assignment form on a case's page, the note
form, the lists' assignee filter, column and sort, and assigning the ticked cases of a list."""

import pytest
from django.urls import reverse

from pei_workflow import services
from pei_workflow.admin import urls
from pei_workflow.admin.casework.options import GapInServiceAdmin
from pei_workflow.models import GapInService, TransitionLog
from pei_workflow.services.caseload import add_note, assign
from tests.factories import admin_county_lead, admin_eido, eido, submitted_gap

pytestmark = pytest.mark.django_db

LIST = "/admin/pei_workflow/gapinservice/"


def reviewed(officer, district_code="PEN"):
    return services.start_review(submission=submitted_gap(district_code), actor=officer)


def inspect(client, gap) -> str:
    return client.get(urls.inspect_url(gap)).content.decode()


def test_an_eido_assigns_a_case_to_themselves_from_its_page(client):
    officer = admin_eido("PEN", first_name="Ana", last_name="Khan")
    gap = reviewed(officer)
    client.force_login(officer)
    page = inspect(client, gap)
    assert "Not assigned to anyone yet." in page and "Assign to me" in page
    response = client.post(urls.assign_url(gap), {"assignee": officer.pk})
    assert response.status_code == 302
    gap.refresh_from_db()
    assert gap.assigned_to == officer
    page = inspect(client, gap)
    assert "Assigned to Ana Khan." in page and "Assign to me" not in page


def test_the_assignment_form_offers_only_people_who_may_hold_the_case(client):
    officer = admin_eido("PEN")
    colleague = eido("PEN", first_name="Ben", last_name="Shaw")
    burnley = eido("BUR", first_name="Cal", last_name="Ray")
    gap = reviewed(officer)
    client.force_login(officer)
    form = client.get(urls.assign_url(gap)).content.decode()
    assert "Ben Shaw" in form and "Cal Ray" not in form
    refused = client.post(urls.assign_url(gap), {"assignee": burnley.pk})
    assert refused.status_code == 200
    assert "Choose someone from the list." in refused.content.decode()
    gap.refresh_from_db()
    assert gap.assigned_to is None
    client.post(urls.assign_url(gap), {"assignee": colleague.pk})
    gap.refresh_from_db()
    assert gap.assigned_to == colleague


def test_another_districts_eido_gets_a_404_from_the_caseload_screens(client):
    gap = reviewed(eido("PEN"))
    client.force_login(admin_eido("BUR"))
    assert client.get(urls.assign_url(gap)).status_code == 404
    assert client.post(urls.note_url(gap), {"text": "A note."}).status_code == 404
    assert not TransitionLog.objects.filter(object_id=gap.pk, transition="add_note").exists()


def test_an_ended_case_offers_no_assignment_and_refuses_one(client):
    officer = admin_eido("PEN")
    gap = services.decline(submission=reviewed(officer), actor=officer, reason="Duplicate")
    client.force_login(officer)
    assert "Assign to me" not in inspect(client, gap)
    refused = client.post(urls.assign_url(gap), {"assignee": officer.pk})
    assert refused.status_code == 403
    assert "Reopen it first" in refused.content.decode()


def test_a_note_is_written_from_its_form_and_an_identifying_one_is_refused_beside_the_field(
    client,
):
    officer = admin_eido("PEN")
    gap = reviewed(officer)
    client.force_login(officer)
    refused = client.post(urls.note_url(gap), {"text": "Jayden Smith's mum phoned."})
    assert refused.status_code == 200
    body = refused.content.decode()
    assert "There is a problem" in body and "The note" in body
    assert "Jayden Smith" in body  # kept in the box to correct, and nowhere else
    assert not TransitionLog.objects.filter(object_id=gap.pk, transition="add_note").exists()
    done = client.post(urls.note_url(gap), {"text": "The practitioner phoned for news."})
    assert done.status_code == 302
    assert "The practitioner phoned for news." in inspect(client, gap)


def test_the_list_shows_who_has_each_case_and_filters_by_it(client):
    officer = admin_eido("PEN", first_name="Ana", last_name="Khan")
    colleague = eido("PEN", first_name="Ben", last_name="Shaw")
    mine, theirs, nobodys = reviewed(officer), reviewed(officer), reviewed(officer)
    assign(submissions=mine, actor=officer, assignee=officer)
    assign(submissions=theirs, actor=officer, assignee=colleague)
    client.force_login(officer)
    page = client.get(LIST).content.decode()
    assert "Ana Khan" in page and "Ben Shaw" in page
    for value, expected in (
        ("me", mine),
        ("nobody", nobodys),
        (str(colleague.pk), theirs),
    ):
        page = client.get(LIST, {"assignee": value}).content.decode()
        shown = {gap.reference for gap in (mine, theirs, nobodys) if gap.reference in page}
        assert shown == {expected.reference}, value


def test_an_assignee_filter_value_the_list_does_not_offer_is_a_400(client):
    officer = admin_eido("PEN")
    burnley = eido("BUR")
    client.force_login(officer)
    assert client.get(LIST, {"assignee": str(burnley.pk)}).status_code == 400
    assert client.get(LIST, {"assignee": "everyone"}).status_code == 400


def test_the_list_sorts_by_who_has_the_case(client):
    officer = admin_eido("PEN", first_name="Zoe", last_name="Young")
    colleague = eido("PEN", first_name="Ann", last_name="Adams")
    later, earlier = reviewed(officer), reviewed(officer)
    assign(submissions=later, actor=officer, assignee=officer)
    assign(submissions=earlier, actor=officer, assignee=colleague)
    client.force_login(officer)
    column = GapInServiceAdmin.list_display.index("assigned_to")
    page = client.get(LIST, {"o": str(column)}).content.decode()
    assert page.index(earlier.reference) < page.index(later.reference)
    page = client.get(LIST, {"o": f"-{column}"}).content.decode()
    assert page.index(later.reference) < page.index(earlier.reference)


def test_the_ticked_cases_of_a_list_are_assigned_in_one_go(client):
    officer = admin_eido("PEN", first_name="Ana", last_name="Khan")
    gaps = [reviewed(officer) for _ in range(3)]
    client.force_login(officer)
    page = client.get(LIST).content.decode()
    assert 'form="pei-bulk-assign"' in page and "Assign the ticked cases to" in page
    response = client.post(
        urls.bulk_assign_url(GapInService),
        {
            "selected": [g.pk for g in gaps[:2]],
            "assignee": officer.pk,
            "next": f"{LIST}?state=in_review",
        },
    )
    assert response.status_code == 302 and response.url == f"{LIST}?state=in_review"
    assigned = set(GapInService.objects.filter(assigned_to=officer).values_list("pk", flat=True))
    assert assigned == {gaps[0].pk, gaps[1].pk}


def test_a_ticked_case_of_another_district_makes_the_whole_assignment_a_404(client):
    officer = admin_eido("PEN")
    mine, burnleys = reviewed(officer), reviewed(eido("BUR"), "BUR")
    client.force_login(officer)
    response = client.post(
        urls.bulk_assign_url(GapInService),
        {"selected": [mine.pk, burnleys.pk], "assignee": officer.pk},
    )
    assert response.status_code == 404
    assert not GapInService.objects.filter(assigned_to__isnull=False).exists()


def test_a_bulk_assignment_without_cases_or_with_an_unknown_person_is_a_400(client):
    officer = admin_eido("PEN")
    gap = reviewed(officer)
    client.force_login(officer)
    url = urls.bulk_assign_url(GapInService)
    nothing = client.post(url, {"assignee": officer.pk})
    assert nothing.status_code == 400
    assert "Select the cases to assign." in nothing.content.decode()
    stranger = client.post(url, {"selected": [gap.pk], "assignee": 999999})
    assert stranger.status_code == 400
    assert "Choose someone from the list." in stranger.content.decode()
    assert client.post(url, {"selected": ["x"], "assignee": officer.pk}).status_code == 404
    gap.refresh_from_db()
    assert gap.assigned_to is None


def test_a_county_lead_assigns_cases_of_two_districts_to_another_county_lead(client):
    lead, other = admin_county_lead(), admin_county_lead(first_name="Dee", last_name="Lowe")
    pendle, burnley = reviewed(eido("PEN")), reviewed(eido("BUR"), "BUR")
    client.force_login(lead)
    response = client.post(
        urls.bulk_assign_url(GapInService),
        {"selected": [pendle.pk, burnley.pk], "assignee": other.pk},
    )
    assert response.status_code == 302
    assert GapInService.objects.filter(assigned_to=other).count() == 2


def test_the_admin_home_shows_my_cases_and_links_to_them(client):
    officer = admin_eido("PEN")
    gap = reviewed(officer)
    assign(submissions=gap, actor=officer, assignee=officer)
    add_note(submission=gap, actor=officer, text="Chased the service.")
    client.force_login(officer)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "My cases (1)" in home and gap.reference in home
    assert "Chased the service." not in home


def test_the_lists_download_names_who_has_each_case(client):
    officer = admin_eido("PEN", first_name="Ana", last_name="Khan")
    gap = reviewed(officer)
    assign(submissions=gap, actor=officer, assignee=officer)
    client.force_login(officer)
    download = client.get(LIST, {"export": "csv"})
    assert download.status_code == 200
    lines = b"".join(download.streaming_content).decode().splitlines()
    heading, row = lines[0].split(","), next(line for line in lines if gap.reference in line)
    assert "Assigned to" in heading
    assert row.split(",")[heading.index("Assigned to")] == "Ana Khan"


def test_a_county_lead_assigns_a_districts_cases_to_its_eido_from_the_list(client):
    """Everyone the list's form offers can be chosen: a Pendle EIDO for Pendle's cases, though
    the county lead's list also shows Burnley's."""
    lead = admin_county_lead()
    officer = eido("PEN", first_name="Ana", last_name="Khan")
    pendle, _burnley = reviewed(officer), reviewed(eido("BUR"), "BUR")
    client.force_login(lead)
    assert "Ana Khan" in client.get(LIST).content.decode()
    response = client.post(
        urls.bulk_assign_url(GapInService), {"selected": [pendle.pk], "assignee": officer.pk}
    )
    assert response.status_code == 302
    pendle.refresh_from_db()
    assert pendle.assigned_to == officer
