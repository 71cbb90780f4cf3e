"""The People and districts screen: a county lead gives people casework roles and districts,
and takes them away; nobody else may, and nobody but a superuser touches a superuser."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from wagtail.models import ModelLogEntry

from pei_site import roles
from pei_workflow.models import DistrictAssignment, GapInService
from pei_workflow.permissions import is_county_lead
from pei_workflow.selectors import visible_to
from pei_workflow.services import grant_role, remove_role
from pei_workflow.services.people import ROLE_GRANTED
from tests.factories import RoleUserFactory, UserFactory, district, submitted_gap

pytestmark = pytest.mark.django_db

INDEX = "pei_workflow_districtassignment_modeladmin_index"
CREATE = "pei_workflow_districtassignment_modeladmin_create"
DELETE = "pei_workflow_districtassignment_modeladmin_delete"
REMOVE_COUNTY_LEAD = "pei_people_remove_county_lead"


def person_in(role: str, *codes: str, **kwargs):
    """A user given `role` (and districts) the way the screen and the command give it."""
    user = UserFactory(**kwargs)
    grant_role(actor=None, role=role, user=user, districts=[district(code) for code in codes])
    return user


@pytest.fixture
def lead(client):
    """A signed-in county lead."""
    user = person_in("county_lead", first_name="Cara", last_name="Lead")
    client.force_login(user)
    return user


def groups_of(user) -> list[str]:
    return sorted(user.groups.values_list("name", flat=True))


def codes_of(user, role: str = "eido") -> list[str]:
    return sorted(
        DistrictAssignment.objects.filter(user=user, role=role).values_list(
            "district__code", flat=True
        )
    )


def assign(client, **data):
    """Post the "Give someone a role" form."""
    form = {"user": "", "email": "", "first_name": "", "last_name": "", "districts": []}
    form.update(data)
    return client.post(reverse(CREATE), form)


def test_a_county_lead_makes_someone_a_burnley_eido_who_then_sees_burnleys_submissions(
    client, lead
):
    """Assigned to Burnley as an EIDO, a person joins the EIDOs group and sees Burnley's
    submissions, and only those."""
    burnley, pendle = submitted_gap("BUR"), submitted_gap("PEN")
    sam = UserFactory(first_name="Sam", last_name="Taylor")

    response = assign(client, user=sam.pk, role="eido", districts=[district("BUR").pk])

    assert response.status_code == 302
    assert response.url == reverse(INDEX)
    assert groups_of(sam) == [roles.EIDOS]
    assert codes_of(sam) == ["BUR"]
    assert list(visible_to(sam, GapInService)) == [burnley]
    assert pendle not in visible_to(sam, GapInService)


def test_the_list_shows_person_email_role_and_district(client, lead):
    """Each assignment is listed with the person's name, email, role and district."""
    person_in("eido", "BUR", first_name="Sam", last_name="Taylor", email="sam@example.org")

    body = client.get(reverse(INDEX)).content.decode()

    for text in ["Sam Taylor", "sam@example.org", "Burnley", "Early Intervention Development"]:
        assert text in body
    assert "Cara Lead" in body  # under County leads, above the list


def test_the_list_filters_by_role_and_district_and_searches_by_name_and_email(client, lead):
    """Filters narrow the list by role and district; search finds a name or an address."""
    person_in("eido", "BUR", first_name="Sam", last_name="Taylor")
    person_in("panel_member", "PEN", first_name="Pat", last_name="Jones", email="pj@example.org")
    index = reverse(INDEX)

    def listed(**params):
        response = client.get(index, params)
        return sorted(a.user.first_name for a in response.context["object_list"])

    assert listed() == ["Pat", "Sam"]
    assert listed(role="panel_member") == ["Pat"]
    assert listed(district=district("BUR").pk) == ["Sam"]
    assert listed(q="Taylor") == ["Sam"]
    assert listed(q="pj@example") == ["Pat"]


def test_someone_new_gets_an_account_from_their_email_address(client, lead):
    """An email address nobody uses makes an account, named, in the role, with its districts."""
    response = assign(
        client,
        email="new.person@example.org",
        first_name="New",
        last_name="Person",
        role="panel_member",
        districts=[district("PEN").pk, district("BUR").pk],
    )

    assert response.status_code == 302
    new = get_user_model().objects.get(email="new.person@example.org")
    assert new.get_full_name() == "New Person"
    assert groups_of(new) == [roles.PANEL_MEMBERS]
    assert codes_of(new, "panel_member") == ["BUR", "PEN"]
    assert not new.is_superuser and not new.is_staff


