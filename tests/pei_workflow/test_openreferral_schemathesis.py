"""The API keeps to the OpenAPI document it publishes: schemathesis reads the document from
the app itself (Django's WSGI application, no server, no network) and, for every operation,
sends requests it derives from the document, valid and invalid, checking that none is a
server error, every status code and header is one the document gives, every answer is JSON
matching the document's schema, and invalid input is refused. Derandomized, so CI runs the
same requests every time."""

import uuid

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from pei_workflow.models import Theme
from tests import factories as f

pytestmark = pytest.mark.django_db

DOCUMENT = "/openreferral/openapi.json"
KNOWN_SERVICE = uuid.UUID("0f7b0c55-3f0a-4b6e-9b5e-1b8f3c2d4a61")

CONFIG = schemathesis.Config.from_dict(
    {
        "checks": {
            "enabled": False,
            "not_a_server_error": {"enabled": True},
            "status_code_conformance": {"enabled": True},
            "content_type_conformance": {"enabled": True},
            "response_headers_conformance": {"enabled": True},
            "response_schema_conformance": {"enabled": True},
            "negative_data_rejection": {"enabled": True},
        },
        # A fixed seed as well as derandomized: the same requests on every run, in CI too.
        "seed": 20261201,
        "generation": {"max-examples": 150, "deterministic": True},
    }
)


@pytest.fixture
def live_connection():
    """Requests through Django's WSGI application answer from the test's database.

    Django closes the database connection as each request starts and ends, which would end
    the test's transaction and lose its rows; Django's own test client stops that while it
    sends a request, and this does the same for the duration of the test."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def directory():
    """Published services to list, with and without the optional fields, and one that is
    not published."""
    rich = f.service(
        "PEN",
        name="Pendle Young Carers",
        contact_email="carers@example.org",
        contact_phone="01282 000000",
        website="https://carers.example.org/",
        open_referral_id=KNOWN_SERVICE,
    )
    rich.districts.add(f.district("BUR"))
    rich.themes.add(*Theme.objects.filter(name__in=["Transport", "Bereavement"]))
    f.service("BUR", name="Burnley Drop-in")
    f.service("PEN", name="Closed Club", is_published=False)


# Read from the app when the tests are collected (the document needs no database). Not with
# `schemathesis.pytest.from_fixture`: its lazy loading does not work with pytest 9.2, which
# renamed the node attribute it sets (`_nodeid`).
schema = schemathesis.openapi.from_wsgi(DOCUMENT, get_wsgi_application(), config=CONFIG)


@schema.parametrize()
# The fixtures make the directory once per operation, and every example reads it: the API is
# read-only, so sharing them between examples is what is wanted.
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_every_operation_keeps_to_the_published_document(case, live_connection, directory):
    """Every operation, with valid and invalid input, answers as the document says."""
    case.call_and_validate()


def test_the_document_covers_every_operation_and_a_known_service_keeps_to_it(
    live_connection, directory
):
    """The document has the three HSDS operations, and a published service's own address
    (which random ids never hit) answers as the document says."""
    operations = {result.ok().label for result in schema.get_all_operations()}
    assert operations == {"GET /", "GET /services", "GET /services/{id}"}
    service = schema["/services/{id}"]["GET"]
    response = service.Case(path_parameters={"id": str(KNOWN_SERVICE)}).call_and_validate()
    assert response.status_code == 200
