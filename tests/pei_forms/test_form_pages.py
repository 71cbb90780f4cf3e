"""The two form page types and `ensure_form_pages`, which puts them under the home page."""

import pytest
from wagtail.models import Page

from guidance_pages.models import GuidancePage, HomePage
from pei_forms.content import ensure_form_pages
from pei_forms.models import CafEscalationFormPage, GapFormHelpText, GapInServiceFormPage

pytestmark = pytest.mark.django_db


def test_ensure_form_pages_publishes_both_forms_under_the_home_page(home_page):
    """Both pages are made live under the home page with their titles, slugs and texts, and
    are kept out of the main menu."""
    gap, caf = ensure_form_pages(home_page)

    assert (gap.title, gap.slug) == ("Report a gap in services", "report-a-gap")
    assert (caf.title, caf.slug) == ("Escalate a CAF problem", "escalate-a-caf-problem")
    for page in (gap, caf):
        page.refresh_from_db()
        assert page.live and not page.has_unpublished_changes
        assert page.get_parent().specific == home_page
        assert page.intro and page.who_can_use and page.confirmation_text
        assert page.show_in_menus is False
    assert gap.url == "/report-a-gap/"
    assert caf.url == "/escalate-a-caf-problem/"
    assert GapFormHelpText.objects.filter(page=gap, question="unmet_need").exists()


def test_ensure_form_pages_is_safe_to_run_again_and_leaves_editors_changes_alone(home_page):
    """A second run makes nothing new; a page an editor renamed or moved is left as it is."""
    gap, caf = ensure_form_pages(home_page)
    gap.title = "Tell us about a gap"
    gap.save_revision().publish()

    again = ensure_form_pages(home_page)

    assert [page.pk for page in again] == [gap.pk, caf.pk]
    assert GapInServiceFormPage.objects.count() == CafEscalationFormPage.objects.count() == 1
    gap.refresh_from_db()
    assert gap.title == "Tell us about a gap"


def test_the_form_pages_go_only_under_the_home_page_once_each(home_page):
    """Editors can add each form page once, and only under the home page."""
    for model in (GapInServiceFormPage, CafEscalationFormPage):
        assert model.can_exist_under(home_page)
        assert not model.can_exist_under(Page.get_first_root_node())
        assert model.allowed_subpage_models() == []
    ensure_form_pages(home_page)
    for model in (GapInServiceFormPage, CafEscalationFormPage):
        assert not model.can_create_at(home_page)
    assert GuidancePage in HomePage.allowed_subpage_models()


def test_the_form_pages_are_found_by_site_search(home_page):
    """The start pages' words are indexed, so a search for what the form is for finds it."""
    gap, caf = ensure_form_pages(home_page)
    assert caf.pk in [page.pk for page in Page.objects.live().search("escalation")]
    assert gap.pk in [page.pk for page in Page.objects.live().search("consultation")]


def test_a_form_page_previews_as_its_start_page(home_page):
    """Editors previewing a form page see its start page."""
    gap, _ = ensure_form_pages(home_page)
    response = gap.make_preview_request()
    response.render()
    assert response.status_code == 200
    assert "Start now" in response.content.decode()


def test_editors_can_edit_the_texts_and_help_texts_in_the_admin(home_page, client, admin_user):
    """The edit view offers the intro, who can use it, a help text per question (chosen from
    the form's questions) and what happens next."""
    gap, _ = ensure_form_pages(home_page)
    client.force_login(admin_user)
    response = client.get(f"/admin/pages/{gap.pk}/edit/")
    page = response.content.decode()
    assert response.status_code == 200
    for field in ("intro", "who_can_use", "confirmation_text", "help_texts-0-question"):
        assert f'name="{field}"' in page, field
    assert "The need: What is the unmet need?" in page
