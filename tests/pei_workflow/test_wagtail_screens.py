"""Wagtail's own screens (site history and its exports, history views, admin search, workflow
reports) show an EIDO or panel member nothing of another district's casework."""

import csv
import datetime
import html
import io

import openpyxl
import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from pei_workflow.models import Meeting, Service, Theme
from pei_workflow.services import grant_role
from tests.factories import (
    UserFactory,
    admin_county_lead,
    admin_eido,
    admin_panel_member,
    budget,
    district,
    listed_member,
    priority,
    service,
    submitted_caf,
    submitted_gap,
)

pytestmark = pytest.mark.django_db

SITE_HISTORY = "/admin/reports/site-history/"
SITE_HISTORY_RESULTS = "/admin/reports/site-history/results/"
LOCATIONS = {"PEN": "Nelson Town Hall", "BUR": "Burnley Mechanics Institute"}
MEMBERS = {"PEN": "Jo Price", "BUR": "Morgan Whitaker"}
SERVICES = {"PEN": "Pendle Play Rangers", "BUR": "Burnley Young Carers"}
PRIORITIES = {"PEN": "Pendle emotional health", "BUR": "Burnley school readiness"}


def text(response) -> str:
    """The page as a person reads it (entities such as &#x27; unescaped)."""
    return html.unescape(response.content.decode())


def create_meeting(client, code: str) -> Meeting:
    """Add a meeting through the admin's own form, as the signed-in person."""
    response = client.post(
        reverse("pei_workflow_meeting_modeladmin_create"),
        {
            "district": district(code).pk,
            "kind": "resource_panel",
            "date": (timezone.localdate() + datetime.timedelta(days=14)).isoformat(),
            "start_time": "10:00",
            "location": LOCATIONS[code],
            "notes": "",
        },
    )
    assert response.status_code == 302, text(response)
    return Meeting.objects.get(location=LOCATIONS[code])


def district_casework(client, lead, code: str) -> dict:
    """A district's meeting (made in the admin), member, service, priority, budget, gap, CAF
    escalation, and a person given a role there, each with its log entry."""
    records = {
        "meeting": create_meeting(client, code),
        "member": listed_member(code, name=MEMBERS[code]),
        "service": service(code, name=SERVICES[code]),
        "priority": priority(code, title=PRIORITIES[code]),
        "budget": budget(code),
        "district": district(code),
        "gap": submitted_gap(code),
        "caf": submitted_caf(code),
    }
    for name, record in records.items():
        if name != "meeting":
            log(instance=record, action="wagtail.edit", user=lead)
    person = UserFactory(username=f"new-eido-{code.lower()}@example.org")
    grant_role(actor=lead, role="eido", user=person, districts=[district(code)])
    records["person"] = person
    return records


@pytest.fixture
def casework(client):
    """Pendle's and Burnley's casework, set up by a county lead; the client is signed out."""
    lead = admin_county_lead(username="cara.lead@example.org")
    client.force_login(lead)
    made = {code: district_casework(client, lead, code) for code in ("PEN", "BUR")}
    theme = Theme.objects.get(name="Transport")
    log(instance=theme, action="wagtail.edit", user=lead)
    made["theme"] = theme
    made["lead"] = lead
    client.logout()
    return made


def labels(records: dict, *names: str) -> set[str]:
    return {str(records[name]) for name in names}


EVERYTHING = ("meeting", "member", "service", "priority", "budget", "district", "gap", "caf")
MEETING_SIDE = ("meeting", "member", "budget", "district")


def secrets_of(records: dict) -> list[str]:
    """What must never show of a district: its records' labels, its meeting's location, its
    member's, service's and priority's names, its submissions' references, its new EIDO."""
    return [
        *labels(records, *EVERYTHING),
        records["meeting"].location,
        records["member"].name,
        records["gap"].reference,
        records["caf"].reference,
        records["person"].username,
    ]


def exported_labels(response) -> set[str]:
    """The "Name" column of a site history export (CSV or XLSX)."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if response["Content-Type"].startswith("text/csv"):
        rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
        return {row["Name"] for row in rows}
    sheet = openpyxl.load_workbook(io.BytesIO(body)).active
    header, *rows = list(sheet.iter_rows(values_only=True))
    return {row[header.index("Name")] for row in rows}


def wagtail_screens(records: dict) -> list[str]:
    """Every address of Wagtail's own screens that lists log entries or searches, with the
    site history's filters (by name, type, action, person and date). The searches are for
    parts of Burnley's names, since a page may repeat what was searched for."""
    meeting_type = ContentType.objects.get_for_model(Meeting).pk
    burnley = records["BUR"]
    return [
        SITE_HISTORY,
        SITE_HISTORY_RESULTS,
        f"{SITE_HISTORY}?label=Resource+Panel",
        f"{SITE_HISTORY_RESULTS}?label=Whit",
        f"{SITE_HISTORY}?label=Carers",
        f"{SITE_HISTORY}?label=GAP",
        f"{SITE_HISTORY}?object_type={meeting_type}",
        f"{SITE_HISTORY}?action=wagtail.create",
        f"{SITE_HISTORY}?action=pei_workflow.role_granted",
        f"{SITE_HISTORY}?user={records['lead'].pk}",
        f"{SITE_HISTORY}?timestamp_after=2000-01-01&timestamp_before=2100-01-01",
        "/admin/search/?q=Carers",
        "/admin/pages/search/?q=Carers",
        "/admin/pages/search/?q=readiness",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        f"/admin/users/history/{burnley['person'].pk}/",
        f"/admin/pei_workflow/meeting/history/{burnley['meeting'].pk}/",
        f"/admin/pei_workflow/panelmember/history/{burnley['member'].pk}/",
        f"/admin/pei_workflow/service/history/{burnley['service'].pk}/",
        f"/admin/pei_workflow/gapinservice/history/{burnley['gap'].pk}/",
    ]


