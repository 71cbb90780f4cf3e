"""The casework lists and the admin home as the casework grows: a fixed number of queries
whatever the data, each count made once, a search by reference on the reference's index,
and the same rows for the same person as before."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pei_workflow import services
from pei_workflow.models import (
    CafEscalation,
    District,
    GapInService,
    reference_part,
    reference_start,
)
from pei_workflow.selectors import last_review_step, latest_step_is, visible_to
from pei_workflow.synthetic import generate_casework
from tests.factories import admin_county_lead, admin_eido, submitted_caf, submitted_gap

pytestmark = pytest.mark.django_db

GAPS = reverse("pei_workflow_gapinservice_modeladmin_index")
CAFS = reverse("pei_workflow_cafescalation_modeladmin_index")
HOME = reverse("wagtailadmin_home")
COUNT = re.compile(r"SELECT COUNT\(\*\)")
# A LIKE whose pattern starts with a wildcard, which no index can serve: a scan.
ANYWHERE = re.compile(r"LIKE (UPPER\()?'%")


def get(client, user, url, params=None):
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200, url
    return response.content.decode(), [q["sql"] for q in queries.captured_queries]


def pages(pendle):
    return [
        (HOME, {}),
        (GAPS, {}),
        (CAFS, {}),
        (GAPS, {"state": "in_review"}),
        (GAPS, {"district": str(pendle.pk)}),
        (GAPS, {"q": "GAP-PEN"}),
        (GAPS, {"q": "0001"}),
        (GAPS, {"p": "2"}),
    ]


def test_the_lists_and_the_admin_home_run_the_same_queries_at_24_and_240_submissions(client):
    """A county lead's and a Pendle EIDO's lists, filtered list, searches and admin home cost
    the same number of queries with ten times the casework."""
    lead, officer = admin_county_lead(), admin_eido("PEN")
    pendle = District.objects.get(code="PEN")
    for _ in range(2):  # Pendle has something in every list, whatever the seed gives it
        services.start_review(submission=submitted_gap("PEN"), actor=officer)
        submitted_caf("PEN")
    generate_casework(24)
    counted = {}
    for user in (lead, officer):
        for url, params in pages(pendle):
            get(client, user, url, params)  # warm the caches any earlier request would
            counted[(user.pk, url, str(params))] = len(get(client, user, url, params)[1])
    generate_casework(216, seed=9)
    for user in (lead, officer):
        for url, params in pages(pendle):
            key = (user.pk, url, str(params))
            assert len(get(client, user, url, params)[1]) == counted[key], key


def test_a_list_counts_its_rows_once_and_a_search_never_counts_every_row_the_person_sees(
    client,
):
    """Unfiltered, one count serves "N in all" and the pages. Searched, the one count is of
    what the search found ("1 found"): no second count of every row the person may see."""
    lead = admin_county_lead()
    gaps = [submitted_gap("PEN"), submitted_gap("BUR"), submitted_gap("BUR")]
    body, sql = get(client, lead, GAPS)
    assert len([q for q in sql if COUNT.search(q)]) == 1
    assert "3 in all" in body
    body, sql = get(client, lead, GAPS, {"q": gaps[0].reference})
    assert len([q for q in sql if COUNT.search(q)]) == 1
    assert "1 found" in body and "out of" not in body


def test_a_search_that_finds_nothing_says_so_and_not_that_the_list_is_empty(client):
    """Only when a search finds nothing does the list ask whether the person has any rows
    at all, to choose between "no gaps match" and "no gaps have been created yet"."""
    lead = admin_county_lead()
    submitted_gap("PEN")
    body, _ = get(client, lead, GAPS, {"q": "GAP-XXX-1999-9999"})
    assert "0 found" in body
    assert "no gaps in service matching your search" in body
    assert "have been created yet" not in body


def test_a_search_for_a_whole_reference_finds_the_case_by_its_index(client):
    """An exact reference, in any case, finds its case with a prefix match on the reference
    column, not a scan of every reference for it."""
    officer = admin_eido("PEN")
    gap, other = submitted_gap("PEN"), submitted_gap("PEN")
    for term in (gap.reference, gap.reference.lower()):
        body, sql = get(client, officer, GAPS, {"q": term})
        assert f'href="{GAPS}inspect/{gap.pk}/"' in body
        assert f'href="{GAPS}inspect/{other.pk}/"' not in body
        searches = [q for q in sql if "reference" in q and "LIKE" in q]
        assert searches and not any(ANYWHERE.search(q) for q in searches)


def test_a_search_for_the_start_of_a_reference_lists_every_case_it_begins(client):
    """GAP-PEN-2026 lists that district and year's gaps, GAP-PEN all of Pendle's; a fragment
    that is not a reference's start is still found anywhere in the reference."""
    officer = admin_eido("PEN")
    gaps = [submitted_gap("PEN") for _ in range(3)]
    year = gaps[0].reference.split("-")[2]
    for term in (f"GAP-PEN-{year}", "gap-pen", f"GAP-PEN-{year}-"):
        body, _ = get(client, officer, GAPS, {"q": term})
        for gap in gaps:
            assert f'href="{GAPS}inspect/{gap.pk}/"' in body, term
    number = gaps[1].reference.rsplit("-", 1)[1]
    for term in (number, f"pen-{year}-{number}", f"{year}-{number}"):
        body, sql = get(client, officer, GAPS, {"q": term})
        assert f'href="{GAPS}inspect/{gaps[1].pk}/"' in body, term
        assert f'href="{GAPS}inspect/{gaps[0].pk}/"' not in body, term
        assert any(ANYWHERE.search(q) for q in sql if "reference" in q)
    body, _ = get(client, officer, GAPS, {"q": "no/such"})
    assert "Sorry, there are no gaps in service matching" in body


