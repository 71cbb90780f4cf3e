"""Every page keeps Wagtail's own revisions, and an approver can compare and revert them.

The first part finds every concrete page type of the project, so a page type added later is
covered without touching this module: it must have a factory in tests.factories, a minimal
builder here, or a line in NOT_BUILT saying why not. The rest drive Wagtail's real edit,
compare and revert views for the guidance, flowchart and contacts pages, as the people in the
groups and workflow of the pei_site migration would.
"""

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.apps import apps
from django.test import Client
from django.urls import reverse
from django.utils.text import capfirst
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text

from guidance_pages.blocks import TEXT_FEATURES
from guidance_pages.models import ContactsPage, FlowchartPage, GuidancePage, HomePage
from pei_forms.models import CafEscalationFormPage, GapInServiceFormPage
from tests import factories
from tests.factories import (
    ApproverFactory,
    ContactsPageFactory,
    EditorFactory,
    EIDOContactFactory,
    FlowchartPageFactory,
    GuidancePageFactory,
)
from tests.guidance_pages.admin_forms import guidance_body

pytestmark = pytest.mark.django_db

PAGE_APPS = ("guidance_pages", "pei_forms")


def project_page_types() -> list[type[Page]]:
    """Every concrete Wagtail page model in the project's page apps, Page itself excluded."""
    found = [
        model
        for label in PAGE_APPS
        for model in apps.get_app_config(label).get_models()
        if issubclass(model, Page) and model is not Page
    ]
    return sorted(found, key=lambda model: model._meta.label)


def page_factories() -> dict[type[Page], type]:
    """The page factories of tests.factories, by the model each builds."""
    found = {}
    for value in vars(factories).values():
        if (
            isinstance(value, type)
            and issubclass(value, wagtail_factories.PageFactory)
            and value._meta.model is not None
        ):
            found.setdefault(value._meta.model, value)
    return found


def form_page(model):
    """A form page with only the texts its model requires (it has no factory)."""

    def build(parent, **fields):
        page = model(
            intro="<p>What the form is for.</p>",
            confirmation_text="<p>What happens next.</p>",
            **fields,
        )
        return parent.add_child(instance=page)

    return build


# Page types with no factory in tests.factories, built here from their required fields.
MINIMAL_BUILDERS: dict[type[Page], Callable] = {
    GapInServiceFormPage: form_page(GapInServiceFormPage),
    CafEscalationFormPage: form_page(CafEscalationFormPage),
}

# Page types that cannot be built simply, by model label, each with the reason. None today.
NOT_BUILT: dict[str, str] = {}


def builder_for(model) -> Callable | None:
    factory = page_factories().get(model)
    if factory is not None:
        return lambda parent, **fields: factory(parent=parent, **fields)
    return MINIMAL_BUILDERS.get(model)


def build_page(model, home):
    """A page of the type, under a parent its parent_page_types allow (built if need be)."""
    allowed = model.allowed_parent_page_models()
    if HomePage in allowed:
        parent = home
    elif Page in allowed:
        parent = Page.get_first_root_node()
    else:
        parent = build_page(allowed[0], home)
    builder = builder_for(model)
    assert builder is not None, f"{model._meta.label} has no factory or minimal builder"
    name = model._meta.model_name
    return builder(parent, title=f"A {name}", slug=f"revisions-{name}")


def admin_client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def approver():
    return ApproverFactory()


@pytest.fixture
def approver_client(approver):
    return admin_client(approver)


@pytest.fixture
def editor_client():
    return admin_client(EditorFactory())


# What the admin shows.


def history_revision_ids(client, page) -> set[int]:
    """The revisions that the page's revisions index (its history) links to."""
    response = client.get(
        reverse("wagtailadmin_pages:revisions_index", args=[page.pk]), follow=True
    )
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_pages:history", args=[page.pk])
    links = re.findall(rf"/admin/pages/{page.pk}/revisions/(\d+)/view/", response.content.decode())
    return {int(pk) for pk in links}


def compare(client, page, old_revision, new_revision) -> str:
    url = reverse(
        "wagtailadmin_pages:revisions_compare",
        args=[page.pk, old_revision.pk, new_revision.pk],
    )
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def words(tag) -> str:
    return " ".join(tag.get_text().split())


def comparison_row(comparison_html: str, model, field_name: str):
    """The row of a comparison for one field, found by the field's label."""
    label = f"{capfirst(model._meta.get_field(field_name).verbose_name)}:"
    rows = BeautifulSoup(comparison_html, "html.parser").select("table.listing tbody tr")
    shown = []
    for row in rows:
        title = row.select_one("td.title")
        if title is not None and words(title) == label:
            return row
        shown.append(words(title) if title is not None else "")
    raise AssertionError(f"The comparison has no row {label!r}, only {shown}")


