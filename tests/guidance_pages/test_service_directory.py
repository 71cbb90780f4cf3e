"""The public service directory page: search by words, district and theme, published services
only, pagination, and a query count that does not grow with the directory."""

import io
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from guidance_pages.content import EXAMPLE_SERVICES
from guidance_pages.models import HomePage, ServiceDirectoryPage
from guidance_pages.models.directory import SERVICES_PER_PAGE
from pei_workflow.models import Service, Theme
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    """The search choices are cached; each test starts from the database, and leaves no
    choices behind that its rolled-back data made."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def directory(home_page):
    return f.ServiceDirectoryPageFactory(parent=home_page)


def names_on(response) -> list[str]:
    """The service names in the results list, in order."""
    html = response.content.decode()
    return re.findall(r'<h2 class="pei-results__title">([^<]+)</h2>', html)


def text_of(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def theme(name: str) -> Theme:
    return Theme.objects.get(name=name)


@pytest.fixture
def services():
    """Three published services in Pendle and Burnley, and one unpublished."""
    bereavement = f.service("PEN", name="Pendle Bereavement Support")
    bereavement.themes.add(theme("Bereavement"))
    transport = f.service(
        "BUR",
        name="Burnley Lifts",
        offers="Volunteer drivers to appointments.",
        who_for="Families without a car.",
        contact_phone="01632 960201",
    )
    transport.themes.add(theme("Transport"))
    both = f.service(
        "PEN",
        name="Youth Clubs Together",
        offers="Evening clubs for teenagers.",
        who_for="Young people aged 11 to 19.",
        contact_email="clubs@example.org",
        website="https://example.org/clubs",
    )
    both.districts.add(f.district("BUR"))
    both.themes.add(theme("Diversionary activities"))
    f.service("PEN", name="Closed Counselling Service", is_published=False)
    return {"bereavement": bereavement, "transport": transport, "both": both}


def test_the_directory_lists_published_services_by_name(client, directory, services):
    """Every published service is listed, in name order, with a count in words."""
    response = client.get(directory.url)
    assert response.status_code == 200
    assert names_on(response) == [
        "Burnley Lifts",
        "Pendle Bereavement Support",
        "Youth Clubs Together",
    ]
    assert "3 services are in the directory." in text_of(response)


def test_an_unpublished_service_is_never_shown(client, directory, services):
    """A service an EIDO unpublished is hidden, even from a search for its name."""
    response = client.get(directory.url, {"q": "Closed Counselling"})
    assert "Closed Counselling Service" not in response.content.decode()
    assert "No services found" in text_of(response)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("lifts", ["Burnley Lifts"]),  # name, ignoring case
        ("VOLUNTEER drivers", ["Burnley Lifts"]),  # what it offers
        ("teenagers", ["Youth Clubs Together"]),
        ("without a car", ["Burnley Lifts"]),  # who it is for, every word must match
        ("bereavement teenagers", []),
    ],
)
def test_searching_by_words_matches_name_offer_and_who_it_is_for(
    client, directory, services, query, expected
):
    """Each word must appear, ignoring case, in the name, the offer or who it is for."""
    response = client.get(directory.url, {"q": query})
    assert names_on(response) == expected


def test_a_district_shows_only_services_covering_it(client, directory, services):
    """Choosing Burnley lists the services that cover Burnley, each once."""
    response = client.get(directory.url, {"district": "burnley"})
    assert names_on(response) == ["Burnley Lifts", "Youth Clubs Together"]
    assert "2 services match your search." in text_of(response)
    assert '<option value="burnley" selected>Burnley</option>' in response.content.decode()


def test_a_theme_shows_only_services_with_it(client, directory, services):
    """Choosing a theme lists the services tagged with it, and words and district narrow it
    further."""
    transport = theme("Transport")
    response = client.get(directory.url, {"theme": transport.pk})
    assert names_on(response) == ["Burnley Lifts"]
    response = client.get(directory.url, {"theme": transport.pk, "district": "pendle"})
    assert names_on(response) == []


def test_unknown_district_or_theme_in_the_address_is_ignored(client, directory, services):
    """A stale or hand-edited link still shows the list rather than an error."""
    response = client.get(directory.url, {"district": "atlantis", "theme": "x1", "page": "z"})
    assert response.status_code == 200
    assert len(names_on(response)) == 3


def test_a_new_theme_is_offered_at_once(client, directory, services):
    """The choices are cached, but adding a theme or renaming a district shows straight
    away."""
    client.get(directory.url)
    Theme.objects.create(name="Housing")
    pendle = f.district("PEN")
    pendle.name = "Pendle Borough"
    pendle.save()
    html = client.get(directory.url).content.decode()
    assert ">Housing</option>" in html
    assert ">Pendle Borough</option>" in html


def test_no_results_says_so_and_offers_a_way_back(client, directory, services):
    """An empty search says nothing was found and links to the whole directory."""
    response = client.get(directory.url, {"q": "zzzznothing"})
    body = text_of(response)
    assert "No services found" in body
    assert "show every service in the directory" in body


def test_each_service_shows_what_a_practitioner_needs_to_refer(client, directory, services):
    """Offer, who it is for, how to refer, waiting list, districts, themes and contact
    links are all on the page."""
    response = client.get(directory.url, {"q": "youth clubs"})
    html = response.content.decode()
    body = text_of(response)
    assert "Evening clubs for teenagers." in body
    assert "Young people aged 11 to 19." in body
    assert "Any professional can refer by email." in body
    assert "No waiting list" in body
    assert "Covers Burnley and Pendle." in body
    assert "Themes: Diversionary activities." in body
    assert 'href="mailto:clubs@example.org"' in html
    assert 'href="https://example.org/clubs"' in html
    response = client.get(directory.url, {"q": "lifts"})
    assert 'href="tel:01632960201"' in response.content.decode()


def test_results_are_paginated_and_pages_keep_the_search(client, directory):
    """Past one page of results, a second page holds the rest and its links keep the
    search."""
    for n in range(SERVICES_PER_PAGE + 5):
        f.service("PEN", name=f"Service {n:02d}")
    response = client.get(directory.url, {"district": "pendle"})
    assert len(names_on(response)) == SERVICES_PER_PAGE
    body = text_of(response)
    assert f"{SERVICES_PER_PAGE + 5} services match your search. Showing 1 to 20." in body
    assert "district=pendle&amp;page=2" in response.content.decode()
    response = client.get(directory.url, {"district": "pendle", "page": 2})
    assert names_on(response) == [f"Service {n:02d}" for n in range(20, 25)]


def queries_for(client, url) -> int:
    """The queries of drawing the page (not of the page cache's copy of it)."""
    with override_settings(PEI_PAGE_CACHE_SECONDS=0):
        client.get(url)  # fills the caches, as on a running server
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_services(count: int) -> None:
    bereavement = theme("Bereavement")
    for n in range(count):
        service = f.service("PEN", name=f"Service {n:03d}")
        service.districts.add(f.district("BUR"))
        service.themes.add(bereavement, theme("Transport"))


def test_queries_do_not_grow_with_the_number_of_services(client, directory):
    """Five services and forty (two pages' worth) cost the same queries, at most 10."""
    add_services(5)
    with_five = queries_for(client, directory.url)
    add_services(35)
    assert queries_for(client, directory.url) == with_five
    assert queries_for(client, f"{directory.url}?q=service&district=pendle") <= 10
    assert with_five <= 10


def test_the_directory_page_type_lives_once_under_the_home_page(home_page):
    """Only the home page may hold it, at most one exists, and it has no subpages."""
    assert ServiceDirectoryPage.can_exist_under(home_page)
    assert ServiceDirectoryPage.allowed_parent_page_models() == [HomePage]
    assert ServiceDirectoryPage.max_count == 1
    assert ServiceDirectoryPage.allowed_subpage_models() == []


# The content loader


def load() -> str:
    out = io.StringIO()
    call_command("load_pei_content", stdout=out)
    return out.getvalue()


def test_the_loader_makes_the_directory_page_and_example_services_once():
    """The first run makes a live directory page and the example services; the second
    makes neither again."""
    load()
    page = ServiceDirectoryPage.objects.get()
    assert page.live
    assert "one stop shop" in page.intro
    assert "before you send" in page.intro
    names = sorted(Service.objects.values_list("name", flat=True))
    assert names == sorted(example["name"] for example in EXAMPLE_SERVICES)

    output = load()

    assert ServiceDirectoryPage.objects.count() == 1
    assert Service.objects.count() == len(EXAMPLE_SERVICES)
    assert f"Left alone services: the directory already has {len(EXAMPLE_SERVICES)}" in output


def test_example_services_are_plainly_examples_that_reach_nobody():
    """Each example's name says so, its email is on example.org and its phone number is
    in Ofcom's drama range."""
    load()
    for service in Service.objects.prefetch_related("districts", "themes"):
        assert service.name.startswith("Example "), service.name
        assert service.contact_email.endswith("@example.org"), service.name
        if service.contact_phone:
            assert re.fullmatch(r"01632 960\d{3}", service.contact_phone), service.name
        assert service.districts.exists(), service.name
        assert service.themes.exists(), service.name
        assert service.is_published


def test_the_loader_adds_no_examples_to_a_directory_that_has_services():
    """Once EIDOs have added a service, the directory is theirs: no examples are mixed in."""
    f.service("PEN", name="A real service")
    load()
    assert list(Service.objects.values_list("name", flat=True)) == ["A real service"]


def test_the_guidance_links_readers_to_the_directory():
    """The home, Gap in Service and Resource Panel pages link to the directory, which is
    kept out of the main menu."""
    load()
    directory = ServiceDirectoryPage.objects.get()
    link = f'href="{directory.url}"'
    for slug in ["resource-panel", "gap-in-service"]:
        assert link in str(Page.objects.get(slug=slug).specific.body), slug
    assert link in str(HomePage.objects.get().body)
    assert not directory.show_in_menus
