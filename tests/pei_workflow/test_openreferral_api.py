"""The service directory as Open Referral UK open data at /openreferral/: only published
services, their fields as HSDS names them with empty ones left out, HSDS's page, the filters,
a clear 400 or 404 for what cannot be answered, read-only, open to every site (CORS), and a
fixed number of queries per page."""

import datetime
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from pei_workflow.choices import WaitingList
from pei_workflow.models import Service, Theme
from pei_workflow.openreferral.identifiers import THEMES_TAXONOMY_ID
from pei_workflow.openreferral.parameters import DEFAULT_PER_PAGE, MAX_PER_PAGE
from tests import factories as f

pytestmark = pytest.mark.django_db

API = "/openreferral"


def theme(name: str) -> Theme:
    return Theme.objects.get(name=name)


@pytest.fixture
def rich():
    """A published service with every field filled in, two districts and two themes."""
    service = f.service(
        "PEN",
        name="Pendle Young Carers",
        offers="Respite trips and a weekly club.",
        who_for="Young carers aged 8 to 18.",
        how_to_refer="Any professional can refer by email.",
        waiting_list=WaitingList.SHORT,
        contact_email="carers@example.org",
        contact_phone="01282 000000",
        website="https://carers.example.org/",
    )
    service.districts.add(f.district("BUR"))
    service.themes.add(theme("Transport"), theme("Bereavement"))
    return service


@pytest.fixture
def plain():
    """A published service with nothing optional: no contact, no website, no themes."""
    return f.service(
        "BUR",
        name="Burnley Drop-in",
        offers="A drop-in on Tuesdays.",
        who_for="Anyone over 16.",
        how_to_refer="Just come along.",
    )


@pytest.fixture
def hidden():
    """A service unticked from the public directory."""
    return f.service("PEN", name="Closed Club", is_published=False)


def test_the_root_gives_the_hsds_version_the_uk_profile_and_the_openapi_address(client):
    """`/` says HSDS 3.0, the UK profile, and the absolute address of the OpenAPI document,
    which is served there."""
    answer = client.get(f"{API}/")
    assert answer.status_code == 200
    assert answer.json() == {
        "version": "3.0",
        "profile": "https://github.com/OpenReferralUK/uk-profile",
        "openapi_url": "http://testserver/openreferral/openapi.json",
    }
    document = client.get("/openreferral/openapi.json")
    assert document.status_code == 200
    assert document.json()["servers"] == [{"url": "http://testserver/openreferral"}]


def test_only_published_services_are_listed_by_name(client, rich, plain, hidden):
    """The list holds the published services, by name; an unpublished one is not there."""
    answer = client.get(f"{API}/services").json()
    assert [item["name"] for item in answer["contents"]] == [
        "Burnley Drop-in",
        "Pendle Young Carers",
    ]
    assert answer["total_items"] == 2


def test_an_unpublished_or_unknown_service_is_a_404(client, hidden):
    """A service's address answers 404 when it is unpublished, unknown, or not a UUID."""
    for address in (hidden.open_referral_id, uuid.uuid4(), "not-a-uuid", "123"):
        answer = client.get(f"{API}/services/{address}")
        assert answer.status_code == 404, address
        assert answer.json() == {"detail": "No published service has this id."}