def old_and_new(row) -> tuple[str, str]:
    """A comparison row read as (old text, new text): its words without the additions, and
    its words without the deletions."""
    sides = []
    for left_out in ("addition", "deletion"):
        cell = copy.copy(row.select_one("td.comparison"))
        for change in cell.select(f".{left_out}"):
            change.decompose()
        sides.append(words(cell))
    return sides[0], sides[1]


def public_text(page) -> str:
    response = Client().get(page.url)
    assert response.status_code == 200
    return " ".join(response.content.decode().split())


# The edit form as a browser would post it.


def block_form_data(block, value):
    """The form data of one block's value, ids included, as Wagtail's editor sends it."""
    if isinstance(block, blocks.StreamBlock):
        data = {
            str(index): {
                "type": child.block_type,
                "value": block_form_data(child.block, child.value),
                "id": child.id or "",
                "deleted": "",
                "order": str(index),
            }
            for index, child in enumerate(value)
        }
        data["count"] = str(len(value))
        return data
    if isinstance(block, blocks.ListBlock):
        data = {
            str(index): {
                "value": block_form_data(block.child_block, child.value),
                "id": child.id or "",
                "deleted": "",
                "order": str(index),
            }
            for index, child in enumerate(value.bound_blocks)
        }
        data["count"] = str(len(value.bound_blocks))
        return data
    if isinstance(block, blocks.StructBlock):
        return {
            name: block_form_data(child_block, value.get(name))
            for name, child_block in block.child_blocks.items()
        }
    if isinstance(block, blocks.RichTextBlock):
        return rich_text(value.source if value else "", features=block.features)
    if isinstance(block, blocks.ChooserBlock):
        return str(value.pk) if value else ""
    return "" if value is None else str(value)


def stream_fields_form_data(page) -> dict:
    """The page's StreamFields as the edit form posts them.

    Wagtail draws StreamField inputs with JavaScript, so they are not in the form's HTML.
    """
    data = {}
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            value = getattr(page, field.name)
            data.update(nested_form_data({field.name: block_form_data(field.stream_block, value)}))
    return data


def served_form(client, url) -> dict:
    response = client.get(url)
    assert response.status_code == 200
    return querydict_from_html(response.content.decode(), form_id="page-edit-form").dict()


# The three page types whose compare and revert are proven through the admin.


@dataclass(frozen=True)
class Change:
    """A live page holding old text in one field, and how an editor changes it to new."""

    build: Callable
    model: type[Page]
    field: str
    old: str
    new: str
    edit: Callable

    def __str__(self) -> str:
        return self.model._meta.model_name


GUIDANCE_OLD = "Ask the EIDO for your district before you fill in the form."
GUIDANCE_NEW = "Fill in the form, then tell the EIDO for your district."
FLOWCHART_OLD = "They check it within 5 working days."
FLOWCHART_NEW = "They check it within 10 working days."
CONTACTS_OLD = "Phone your district team between 9am and noon."
CONTACTS_NEW = "Email your district team at any time of day."


def edit_guidance(page):
    """Change the paragraph in place, as in the editor: the block keeps its id."""
    for child in page.body:
        if child.block_type == "paragraph":
            child.value = RichText(f"<p>{GUIDANCE_NEW}</p>")


def edit_flowchart(page):
    """Change the text of the "review" step in place, as in the editor."""
    for child in page.steps:
        if child.value["key"] == "review":
            child.value["text"] = FLOWCHART_NEW


CHANGES = [
    Change(
        build=lambda home: GuidancePageFactory(
            parent=home, title="Using the form", body=guidance_body(GUIDANCE_OLD)
        ),
        model=GuidancePage,
        field="body",
        old=GUIDANCE_OLD,
        new=GUIDANCE_NEW,
        edit=edit_guidance,
    ),
    Change(
        build=lambda home: FlowchartPageFactory(parent=home),
        model=FlowchartPage,
        field="steps",
        old=FLOWCHART_OLD,
        new=FLOWCHART_NEW,
        edit=edit_flowchart,
    ),
    Change(
        build=lambda home: ContactsPageFactory(parent=home, intro=f"<p>{CONTACTS_OLD}</p>"),
        model=ContactsPage,
        field="intro",
        old=CONTACTS_OLD,
        new=CONTACTS_NEW,
        edit=lambda page: setattr(page, "intro", f"<p>{CONTACTS_NEW}</p>"),
    ),
]


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def revert_url(page, revision) -> str:
    return reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, revision.pk])


