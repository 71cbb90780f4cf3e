"""Every casework admin list, and its CSV and XLSX exports, reads only the query parameters it
declares: anything else (a field lookup, a relation hop, a parameter of another screen) and any
value of a declared filter that the list does not offer answers 400, before a query is run on
the data, so the rows can never depend on it.

The lists are found from the URL resolver, so a list added later is checked too."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import get_resolver, reverse

from pei_workflow.models import District, DistrictAssignment
from tests.factories import (
    admin_county_lead,
    admin_eido,
    admin_panel_member,
    budget,
    listed_member,
    meeting,
    priority,
    service,
    submitted_caf,
    submitted_gap,
)

pytestmark = pytest.mark.django_db

CSRF_TOKEN = re.compile(r'"CSRF_TOKEN": "\w+"|name="csrfmiddlewaretoken" value="\w+"')
LIST_NAME = re.compile(r"^(?P<app>\w+?)_(?P<model>[a-z]+)_modeladmin_index$")


def list_url_names() -> list[str]:
    names = [name for name in get_resolver().reverse_dict if isinstance(name, str)]
    return sorted(name for name in names if LIST_NAME.match(name))


LISTS = list_url_names()

# Lookups an attacker would try, one per list family and then some: each is a yes/no question
# about data the list does not show.
FORBIDDEN = [
    {"district__assignments__user__password__startswith": "pbkdf2"},
    {"themes__gapinservices__district__code": "BUR"},
    {"themes__gapinservices__unmet_need__startswith": "The"},
    {"gaps__email__startswith": "a"},
    {"user__password__startswith": "md5"},
    {"district__code": "BUR"},
    {"state__exact": "submitted"},
    {"reference__startswith": "GAP"},
    {"pk__gt": "0"},
    {"e": "1"},
    {"ot": "asc"},
    {"next": "/admin/"},
]
MALFORMED = [
    {"district": "x"},
    {"district": "999999"},
    {"district": "1 OR 1=1"},
    {"p": "abc"},
    {"p": "-1"},
    {"o": "99"},
    {"o": "0.x"},
    {"export": "pdf"},
    {"q": "x" * 201},
]


def test_every_casework_list_is_found():
    """The resolver finds the lists of all four screen families, so none can be forgotten."""
    models = {LIST_NAME.match(name)["model"] for name in LISTS}
    assert {
        "gapinservice",
        "cafescalation",
        "meeting",
        "panelmember",
        "spotpurchasebudget",
        "district",
        "service",
        "theme",
        "priority",
        "districtassignment",
    } <= models


@pytest.fixture
def casework():
    """Rows of Pendle and Burnley on every list."""
    lead = admin_county_lead()
    for code in ("PEN", "BUR"):
        submitted_gap(code)
        submitted_caf(code)
        meeting(code)
        listed_member(code)
        budget(code)
        service(code, name=f"Service in {code}")
        priority(code)
        admin_eido(code)
    return lead


def people():
    return {
        "county_lead": admin_county_lead(),
        "pendle_eido": admin_eido("PEN"),
        "pendle_panel_member": admin_panel_member("PEN"),
    }


def data_queries(queries, name: str) -> list[str]:
    """The SQL that read the list's own rows: a query whose first table is the list's.
    Reading only the ids of the person's own districts (the scope every permission check
    starts from) reads nothing of the data."""
    app, model = LIST_NAME.match(name)["app"], LIST_NAME.match(name)["model"]
    table = f'"{app}_{model}"'
    ids_only = re.compile(rf'^SELECT {table}\."id"(?: AS "pk")? FROM {table}(?: |$)')
    first_table = re.compile(r' FROM ("\w+")')
    return [
        q["sql"]
        for q in queries.captured_queries
        if (found := first_table.search(q["sql"]))
        and found[1] == table
        and not ids_only.match(q["sql"])
    ]


@pytest.mark.parametrize("export", [None, "csv", "xlsx"])
@pytest.mark.parametrize("params", FORBIDDEN, ids=lambda p: next(iter(p)))
@pytest.mark.parametrize("name", LISTS)
def test_an_undeclared_parameter_is_400_for_every_role_and_reads_no_data(
    client, casework, name, params, export
):
    """A lookup the list does not declare answers 400, on the list and its exports, for every
    role, without reading the list's table."""
    query = {**params, **({"export": export} if export else {})}
    for role, user in people().items():
        client.force_login(user)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse(name), query)
        assert response.status_code in (400, 403), (role, response.status_code)
        if response.status_code == 400:
            assert "This list cannot be filtered or sorted by" in response.content.decode()
        assert data_queries(queries, name) == [], role


@pytest.mark.parametrize(
    "params", MALFORMED, ids=lambda p: f"{next(iter(p))}-{next(iter(p.values()))[:8]}"
)
@pytest.mark.parametrize("name", LISTS)
def test_a_malformed_value_of_a_declared_parameter_is_400(client, casework, name, params):
    """A value the list does not offer (not a district of the list, not a number, a column
    that is not there, a format it cannot make) answers 400, never 500 or a silent list."""
    client.force_login(casework)
    response = client.get(reverse(name), params)
    assert response.status_code == 400, response.status_code


@pytest.mark.parametrize("name", LISTS)
def test_the_answer_to_an_undeclared_lookup_never_depends_on_its_value(client, casework, name):
    """The password-hash question of the issue gets the same 400 page whether the guess is
    right or wrong, so nothing can be read one character at a time."""
    client.force_login(admin_eido("PEN"))
    path = reverse(name)
    right = client.get(path, {"district__assignments__user__password__startswith": "md5$"})
    wrong = client.get(path, {"district__assignments__user__password__startswith": "zzzz"})
    assert right.status_code == wrong.status_code

    def page(response) -> str:
        # The CSRF token is masked afresh for every response.
        return CSRF_TOKEN.sub("", response.content.decode().replace("md5$", "zzzz"))

    assert page(right) == page(wrong)


@pytest.mark.parametrize("name", LISTS)
def test_the_declared_parameters_still_work(client, casework, name):
    """The list's own filters, search, ordering, page and exports answer 200."""
    client.force_login(casework)
    path = reverse(name)
    assert client.get(path).status_code == 200
    assert client.get(path, {"p": "1", "o": "0"}).status_code == 200
    assert client.get(path, {"o": "-0"}).status_code == 200
    if "export=csv" in client.get(path).content.decode():
        assert client.get(path, {"export": "csv"}).status_code == 200
        assert client.get(path, {"export": "xlsx"}).status_code == 200


def test_the_district_filter_offers_and_accepts_only_the_persons_districts(client, casework):
    """A Pendle EIDO filtering the gaps by Burnley gets 400, not Burnley's rows."""
    client.force_login(admin_eido("PEN"))
    path = reverse("pei_workflow_gapinservice_modeladmin_index")
    burnley = District.objects.get(code="BUR")
    assert client.get(path, {"district": burnley.pk}).status_code == 400
    pendle = District.objects.get(code="PEN")
    assert client.get(path, {"district": pendle.pk}).status_code == 200


def test_the_people_list_reads_no_assignments_for_a_bad_query(client, casework):
    """The people list refuses a hop into the user's password like every other list."""
    client.force_login(casework)
    path = reverse("pei_workflow_districtassignment_modeladmin_index")
    assert DistrictAssignment.objects.exists()
    response = client.get(path, {"user__password__startswith": "md5"})
    assert response.status_code == 400
