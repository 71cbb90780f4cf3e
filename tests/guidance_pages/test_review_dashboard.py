"""Review dates: the dashboard lists pages due and overdue; readers still see overdue pages."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from guidance_pages import models
from guidance_pages.review import DUE_SOON_DAYS, pages_due_for_review
from guidance_pages.wagtail_hooks import ReviewDuePanel
from pei_site import roles
from tests.factories import (
    AccessibilityStatementPageFactory,
    ContactsPageFactory,
    EditorFactory,
    FlowchartPageFactory,
    GuidancePageFactory,
    LinksPageFactory,
    PrivacyNoticePageFactory,
    RoleUserFactory,
    ServiceDirectoryPageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 10)
DAY = datetime.timedelta(days=1)

FACTORIES = {
    models.GuidancePage: GuidancePageFactory,
    models.FlowchartPage: FlowchartPageFactory,
    models.ContactsPage: ContactsPageFactory,
    models.LinksPage: LinksPageFactory,
    models.AccessibilityStatementPage: AccessibilityStatementPageFactory,
    models.PrivacyNoticePage: PrivacyNoticePageFactory,
    models.ServiceDirectoryPage: ServiceDirectoryPageFactory,
}


def titles(pages) -> list[str]:
    return [page.title for page in pages]


def test_every_reviewable_page_type_has_a_factory_here():
    """The tests below cover every page type that has a review date."""
    assert set(FACTORIES) == set(models.REVIEWABLE_PAGE_TYPES)


def test_boundaries_of_overdue_and_due_soon(home_page):
    """Yesterday is overdue; today to today + 30 is due soon; today + 31 is not listed."""
    for title, review_by in [
        ("Yesterday", TODAY - DAY),
        ("Today", TODAY),
        ("In 30 days", TODAY + DUE_SOON_DAYS * DAY),
        ("In 31 days", TODAY + (DUE_SOON_DAYS + 1) * DAY),
    ]:
        GuidancePageFactory(parent=home_page, title=title, review_by=review_by)

    due = pages_due_for_review(today=TODAY)

    assert titles(due.overdue) == ["Yesterday"]
    assert titles(due.due_soon) == ["Today", "In 30 days"]


@pytest.mark.parametrize("page_type", models.REVIEWABLE_PAGE_TYPES, ids=lambda t: t.__name__)
def test_every_reviewable_page_type_is_listed(home_page, page_type):
    """Each page type with a review date shows up when it is overdue."""
    page = FACTORIES[page_type](parent=home_page, review_by=TODAY - 5 * DAY)

    due = pages_due_for_review(today=TODAY)

    assert [(type(p), p.pk) for p in due.overdue] == [(page_type, page.pk)]


def test_lists_are_ordered_by_review_date(home_page):
    """The most urgent page comes first in each list, whatever its type."""
    GuidancePageFactory(parent=home_page, title="B", review_by=TODAY - 2 * DAY)
    LinksPageFactory(parent=home_page, title="A", review_by=TODAY - 9 * DAY)
    FlowchartPageFactory(parent=home_page, title="D", review_by=TODAY + 20 * DAY)
    ContactsPageFactory(parent=home_page, title="C", review_by=TODAY + 3 * DAY)

    due = pages_due_for_review(today=TODAY)

    assert titles(due.overdue) == ["A", "B"]
    assert titles(due.due_soon) == ["C", "D"]


def test_unpublished_pages_are_left_out(home_page):
    """A page that is not live is not read, so it is not listed."""
    page = GuidancePageFactory(parent=home_page, review_by=TODAY - DAY)
    page.unpublish()

    due = pages_due_for_review(today=TODAY)

    assert due.overdue == [] and due.due_soon == []


def _queries_to_list_and_render() -> int:
    with CaptureQueriesContext(connection) as queries:
        ReviewDuePanel().render_html({})
    return len(queries)


def test_one_query_per_page_type_whatever_the_number_of_pages(home_page):
    """Listing and rendering costs the same number of queries for one page or many."""
    owner = UserFactory(first_name="Olu", last_name="Owner")
    GuidancePageFactory(parent=home_page, review_by=timezone.localdate(), content_owner=owner)
    with_one = _queries_to_list_and_render()
    for days in range(-3, 4):
        GuidancePageFactory(
            parent=home_page,
            review_by=timezone.localdate() + days * DAY,
            content_owner=UserFactory(),
        )
    ContactsPageFactory(parent=home_page, review_by=timezone.localdate(), content_owner=owner)

    assert _queries_to_list_and_render() == with_one == len(models.REVIEWABLE_PAGE_TYPES)


@pytest.fixture
def editor_client(client):
    client.force_login(EditorFactory())
    return client


def test_dashboard_lists_overdue_and_due_pages_with_owner_and_edit_link(home_page, editor_client):
    """An editor's dashboard links each listed page to its editor, with its owner and date."""
    today = timezone.localdate()
    owner = UserFactory(first_name="Priya", last_name="Shah")
    overdue = GuidancePageFactory(
        parent=home_page, title="Resource Panel", review_by=today - 3 * DAY, content_owner=owner
    )
    due_soon = GuidancePageFactory(parent=home_page, title="Sub Group", review_by=today + 7 * DAY)

    html = editor_client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Pages due for review" in html
    overdue_section = html[html.index('id="review-overdue"') : html.index('id="review-due-soon"')]
    due_section = html[html.index('id="review-due-soon"') :]
    edit_link = '<a href="{}">{}</a>'
    assert edit_link.format(
        reverse("wagtailadmin_pages:edit", args=[overdue.pk]), "Resource Panel"
    ) in (overdue_section)
    assert "Priya Shah" in overdue_section
    assert (today - 3 * DAY).strftime("%-d %B %Y") in overdue_section
    assert edit_link.format(
        reverse("wagtailadmin_pages:edit", args=[due_soon.pk]), "Sub Group"
    ) in (due_section)
    assert "No owner set" in due_section


def test_dashboard_says_so_in_plain_words_when_nothing_is_due(home_page, editor_client):
    """With nothing due, each list says so rather than showing an empty table."""
    GuidancePageFactory(parent=home_page, review_by=timezone.localdate() + 200 * DAY)

    html = editor_client.get(reverse("wagtailadmin_home")).content.decode()

    assert "No pages are overdue for review." in html
    assert f"No pages are due for review in the next {DUE_SOON_DAYS} days." in html


@pytest.mark.parametrize("role", [roles.EIDOS, roles.PANEL_MEMBERS, roles.COUNTY_LEADS])
def test_people_who_cannot_edit_pages_do_not_see_the_panel(home_page, client, role):
    """The review panel is for those who can edit pages."""
    GuidancePageFactory(parent=home_page, review_by=timezone.localdate() - DAY)
    client.force_login(RoleUserFactory(role=role))

    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    assert "Pages due for review" not in response.content.decode()


def test_public_page_past_its_review_date_still_shows(home_page, client):
    """The review date is for editors: readers still get the page, with no notice."""
    review_by = timezone.localdate() - 400 * DAY
    page = GuidancePageFactory(parent=home_page, title="Sub Group", review_by=review_by)

    response = client.get(page.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Sub Group" in html
    assert "Some guidance text." in html
    assert review_by.strftime("%-d %B %Y") not in html
    assert "overdue" not in html.lower()