@pytest.mark.parametrize(
    "role, codes, message",
    [
        ("eido", [], "Choose at least one district for an EIDO."),
        ("panel_member", [], "Choose at least one district for a panel member."),
        ("county_lead", ["PEN"], "A county lead works in every district: choose no district."),
    ],
)
def test_districts_are_required_or_refused_by_role(client, lead, role, codes, message):
    """EIDOs and panel members need a district; a county lead takes none. Nothing changes."""
    sam = UserFactory()

    response = assign(
        client, user=sam.pk, role=role, districts=[district(code).pk for code in codes]
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert groups_of(sam) == []
    assert not DistrictAssignment.objects.filter(user=sam).exists()


def test_a_person_and_an_email_address_together_are_refused(client, lead):
    """The form takes one person: chosen from the list or new by email, not both."""
    sam = UserFactory()

    response = assign(
        client, user=sam.pk, email="x@example.org", role="eido", districts=[district("PEN").pk]
    )

    assert response.status_code == 200
    assert "Choose a person or enter an email address, not both." in response.content.decode()
    assert not get_user_model().objects.filter(email="x@example.org").exists()


def test_removing_a_district_keeps_the_group_until_the_last_one_goes(client, lead):
    """Removing one of two districts keeps the EIDOs group; removing the last one leaves it."""
    sam = person_in("eido", "PEN", "BUR")
    burnley, pendle = (
        DistrictAssignment.objects.get(user=sam, district__code=code) for code in ("BUR", "PEN")
    )

    assert client.post(reverse(DELETE, args=[burnley.pk])).status_code == 302
    assert codes_of(sam) == ["PEN"]
    assert groups_of(sam) == [roles.EIDOS]

    assert client.post(reverse(DELETE, args=[pendle.pk])).status_code == 302
    assert codes_of(sam) == []
    assert groups_of(sam) == []
    assert not visible_to(sam, GapInService).exists()


def test_the_removal_page_warns_when_it_is_the_last_district(client, lead):
    """Before the last district goes, the confirmation says the person leaves the group."""
    sam = person_in("eido", "PEN", first_name="Sam", last_name="Taylor")
    assignment = DistrictAssignment.objects.get(user=sam)

    body = client.get(reverse(DELETE, args=[assignment.pk])).content.decode()

    assert "Sam Taylor will no longer be an EIDO for Pendle." in body
    assert "they will also leave the EIDOs group" in body


def test_a_county_lead_makes_someone_a_county_lead_and_removes_them(client, lead):
    """County lead is a role with no district: given on the same form, removed from the list."""
    sam = UserFactory(first_name="Sam", last_name="Taylor")

    assign(client, user=sam.pk, role="county_lead")
    assert is_county_lead(sam)
    assert groups_of(sam) == [roles.COUNTY_LEADS]
    remove_url = reverse(REMOVE_COUNTY_LEAD, args=[sam.pk])
    assert remove_url in client.get(reverse(INDEX)).content.decode()

    assert client.post(remove_url).status_code == 302
    sam = get_user_model().objects.get(pk=sam.pk)
    assert not is_county_lead(sam)
    assert groups_of(sam) == []


def test_a_county_lead_cannot_remove_themselves(client, lead):
    """So that someone is always left to set people up, a county lead keeps their own role."""
    client.post(reverse(REMOVE_COUNTY_LEAD, args=[lead.pk]))

    assert groups_of(lead) == [roles.COUNTY_LEADS]


@pytest.mark.parametrize("role", ["eido", "panel_member"])
def test_an_eido_or_panel_member_gets_403_and_no_menu_item(client, role):
    """Only county leads use the screen: others see no menu item, every view and forced post
    answers 403 with nothing changed, and an assignment's address answers 404 (the one rule
    for a row someone may not read)."""
    user = person_in(role, "PEN")
    other = person_in("eido", "BUR")
    assignment = DistrictAssignment.objects.get(user=other)
    client.force_login(user)

    assert reverse(INDEX) not in client.get(reverse("wagtailadmin_home")).content.decode()
    for url in [reverse(INDEX), reverse(CREATE), reverse(REMOVE_COUNTY_LEAD, args=[other.pk])]:
        assert client.get(url).status_code == 403, url
    assert client.get(reverse(DELETE, args=[assignment.pk])).status_code == 404
    forced = assign(client, user=user.pk, role="county_lead")
    assert client.post(reverse(DELETE, args=[assignment.pk])).status_code == 404

    assert forced.status_code == 403
    assert not is_county_lead(user)
    assert codes_of(other) == ["BUR"]


def test_a_county_lead_sees_the_menu_item(client, lead):
    """County leads find the screen in the admin menu."""
    assert reverse(INDEX) in client.get(reverse("wagtailadmin_home")).content.decode()


def test_a_superuser_may_use_the_screen(client):
    """Superusers may do everything a county lead may."""
    client.force_login(UserFactory(is_superuser=True))

    assert client.get(reverse(INDEX)).status_code == 200
    assert client.get(reverse(CREATE)).status_code == 200


def test_a_county_lead_cannot_change_a_superuser(client, lead):
    """A superuser is not offered, not reachable by email, and their assignments and county
    lead role cannot be removed by a county lead."""
    admin = UserFactory(is_superuser=True, email="admin@example.org")
    grant_role(actor=None, role="eido", user=admin, districts=[district("PEN")])
    grant_role(actor=None, role="county_lead", user=admin)
    assignment = DistrictAssignment.objects.get(user=admin)
    before = (groups_of(admin), codes_of(admin))

    by_choice = assign(client, user=admin.pk, role="panel_member", districts=[district("BUR").pk])
    by_email = assign(
        client, email="admin@example.org", role="eido", districts=[district("BUR").pk]
    )

    assert "Select a valid choice" in by_choice.content.decode()
    assert "Only an administrator can change an administrator" in by_email.content.decode()
    assert client.post(reverse(DELETE, args=[assignment.pk])).status_code == 403
    assert client.post(reverse(REMOVE_COUNTY_LEAD, args=[admin.pk])).status_code == 403
    assert (groups_of(admin), codes_of(admin)) == before


def test_nothing_here_makes_a_superuser(client, lead):
    """The form has no administrator field: posting one anyway makes an ordinary account."""
    assign(
        client,
        email="sneaky@example.org",
        role="county_lead",
        is_superuser="on",
        is_staff="on",
        groups=[Group.objects.get(name=roles.GUIDANCE_APPROVERS).pk],
    )

    new = get_user_model().objects.get(email="sneaky@example.org")
    assert not new.is_superuser
    assert not new.is_staff
    assert groups_of(new) == [roles.COUNTY_LEADS]


def test_each_role_change_is_in_the_site_history(client, lead):
    """Giving a role writes a Wagtail log entry against the person, naming who did it."""
    sam = UserFactory()

    assign(client, user=sam.pk, role="eido", districts=[district("BUR").pk])

    entry = ModelLogEntry.objects.get(action=ROLE_GRANTED, object_id=str(sam.pk))
    assert entry.user_id == lead.pk
    assert entry.data["districts"] == ["Burnley"]
    assert entry.data["role"] == "eido"


def test_the_service_refuses_an_actor_who_is_not_a_county_lead():
    """Called directly, the service checks the actor too: an EIDO may give no role."""
    eido = person_in("eido", "PEN")
    sam = UserFactory()

    with pytest.raises(PermissionDenied):
        grant_role(actor=eido, role="eido", user=sam, districts=[district("PEN")])
    with pytest.raises(PermissionDenied):
        remove_role(actor=eido, user=eido, role="eido")

    assert groups_of(sam) == []
    assert codes_of(eido) == ["PEN"]


def test_a_county_lead_gives_only_casework_roles():
    """Editors and guidance approvers are set up by an operator, not by a county lead."""
    lead = RoleUserFactory(role=roles.COUNTY_LEADS)
    sam = UserFactory()

    for role in ["editor", "approver"]:
        with pytest.raises(PermissionDenied):
            grant_role(actor=lead, role=role, user=sam)

    assert groups_of(sam) == []


def test_an_unknown_role_is_a_validation_error_naming_the_roles():
    """A role the service does not know is refused with the list of roles."""
    with pytest.raises(ValidationError) as refused:
        grant_role(actor=None, role="boss", user=UserFactory())

    assert (
        "eido, panel_member, county_lead, editor, approver" in refused.value.message_dict["role"][0]
    )
