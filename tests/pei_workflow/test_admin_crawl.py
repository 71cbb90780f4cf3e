"""A crawl of the whole admin as a Pendle EIDO and as a Pendle panel member: every page and
export reachable by a link from the admin home, Wagtail's own reports and searches, and every
address of a Burnley record, never shows a Burnley reference, answer, meeting, member,
service, priority, commissioned project (its provider, outcomes and returns) or person."""

import io
import re
from collections import deque
from urllib.parse import urljoin

import openpyxl
import pytest
from django.urls import reverse

from tests.pei_workflow.test_wagtail_screens import SITE_HISTORY
from tests.pei_workflow.two_districts import build_two_districts, readable
from tests.pei_workflow.url_matrix import ask, client_for

pytestmark = pytest.mark.django_db

# Links in the page, and the menu's, which Wagtail writes as JSON for its sidebar script.
LINK = re.compile(r'(?:(?:href|action|data-url)="|"url": ")(/admin/[^"#]*)"')
# Signing out ends the crawl; the error test page is Wagtail's deliberate 500.
NOT_FOLLOWED = ("/admin/logout/", "/admin/failwhale/")
MOST_PAGES = 1500
SPREADSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

BURNLEY_MODELS = {
    "gapinservice": "gap",
    "cafescalation": "caf",
    "meeting": "meeting",
    "panelmember": "member",
    "service": "service",
    "priority": "priority",
    "spotpurchasebudget": "budget",
    "commissionedproject": "project",
}


def page_text(response) -> str:
    if response.get("Content-Type", "").startswith(SPREADSHEET):
        body = b"".join(response.streaming_content) if response.streaming else response.content
        book = openpyxl.load_workbook(io.BytesIO(body), read_only=True)
        return "\n".join(
            str(cell)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            for cell in row
            if cell is not None
        )
    return readable(response)


def burnley_addresses(world) -> list[str]:
    """Every screen of each Burnley record, and its history, reached by typing the address."""
    records = world["BUR"].records
    addresses = []
    for model, name in BURNLEY_MODELS.items():
        pk = records[name].pk
        for action in ("inspect", "edit", "delete"):
            try:
                addresses.append(reverse(f"pei_workflow_{model}_modeladmin_{action}", args=[pk]))
            except Exception:  # noqa: BLE001 - not every screen has every action
                continue
        addresses.append(f"/admin/pei_workflow/{model}/history/{pk}/")
    gap = records["gap"]
    addresses += [
        f"/admin/casework/gapinservice/{gap.pk}/step/start_review/",
        f"/admin/casework/gapinservice/{gap.pk}/correct/",
        f"/admin/casework/meetings/{records['meeting'].pk}/agenda/",
        f"/admin/projects/{records['project'].pk}/returns/add/",
        f"/admin/projects/{records['project'].pk}/returns/{records['return'].pk}/correct/",
        f"/admin/users/history/{records['person'].pk}/",
    ]
    return addresses


def crawl(client, seeds: list[str]) -> tuple[dict[str, str], list[str]]:
    """Every admin address reachable from `seeds` by links, with the text of its answer."""
    seen, queue, pages, errors = set(seeds), deque(seeds), {}, []
    while queue and len(pages) < MOST_PAGES:
        address = queue.popleft()
        response = ask(client, "get", address)
        if response.status_code >= 500:
            errors.append(f"{address}: {response.status_code}")
            continue
        if response.status_code in (301, 302):
            target = urljoin(address, response["Location"])
            if target.startswith("/admin/") and target not in seen:
                seen.add(target)
                queue.append(target)
            continue
        text = page_text(response)
        pages[address] = text
        for link in LINK.findall(readable(response) if response.status_code == 200 else ""):
            if link.startswith(NOT_FOLLOWED) or link in seen:
                continue
            seen.add(link)
            queue.append(link)
    return pages, errors


@pytest.mark.parametrize("role", ["pendle_eido", "pendle_panel_member"])
def test_a_pendle_readers_crawl_of_the_whole_admin_never_shows_anything_of_burnley(role):
    world = build_two_districts()
    client = client_for(role, world)
    seeds = [
        "/admin/",
        SITE_HISTORY,
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/reports/aging-pages/",
        "/admin/reports/locked/",
        "/admin/search/?q=Burnley",
        "/admin/pages/search/?q=Burnley",
        *burnley_addresses(world),
    ]

    pages, errors = crawl(client, seeds)

    assert errors == []
    assert len(pages) > 30, sorted(pages)
    shown = [
        f"{address} shows {secret!r}"
        for address, text in pages.items()
        for secret in world["BUR"].secrets()
        if secret in text
    ]
    assert shown == [], "\n".join(shown)
    # The crawl reached Pendle's own casework, so a blank page cannot pass for a safe one.
    everything = "\n".join(pages.values())
    assert world["PEN"].records["meeting"].location in everything
    if role == "pendle_eido":
        assert world["PEN"].records["gap"].reference in everything
