"""The public templates: page furniture, each page type's rendering, and the query budget."""

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.template import loader
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from guidance_pages.models import SiteChrome
from guidance_pages.templatetags.pei_content import flows_on, tel_href
from tests import factories as f

QUERY_BUDGET = 10


class Parsed(HTMLParser):
    """What the tests look for in a page: tags, ids, links and their text."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.ids: list[str] = []
        self.links: list[dict] = []
        self._open_links: list[dict] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "a":
            link = {"href": attrs.get("href", ""), "text": "", "attrs": attrs}
            self.links.append(link)
            self._open_links.append(link)

    def handle_endtag(self, tag):
        if tag == "a" and self._open_links:
            link = self._open_links.pop()
            link["text"] = " ".join(link["text"].split())

    def handle_data(self, data):
        for link in self._open_links:
            link["text"] += data

    def find(self, tag: str, **attrs) -> list[dict]:
        return [
            a
            for t, a in self.tags
            if t == tag and all(a.get(k.rstrip("_")) == v for k, v in attrs.items())
        ]

    def link(self, text: str) -> dict:
        matches = [link for link in self.links if link["text"] == text]
        assert matches, f"no link with text {text!r}; links: {[x['text'] for x in self.links]}"
        return matches[0]


def get(client, path: str, status: int = 200):
    response = client.get(path)
    assert response.status_code == status, path
    html = response.content.decode()
    return html, Parsed(html)


def text_of(html: str) -> str:
    """The page's text with tags removed and whitespace collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def site_pages(home_page):
    """A small published site with one page of each public type and the footer links set."""
    gap = f.GuidancePageFactory(
        parent=home_page, title="Gap in Service form", slug="gap", show_in_menus=True
    )
    example = f.GuidancePageFactory(parent=gap, title="A worked example", slug="example")
    flowchart = f.FlowchartPageFactory(parent=home_page, show_in_menus=True)
    contacts = f.ContactsPageFactory(parent=home_page, show_in_menus=True)
    f.EIDOContactFactory(district=f.district("PEN"), team_name="Pendle EIDO team")
    f.EIDOContactFactory(district=f.district("BUR"), team_name="Burnley EIDO team")
    links = f.LinksPageFactory(parent=home_page, show_in_menus=True)
    news = f.NewsIndexPageFactory(parent=home_page, show_in_menus=True)
    story = f.NewsPageFactory(
        parent=news, title="Pendle panel funds a mobile crèche", slug="creche"
    )
    accessibility = f.AccessibilityStatementPageFactory(parent=home_page)
    privacy = f.PrivacyNoticePageFactory(parent=home_page)
    SiteChrome.objects.create(
        site=Site.objects.get(is_default_site=True),
        accessibility_statement=accessibility,
        privacy_notice=privacy,
        contact_page=contacts,
        footer_text="Run by Lancashire's Children's Trust partners.",
    )
    return {
        "home": home_page,
        "gap": gap,
        "example": example,
        "flowchart": flowchart,
        "contacts": contacts,
        "links": links,
        "news": news,
        "story": story,
        "accessibility": accessibility,
        "privacy": privacy,
    }


# Page furniture


@pytest.mark.django_db
@pytest.mark.parametrize(
    "key", ["home", "gap", "flowchart", "contacts", "links", "news", "story", "privacy"]
)
def test_every_page_has_a_skip_link_landmarks_and_one_main_heading(client, site_pages, key):
    """Each page starts with a skip link to #main-content and has header, nav, main and footer."""
    html, page = get(client, site_pages[key].url)
    assert page.links[0]["href"] == "#main-content"
    assert page.links[0]["text"] == "Skip to main content"
    assert page.find("main", id="main-content")
    assert page.find("header") and page.find("footer") and page.find("nav")
    assert page.find("html")[0]["lang"] == "en-GB"
    assert html.count("<h1") == 1


@pytest.mark.django_db
def test_page_titles_name_the_page_then_the_site(client, site_pages):
    """Titles read "{page} - Lancashire PEI"; the home page's is the site's full name."""
    html, _ = get(client, "/")
    assert "<title>Lancashire Prevention and Early Intervention</title>" in html
    html, _ = get(client, site_pages["gap"].url)
    assert "<title>Gap in Service form - Lancashire PEI</title>" in html