@pytest.mark.parametrize("role", ["eido", "panel_member"])
def test_no_wagtail_screen_shows_a_pendle_reader_anything_of_burnley(client, casework, role):
    """Site history, its filters, the admin search, the workflow reports and every history
    view show a Pendle EIDO or panel member no Burnley meeting, member, service, priority,
    submission or person."""
    client.force_login(admin_eido("PEN") if role == "eido" else admin_panel_member("PEN"))

    for address in wagtail_screens(casework):
        # A screen the person may not use sends them to the admin home, which is read too.
        response = client.get(address, follow=True)
        expected = {200} if address.startswith(SITE_HISTORY) else {200, 404}
        assert response.status_code in expected, address
        body = text(response)
        for secret in secrets_of(casework["BUR"]):
            assert secret not in body, f"{address} shows {secret!r}"


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_a_pendle_eidos_site_history_export_lists_pendles_entries_and_no_burnley_ones(
    client, casework, export
):
    """The CSV and XLSX exports of a Pendle EIDO's site history hold Pendle's entries and the
    county's themes, and nothing of Burnley or of who was given a role."""
    client.force_login(admin_eido("PEN"))

    response = client.get(f"{SITE_HISTORY}?export={export}")

    assert response.status_code == 200
    assert exported_labels(response) == labels(casework["PEN"], *EVERYTHING) | {"Transport"}


def test_a_pendle_panel_members_site_history_lists_pendles_meetings_members_and_budgets(
    client, casework
):
    """A panel member reads Pendle's meetings, members, budget and district entries: not its
    services, priorities or submissions, which are EIDOs' work, and nothing of Burnley."""
    client.force_login(admin_panel_member("PEN"))

    response = client.get(f"{SITE_HISTORY}?export=csv")

    assert exported_labels(response) == labels(casework["PEN"], *MEETING_SIDE)


def test_a_pendle_eidos_site_history_page_names_pendles_records_and_none_of_burnleys(
    client, casework
):
    """The site history page names each of Pendle's records, a submission by its reference
    alone, and no Burnley record."""
    client.force_login(admin_eido("PEN"))
    pendle, burnley = casework["PEN"], casework["BUR"]

    body = text(client.get(SITE_HISTORY))

    for label in labels(pendle, *EVERYTHING):
        assert label in body
    assert str(pendle["gap"]) == pendle["gap"].reference
    assert str(pendle["caf"]) == pendle["caf"].reference
    assert pendle["gap"].practitioner_name not in body
    for label in labels(burnley, *EVERYTHING) - {"Burnley"}:
        assert label not in body


def test_the_site_history_filters_offer_a_pendle_eido_no_burnley_person(client, casework):
    """The person filter lists only people with an entry the reader may see: a Burnley EIDO
    who changed only Burnley's records is not offered."""
    burnley_eido = admin_eido("BUR", username="bea.burnley@example.org")
    log(instance=casework["BUR"]["meeting"], action="wagtail.edit", user=burnley_eido)
    client.force_login(admin_eido("PEN"))

    body = text(client.get(SITE_HISTORY))

    assert casework["lead"].username in body
    assert burnley_eido.username not in body


def test_a_county_lead_sees_every_districts_entries_and_the_role_changes(client, casework):
    """County leads see both districts' entries, and the people they gave roles."""
    client.force_login(casework["lead"])

    response = client.get(f"{SITE_HISTORY}?export=csv")

    people = {casework[code]["person"].username for code in ("PEN", "BUR")}
    assert exported_labels(response) == (
        labels(casework["PEN"], *EVERYTHING)
        | labels(casework["BUR"], *EVERYTHING)
        | {"Transport"}
        | people
    )


def test_an_entry_about_a_deleted_pendle_service_is_shown_to_county_leads_only(client, casework):
    """Once a record is gone its district is unknown, so only county leads see its entries."""
    gone = casework["PEN"]["service"]
    client.force_login(casework["lead"])
    response = client.post(reverse("pei_workflow_service_modeladmin_delete", args=[gone.pk]))
    assert response.status_code == 302
    assert not Service.objects.filter(pk=gone.pk).exists()
    assert ModelLogEntry.objects.filter(action="wagtail.delete", label=gone.name).exists()

    assert gone.name in exported_labels(client.get(f"{SITE_HISTORY}?export=csv"))
    client.force_login(admin_eido("PEN"))
    assert gone.name not in exported_labels(client.get(f"{SITE_HISTORY}?export=csv"))


def test_an_eido_of_two_districts_sees_both_and_no_other(casework):
    """An EIDO of Pendle and Burnley sees both districts' entries; Hyndburn's stay hidden."""
    both = admin_eido("PEN")
    both.district_assignments.create(district=district("BUR"), role="eido")
    hyndburn = service("HYN", name="Hyndburn Holiday Club")
    log(instance=hyndburn, action="wagtail.create", user=casework["lead"])

    shown = set(
        ModelLogEntry.objects.viewable_by_user(both).values_list("label", flat=True).distinct()
    )

    assert labels(casework["PEN"], *EVERYTHING) | labels(casework["BUR"], *EVERYTHING) <= shown
    assert hyndburn.name not in shown
