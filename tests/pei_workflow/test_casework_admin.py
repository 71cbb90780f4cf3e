"""The casework screens: every view, search and export shows a person only the submissions
of their own districts."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from pei_workflow.services import submit_caf_escalation, submit_gap_in_service
from tests.factories import UserFactory, caf_answers, county_lead, eido, gap_answers

pytestmark = pytest.mark.django_db

MODELS = ["gapinservice", "cafescalation"]


def admin_user(user):
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def url(model, action, *args):
    return reverse(f"pei_workflow_{model}_modeladmin_{action}", args=args)


@pytest.fixture
def cases():
    return {
        "gapinservice": {
            "PEN": submit_gap_in_service(answers=gap_answers("PEN")),
            "BUR": submit_gap_in_service(
                answers=gap_answers("BUR", unmet_need="Burnley only need about transport.")
            ),
        },
        "cafescalation": {
            "PEN": submit_caf_escalation(answers=caf_answers("PEN")),
            "BUR": submit_caf_escalation(
                answers=caf_answers("BUR", issue="Burnley only issue about a delay.")
            ),
        },
    }


@pytest.fixture
def pendle_eido(client):
    user = admin_user(eido("PEN"))
    client.force_login(user)
    return user


@pytest.mark.parametrize("model", MODELS)
def test_eido_list_shows_only_their_districts_submissions(client, pendle_eido, cases, model):
    """The Pendle EIDO's list holds the Pendle case and not the Burnley one."""
    response = client.get(url(model, "index"))
    assert response.status_code == 200
    body = response.content.decode()
    assert cases[model]["PEN"].reference in body
    assert cases[model]["BUR"].reference not in body


@pytest.mark.parametrize("model", MODELS)
def test_eido_cannot_open_another_districts_submission_by_any_url(
    client, pendle_eido, cases, model
):
    """Inspect, edit, delete and history of a Burnley case all refuse the Pendle EIDO
    without showing anything of it."""
    burnley = cases[model]["BUR"]
    for action in ["inspect", "edit", "delete"]:
        response = client.get(url(model, action, burnley.pk))
        assert response.status_code in (403, 404), action
        assert burnley.reference not in response.content.decode()
        assert "Burnley only" not in response.content.decode()
    response = client.post(url(model, "delete", burnley.pk))
    assert response.status_code in (403, 404)
    assert type(burnley).objects.filter(pk=burnley.pk).exists()


@pytest.mark.parametrize("model", MODELS)
def test_eido_search_by_reference_finds_only_their_districts(client, pendle_eido, cases, model):
    """Searching for a Burnley reference finds nothing for the Pendle EIDO."""
    own, other = cases[model]["PEN"], cases[model]["BUR"]
    found = client.get(url(model, "index"), {"q": own.reference}).content.decode()
    assert url(model, "inspect", own.pk) in found
    # The search box echoes the query, so look for the result's link, not the reference.
    not_found = client.get(url(model, "index"), {"q": other.reference}).content.decode()
    assert url(model, "inspect", other.pk) not in not_found
    assert url(model, "inspect", own.pk) not in not_found


@pytest.mark.parametrize("model", MODELS)
def test_eido_export_holds_only_their_districts_rows(client, pendle_eido, cases, model):
    """The CSV export is scoped like the list."""
    response = client.get(url(model, "index"), {"export": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    references = [row[0] for row in rows[1:]]
    assert references == [cases[model]["PEN"].reference]


def test_export_neutralises_cells_that_a_spreadsheet_would_run_as_formulas(client, pendle_eido):
    """A practitioner's answer starting with = is exported as text, not a formula."""
    submit_gap_in_service(answers=gap_answers("PEN", what_has_been_tried="=HYPERLINK(1)"))
    response = client.get(url("gapinservice", "index"), {"export": "csv"})
    body = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK(1)" in body
    assert ",=HYPERLINK" not in body


def test_inspect_shows_every_answer_and_the_review_history(client, pendle_eido, cases):
    """The inspect view holds the answers and the history row of the submission."""
    gap = cases["gapinservice"]["PEN"]
    response = client.get(url("gapinservice", "inspect", gap.pk))
    assert response.status_code == 200
    body = response.content.decode()
    assert gap.unmet_need in body
    assert gap.practitioner_name in body
    assert "Review history" in body
    assert "submitted" in body


def test_county_lead_sees_every_district(client, cases):
    """A county lead's list and inspect views cover all districts."""
    client.force_login(admin_user(county_lead()))
    body = client.get(url("gapinservice", "index")).content.decode()
    assert cases["gapinservice"]["PEN"].reference in body
    assert cases["gapinservice"]["BUR"].reference in body
    burnley = cases["gapinservice"]["BUR"]
    assert client.get(url("gapinservice", "inspect", burnley.pk)).status_code == 200


@pytest.mark.parametrize("model", MODELS)
def test_admin_user_with_no_district_sees_no_submissions(client, cases, model):
    """An editor (admin access, no district) gets no list and no submission."""
    client.force_login(admin_user(UserFactory()))
    assert client.get(url(model, "index")).status_code in (302, 403)
    response = client.get(url(model, "inspect", cases[model]["PEN"].pk))
    assert response.status_code in (403, 404)


def test_a_malformed_submission_id_is_a_404(client, pendle_eido):
    """An id that is not a number answers 404, not a server error."""
    assert client.get("/admin/pei_workflow/gapinservice/inspect/abc/").status_code == 404


def test_nobody_can_create_a_submission_in_the_admin(client, cases):
    """Submissions come only from practitioners; the create view is refused."""
    client.force_login(admin_user(county_lead()))
    assert client.get(url("gapinservice", "create")).status_code in (302, 403)


def test_district_filter_offers_only_the_districts_the_user_may_see(client, pendle_eido, cases):
    """The Pendle EIDO's district filter lists Pendle and no other district."""
    body = client.get(url("gapinservice", "index")).content.decode()
    assert "Pendle" in body
    assert "Burnley" not in body