def test_searches_and_filters_show_an_eido_only_their_districts_cases(client):
    """A Pendle EIDO's search for Burnley's references, by prefix or in full, finds nothing;
    a county lead's finds them."""
    officer, lead = admin_eido("PEN"), admin_county_lead()
    burnley = submitted_gap("BUR")
    for term in ("GAP-BUR", burnley.reference):
        body, _ = get(client, officer, GAPS, {"q": term})
        assert f'href="{GAPS}inspect/{burnley.pk}/"' not in body
        body, _ = get(client, lead, GAPS, {"q": term})
        assert f'href="{GAPS}inspect/{burnley.pk}/"' in body
    pendle = District.objects.get(code="PEN")
    body, _ = get(client, lead, GAPS, {"district": str(pendle.pk)})
    assert f'href="{GAPS}inspect/{burnley.pk}/"' not in body


@pytest.mark.parametrize(
    ("term", "start"),
    [
        ("GAP-PEN-2026-0007", "GAP-PEN-2026-0007"),
        ("caf-bur-2025", "CAF-BUR-2025"),
        ("GAP-PEN", "GAP-PEN"),
        ("GAP-PEN-", "GAP-PEN-"),
        ("GAP", ""),
        ("GAP-PE", ""),
        ("PEN-2026", ""),
        ("0042", ""),
        ("GAP-PEN-2026-0007x", ""),
    ],
)
def test_only_the_start_of_a_reference_is_searched_as_a_prefix(term, start):
    """A kind and a whole district code, then only digits and hyphens: such a term can only
    match a reference from its start. Anything else is searched anywhere."""
    assert reference_start(term) == start


@pytest.mark.parametrize(
    ("term", "part"),
    [("0042", "0042"), ("pen-2026", "PEN-2026"), ("GAP-PEN-2026-0007", "GAP-PEN-2026-0007")]
    + [(term, "") for term in ("no/such", "2026 0042", "café", "")],
)
def test_a_part_of_a_reference_is_searched_as_references_are_written(term, part):
    """References are written in capitals, letters, digits and hyphens: a search for part of
    one is a search for it in capitals, and anything else is searched as typed."""
    assert reference_part(term) == part


def test_latest_step_is_agrees_with_the_last_step_of_each_history():
    """The grouped query the admin home uses finds exactly the submissions whose latest
    review history row is that step."""
    generate_casework(400, seed=4)
    officer, colleague = admin_eido("PEN"), admin_eido("BUR")
    for person, district in ((officer, "PEN"), (colleague, "BUR")):
        for submitted in (submitted_gap, submitted_caf):
            for then_corrected in (False, True):
                case = services.start_review(submission=submitted(district), actor=person)
                case = services.request_information(submission=case, actor=person, message="?")
                case = services.provide_information(submission=case, answer="Yes.")
                if then_corrected:
                    services.correct_answers(
                        submission=case,
                        actor=person,
                        changes={"job_title": "Mentor"},
                        reason="Typo",
                    )
    for model in (GapInService, CafEscalation):
        reviewing = model.objects.filter(state="in_review")
        expected = set(
            reviewing.annotate(last=last_review_step(model))
            .filter(last="provide_information")
            .values_list("pk", flat=True)
        )
        assert expected
        found = latest_step_is(reviewing, "provide_information").values_list("pk", flat=True)
        assert set(found) == expected
        mine = latest_step_is(visible_to(officer, reviewing), "provide_information")
        assert set(mine.values_list("pk", flat=True)) == {
            pk for pk in expected if model.objects.get(pk=pk).district.code == "PEN"
        }