def changed_form_data(client, change: Change, page, **actions) -> dict:
    """The edit form as served, with the change made in the field."""
    data = served_form(client, edit_url(page))
    changed = page.get_latest_revision_as_object()
    change.edit(changed)
    data.update(stream_fields_form_data(changed))
    if change.field == "intro":
        data["intro"] = rich_text(changed.intro, features=TEXT_FEATURES)
    data.update(actions)
    return data


def revert_form_data(client, page, revision, **actions) -> dict:
    """The revert form as served (it holds the old revision's fields), with the StreamFields
    of the old revision, which a browser's editor would draw from it."""
    data = served_form(client, revert_url(page, revision))
    data.update(stream_fields_form_data(Revision.objects.get(pk=revision.pk).as_object()))
    data.update(actions)
    return data


@pytest.fixture(params=CHANGES, ids=str)
def change(request):
    return request.param


@pytest.fixture
def changed_page(change, home_page, approver, approver_client):
    """A page published with the old text, then changed and published by an approver through
    the admin. Returns (page, old revision, new revision)."""
    page = change.build(home_page)
    old_revision = page.save_revision(user=approver, log_action=True)
    old_revision.publish(user=approver)
    data = changed_form_data(approver_client, change, page, **{"action-publish": "1"})

    response = approver_client.post(edit_url(page), data)

    assert response.status_code == 302
    page.refresh_from_db()
    new_revision = page.live_revision
    assert new_revision != old_revision
    public = public_text(page)
    assert change.new in public
    assert change.old not in public
    return page, old_revision, new_revision


# Every page type keeps revisions.


def test_the_page_types_are_found_in_both_page_apps():
    """The enumeration sees the page types of both apps, so the tests below cannot pass empty."""
    labels = {model._meta.app_label for model in project_page_types()}
    assert labels == set(PAGE_APPS)
    assert {GuidancePage, FlowchartPage, ContactsPage, HomePage} <= set(project_page_types())


def test_page_types_listed_as_not_built_are_real_page_types_without_a_builder():
    """NOT_BUILT names only page types that exist and that nothing here can build."""
    types = {model._meta.label: model for model in project_page_types()}
    for label in NOT_BUILT:
        assert label in types, f"{label} is not a page type any more"
        assert builder_for(types[label]) is None, f"{label} can be built: take it off NOT_BUILT"


@pytest.mark.parametrize("model", project_page_types(), ids=lambda model: model._meta.label)
def test_each_page_type_keeps_its_revisions_and_the_admin_lists_compares_and_reverts_them(
    model, home_page, approver, approver_client
):
    """Two revisions with different titles are both kept, both listed in the revisions index,
    compared title against title, and the older one opens in the revert form."""
    if builder_for(model) is None:
        reason = NOT_BUILT.get(model._meta.label)
        if reason is None:
            pytest.fail(
                f"{model._meta.label} has no factory in tests.factories and no minimal "
                "builder in MINIMAL_BUILDERS: add one, or list it in NOT_BUILT with the reason"
            )
        pytest.skip(f"{model._meta.label} is not built: {reason}")
    page = build_page(model, home_page)
    assert type(page) is model
    first_title = f"The {model._meta.verbose_name} as first written"
    second_title = f"The {model._meta.verbose_name} as changed"
    page.title = first_title
    first = page.save_revision(user=approver, log_action=True)
    page.title = second_title
    second = page.save_revision(user=approver, log_action=True)

    kept = page.revisions.order_by("created_at", "pk")
    assert [revision.pk for revision in kept] == [first.pk, second.pk]
    assert [revision.as_object().title for revision in kept] == [first_title, second_title]
    assert history_revision_ids(approver_client, page) == {first.pk, second.pk}
    title_row = comparison_row(compare(approver_client, page, first, second), model, "title")
    assert old_and_new(title_row) == (first_title, second_title)
    assert served_form(approver_client, revert_url(page, first))["title"] == first_title


# Compare and revert, through the admin, for guidance, flowchart and contacts pages.


def test_approver_comparison_shows_the_old_and_the_new_text_of_the_changed_field(
    change, changed_page, approver_client
):
    """The field that changed is in the comparison, old text on one side and new on the other."""
    page, old_revision, new_revision = changed_page

    comparison = compare(approver_client, page, old_revision, new_revision)

    row = comparison_row(comparison, change.model, change.field)
    old_side, new_side = old_and_new(row)
    assert change.old in old_side
    assert change.new not in old_side
    assert change.new in new_side
    assert change.old not in new_side
    assert row.select(".deletion")
    assert row.select(".addition")