def test_a_service_is_given_in_hsds_words_with_its_phone_districts_and_themes(client, rich):
    """`/services/{id}` gives each field under its HSDS name, the phone, one service area
    per district and one attribute per theme, each term in the themes taxonomy."""
    answer = client.get(f"{API}/services/{rich.open_referral_id}")
    assert answer.status_code == 200
    service = answer.json()
    sid = str(rich.open_referral_id)
    assert {key: value for key, value in service.items() if not isinstance(value, list)} == {
        "id": sid,
        "name": "Pendle Young Carers",
        "description": "Respite trips and a weekly club.",
        "url": "https://carers.example.org/",
        "email": "carers@example.org",
        "status": "active",
        "application_process": "Any professional can refer by email.",
        "eligibility_description": "Young carers aged 8 to 18.",
        "wait_time": "Short wait (under 4 weeks)",
        "last_modified": service["last_modified"],
    }
    rich.refresh_from_db()
    assert datetime.datetime.fromisoformat(service["last_modified"]) == rich.updated_at
    assert [phone["number"] for phone in service["phones"]] == ["01282 000000"]
    assert [area["name"] for area in service["service_areas"]] == ["Burnley", "Pendle"]
    assert {area["service_id"] for area in service["service_areas"]} == {sid}
    terms = [attribute["taxonomy_term"] for attribute in service["attributes"]]
    assert [term["name"] for term in terms] == ["Bereavement", "Transport"]
    assert [term["id"] for term in terms] == [
        str(theme("Bereavement").open_referral_id),
        str(theme("Transport").open_referral_id),
    ]
    assert {term["taxonomy_id"] for term in terms} == {str(THEMES_TAXONOMY_ID)}
    assert {attribute["link_id"] for attribute in service["attributes"]} == {sid}


def test_empty_optional_fields_are_left_out(client, plain):
    """A service with no email, phone, website or theme has no such keys at all, in the
    list or on its own."""
    alone = client.get(f"{API}/services/{plain.open_referral_id}").json()
    listed = client.get(f"{API}/services?full=true").json()["contents"][0]
    for service in (alone, listed):
        assert set(service) == {
            "id",
            "name",
            "description",
            "status",
            "application_process",
            "eligibility_description",
            "wait_time",
            "last_modified",
            "service_areas",
        }


def test_ids_are_stable_and_distinct(client, rich, plain):
    """Every id is a UUID; asking twice gives the same ids, and no two objects share one."""
    first = client.get(f"{API}/services/{rich.open_referral_id}").json()
    again = client.get(f"{API}/services/{rich.open_referral_id}").json()
    assert first == again
    ids = [
        first["id"],
        *(phone["id"] for phone in first["phones"]),
        *(area["id"] for area in first["service_areas"]),
        *(attribute["id"] for attribute in first["attributes"]),
    ]
    assert all(uuid.UUID(value) for value in ids)
    assert len(set(ids)) == len(ids) == 1 + 1 + 2 + 2
    assert rich.open_referral_id != plain.open_referral_id


def test_renaming_a_theme_keeps_its_id(client, rich):
    """A term's id is the theme's own stored UUID, not one made from its name."""
    transport = theme("Transport")
    before = transport.open_referral_id
    transport.name = "Travel"
    transport.save()
    terms = client.get(f"{API}/services/{rich.open_referral_id}").json()["attributes"]
    assert str(before) in {attribute["taxonomy_term_id"] for attribute in terms}


def test_the_list_gives_own_fields_only_unless_full(client, rich):
    """Without `full` a listed service has no nested lists (HSDS's service_list); with it,
    it is the same as the service on its own."""
    summary = client.get(f"{API}/services").json()["contents"][0]
    assert not {"phones", "service_areas", "attributes"} & set(summary)
    full = client.get(f"{API}/services?full=true").json()["contents"][0]
    assert full == client.get(f"{API}/services/{rich.open_referral_id}").json()


def test_the_page_header_counts_pages_and_says_which_this_is(client):
    """Five services two to a page: three pages, the last with one; past it, an empty page."""
    for number in range(5):
        f.service("PEN", name=f"Service {number}")
    pages = [client.get(f"{API}/services?per_page=2&page={n}").json() for n in (1, 2, 3, 4)]
    headers = [{k: v for k, v in page.items() if k != "contents"} for page in pages]
    assert headers == [
        {
            "total_items": 5,
            "total_pages": 3,
            "page_number": number,
            "size": size,
            "first_page": number == 1,
            "last_page": number >= 3,
            "empty": size == 0,
        }
        for number, size in ((1, 2), (2, 2), (3, 1), (4, 0))
    ]
    names = [item["name"] for page in pages for item in page["contents"]]
    assert names == [f"Service {number}" for number in range(5)]


def test_an_empty_directory_is_one_empty_first_page(client):
    """No services: zero items, zero pages, page 1 is both first and last, and empty."""
    assert client.get(f"{API}/services").json() == {
        "total_items": 0,
        "total_pages": 0,
        "page_number": 1,
        "size": 0,
        "first_page": True,
        "last_page": True,
        "empty": True,
        "contents": [],
    }


