"""Public pages from the shared cache for readers without a session (issue 16): a second
read costs no query; every change a page can show (a publish, an unpublish, a move, a
deletion, the footer, a contact, a service) shows at once; and nothing private, personal
or holding a form's token is ever kept."""

from unittest import mock

import pytest
from django.conf import settings
from django.core.cache import cache, caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Site

from guidance_pages.models import SiteChrome
from page_serving import page_cache
from page_serving.page_cache import GENERATION_KEY, HIT_HEADER
from tests.factories import (
    EIDOContactFactory,
    GuidancePageFactory,
    ServiceDirectoryPageFactory,
    admin_eido,
    service,
)

pytestmark = pytest.mark.django_db


def read(url: str, client: Client | None = None):
    return (client or Client()).get(url)


def is_hit(response) -> bool:
    return response.get(HIT_HEADER) == "hit"


@pytest.fixture(autouse=True)
def footer(db):
    """The footer's settings, made as the first page drawn would make them (which would
    itself start a new generation)."""
    return SiteChrome.for_site(Site.objects.get(is_default_site=True))


@pytest.fixture
def guidance(home_page):
    return GuidancePageFactory(parent=home_page, title="Referral routes", slug="routes")


def test_a_readers_second_visit_comes_from_the_cache_with_the_same_page_and_headers(guidance):
    first = read(guidance.url)
    assert first.status_code == 200 and not is_hit(first)
    with CaptureQueriesContext(connection) as queries:
        second = read(guidance.url)
    assert is_hit(second)
    assert len(queries) == 0
    assert second.content == first.content
    for header in ("Content-Type", "Content-Security-Policy", "Permissions-Policy"):
        assert second.get(header) == first.get(header), header


def test_a_published_change_shows_at_once(guidance):
    read(guidance.url)
    guidance.title = "Referral routes, revised"
    guidance.save_revision().publish()
    fresh = read(guidance.url)
    assert not is_hit(fresh)
    assert "Referral routes, revised" in fresh.content.decode()


def test_an_unpublished_or_deleted_page_is_gone_at_once(home_page):
    page = GuidancePageFactory(parent=home_page, slug="old")
    other = GuidancePageFactory(parent=home_page, slug="older")
    assert read(page.url).status_code == 200 and read(other.url).status_code == 200
    url, other_url = page.url, other.url
    page.unpublish()
    assert read(url).status_code == 404
    other.delete()
    assert read(other_url).status_code == 404


def test_a_moved_page_is_at_its_new_address_at_once_and_its_old_one_leads_there(
    home_page, guidance
):
    parent = GuidancePageFactory(parent=home_page, slug="section")
    old_url = guidance.url
    assert read(old_url).status_code == 200
    guidance.move(parent, pos="last-child")
    guidance.refresh_from_db()
    moved = read(old_url)
    assert (moved.status_code, moved["Location"]) == (301, guidance.url)
    assert read(guidance.url).status_code == 200


def test_a_change_to_the_footer_shows_on_every_page_at_once(guidance, home_page, footer):
    read(guidance.url)
    read(home_page.url)
    chrome = footer
    chrome.footer_text = "Run by Lancashire County Council."
    chrome.save()
    for url in (guidance.url, home_page.url):
        assert "Run by Lancashire County Council." in read(url).content.decode()


def test_a_change_to_a_contact_or_a_service_shows_at_once(home_page):
    directory = ServiceDirectoryPageFactory(parent=home_page)
    read(directory.url)
    service("PEN", name="Pendle Lifts")
    assert "Pendle Lifts" in read(directory.url).content.decode()
    contact = EIDOContactFactory(team_name="Pendle team")
    contact.team_name = "Pendle Early Help"
    contact.save()
    assert not is_hit(read(directory.url))


def test_someone_with_a_session_is_never_served_from_the_cache_nor_cached(guidance):
    staff = Client()
    staff.force_login(admin_eido("PEN"))
    first, second = read(guidance.url, staff), read(guidance.url, staff)
    assert not is_hit(first) and not is_hit(second)
    reader = read(guidance.url)
    assert not is_hit(reader)
    assert b"userbar" not in reader.content  # the editor's page was not kept for readers


def test_a_page_with_a_form_token_is_not_cached(home_page):
    response = read(reverse("pei_forms:resend_link"))
    again = read(reverse("pei_forms:resend_link"))
    assert response.status_code == 200 and not is_hit(again)


def test_a_form_page_is_never_cached(home_page):
    """Its later steps hold the practitioner's answers, so every page of a form says no
    browser or cache may keep it, and this one does not."""
    from pei_forms.content import ensure_form_pages

    gap_page = ensure_form_pages(home_page)[0]
    response = read(gap_page.url)
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert not is_hit(read(gap_page.url))


def test_an_address_this_process_could_not_keep_asks_the_shared_cache_nothing_again(home_page):
    """A form page (never kept) or a 404 is drawn every time, so this process
    remembers, under the generation, not to look for it in the shared cache."""
    from pei_forms.content import ensure_form_pages

    gap_page = ensure_form_pages(home_page)[0]
    shared = caches[settings.PEI_PAGE_CACHE_ALIAS]
    for url, status in [(gap_page.url, 200), ("/no-such-page/", 404)]:
        assert read(url).status_code == status
        with mock.patch.object(shared, "get", wraps=shared.get) as reads:
            again = read(url)
        assert again.status_code == status and not is_hit(again)
        assert [call for call in reads.call_args_list if "page:" in str(call)] == []


def test_an_address_not_kept_is_looked_for_again_under_the_next_generation(guidance):
    """What could not be kept under one generation may be keepable under the next (the
    page mended, or a form taken off it), so the memory of it goes with the generation."""
    guidance.live = False
    guidance.save(update_fields=["live"])
    url = "/routes/"
    assert read(url).status_code == 404
    guidance.save_revision().publish()
    assert read(url).status_code == 200
    page_cache._here.clear()  # as a process that has not served it: only the shared cache has
    assert is_hit(read(url))


@pytest.mark.parametrize("url", ["/admin/login/", "/status/resend/"])
def test_the_admin_and_the_status_pages_are_never_cached(url, home_page):
    read(url)
    assert not is_hit(read(url))


def test_when_the_cache_loses_its_generation_nothing_kept_before_is_served(guidance):
    read(guidance.url)
    assert is_hit(read(guidance.url))
    cache.delete(GENERATION_KEY)
    assert not is_hit(read(guidance.url))
    assert is_hit(read(guidance.url))
