"""An editor's change goes live only when a guidance approver approves it, through the admin.

These drive Wagtail's own admin views with the groups and workflow the pei_site migration
creates, as the people in those groups would.
"""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Revision

from tests.factories import ApproverFactory, EditorFactory, GuidancePageFactory
from tests.guidance_pages.admin_forms import body_with, edit_form_data, guidance_body

pytestmark = pytest.mark.django_db

ORIGINAL = "Ask the EIDO for your district before you fill in the form."
CHANGED = "Fill in the form, then tell the EIDO for your district."


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


@pytest.fixture
def published_page(home_page):
    """A live guidance page with one published revision holding the original text."""
    page = GuidancePageFactory(
        parent=home_page, title="Using the form", body=guidance_body(ORIGINAL)
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def editor_client(client):
    client.force_login(EditorFactory())
    return client


@pytest.fixture
def approver_client():
    approver_client = Client()
    approver_client.force_login(ApproverFactory())
    return approver_client


def submit_change(editor_client, page, text=CHANGED):
    data = edit_form_data(editor_client, edit_url(page), body_with(text), **{"action-submit": "1"})
    return editor_client.post(edit_url(page), data)


def approve(approver_client, page):
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    return approver_client.post(url, {"comment": ""})


def public_text(client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_editor_change_is_not_live_until_approved(editor_client, published_page):
    """Submitting for moderation keeps the published text on the public page."""
    response = submit_change(editor_client, published_page)

    assert response.status_code == 302
    published_page.refresh_from_db()
    assert published_page.workflow_in_progress
    assert published_page.current_workflow_task.name == "Approval by a guidance approver"
    public = public_text(Client(), published_page)
    assert ORIGINAL in public
    assert CHANGED not in public


def test_editor_cannot_publish_directly(editor_client, published_page):
    """An editor's publish request is saved as a draft, never published."""
    live_revision = published_page.live_revision_id
    data = edit_form_data(
        editor_client, edit_url(published_page), body_with(CHANGED), **{"action-publish": "1"}
    )

    editor_client.post(edit_url(published_page), data)

    published_page.refresh_from_db()
    assert published_page.live_revision_id == live_revision
    assert published_page.has_unpublished_changes
    public = public_text(Client(), published_page)
    assert ORIGINAL in public
    assert CHANGED not in public


def test_approver_approval_puts_the_change_live(editor_client, approver_client, published_page):
    """When a guidance approver approves the task, the submitted change is published."""
    submit_change(editor_client, published_page)

    response = approve(approver_client, published_page)

    assert response.status_code == 302
    published_page.refresh_from_db()
    assert not published_page.workflow_in_progress
    public = public_text(Client(), published_page)
    assert CHANGED in public
    assert ORIGINAL not in public


def test_editor_cannot_approve_their_own_change(editor_client, published_page):
    """Only guidance approvers may act on the approval task."""
    submit_change(editor_client, published_page)

    approve(editor_client, published_page)

    published_page.refresh_from_db()
    assert published_page.workflow_in_progress
    assert ORIGINAL in public_text(Client(), published_page)


def test_approver_can_compare_revisions_and_revert(editor_client, approver_client, published_page):
    """An approver compares the old and new revisions, then reverts to the old text."""
    original_revision = published_page.live_revision
    submit_change(editor_client, published_page)
    approve(approver_client, published_page)
    published_page.refresh_from_db()
    changed_revision = published_page.live_revision
    assert changed_revision != original_revision

    compare = approver_client.get(
        reverse(
            "wagtailadmin_pages:revisions_compare",
            args=[published_page.pk, original_revision.pk, changed_revision.pk],
        )
    )
    assert compare.status_code == 200
    comparison = compare.content.decode()
    assert f'<div class="comparison__child-object deletion">{ORIGINAL}</div>' in comparison
    assert f'<div class="comparison__child-object addition">{CHANGED}</div>' in comparison

    revert_url = reverse(
        "wagtailadmin_pages:revisions_revert", args=[published_page.pk, original_revision.pk]
    )
    old_body = Revision.objects.get(pk=original_revision.pk).as_object().body
    data = edit_form_data(approver_client, revert_url, old_body, **{"action-publish": "1"})
    response = approver_client.post(revert_url, data)

    assert response.status_code == 302
    public = public_text(Client(), published_page)
    assert ORIGINAL in public
    assert CHANGED not in public