@pytest.mark.django_db
def test_meta_description_comes_from_the_search_description_or_the_summary(client, site_pages):
    """The meta description is the page's search description, else its summary."""
    html, _ = get(client, site_pages["gap"].url)
    assert '<meta name="description" content="A page of guidance.">' in html
    site_pages["gap"].search_description = "How to report a gap."
    site_pages["gap"].save()
    html, _ = get(client, site_pages["gap"].url)
    assert '<meta name="description" content="How to report a gap.">' in html


@pytest.mark.django_db
def test_menu_lists_live_menu_pages_and_marks_the_current_section(client, site_pages):
    """The menu shows the home page's live children set to show in menus, current one marked."""
    f.GuidancePageFactory(
        parent=site_pages["home"], title="Hidden draft", live=False, show_in_menus=True
    )
    html, page = get(client, site_pages["example"].url)
    menu = [
        link
        for link in page.links
        if "govuk-service-navigation__link" in link["attrs"].get("class", "")
    ]
    assert [link["text"] for link in menu] == [
        "Gap in Service form",
        "How a gap is dealt with",
        "Contacts",
        "Useful links",
        "News",
    ]
    assert menu[0]["attrs"].get("aria-current") == "true"
    assert all("aria-current" not in link["attrs"] for link in menu[1:])

    _, page = get(client, site_pages["gap"].url)
    assert page.link("Gap in Service form")["attrs"].get("aria-current") == "page"


@pytest.mark.django_db
def test_breadcrumbs_lead_from_home_through_ancestors_to_the_current_page(client, site_pages):
    """Breadcrumbs link Home and each ancestor, then name the current page without a link."""
    html, page = get(client, site_pages["example"].url)
    crumbs = [
        link for link in page.links if "govuk-breadcrumbs__link" in link["attrs"].get("class", "")
    ]
    assert [(c["text"], c["href"]) for c in crumbs] == [
        ("Home", "/"),
        ("Gap in Service form", "/gap/"),
    ]
    assert (
        '<li class="govuk-breadcrumbs__list-item" aria-current="page">A worked example</li>' in html
    )


@pytest.mark.django_db
def test_the_home_page_has_no_breadcrumbs(client, site_pages):
    """The home page is the top of the trail, so it shows none."""
    html, _ = get(client, "/")
    assert "govuk-breadcrumbs" not in html


@pytest.mark.django_db
def test_footer_links_are_the_pages_chosen_in_site_chrome(client, site_pages):
    """The footer links to the accessibility statement, privacy notice and contacts page set by
    editors, and shows the footer text."""
    html, page = get(client, "/")
    assert page.link("Accessibility statement")["href"] == "/accessibility/"
    assert page.link("Privacy notice")["href"] == "/privacy/"
    assert page.link("Contact us")["href"] == "/contacts/"
    assert "Run by Lancashire&#x27;s Children&#x27;s Trust partners." in html


@pytest.mark.django_db
def test_footer_leaves_out_a_link_whose_page_is_not_set_or_not_published(client, site_pages):
    """An unset or unpublished footer page gives no link, never a dead one."""
    chrome = SiteChrome.objects.get()
    chrome.privacy_notice = None
    chrome.save()
    site_pages["accessibility"].unpublish()
    _, page = get(client, "/")
    texts = [link["text"] for link in page.links]
    assert "Privacy notice" not in texts
    assert "Accessibility statement" not in texts
    assert "Contact us" in texts


@pytest.mark.django_db
def test_footer_works_before_any_site_chrome_is_saved(client, home_page):
    """A new site with no footer settings still renders, with no footer page links."""
    html, page = get(client, "/")
    assert "Accessibility statement" not in [link["text"] for link in page.links]
    assert "govuk-footer" in html


@pytest.mark.django_db
def test_the_wagtail_userbar_shows_to_signed_in_editors_only(client, site_pages):
    """Readers never see the editors' userbar; a signed-in editor does."""
    html, _ = get(client, "/")
    assert "wagtail-userbar" not in html
    client.force_login(f.UserFactory(is_superuser=True, is_staff=True))
    html, _ = get(client, "/")
    assert "wagtail-userbar" in html