def test_the_default_page_size(client):
    """Without per_page a page holds the default number of services."""
    for number in range(DEFAULT_PER_PAGE + 1):
        f.service("PEN", name=f"Service {number:03}")
    answer = client.get(f"{API}/services").json()
    assert (answer["size"], answer["total_pages"]) == (DEFAULT_PER_PAGE, 2)


def names(client, query: str) -> list[str]:
    answer = client.get(f"{API}/services?{query}")
    assert answer.status_code == 200, answer.json()
    return [item["name"] for item in answer.json()["contents"]]


def test_search_needs_every_word_in_the_name_description_or_who_for(client, rich, plain):
    """`search` (and `text`, its first Open Referral UK name) match every word, ignoring
    case, in the name, description or who it is for; the two combine."""
    assert names(client, "search=young") == ["Pendle Young Carers"]
    assert names(client, "search=CARERS+respite") == ["Pendle Young Carers"]
    assert names(client, "search=aged+tuesdays") == []
    assert names(client, "text=drop-in") == ["Burnley Drop-in"]
    assert names(client, "search=drop-in&text=tuesdays") == ["Burnley Drop-in"]
    assert names(client, "search=") == ["Burnley Drop-in", "Pendle Young Carers"]
    assert names(client, "search=50%25") == []


def test_the_taxonomy_filters(client, rich, plain):
    """`taxonomy_term_id` keeps the services with that theme; `taxonomy_id` the services
    with any theme when it is the themes taxonomy, and none for another taxonomy."""
    transport = theme("Transport").open_referral_id
    assert names(client, f"taxonomy_term_id={transport}") == ["Pendle Young Carers"]
    assert names(client, f"taxonomy_term_id={theme('Equipment').open_referral_id}") == []
    assert names(client, f"taxonomy_term_id={uuid.uuid4()}") == []
    assert names(client, f"taxonomy_id={THEMES_TAXONOMY_ID}") == ["Pendle Young Carers"]
    assert names(client, f"taxonomy_id={uuid.uuid4()}") == []
    assert names(client, f"taxonomy_term_id={transport}&search=drop-in") == []


def test_modified_after(client, rich, plain):
    """`modified_after` keeps the services saved at or after the moment given."""
    moment = timezone.now() - datetime.timedelta(days=1)
    Service.objects.filter(pk=plain.pk).update(updated_at=moment - datetime.timedelta(days=1))
    stamp = moment.isoformat().replace("+00:00", "Z")
    assert names(client, f"modified_after={stamp}") == ["Pendle Young Carers"]
    assert names(client, "modified_after=2000-01-01T00:00:00") == [
        "Burnley Drop-in",
        "Pendle Young Carers",
    ]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("page=abc", "page"),
        ("page=0", "page"),
        ("page=-1", "page"),
        ("per_page=0", "per_page"),
        (f"per_page={MAX_PER_PAGE + 1}", "per_page"),
        ("per_page=1000000000000000000000", "per_page"),
        ("taxonomy_term_id=not-a-uuid", "taxonomy_term_id"),
        ("taxonomy_id=123", "taxonomy_id"),
        ("modified_after=yesterday", "modified_after"),
        ("modified_after=9999-12-31T23:59:59-23:00", "modified_after"),
        ("full=perhaps", "full"),
        ("full=yes", "full"),
        ("page=", "page"),
        ("taxonomy_term_id=", "taxonomy_term_id"),
        ("format=ndjson", "format"),
        ("search=" + "x" * 101, "search"),
        ("search=" + "+".join(["word"] * 9), "search"),
        ("search=a%00b", "search"),
        ("postcode=BB9+7SZ", "postcode"),
        ("page=1&page=2", "page"),
    ],
)
def test_a_query_it_cannot_answer_is_a_400_naming_the_parameter(client, query, parameter):
    """A bad value, an unknown or repeated parameter: a 400 in JSON naming it, never a 500."""
    answer = client.get(f"{API}/services?{query}")
    assert answer.status_code == 400
    body = answer.json()
    assert body["detail"]
    assert list(body["errors"]) == [parameter]
    assert all(isinstance(message, str) for message in body["errors"][parameter])


