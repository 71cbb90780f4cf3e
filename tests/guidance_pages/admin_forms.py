"""Build the POST data of Wagtail's page edit form in tests, as a browser would send it."""

from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from guidance_pages.blocks import BODY_FEATURES
from guidance_pages.models import GuidancePage


def guidance_body(text: str) -> list:
    """A guidance page body: one heading and one paragraph holding text."""
    return [
        {"type": "heading", "value": {"text": "Before you start", "level": "h2"}},
        {"type": "paragraph", "value": f"<p>{text}</p>"},
    ]


def body_with(text: str):
    """The body StreamValue for guidance_body(text)."""
    return GuidancePage(body=guidance_body(text)).body


def body_form_data(stream_value) -> dict:
    """The StreamField part of the edit form, for the heading and paragraph blocks used here.

    Wagtail renders StreamField inputs with JavaScript, so they are not in the form's HTML.
    """
    items = []
    for block in stream_value:
        if block.block_type == "heading":
            items.append(("heading", {"text": block.value["text"], "level": block.value["level"]}))
        else:
            items.append(("paragraph", rich_text(block.value.source, features=BODY_FEATURES)))
    return nested_form_data({"body": streamfield(items)})


def edit_form_data(client, url: str, stream_value, **actions) -> dict:
    """What the edit form at url would post: its fields as served, the body, and the button."""
    response = client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form").dict()
    data.update(body_form_data(stream_value))
    data.update(actions)
    return data
