"""Wagtail's accessibility checker runs our WCAG 2.2 AA rules as well as Wagtail's own checks."""

import json
import re

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.admin.userbar import ContentCheckerItem

from guidance_pages.wagtail_hooks import WCAG_22_AA_TAGS
from tests.factories import EditorFactory, GuidancePageFactory
from tests.guidance_pages.admin_forms import body_with, edit_form_data

pytestmark = pytest.mark.django_db

CONFIG_SCRIPT = re.compile(
    r'<script id="checker-axe-configuration" type="application/json">(.*?)</script>', re.S
)


def axe_configuration(html: str) -> dict:
    """The checker's axe configuration, as Wagtail writes it into the page."""
    found = CONFIG_SCRIPT.findall(html)
    assert len(found) == 1, "the page should carry one checker configuration"
    return json.loads(found[0])


def assert_wcag_22_aa_with_wagtails_checks(config: dict) -> None:
    assert config["options"]["runOnly"] == WCAG_22_AA_TAGS
    assert "wcag22aa" in config["options"]["runOnly"]
    # Wagtail's own rules stay on: some are best-practice or custom, outside the WCAG tags.
    for rule_id in ContentCheckerItem.axe_run_only:
        assert config["options"]["rules"][rule_id] == {"enabled": True}
    assert {rule["id"] for rule in config["spec"]["rules"]} >= {
        "alt-text-quality",
        "empty-meta-description",
    }


@pytest.fixture
def editor():
    client = Client()
    client.force_login(EditorFactory())
    return client


@pytest.fixture
def page(home_page):
    return GuidancePageFactory(parent=home_page, title="Resource Panel")


def test_editor_checks_panel_runs_wcag_22_aa(editor, page):
    """The Checks panel in the page editor uses our WCAG 2.2 AA configuration."""
    response = editor.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))

    assert_wcag_22_aa_with_wagtails_checks(axe_configuration(response.content.decode()))


def test_userbar_on_the_live_page_runs_wcag_22_aa(editor, page):
    """The userbar an editor sees on the public page checks against WCAG 2.2 AA."""
    response = editor.get(page.url)

    assert_wcag_22_aa_with_wagtails_checks(axe_configuration(response.content.decode()))


def test_preview_in_the_editor_runs_wcag_22_aa(editor, page):
    """The preview panel's checker uses the same configuration."""
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = edit_form_data(editor, edit_url, body_with("Some guidance text."))
    assert editor.post(preview_url, data).json()["is_valid"]

    response = editor.get(preview_url, {"in_preview_panel": "true"})

    assert response.status_code == 200
    assert_wcag_22_aa_with_wagtails_checks(axe_configuration(response.content.decode()))


def test_readers_get_no_userbar(page):
    """A public reader who is not signed in gets no checker and no userbar."""
    response = Client().get(page.url)

    assert response.status_code == 200
    assert not CONFIG_SCRIPT.search(response.content.decode())
