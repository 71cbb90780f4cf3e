"""The seed content command: what it builds, and that running it again changes nothing."""

import io
import re

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision, Site

from guidance_pages import models as guidance
from guidance_pages.content import flowchart as flowchart_content
from guidance_pages.content.markup import box
from guidance_pages.models.guidance import GuidanceContentPage
from pei_workflow.models import District, Service

pytestmark = pytest.mark.django_db

EXPECTED_PAGES = {
    "about-pei": guidance.GuidancePage,
    "resource-panel": guidance.GuidancePage,
    "sub-group": guidance.GuidancePage,
    "gap-in-service": guidance.GuidancePage,
    "caf-escalation": guidance.GuidancePage,
    "information-flows": guidance.GuidancePage,
    "flowchart": guidance.FlowchartPage,
    "contacts": guidance.ContactsPage,
    "service-directory": guidance.ServiceDirectoryPage,
    "links": guidance.LinksPage,
    "news": guidance.NewsIndexPage,
    "accessibility-statement": guidance.AccessibilityStatementPage,
    "privacy-notice": guidance.PrivacyNoticePage,
}


def load() -> str:
    out = io.StringIO()
    call_command("load_pei_content", stdout=out)
    return out.getvalue()


def page(slug: str) -> Page:
    return Page.objects.get(slug=slug).specific


def counts() -> tuple[int, int, int, int]:
    return (
        Page.objects.count(),
        guidance.EIDOContact.objects.count(),
        Service.objects.count(),
        Revision.objects.count(),
    )


def words(html: str) -> int:
    return len(re.sub(r"<[^>]+>", " ", html).split())


def test_command_creates_every_page_as_a_live_page_with_real_text():
    """Every page of the tree exists, is published, has a revision and carries real text."""
    load()
    home = guidance.HomePage.objects.get()
    assert home.live
    assert home.title == "Prevention and Early Intervention in Lancashire"
    for slug, model in EXPECTED_PAGES.items():
        found = home.get_children().get(slug=slug).specific
        assert isinstance(found, model), slug
        assert found.live, slug
        assert found.latest_revision is not None, slug
    for slug in [
        "about-pei",
        "resource-panel",
        "sub-group",
        "gap-in-service",
        "caf-escalation",
        "information-flows",
        "accessibility-statement",
        "privacy-notice",
    ]:
        body = str(page(slug).body)
        assert words(body) > 200, slug
    story = page("news").get_children().get(slug="early-support-in-pendle").specific
    assert isinstance(story, guidance.NewsPage)
    assert story.live
    assert "£500" in str(story.body)


def test_running_twice_duplicates_nothing():
    """A second run creates no page, contact, service or revision, and says it left
    everything alone."""
    load()
    before = counts()
    output = load()
    assert counts() == before
    assert "Created: nothing." in output
    assert "Left alone: 15 pages, 12 contacts, 5 services, 3 projects." in output


def test_an_edited_page_is_not_overwritten_on_a_second_run():
    """Editors own a page once it exists: the command never changes its text again."""
    load()
    about = page("about-pei")
    about.title = "Why we have PEI"
    about.summary = "An editor wrote this."
    about.save_revision().publish()
    revisions = Revision.objects.count()

    load()

    about.refresh_from_db()
    assert about.title == "Why we have PEI"
    assert about.summary == "An editor wrote this."
    assert Revision.objects.count() == revisions


def test_a_deleted_page_is_made_again_on_the_next_run():
    """A missing page is put back, with its links to other pages still working."""
    load()
    page("information-flows").delete()

    output = load()

    assert "Created page: How information flows (information-flows)" in output
    assert page("information-flows").live


def test_every_district_has_an_example_contact():
    """Each district, read from the database, gets one contact on example.org and a drama number."""
    District.objects.create(name="Testshire", code="TST", slug="testshire")
    load()
    districts = District.objects.all()
    assert districts.count() == 13
    for district in districts:
        contacts = guidance.EIDOContact.objects.filter(district=district)
        assert contacts.count() == 1, district.name
        contact = contacts.get()
        assert contact.email == f"eido.{district.slug}@example.org"
        assert re.fullmatch(r"01632 960\d{3}", contact.phone)
        assert contact.team_name == f"{district.name} Early Intervention team"


def test_contacts_page_says_the_addresses_are_examples():
    """Readers are told plainly that the contact details do not reach anyone yet."""
    load()
    intro = page("contacts").intro
    assert "examples" in intro
    assert "example.org" in intro


