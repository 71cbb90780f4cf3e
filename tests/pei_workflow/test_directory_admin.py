"""The Directory admin: services, themes and CYPP priorities, kept by EIDOs for their own
districts and by county leads for all, and closed to everyone else."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pei_workflow.models import GapInService, Priority, Service, Theme
from pei_workflow.selectors import priorities_visible_to, services_visible_to
from tests import factories as f

pytestmark = pytest.mark.django_db

ROLES = ["pendle_eido", "burnley_eido", "county_lead", "panel_member", "editor"]


def admin_user(user):
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def url(model: str, action: str, *args) -> str:
    return reverse(f"pei_workflow_{model}_modeladmin_{action}", args=args)


@pytest.fixture
def people():
    return {
        "pendle_eido": admin_user(f.eido("PEN")),
        "burnley_eido": admin_user(f.eido("BUR")),
        "county_lead": admin_user(f.county_lead()),
        "panel_member": admin_user(f.panel_member("PEN")),
        "editor": f.EditorFactory(),
    }


@pytest.fixture
def records():
    return {
        "service": f.service("PEN", name="Pendle Bereavement Support"),
        "theme": Theme.objects.get(name="Bereavement"),
        "priority": f.priority("PEN", "Emotional health and wellbeing"),
    }


def service_form(**overrides) -> dict:
    data = {
        "name": "Pendle Lifts",
        "districts": [f.district("PEN").pk],
        "themes": [Theme.objects.get(name="Transport").pk],
        "offers": "Volunteer drivers to appointments.",
        "who_for": "Families without a car.",
        "how_to_refer": "Phone us.",
        "waiting_list": "none",
        "contact_email": "lifts@example.org",
        "contact_phone": "",
        "website": "",
        "is_published": "on",
        "change_reason": "The service told us.",
    }
    data.update(overrides)
    return data


# The permission matrix: (screen, action, record) -> the roles allowed.

EVERY_KEEPER = {"pendle_eido", "burnley_eido", "county_lead"}
PENDLE_KEEPERS = {"pendle_eido", "county_lead"}
MATRIX = [
    ("service", "index", None, EVERY_KEEPER),
    ("service", "create", None, EVERY_KEEPER),
    ("service", "edit", "service", PENDLE_KEEPERS),
    ("service", "inspect", "service", PENDLE_KEEPERS),
    ("service", "delete", "service", {"county_lead"}),
    ("theme", "index", None, EVERY_KEEPER),
    ("theme", "create", None, EVERY_KEEPER),
    ("theme", "edit", "theme", EVERY_KEEPER),
    ("theme", "delete", "theme", {"county_lead"}),
    ("priority", "index", None, EVERY_KEEPER),
    ("priority", "create", None, EVERY_KEEPER),
    ("priority", "edit", "priority", PENDLE_KEEPERS),
    ("priority", "delete", "priority", PENDLE_KEEPERS),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("model", "action", "record", "allowed"),
    MATRIX,
    ids=[f"{model}-{action}" for model, action, _, _ in MATRIX],
)
def test_permission_matrix(client, people, records, role, model, action, record, allowed):
    """Each role reaches exactly the directory screens it may use; a record they may not read
    is 404, and every other screen or change they may not use is 403."""
    client.force_login(people[role])
    args = [records[record].pk] if record else []
    response = client.get(url(model, action, *args))
    if role in allowed:
        expected = 200
    elif record and model != "theme" and role not in PENDLE_KEEPERS:
        # Whoever may not read a district's record is told it does not exist; themes are
        # shared by every district.
        expected = 404
    else:
        expected = 403
    assert response.status_code == expected


@pytest.mark.parametrize("role", ROLES)
def test_the_directory_menu_shows_only_to_eidos_and_county_leads(client, people, role):
    """Panel members and editors see no Directory menu; EIDOs and county leads do."""
    client.force_login(people[role])
    body = client.get(reverse("wagtailadmin_home")).content.decode()
    for model in ["service", "theme", "priority"]:
        assert (url(model, "index") in body) == (role in EVERY_KEEPER), model


def test_forbidden_posts_change_nothing(client, people, records):
    """A Burnley EIDO's edit and delete of Pendle records, and a panel member's create, are
    refused and change nothing."""
    client.force_login(people["burnley_eido"])
    service, priority = records["service"], records["priority"]
    response = client.post(url("service", "edit", service.pk), service_form(name="Taken over"))
    assert response.status_code == 404
    assert client.post(url("service", "delete", service.pk)).status_code == 404
    assert client.post(url("priority", "delete", priority.pk)).status_code == 404
    client.force_login(people["panel_member"])
    assert client.post(url("service", "create"), service_form()).status_code == 403
    service.refresh_from_db()
    assert service.name == "Pendle Bereavement Support"
    assert Priority.objects.filter(pk=priority.pk).exists()
    assert not Service.objects.filter(name="Pendle Lifts").exists()


# Services


def test_an_eido_lists_only_services_in_their_districts(client, people):
    """The Pendle EIDO's list holds Pendle's services, not Burnley's; a county lead's all."""
    f.service("PEN", name="Pendle Lifts")
    f.service("BUR", name="Burnley Lifts")
    client.force_login(people["pendle_eido"])
    body = client.get(url("service", "index")).content.decode()
    assert "Pendle Lifts" in body
    assert "Burnley Lifts" not in body
    client.force_login(people["county_lead"])
    body = client.get(url("service", "index")).content.decode()
    assert "Pendle Lifts" in body and "Burnley Lifts" in body


def test_an_eido_creates_a_service_only_in_their_own_districts(client, people):
    """The districts offered are the EIDO's own: a Burnley tick is refused, a Pendle one
    saved."""
    client.force_login(people["pendle_eido"])
    form = client.get(url("service", "create")).content.decode()
    assert f'name="districts" value="{f.district("PEN").pk}"' in form
    assert f'name="districts" value="{f.district("BUR").pk}"' not in form

    response = client.post(url("service", "create"), service_form(districts=[f.district("BUR").pk]))
    assert response.status_code == 200
    assert not Service.objects.filter(name="Pendle Lifts").exists()

    response = client.post(url("service", "create"), service_form())
    assert response.status_code == 302
    created = Service.objects.get(name="Pendle Lifts")
    assert list(created.districts.values_list("code", flat=True)) == ["PEN"]


def test_an_eido_cannot_remove_another_districts_coverage(client, people):
    """Saving a Pendle and Burnley service, the Pendle EIDO changes Pendle only: Burnley
    stays, and the form says who else can change it."""
    service = f.service("PEN", name="Pendle Lifts")
    service.districts.add(f.district("BUR"))
    client.force_login(people["pendle_eido"])
    form = client.get(url("service", "edit", service.pk)).content.decode()
    assert "It also covers Burnley." in form

    response = client.post(
        url("service", "edit", service.pk),
        service_form(districts=[f.district("PEN").pk], offers="Now weekends too."),
    )

    assert response.status_code == 302
    service.refresh_from_db()
    assert service.offers == "Now weekends too."
    assert sorted(service.districts.values_list("code", flat=True)) == ["BUR", "PEN"]


def test_a_county_lead_can_remove_any_district(client, people):
    """A county lead sets the whole list of districts."""
    service = f.service("PEN", name="Pendle Lifts")
    service.districts.add(f.district("BUR"))
    client.force_login(people["county_lead"])
    response = client.post(
        url("service", "edit", service.pk), service_form(districts=[f.district("BUR").pk])
    )
    assert response.status_code == 302
    assert list(service.districts.values_list("code", flat=True)) == ["BUR"]


def test_a_service_needs_a_way_to_contact_it(client, people):
    """Without an email, phone or website the form asks for one and saves nothing."""
    client.force_login(people["pendle_eido"])
    response = client.post(url("service", "create"), service_form(contact_email=""))
    assert response.status_code == 200
    assert "Give at least one way to contact the service" in response.content.decode()
    assert not Service.objects.exists()


def test_the_list_shows_times_missed_without_a_query_per_row(client, people):
    """Times missed is counted in the list's own query: 5 services cost what 30 do."""
    client.force_login(people["county_lead"])
    missed = f.service("PEN", name="Often Missed Service")
    f.signposted_gap(missed, unknown=True)
    f.signposted_gap(missed, unknown=True)
    f.signposted_gap(missed, unknown=False)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url("service", "index"))
        assert response.status_code == 200
        return len(captured)

    body = client.get(url("service", "index")).content.decode()
    assert "Times missed" in body
    assert Service.objects.with_times_missed().get(pk=missed.pk).times_missed == 2
    for n in range(4):
        f.service("PEN", name=f"Service {n}").themes.add(Theme.objects.get(name="Transport"))
    with_five = queries()
    for n in range(4, 29):
        service = f.service("PEN", name=f"Service {n}")
        service.districts.add(f.district("BUR"))
        service.themes.add(Theme.objects.get(name="Transport"))
    assert queries() == with_five


