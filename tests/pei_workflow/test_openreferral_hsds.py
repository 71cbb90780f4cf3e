"""What /openreferral/services and /openreferral/services/{id} answer validates against the
official Open Referral JSON schemas: HSDS 3.0's and the UK profile's (copies in
openreferral_schemas/, so no network is needed), for a service with every field and one
with none of the optional ones, in the list with and without `full`."""

import pytest

from pei_workflow.models import Theme
from tests import factories as f
from tests.pei_workflow.hsds_schemas import HSDS, UK_PROFILE, errors, page_schema

pytestmark = pytest.mark.django_db

API = "/openreferral"
SERVICE = {"HSDS 3.0": HSDS + "service.json", "UK profile": UK_PROFILE + "compiled/service.json"}
LISTED = {
    "HSDS 3.0": HSDS + "compiled/service_list.json",
    "UK profile": UK_PROFILE + "compiled/service_list.json",
}


@pytest.fixture
def services():
    rich = f.service(
        "PEN",
        name="Pendle Young Carers",
        contact_email="carers@example.org",
        contact_phone="01282 000000",
        website="https://carers.example.org/",
    )
    rich.districts.add(f.district("BUR"))
    # One theme with a description and one without: HSDS requires a term's description.
    Theme.objects.filter(name="Equipment").update(description="")
    rich.themes.add(*Theme.objects.filter(name__in=["Transport", "Equipment"]))
    plain = f.service("BUR", name="Burnley Drop-in")
    return [rich, plain]


def test_the_schemas_are_read_and_do_check():
    """The copies resolve their references and catch a broken service, so a pass means
    something: a wrong id, a missing status and a bad nested phone are all found."""
    broken = {"id": "x", "name": "A", "phones": [{"id": "not-a-uuid"}]}
    for address in SERVICE.values():
        found = errors(address, broken)
        assert any("status" in message for message in found), found
        assert any(message.startswith("id:") for message in found), found
    assert any(message.startswith("phones/0") for message in errors(SERVICE["HSDS 3.0"], broken))


@pytest.mark.parametrize("schema", SERVICE)
def test_each_service_validates(client, services, schema):
    for service in services:
        answer = client.get(f"{API}/services/{service.open_referral_id}")
        assert answer.status_code == 200
        assert errors(SERVICE[schema], answer.json()) == [], service.name


@pytest.mark.parametrize("full", ["false", "true"])
@pytest.mark.parametrize("schema", LISTED)
def test_the_list_validates(client, services, schema, full):
    """The page's header against HSDS's Page, each item against the service list schema,
    and with `full` each item against the full service schema too."""
    answer = client.get(f"{API}/services?full={full}")
    assert answer.status_code == 200
    page = answer.json()
    assert errors(page_schema(), page) == []
    assert set(page_schema()["properties"]) | {"contents"} == set(page)
    assert len(page["contents"]) == len(services)
    for item in page["contents"]:
        assert errors(LISTED[schema], item) == [], item["name"]
        if full == "true":
            assert errors(SERVICE[schema], item) == [], item["name"]