# Page types


@pytest.mark.django_db
def test_home_page_shows_calls_to_action_and_the_latest_news(client, site_pages):
    """The home page has a start button per call to action and the latest stories, dated."""
    home = site_pages["home"]
    home.calls_to_action = [
        {
            "type": "call_to_action",
            "value": {
                "heading": "Report a gap in services",
                "text": "Tell us about a need no service meets.",
                "page": site_pages["gap"].pk,
                "button_label": "Report a gap",
            },
        },
        {
            "type": "call_to_action",
            "value": {
                "heading": "Escalate a CAF issue",
                "text": "When agencies cannot agree.",
                "page": site_pages["flowchart"].pk,
                "button_label": "Escalate an issue",
            },
        },
    ]
    home.save()
    html, page = get(client, "/")
    buttons = [
        link for link in page.links if "govuk-button--start" in link["attrs"].get("class", "")
    ]
    assert [(b["text"], b["href"]) for b in buttons] == [
        ("Report a gap", "/gap/"),
        ("Escalate an issue", "/flowchart/"),
    ]
    assert "Report a gap in services" in html and "Escalate a CAF issue" in html
    story = site_pages["story"]
    assert page.link(story.title)["href"] == "/news/creche/"
    assert f'<time datetime="{story.date:%Y-%m-%d}">' in html
    assert page.link("See all news")["href"] == "/news/"


@pytest.mark.django_db
def test_a_call_to_action_to_an_unpublished_page_shows_no_button(client, site_pages):
    """A start button is hidden while its page is unpublished, so it is never a dead link."""
    home = site_pages["home"]
    home.calls_to_action = [
        {
            "type": "call_to_action",
            "value": {
                "heading": "Report a gap in services",
                "text": "",
                "page": site_pages["gap"].pk,
                "button_label": "Report a gap",
            },
        }
    ]
    home.save()
    site_pages["gap"].unpublish()
    html, page = get(client, "/")
    assert "Report a gap in services" in html
    assert "Report a gap" not in [link["text"] for link in page.links]