def test_approver_reverting_to_the_old_revision_and_publishing_puts_the_old_text_back_live(
    change, changed_page, approver_client
):
    """The revert is published as a new revision: the public page shows the old text, not the
    new, and both earlier revisions are still kept."""
    page, old_revision, new_revision = changed_page
    data = revert_form_data(approver_client, page, old_revision, **{"action-publish": "1"})

    response = approver_client.post(revert_url(page, old_revision), data)

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live_revision not in (old_revision, new_revision)
    assert set(page.revisions.values_list("pk", flat=True)) == {
        old_revision.pk,
        new_revision.pk,
        page.live_revision.pk,
    }
    assert PageLogEntry.objects.filter(page=page, action="wagtail.revert").exists()
    public = public_text(page)
    assert change.old in public
    assert change.new not in public


def test_reverting_the_contacts_page_keeps_the_live_eido_contacts_on_it(
    home_page, approver, approver_client
):
    """The contacts themselves are snippets with revisions of their own: a page revert
    changes the page's words and leaves the listed contacts alone."""
    contacts_change = next(c for c in CHANGES if c.model is ContactsPage)
    contact = EIDOContactFactory(team_name="Pendle Early Help", live=True)
    page = contacts_change.build(home_page)
    old_revision = page.save_revision(user=approver, log_action=True)
    old_revision.publish(user=approver)
    approver_client.post(
        edit_url(page),
        changed_form_data(approver_client, contacts_change, page, **{"action-publish": "1"}),
    )

    approver_client.post(
        revert_url(page, old_revision),
        revert_form_data(approver_client, page, old_revision, **{"action-publish": "1"}),
    )

    public = public_text(page)
    assert contacts_change.old in public
    assert contact.team_name in public


# An editor cannot publish a revert: the guidance approval workflow stands in the way.


@pytest.fixture
def guidance_change():
    return next(c for c in CHANGES if c.model is GuidancePage)


@pytest.fixture
def changed_guidance(guidance_change, home_page, approver, approver_client):
    page = guidance_change.build(home_page)
    old_revision = page.save_revision(user=approver, log_action=True)
    old_revision.publish(user=approver)
    approver_client.post(
        edit_url(page),
        changed_form_data(approver_client, guidance_change, page, **{"action-publish": "1"}),
    )
    page.refresh_from_db()
    assert page.live_revision != old_revision
    return page, old_revision


def test_revert_form_offers_an_editor_only_replace_current_draft_and_an_approver_publish(
    editor_client, approver_client, changed_guidance
):
    """Wagtail's revert screen gives an editor one button, "Replace current draft": no
    publish, and no submit (that is on the edit screen). An approver can publish from it."""
    page, old_revision = changed_guidance

    editor_form = editor_client.get(revert_url(page, old_revision))
    approver_form = approver_client.get(revert_url(page, old_revision))

    assert editor_form.status_code == 200
    editor_html = editor_form.content.decode()
    assert "Replace current draft" in editor_html
    assert 'name="action-publish"' not in editor_html
    assert 'name="action-submit"' not in editor_html
    assert 'name="action-publish"' in approver_form.content.decode()


def test_editor_revert_sent_with_publish_is_saved_as_a_draft_and_the_new_text_stays_live(
    guidance_change, editor_client, changed_guidance
):
    """Posting the revert with the publish button anyway saves it as a draft revert."""
    page, old_revision = changed_guidance
    live_revision = page.live_revision
    data = revert_form_data(editor_client, page, old_revision, **{"action-publish": "1"})

    response = editor_client.post(revert_url(page, old_revision), data)

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live_revision == live_revision
    assert page.has_unpublished_changes
    assert not page.workflow_in_progress
    draft = page.get_latest_revision()
    assert guidance_change.old in str(draft.as_object().body)
    assert PageLogEntry.objects.filter(page=page, action="wagtail.revert").exists()
    public = public_text(page)
    assert guidance_change.new in public
    assert guidance_change.old not in public


def test_editor_revert_goes_live_only_when_a_guidance_approver_approves_it(
    guidance_change, editor_client, approver_client, changed_guidance
):
    """An editor replaces the draft with the old revision, then submits it from the edit
    screen; the old text is live only once a guidance approver approves it."""
    page, old_revision = changed_guidance
    editor_client.post(
        revert_url(page, old_revision), revert_form_data(editor_client, page, old_revision)
    )
    page.refresh_from_db()
    draft = page.get_latest_revision_as_object()
    assert guidance_change.old in str(draft.body)
    data = served_form(editor_client, edit_url(page))
    data.update(stream_fields_form_data(draft))
    data["action-submit"] = "1"

    response = editor_client.post(edit_url(page), data)

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.workflow_in_progress
    assert page.current_workflow_task.name == "Approval by a guidance approver"
    assert guidance_change.new in public_text(page)

    task_state = page.current_workflow_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
    )
    assert approver_client.post(approve, {"comment": ""}).status_code == 302

    page.refresh_from_db()
    assert not page.workflow_in_progress
    public = public_text(page)
    assert guidance_change.old in public
    assert guidance_change.new not in public