def test_inspect_shows_times_missed_and_only_the_gaps_this_person_may_see(client, people):
    """The count covers every district, with what it means; the list of gaps holds only the
    EIDO's own districts' references."""
    service = f.service("PEN", name="Often Missed Service")
    service.districts.add(f.district("BUR"))
    pendle_gap = f.signposted_gap(service, "PEN", unknown=True)
    burnley_gap = f.signposted_gap(service, "BUR", unknown=True)
    client.force_login(people["pendle_eido"])

    body = client.get(url("service", "inspect", service.pk)).content.decode()

    assert "Times missed: 2" in body
    assert "needs more publicity" in body
    assert pendle_gap.reference in body
    assert burnley_gap.reference not in body


def test_a_county_lead_deletes_an_unused_service(client, people):
    """Nothing points at it, so it goes."""
    service = f.service("PEN", name="Closed Down")
    client.force_login(people["county_lead"])
    response = client.post(url("service", "delete", service.pk))
    assert response.status_code == 302
    assert not Service.objects.filter(pk=service.pk).exists()


def test_a_service_that_answered_a_gap_cannot_be_deleted(client, people):
    """Delete is refused with the reason and the advice to unpublish; the service stays."""
    service = f.service("PEN", name="Often Missed Service")
    gap = f.signposted_gap(service)
    client.force_login(people["county_lead"])

    page = client.get(url("service", "delete", service.pk)).content.decode()
    response = client.post(url("service", "delete", service.pk))

    for body in (page, response.content.decode()):
        assert "You cannot delete this service" in body
        assert "unpublish it instead" in body
        assert "Yes, delete it" not in body
    assert response.status_code == 409
    assert GapInService.objects.get(pk=gap.pk).identified_service_id == service.pk