@pytest.mark.django_db
def test_guidance_page_lists_contents_when_it_has_two_or_more_sections(client, home_page):
    """Two or more section headings give a Contents list linking to each heading's id."""
    page = f.GuidancePageFactory(
        parent=home_page,
        slug="sections",
        body=[
            {"type": "heading", "value": {"text": "Who can use it", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Practitioners.</p>"},
            {"type": "heading", "value": {"text": "How to apply", "level": "h2"}},
            {"type": "heading", "value": {"text": "A detail", "level": "h3"}},
        ],
    )
    html, parsed = get(client, page.url)
    assert "Contents" in html
    assert parsed.link("Who can use it")["href"] == "#who-can-use-it"
    assert parsed.link("How to apply")["href"] == "#how-to-apply"
    assert {"who-can-use-it", "how-to-apply", "a-detail"} <= set(parsed.ids)
    assert len(parsed.ids) == len(set(parsed.ids))


@pytest.mark.django_db
def test_guidance_page_with_one_section_has_no_contents_list(client, home_page):
    """A single section needs no contents list."""
    page = f.GuidancePageFactory(parent=home_page, slug="single")
    html, _ = get(client, page.url)
    assert "Contents" not in html


@pytest.mark.django_db
def test_every_guidance_block_renders_with_its_govuk_pattern(client, home_page):
    """Each body block renders as its GOV.UK Design System pattern."""
    page = f.GuidancePageFactory(
        parent=home_page,
        slug="blocks",
        body=[
            {"type": "inset_text", "value": {"text": "<p>An example.</p>"}},
            {"type": "warning_text", "value": {"text": "Never name the child."}},
            {
                "type": "numbered_steps",
                "value": {
                    "intro": "Do this:",
                    "steps": [
                        {"title": "Fill it in", "body": "<p>Online.</p>"},
                        {"title": "Send it", "body": ""},
                    ],
                },
            },
            {"type": "details", "value": {"summary": "Not sure?", "body": "<p>Ask.</p>"}},
            {
                "type": "who_can_use",
                "value": {"heading": "Who can use this", "intro": "", "items": ["A", "B"]},
            },
        ],
    )
    html, parsed = get(client, page.url)
    assert '<div class="govuk-inset-text pei-prose"><p>An example.</p></div>' in html
    assert '<span class="govuk-visually-hidden">Warning</span> Never name the child.' in html
    assert parsed.find("ol", class_="govuk-list govuk-list--number pei-steps")
    assert "Fill it in" in html and "Send it" in html
    assert parsed.find("details", class_="govuk-details")
    assert "Not sure?" in html
    assert "<li>A</li>" in html and "<li>B</li>" in html


@pytest.mark.django_db
def test_guidance_page_lists_its_published_subpages(client, site_pages):
    """A guidance page links to the live pages below it."""
    _, page = get(client, site_pages["gap"].url)
    assert page.link("A worked example")["href"] == "/gap/example/"


@pytest.mark.django_db
def test_flowchart_renders_every_step_in_order_with_working_in_page_links(client, site_pages):
    """Every step is one item of one ordered list, and every Next or branch link points at the
    id of a step on the same page."""
    html, page = get(client, site_pages["flowchart"].url)
    flow = site_pages["flowchart"].flow()
    step_ids = [f"step-{step['key']}" for step in flow]
    assert [i for i in page.ids if i.startswith("step-")] == step_ids
    assert len(page.find("ol", class_="pei-flowchart")) == 1

    in_page = [link for link in page.links if link["href"].startswith("#step-")]
    assert in_page, "the flowchart has no in-page links"
    assert all(link["href"][1:] in step_ids for link in in_page)
    assert page.link("Next: step 2, The EIDO reviews the form")["href"] == "#step-review"
    assert page.link("If yes: go to step 4, Action agreed")["href"] == "#step-agreed"
    assert page.link("If no: go to step 5, Sub Group")["href"] == "#step-sub-group"
    text = text_of(html)
    assert "Decision" in text and "Can the Resource Panel meet the need?" in text
    assert "pei-flowchart__step--end" in html


def test_a_connector_arrow_is_drawn_only_to_the_step_that_follows():
    """A step flows on to the next list item only when it, or one of its branches, leads there."""
    assert flows_on({"number": 1, "next": {"number": 2}, "branches": []})
    assert not flows_on({"number": 1, "next": {"number": 5}, "branches": []})
    assert flows_on(
        {
            "number": 3,
            "next": None,
            "branches": [{"target": {"number": 5}}, {"target": {"number": 4}}],
        }
    )
    assert not flows_on({"number": 4, "next": None, "branches": []})


@pytest.mark.django_db
def test_contacts_are_grouped_by_district_with_mail_and_phone_links(client, site_pages):
    """Each district has a heading and each contact a summary list with mailto and tel links."""
    html, page = get(client, site_pages["contacts"].url)
    headings = re.findall(r'<h2 class="govuk-heading-l" id="district-[^"]+">([^<]+)</h2>', html)
    assert headings == ["Burnley", "Pendle"]
    assert "Contacts for 2 districts." in html
    assert "Pendle EIDO team" in html
    assert any(link["href"].startswith("mailto:eido") for link in page.links)
    assert page.link("01632 960 000")["href"] == "tel:01632960000"
    assert page.find("input", name="q", id="contacts-q")
    assert (
        '<label class="govuk-label govuk-label--s" for="contacts-q">Search by district or team'
        in html
    )


@pytest.mark.django_db
def test_contacts_search_shows_only_the_matching_district(client, site_pages):
    """Searching for a district shows its contacts alone, with a way back to all of them."""
    html, page = get(client, site_pages["contacts"].url + "?q=pendle")
    assert "Pendle EIDO team" in html
    assert "Burnley EIDO team" not in html
    assert "1 district matches “pendle”." in text_of(html)
    assert page.link("Show all districts")["href"] == "/contacts/"
    assert page.find("input", name="q", value="pendle")


@pytest.mark.django_db
def test_contacts_search_that_matches_nothing_says_so_and_offers_all(client, site_pages):
    """A search with no match says so plainly and links to every district's contacts."""
    html, page = get(client, site_pages["contacts"].url + "?q=zzzznothing")
    assert "No contacts found" in html
    assert "EIDO team" not in html
    assert page.link("Show contacts for all districts")["href"] == "/contacts/"


def test_phone_links_keep_only_digits_and_a_plus():
    """A phone number as written becomes a valid tel: URL."""
    assert tel_href("01772 123-456") == "tel:01772123456"
    assert tel_href("+44 (0)1772 123456") == "tel:+4401772123456"


@pytest.mark.django_db
def test_links_page_shows_each_group_with_described_links_in_the_same_tab(client, site_pages):
    """Each group has a heading; each link has its description and no target attribute."""
    html, page = get(client, site_pages["links"].url)
    assert '<h2 class="govuk-heading-l">National guidance</h2>' in html
    link = page.link("Working Together to Safeguard Children")
    assert link["href"] == "https://www.example.org/working-together"
    assert "target" not in link["attrs"]
    assert "Statutory guidance on working together." in html


@pytest.mark.django_db
def test_news_index_lists_newest_first_and_paginates(client, site_pages):
    """Ten stories a page, newest first, with GOV.UK pagination to the rest."""
    news = site_pages["news"]
    stories = [f.NewsPageFactory(parent=news, slug=f"story-{n}") for n in range(11)]
    newest_first = sorted(
        [*stories, site_pages["story"]], key=lambda s: (s.date, s.pk), reverse=True
    )

    html, page = get(client, news.url)
    titles = re.findall(r'<h2 class="pei-results__title"><a[^>]*>([^<]+)</a>', html)
    assert titles == [s.title for s in newest_first[:10]]
    assert page.link("Next page")["href"] == "/news/?page=2"
    assert page.link("2")["attrs"]["aria-label"] == "Page 2"

    html, page = get(client, news.url + "?page=2")
    titles = re.findall(r'<h2 class="pei-results__title"><a[^>]*>([^<]+)</a>', html)
    assert titles == [s.title for s in newest_first[10:]]
    assert page.link("2")["attrs"].get("aria-current") == "page"
    assert page.link("Previous page")["href"] == "/news/"
    get(client, news.url + "?page=9", status=404)


@pytest.mark.django_db
def test_news_index_links_to_its_rss_feed(client, site_pages):
    """The news list links its feed in the head and in the page."""
    html, page = get(client, site_pages["news"].url)
    assert (
        '<link rel="alternate" type="application/rss+xml" title="News" href="/news/feed/">' in html
    )
    assert page.link("Get the news as an RSS feed")["href"] == "/news/feed/"


@pytest.mark.django_db
def test_news_feed_is_valid_rss_with_an_item_per_story(client, site_pages):
    """The feed parses as RSS 2.0 and has each published story, newest first."""
    news = site_pages["news"]
    later = f.NewsPageFactory(parent=news, slug="later", title="Training day announced")
    f.NewsPageFactory(parent=news, slug="draft", title="Not yet", live=False)
    response = client.get(news.url + "feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own response
    assert root.tag == "rss" and root.get("version") == "2.0"
    titles = [item.findtext("title") for item in root.iter("item")]
    expected = sorted([later, site_pages["story"]], key=lambda s: (s.date, s.pk), reverse=True)
    assert titles == [s.title for s in expected]
    assert all(
        item.findtext("link").startswith("http://testserver/news/") for item in root.iter("item")
    )


@pytest.mark.django_db
def test_news_list_leaves_out_a_story_with_its_own_view_restriction(client, site_pages):
    """A story restricted to signed-in users is not listed publicly."""
    secret = f.NewsPageFactory(parent=site_pages["news"], slug="secret", title="Members only")
    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    html, _ = get(client, site_pages["news"].url)
    assert "Members only" not in html
    assert site_pages["story"].title in html


@pytest.mark.django_db
def test_news_story_shows_its_date_summary_and_a_link_back(client, site_pages):
    """A story shows when it was published, its summary and a link back to all news."""
    story = site_pages["story"]
    html, page = get(client, story.url)
    assert f'<time datetime="{story.date:%Y-%m-%d}">' in html
    assert story.summary in html
    assert page.link("Back to all news")["href"] == "/news/"


@pytest.mark.django_db
def test_search_page_counts_results_and_keeps_the_query_when_paging(client, home_page):
    """Results show a count, titles and summaries; page links keep the search words."""
    for n in range(12):
        f.GuidancePageFactory(
            parent=home_page,
            slug=f"bereavement-{n}",
            title=f"Bereavement support {n}",
            summary="Help after a death in the family.",
            search_description="Help after a death in the family.",
        )
    html, page = get(client, "/search/?q=bereavement")
    assert "12 results for “bereavement”" in html
    assert "Help after a death in the family." in html
    assert page.link("Next page")["href"] == "/search/?q=bereavement&page=2"
    assert page.find("input", id="search-q", value="bereavement")
    assert '<label class="govuk-label govuk-label--s" for="search-q">' in html


@pytest.mark.django_db
def test_search_page_helps_when_the_query_is_empty_or_finds_nothing(client, home_page):
    """An empty search asks for words; a search with no results says so and suggests next steps."""
    html, _ = get(client, "/search/")
    assert "Enter a word or phrase" in html
    html, _ = get(client, "/search/?q=zzzznothing")
    assert "No results for “zzzznothing”" in html
    assert "check your spelling" in html


@pytest.mark.django_db
def test_an_unknown_address_gets_a_404_page_in_the_sites_style(client, site_pages):
    """The 404 page has the site's header, menu and footer, and a way on."""
    html, page = get(client, "/no-such-page/", status=404)
    assert "Page not found" in html
    assert "Lancashire Prevention and Early Intervention" in html
    assert page.find("main", id="main-content")
    assert page.link("Privacy notice")["href"] == "/privacy/"
    assert page.link("go to the home page")["href"] == "/"


@pytest.mark.django_db
def test_500_page_renders_with_no_context_and_no_database(django_assert_num_queries):
    """The error page needs no request, no context processors and no query."""
    with django_assert_num_queries(0):
        html = loader.get_template("500.html").render()
    assert "Sorry, there is a problem with the service" in html
    assert 'href="#main-content"' in html
    assert "/static/css/main.css" in html


# Query budget


def count_queries(client, path: str) -> tuple[int, list[str]]:
    client.get(path)  # warm the site root path cache, as on a running server
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code in (200, 404), path
    return len(captured), [q["sql"] for q in captured.captured_queries]


def grow_site(pages: dict) -> None:
    """Twenty more of everything a public page lists."""
    for n in range(20):
        f.GuidancePageFactory(parent=pages["home"], slug=f"extra-{n}", show_in_menus=True)
        f.GuidancePageFactory(parent=pages["gap"], slug=f"sub-{n}")
        f.NewsPageFactory(parent=pages["news"], slug=f"extra-story-{n}")
        f.EIDOContactFactory(district=f.district("PEN"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/gap/",
        "/gap/example/",
        "/flowchart/",
        "/contacts/",
        "/contacts/?q=pendle",
        "/links/",
        "/news/",
        "/news/?page=2",
        "/news/creche/",
        "/accessibility/",
        "/privacy/",
        "/search/",
        "/search/?q=story",
        "/no-such-page/",
    ],
)
def test_each_public_page_stays_within_the_query_budget_as_the_site_grows(client, site_pages, path):
    """At most 10 queries a request, and 20 more pages, stories and contacts add none."""
    for n in range(11):  # so that /news/?page=2 exists before the site grows
        f.NewsPageFactory(parent=site_pages["news"], slug=f"story-{n}")
    before, queries = count_queries(client, path)
    assert before <= QUERY_BUDGET, "\n".join(queries)

    grow_site(site_pages)
    after, queries = count_queries(client, path)
    assert after == before, "\n".join(queries)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [("Yes", "yes"), ("A problem with a CAF", "a problem with a CAF"), ("CAF issue", "CAF issue")],
)
def test_a_flowchart_answer_reads_inside_a_sentence_without_breaking_acronyms(answer, expected):
    """Branch answers follow "If"; only their first letter is lowered, never an acronym."""
    from guidance_pages.templatetags.pei_content import in_sentence

    assert in_sentence(answer) == expected