def test_the_root_and_a_service_take_no_parameters(client, rich):
    """The other addresses declare no parameters, so any is a 400 naming it."""
    for address in (f"{API}/", f"{API}/services/{rich.open_referral_id}"):
        answer = client.get(f"{address}?page=1")
        assert answer.status_code == 400
        assert list(answer.json()["errors"]) == ["page"]


def test_any_other_address_under_the_prefix_is_a_json_404(client):
    """A mistyped address gets a JSON 404 a script on another site can read."""
    for address in (f"{API}/service", f"{API}/services/", f"{API}/taxonomies"):
        answer = client.get(address)
        assert answer.status_code == 404
        assert answer["Content-Type"] == "application/json"
        assert answer["Access-Control-Allow-Origin"] == "*"


def test_it_is_read_only(client, rich):
    """POST, PUT, PATCH and DELETE are refused with a 405 and change nothing."""
    before = list(Service.objects.values())
    for address in (f"{API}/", f"{API}/services", f"{API}/services/{rich.open_referral_id}"):
        for method in ("post", "put", "patch", "delete"):
            answer = getattr(client, method)(address, data="{}", content_type="application/json")
            assert answer.status_code == 405, (method, address)
            assert answer["Access-Control-Allow-Origin"] == "*"
    assert list(Service.objects.values()) == before


def test_every_answer_may_be_read_by_any_site_and_is_json(client, rich):
    """`Access-Control-Allow-Origin: *` and JSON on a 200, a 400 and a 404, whatever the
    Accept header asks for, and the same answer for a signed-in person."""
    addresses = [
        f"{API}/",
        f"{API}/openapi.json",
        f"{API}/services",
        f"{API}/services?page=x",
        f"{API}/services/{rich.open_referral_id}",
        f"{API}/services/{uuid.uuid4()}",
    ]
    for address in addresses:
        answer = client.get(address, HTTP_ACCEPT="text/html")
        assert answer["Access-Control-Allow-Origin"] == "*", address
        assert answer["Content-Type"] == "application/json", address
    anonymous = client.get(f"{API}/services").json()
    client.force_login(f.county_lead())
    assert client.get(f"{API}/services").json() == anonymous


def test_a_new_version_of_a_service_keeps_its_id_in_the_history(rich):
    """The service's history records the same open data id in every version."""
    rich.name = "Pendle Young Carers Club"
    rich.save()
    assert set(rich.history.values_list("open_referral_id", flat=True)) == {rich.open_referral_id}


def count_queries(client, address: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    return len(queries)


@pytest.mark.parametrize(("full", "expected"), [(False, 2), (True, 4)])
def test_a_page_costs_the_same_queries_however_many_services(client, full, expected):
    """A count and the page, plus one query each for districts and themes when nested:
    the same for 3 services as for 30."""
    address = f"{API}/services?per_page={MAX_PER_PAGE}&full={str(full).lower()}"
    tagged = [theme("Transport"), theme("Bereavement")]

    def add(count: int) -> None:
        for _ in range(count):
            service = f.service("PEN", name=f"Service {Service.objects.count()}")
            service.districts.add(f.district("BUR"))
            service.themes.add(*tagged)

    add(3)
    few = count_queries(client, address)
    add(27)
    many = count_queries(client, address)
    assert few == many == expected
    assert client.get(address).json()["size"] == 30


def test_a_service_costs_three_queries(client, rich):
    """The service, its districts and its themes."""
    assert count_queries(client, f"{API}/services/{rich.open_referral_id}") == 3


def test_the_directory_page_tells_developers_where_the_open_data_is(client, home_page):
    """The public directory page links to the API and its OpenAPI document."""
    page = f.ServiceDirectoryPageFactory(parent=home_page)
    html = client.get(page.url).content.decode()
    assert 'href="/openreferral/"' in html
    assert 'href="/openreferral/openapi.json"' in html