def test_every_flowchart_pointer_resolves_to_a_step():
    """Each box's next step and each branch's target is a step on the same chart."""
    load()
    flow = page("flowchart").flow()
    assert 10 <= len(flow) <= 16
    for step in flow:
        if step["kind"] == "box":
            assert step["next"] is not None, step["key"]
        for branch in step["branches"]:
            assert branch["target"] is not None, step["key"]
    kinds = {step["kind"] for step in flow}
    assert kinds == {"box", "decision", "end"}
    keys = {step["key"] for step in flow}
    assert {"trust-board", "caf-county-group"} <= keys


def test_gap_page_lists_all_six_routes():
    """The Gap in Service page names all six situations in which the form may be used."""
    load()
    blocks = [b for b in page("gap-in-service").body if b.block_type == "who_can_use"]
    assert len(blocks) == 1
    assert len(blocks[0].value["items"]) == 6


def test_searching_for_bereavement_finds_the_gap_page():
    """The worked example is searchable, so a reader searching for it finds the right page."""
    load()
    results = list(Page.objects.live().search("bereavement"))
    assert page("gap-in-service").pk in [result.pk for result in results]


def test_home_page_is_the_default_site_root_and_the_welcome_page_is_gone():
    """The site opens on the PEI home page, and Wagtail's placeholder page is deleted."""
    assert Page.objects.filter(depth=2, slug="home").exists()
    load()
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific_class is guidance.HomePage
    assert site.site_name == "Prevention and Early Intervention in Lancashire"
    assert not Page.objects.filter(depth=2, slug="home").exists()


def test_footer_settings_point_at_the_statement_notice_and_contacts():
    """Every page's footer links to the accessibility statement, privacy notice and contacts."""
    load()
    chrome = guidance.SiteChrome.for_site(Site.objects.get(is_default_site=True))
    assert chrome.accessibility_statement.slug == "accessibility-statement"
    assert chrome.privacy_notice.slug == "privacy-notice"
    assert chrome.contact_page.slug == "contacts"
    assert chrome.footer_text


def test_calls_to_action_lead_to_the_two_online_forms():
    """The home page's two routes in start the online forms, and both are live."""
    load()
    targets = [block.value["page"] for block in guidance.HomePage.objects.get().calls_to_action]
    assert [target.slug for target in targets] == ["report-a-gap", "escalate-a-caf-problem"]
    assert [type(target.specific).__name__ for target in targets] == [
        "GapInServiceFormPage",
        "CafEscalationFormPage",
    ]
    assert all(target.live for target in targets)


def test_running_it_twice_makes_one_of_each_form_page():
    """The form pages come through the content hook once, however often it runs."""
    from pei_forms.models import CafEscalationFormPage, GapInServiceFormPage

    load()
    load()
    assert GapInServiceFormPage.objects.count() == CafEscalationFormPage.objects.count() == 1


def test_every_page_link_in_the_texts_leads_to_a_live_page():
    """Links between pages are made after every page exists, so none points at the tree root."""
    load()
    linked_ids = set()
    for found in Page.objects.live().specific():
        for name in ("body", "intro", "steps", "groups"):
            value = getattr(found, name, None)
            if value is not None:
                linked_ids |= {
                    int(pk) for pk in re.findall(r'linktype="page" id="(\d+)"', str(value))
                }
    assert linked_ids
    live_ids = set(Page.objects.live().filter(depth__gte=2).values_list("pk", flat=True))
    assert linked_ids <= live_ids


def test_section_headings_are_unique_on_each_page():
    """The contents list is built from h2 headings, so each page's h2s must differ."""
    load()
    # Every page built on the guidance body has a contents list, and only those.
    with_contents = {
        slug: page(slug)
        for slug, model in EXPECTED_PAGES.items()
        if issubclass(model, GuidanceContentPage)
    }
    assert set(with_contents) == {
        *(slug for slug, model in EXPECTED_PAGES.items() if model is guidance.GuidancePage),
        "accessibility-statement",
        "privacy-notice",
    }
    for slug, found in with_contents.items():
        texts = [item["text"] for item in found.contents()]
        assert texts, slug
        assert len(texts) == len(set(texts)), slug


def test_a_bad_block_stops_the_load_with_a_one_line_error_and_saves_nothing(monkeypatch):
    """Content that fails its block's validation is refused, and the whole load is undone."""
    broken = [*flowchart_content.STEPS, box("dangling", "Goes nowhere", "", "no-such-step")]
    monkeypatch.setattr(flowchart_content, "STEPS", broken)
    before = counts()

    with pytest.raises(CommandError) as raised:
        load()

    message = str(raised.value)
    assert "\n" not in message
    assert "flowchart" in message
    assert "no-such-step" in message
    assert counts() == before
