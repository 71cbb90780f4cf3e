"""Parts of pages drawn once per generation (page_serving/fragments.py, `{% page_part %}`, issue
16): kept until the next change and no longer, drawn from their own values only, so that
nothing of a signed-in member of staff or of a practitioner's form gets into a copy another
reader is given, and never kept from a preview."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.template import Context, RequestContext, Template
from django.test import Client, RequestFactory
from django.test.signals import template_rendered
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from guidance_pages.models import GuidancePage, SiteChrome
from page_serving import fragments, memo
from page_serving.page_cache import forget_every_page
from tests.factories import GuidancePageFactory, admin_eido

pytestmark = pytest.mark.django_db

PART = Template(
    "{% load pei_fragments %}{% page_part passing note unless search %}"
    "[{{ page.title }}|{{ note }}|{{ user.username }}|{{ request.user.username }}"
    "|{{ request.session.keys|join:',' }}|{% csrf_token %}|{{ messages|length }}]"
    "{% endpage_part %}"
)


@pytest.fixture(autouse=True)
def drawn(settings, db):
    settings.PEI_PAGE_CACHE_SECONDS = 0
    SiteChrome.for_site(Site.objects.get(is_default_site=True))


@pytest.fixture
def guidance(home_page):
    return GuidancePageFactory(parent=home_page, title="Referral routes", slug="routes")


def draw_part(request, page, **values) -> str:
    context = RequestContext(request, {"page": page, **values})
    return PART.render(context)


def staff_request():
    request = RequestFactory().get("/routes/")
    request.user = admin_eido("PEN")
    request.session = {"pei_form_answers": "half-filled"}
    request.META["CSRF_COOKIE"] = "a" * 32
    return request


def reader_request():
    request = RequestFactory().get("/routes/")
    request.user = AnonymousUser()
    return request


def test_a_page_part_sees_the_page_and_what_it_is_passed_and_nothing_of_the_person(guidance):
    """Drawn for signed-in staff with a session and a CSRF token, a part shows none of
    them, so the copy a reader is then given is the same as one drawn for the reader."""
    staff = draw_part(staff_request(), guidance, note="kept")
    assert staff == "[Referral routes|kept|||||0]"
    assert draw_part(reader_request(), guidance, note="kept") == staff


def test_a_page_part_is_drawn_once_per_generation(guidance):
    """Kept: a second draw runs nothing and gives the same; after a change, drawn afresh."""
    first = draw_part(reader_request(), guidance, note="first")
    assert draw_part(reader_request(), guidance, note="second") == first
    forget_every_page()
    assert "second" in draw_part(reader_request(), guidance, note="second")


def test_a_page_part_for_a_search_is_drawn_each_time_and_not_kept(guidance):
    """`unless` a reader's own search: drawn for it, as if the tags were not there, and the
    page without it stays as kept."""
    plain = draw_part(reader_request(), guidance, note="plain")
    searched = draw_part(reader_request(), guidance, note="found", search="pendle")
    assert "found" in searched
    assert draw_part(reader_request(), guidance, note="other") == plain


def test_a_page_part_of_a_preview_is_drawn_afresh_and_never_kept(guidance):
    """A draft's text shows in its preview only: the live page keeps its own."""
    live = draw_part(reader_request(), guidance, note="live")
    preview = reader_request()
    preview.is_preview = True
    draft = GuidancePage.objects.get(pk=guidance.pk)
    draft.title = "Draft title"
    assert "Draft title" in draw_part(preview, draft, note="draft")
    assert draw_part(reader_request(), guidance, note="live") == live


def test_a_kept_part_lasts_no_longer_than_per_generation_seconds(guidance, monkeypatch, settings):
    """A change made outside the models (which starts no generation) shows within
    PEI_PER_GENERATION_SECONDS."""
    now = [1000.0]
    monkeypatch.setattr(memo.time, "monotonic", lambda: now[0])
    first = draw_part(reader_request(), guidance, note="first")
    GuidancePage.objects.filter(pk=guidance.pk).update(title="Changed in the database")
    guidance.refresh_from_db()
    assert draw_part(reader_request(), guidance, note="first") == first
    now[0] += settings.PEI_PER_GENERATION_SECONDS + 1
    # The shared cache's copy is gone by then too; here it is emptied by hand.
    from django.core.cache import cache

    cache.clear()
    assert "Changed in the database" in draw_part(reader_request(), guidance, note="first")


def test_a_kept_fragment_is_in_the_shared_cache_for_the_other_processes(guidance):
    """Another process (its own memo empty) takes the copy from the shared cache."""
    request = reader_request()
    drawn_once = fragments.kept(request, ("test",), lambda: "<p>drawn</p>")
    fragments._here.clear()
    assert fragments.kept(reader_request(), ("test",), lambda: "<p>again</p>") == drawn_once


def test_a_reader_after_signed_in_staff_is_given_the_readers_page(home_page, guidance):
    """Staff draw the page first (their userbar, their session); the page a reader is then
    given is the one a reader would have been given first, without the userbar."""
    guidance.show_in_menus = True
    guidance.save_revision().publish()
    staff = Client()
    staff.force_login(admin_eido("PEN"))
    assert "userbar" in staff.get(guidance.url).content.decode()
    after_staff = Client().get(guidance.url).content.decode()
    forget_every_page()
    readers_own = Client().get(guidance.url).content.decode()
    assert after_staff == readers_own
    assert "userbar" not in after_staff and "govuk-service-navigation" in after_staff


def test_a_page_drawn_again_renders_no_template_for_its_kept_parts(client, guidance):
    """The menu, breadcrumbs, footer and the page's content come from the memo: the only
    query is the page's own row, and no block of its body is rendered."""
    client.get(guidance.url)
    rendered = []

    def seen(sender, template, **kwargs):
        rendered.append(template.name)

    template_rendered.connect(seen)
    try:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(guidance.url)
    finally:
        template_rendered.disconnect(seen)
    assert response.status_code == 200
    assert len(queries) == 1
    assert rendered == [
        "guidance_pages/guidance_page.html",
        "base.html",
        "components/header.html",
    ]


def test_a_template_without_a_page_draws_its_part_without_keeping_it():
    """A page part outside a page (an error page) is simply drawn."""
    assert PART.render(Context({"note": "no page"})) == "[|no page|||||0]"
