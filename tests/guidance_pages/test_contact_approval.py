"""EIDO contacts go through the guidance approval workflow, like pages."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from guidance_pages.models import ContactsPage, EIDOContact
from tests.factories import ApproverFactory, EditorFactory, district

pytestmark = pytest.mark.django_db

ADMIN = "wagtailsnippets_guidance_pages_eidocontact"


@pytest.fixture
def contact():
    contact = EIDOContact(
        district=district("PEN"),
        team_name="Pendle Early Intervention team",
        email="eido.pendle@example.org",
        phone="01632 960100",
        office_hours="Monday to Friday, 9am to 5pm",
    )
    contact.save()
    contact.save_revision().publish()
    return contact


@pytest.fixture
def contacts_page(home_page):
    page = ContactsPage(title="Who to contact", slug="contacts")
    home_page.add_child(instance=page)
    return page


def submit_new_email(client, contact, email):
    url = reverse(f"{ADMIN}:edit", args=[contact.pk])
    data = querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form").dict()
    data.update({"email": email, "action-submit": "1"})
    return client.post(url, data)


def test_an_editors_contact_change_is_not_live_until_an_approver_approves_it(
    client, contact, contacts_page
):
    """The contacts page keeps the published email until the change is approved."""
    editor = Client()
    editor.force_login(EditorFactory())
    assert submit_new_email(editor, contact, "new.pendle@example.org").status_code == 302

    page = client.get(contacts_page.url).content.decode()
    assert "eido.pendle@example.org" in page
    assert "new.pendle@example.org" not in page

    contact.refresh_from_db()
    task_state = contact.current_workflow_task_state
    approver = Client()
    approver.force_login(ApproverFactory())
    url = reverse(f"{ADMIN}:workflow_action", args=[contact.pk, "approve", task_state.pk])
    assert approver.post(url, {"comment": ""}).status_code in (200, 302)

    page = client.get(contacts_page.url).content.decode()
    assert "new.pendle@example.org" in page


def test_an_editor_cannot_publish_a_contact(contact):
    """Only approvers hold the publish permission for contacts."""
    assert not EditorFactory().has_perm("guidance_pages.publish_eidocontact")
    assert ApproverFactory().has_perm("guidance_pages.publish_eidocontact")