# Themes


def test_theme_names_are_unique_ignoring_capitals(client, people):
    """A second "bereavement" is refused with a message naming the theme that exists."""
    client.force_login(people["burnley_eido"])
    response = client.post(
        url("theme", "create"), {"name": "  bereavement ", "description": "", "is_active": "on"}
    )
    assert response.status_code == 200
    assert "There is already a theme called “Bereavement”" in response.content.decode()
    assert Theme.objects.filter(name__iexact="bereavement").count() == 1

    response = client.post(
        url("theme", "create"), {"name": "Housing", "description": "", "is_active": "on"}
    )
    assert response.status_code == 302
    assert Theme.objects.filter(name="Housing").exists()


def test_a_theme_or_priority_edited_to_name_someone_is_refused_beside_the_field(
    client, people, records
):
    """A theme is read on every case tagged with it and a priority on the public Gap form,
    so the guard refuses an identifying detail in an edit too, beside the field, with the
    missing reason's message as well, and changes nothing."""
    theme, priority = records["theme"], records["priority"]
    client.force_login(people["pendle_eido"])
    response = client.post(
        url("theme", "edit", theme.pk),
        {"name": theme.name, "description": "For the family at 12 Acacia Avenue, BB9 7XY."},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "The description" in page and "postcode" in page.lower()
    assert "Enter why you are making this change" in page
    theme.refresh_from_db()
    assert "Acacia" not in theme.description
    response = client.post(
        url("priority", "edit", priority.pk),
        {
            "district": priority.district.pk,
            "title": "Support for Jayden Smith, born 03/04/2015",
            "sort_order": 0,
            "is_active": "on",
            "change_reason": "Renamed at the panel.",
        },
    )
    assert response.status_code == 200 and "The title" in response.content.decode()
    priority.refresh_from_db()
    assert priority.title == "Emotional health and wellbeing"


def test_an_eido_deactivates_a_theme_rather_than_deleting_it(client, people, records):
    """Unticking Active keeps the theme on its submissions but stops it being offered."""
    theme = records["theme"]
    client.force_login(people["pendle_eido"])
    response = client.post(
        url("theme", "edit", theme.pk),
        {"name": theme.name, "description": "Loss.", "change_reason": "No longer used."},
    )
    assert response.status_code == 302
    theme.refresh_from_db()
    assert theme.is_active is False


def test_a_theme_a_submission_uses_cannot_be_deleted(client, people, records):
    """Deleting a used theme is refused, advising to make it inactive; an unused one goes."""
    theme = records["theme"]
    f.submitted_gap("PEN").themes.add(theme)
    client.force_login(people["county_lead"])
    response = client.post(url("theme", "delete", theme.pk))
    assert response.status_code == 409
    body = response.content.decode()
    assert "1 submission uses it" in body
    assert "Make it inactive instead" in body
    assert Theme.objects.filter(pk=theme.pk).exists()

    unused = Theme.objects.create(name="Typo theme")
    assert client.post(url("theme", "delete", unused.pk)).status_code == 302
    assert not Theme.objects.filter(pk=unused.pk).exists()


# CYPP priorities


def test_each_eido_sees_their_districts_priorities_in_order(client, people):
    """The list is the EIDO's districts' priorities by sort order; Burnley's are not in
    Pendle's list."""
    f.priority("PEN", "Second priority", sort_order=2)
    f.priority("PEN", "First priority", sort_order=1)
    f.priority("BUR", "Burnley only priority")
    client.force_login(people["pendle_eido"])
    body = client.get(url("priority", "index")).content.decode()
    assert body.index("First priority") < body.index("Second priority")
    assert "Burnley only priority" not in body


def test_an_eido_adds_priorities_only_to_their_own_district(client, people):
    """A Burnley priority from the Pendle EIDO is refused; a Pendle one is saved; a
    duplicate title in the same district is refused with a clear message."""
    client.force_login(people["pendle_eido"])
    data = {"district": f.district("BUR").pk, "title": "Housing", "sort_order": 1}
    assert client.post(url("priority", "create"), data).status_code == 200
    data["district"] = f.district("PEN").pk
    assert client.post(url("priority", "create"), data).status_code == 302
    assert Priority.objects.get(title="Housing").district.code == "PEN"

    response = client.post(url("priority", "create"), {**data, "title": "housing"})
    assert response.status_code == 200
    assert "Pendle already has a priority called “Housing”" in response.content.decode()


def test_a_priority_a_gap_chose_cannot_be_deleted(client, people, records):
    """Delete is refused with the advice to make it inactive; an unused one is deleted."""
    priority = records["priority"]
    f.submitted_gap("PEN", priority=priority)
    client.force_login(people["pendle_eido"])
    response = client.post(url("priority", "delete", priority.pk))
    assert response.status_code == 409
    assert "Make it inactive instead" in response.content.decode()
    assert Priority.objects.filter(pk=priority.pk).exists()

    unused = f.priority("PEN", "Unused")
    assert client.post(url("priority", "delete", unused.pk)).status_code == 302
    assert not Priority.objects.filter(pk=unused.pk).exists()


# The selectors


def test_selectors_scope_services_and_priorities_by_district(people, records):
    """Services and priorities are scoped to the person's districts; nobody else sees any."""
    burnley_service = f.service("BUR", name="Burnley Lifts")
    assert list(services_visible_to(people["pendle_eido"])) == [records["service"]]
    assert list(services_visible_to(people["burnley_eido"])) == [burnley_service]
    assert services_visible_to(people["county_lead"]).count() == 2
    assert not services_visible_to(people["panel_member"]).exists()
    assert list(priorities_visible_to(people["pendle_eido"])) == [records["priority"]]
    assert not priorities_visible_to(people["burnley_eido"]).exists()
    assert not priorities_visible_to(people["editor"]).exists()
