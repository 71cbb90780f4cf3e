"""The load test, bench/load.py (README, "Benchmarks").

The whole command builds and migrates a PostgreSQL database of its own, which takes more
than a minute on two cores, so it runs only when asked for: PEI_LOAD_TEST=1. The pieces most
likely to fall out of step with the site run every time, in a few seconds: the forms' pages
as served take the load test's answers, and the page editor takes the body the load test
rebuilds for it. They use no locust, which patches the standard library for gevent.
"""

import os
import socket
import subprocess
import sys
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.utils.html import strip_tags

from bench.html_forms import post_form, reference_shown
from bench.load_site import guidance_page
from bench.submissions import CAF_ANSWERS, GAP_ANSWERS
from tests.factories import ApproverFactory
from tests.pei_site.subprocesses import ROOT

FORM_POST = "application/x-www-form-urlencoded"


def post(client: Client, path: str, pairs: list[tuple[str, str]]):
    """Post the (name, value) pairs as a browser posts a form, repeated names included."""
    return client.post(path, urlencode(pairs), content_type=FORM_POST)


@pytest.fixture
def form_pages(home_page):
    """Both form pages, and a cache with no sends counted against this address yet."""
    from django.core.cache import cache

    from pei_forms.content import ensure_form_pages

    cache.clear()
    gap, caf = ensure_form_pages(home_page)
    yield {"gap": (gap, GAP_ANSWERS), "caf": (caf, CAF_ANSWERS)}
    cache.clear()


@pytest.mark.parametrize("kind", ["gap", "caf"])
def test_each_step_as_served_takes_the_load_tests_answers(kind, form_pages):
    """Each step's form, read from its HTML with its CSRF token, takes the answers the load
    test gives, step after step to the confirmation and its reference."""
    page, answers = form_pages[kind]
    client = Client(enforce_csrf_checks=True)
    for slug, data in [*answers.items(), ("check-answers", {})]:
        path = f"{page.url}{slug}/"
        form = post_form(client.get(path).content.decode())
        response = post(client, form.action or path, form.filled(data))
        assert response.status_code == 302, (slug, response.content.decode()[:300])
    assert response["Location"] == f"{page.url}confirmation/"
    reference = reference_shown(client.get(response["Location"]).content.decode())
    assert reference.startswith(f"{kind.upper()}-")


def test_the_page_editor_publishes_the_body_the_load_test_rebuilds(loaded_site):
    """The edit form as served, with the StreamField inputs the editor's script would add
    (bench.load_site.block_form_data), a new title and Publish: the page is published under
    the new title with its body as it was."""
    from guidance_pages.models import GuidancePage

    page = guidance_page()
    before = GuidancePage.objects.get(pk=page["id"]).body.raw_data
    client = Client(enforce_csrf_checks=True)
    client.force_login(ApproverFactory())
    edit = f"/admin/pages/{page['id']}/edit/"
    form = post_form(client.get(edit).content.decode(), "page-edit-form")
    publish = {**page["body"], "action-publish": "action-publish"}
    response = post(client, edit, form.filled({"title": "A new title"}, publish))
    assert response.status_code == 302, response.content.decode()[:500]
    published = GuidancePage.objects.get(pk=page["id"])
    assert published.title == "A new title" and published.live
    assert [(block["type"], block["id"]) for block in published.body.raw_data] == [
        (block["type"], block["id"]) for block in before
    ]
    # The editor writes paragraphs back with keys of its own (data-block-key): the words and
    # their order are what must be unchanged.
    assert words(published.body) == words(GuidancePage(body=before).body)


def words(body) -> list[str]:
    return strip_tags(body.render_as_block()).split()


def answering(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(1)
        return probe.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.skipif(
    os.environ.get("PEI_LOAD_TEST") != "1",
    reason="the whole load test takes about two minutes: set PEI_LOAD_TEST=1 to run it",
)
def test_the_load_command_runs_on_two_servers_and_every_check_holds():
    """`bench/load.py --seconds 5 --servers 2` exits 0 with every check holding (on Redis
    db 11 and ports 8116 and 8117, apart from a load test run by hand)."""
    if not answering(5432):
        pytest.skip("PostgreSQL is not answering at 127.0.0.1:5432")
    if not answering(6379):
        pytest.skip("Redis is not answering at 127.0.0.1:6379")
    result = subprocess.run(
        [sys.executable, "bench/load.py", "--seconds", "5", "--servers", "2"]
        + ["--redis-db", "11", "--port", "8116", "--readers", "2", "--practitioners", "2"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    checks = [line for line in result.stdout.splitlines() if line.startswith("  ok ")]
    assert len(checks) == 5, result.stdout
