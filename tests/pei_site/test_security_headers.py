"""Every answer carries a Content-Security-Policy and a Permissions-Policy: the public site's
strict policy on every public page type, form step, status page, search, feed and open data;
the admin's (which Wagtail 8's inline scripts and styles need) on every admin screen. The
policies are written out here in full, so that loosening one fails a test."""

import json
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from wagtail.blocks.base import Block
from wagtail.models import Page, get_page_models

from tests.pei_site.subprocesses import PRODUCTION_NEEDS
from tests.pei_site.test_settings import read_settings
from tests.pei_workflow.two_districts import build_two_districts
from tests.pei_workflow.url_matrix import Filler, all_routes, ask, client_for, url_as

ROOT = Path(__file__).resolve().parents[2]
CSP = "Content-Security-Policy"
CSP_REPORT_ONLY = "Content-Security-Policy-Report-Only"

PUBLIC_POLICY = {
    "default-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
}
ADMIN_POLICY = {
    **PUBLIC_POLICY,
    "script-src": ["'self'", "'unsafe-inline'"],
    "script-src-attr": ["'none'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "blob:"],
}
FEATURES_OFF = {"camera", "microphone", "geolocation", "payment", "usb", "interest-cohort"}


def policy(response, header: str = CSP) -> dict[str, list[str]]:
    """The policy in a response's header, directive by directive."""
    value = response.get(header)
    path = response.request["PATH_INFO"]
    assert value, f"{path} answered {response.status_code} without {header}"
    directives = {}
    for part in value.split(";"):
        name, *sources = part.split()
        assert name not in directives, f"{name} twice in {value}"
        directives[name] = sources
    return directives


def features_switched_off(response) -> set[str]:
    """The features that the Permissions-Policy header allows to nobody: `name=()`."""
    value = response.get("Permissions-Policy")
    assert value, f"{response.request['PATH_INFO']} answered without Permissions-Policy"
    return set(re.findall(r"([a-z-]+)=\(\)", value))


def expected_policy(path: str, response) -> dict[str, list[str]]:
    expected = dict(ADMIN_POLICY if path.startswith("/admin/") else PUBLIC_POLICY)
    if response.get("X-Frame-Options") == "SAMEORIGIN":
        expected["frame-ancestors"] = ["'self'"]
    return expected


@pytest.mark.django_db
def test_the_public_site_allows_only_its_own_scripts_styles_and_images(home_page):
    """The home page's policy is exactly the strict one: nothing inline, nothing from another
    origin, no plugins, no framing, no form posting elsewhere, no other <base>."""
    response = Client().get("/")
    assert response.status_code == 200
    assert policy(response) == PUBLIC_POLICY
    assert CSP_REPORT_ONLY not in response


@pytest.mark.django_db
def test_every_page_type_answers_with_the_public_policy_and_the_permissions_policy():
    """One live page of every Wagtail page type the site defines, as the content loads them,
    answers with the strict policy and the features switched off."""
    call_command("load_pei_content", stdout=StringIO())
    page_types = {model for model in get_page_models() if model is not Page}
    client = Client()
    seen = set()
    for page in Page.objects.live().filter(depth__gt=1).specific():
        if type(page) in seen:
            continue
        seen.add(type(page))
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert policy(response) == PUBLIC_POLICY, page.url
        assert features_switched_off(response) >= FEATURES_OFF, page.url
    assert sorted(m.__name__ for m in page_types - seen) == [], "page types with no live page"


@pytest.mark.django_db
def test_every_url_pattern_answers_with_its_policy_and_the_permissions_policy():
    """Every URL pattern the resolver knows, asked (GET) by a county lead under the admin and
    by the practitioner (who holds the status link) everywhere else, answers with a
    Content-Security-Policy, whatever the status: the admin's under /admin/, the public one
    elsewhere (frame-ancestors 'self' only where Wagtail lets the editor frame a preview),
    and with the features switched off."""
    world = build_two_districts()
    filler = Filler(world)
    asked = {"admin": 0, "public": 0}
    for route in all_routes():
        url = filler.url(route)
        role = "county_lead" if url.startswith("/admin/") else "practitioner"
        response = ask(client_for(role, world), "get", url_as(role, url, world))
        assert policy(response) == expected_policy(url, response), (route.key, url)
        assert features_switched_off(response) >= FEATURES_OFF, (route.key, url)
        asked["admin" if role == "county_lead" else "public"] += 1
    assert asked["admin"] > 300 and asked["public"] > 10, asked


@pytest.mark.django_db
def test_the_admin_allows_wagtails_inline_scripts_and_styles_and_nothing_more(admin_client):
    """The sign-in page and the dashboard carry the admin's policy: inline scripts and styles
    (Wagtail 8 still writes them) and blob: images (the image upload's previews), with inline
    event handlers, plugins, framing and posting elsewhere still refused."""
    for path in ("/admin/login/", "/admin/"):
        response = Client().get(path) if path.endswith("login/") else admin_client.get(path)
        assert response.status_code == 200, path
        assert policy(response) == ADMIN_POLICY, path


@pytest.mark.django_db
def test_a_preview_may_be_framed_by_the_admin_and_nothing_else_may(admin_client):
    """Wagtail's previews are shown in the editor's iframe (it marks them X-Frame-Options:
    SAMEORIGIN), so their frame-ancestors is 'self'; every other admin answer is 'none'."""
    block_id = next(iter(Block.definition_registry))
    response = admin_client.get(f"/admin/block-preview/?id={block_id}")
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert policy(response) == {**ADMIN_POLICY, "frame-ancestors": ["'self'"]}


@pytest.mark.django_db
def test_staff_avatars_are_not_fetched_from_gravatar(admin_client):
    """The admin's avatars come from this site: Gravatar would need img-src to allow another
    origin, and would be sent a hash of each staff member's email address."""
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "gravatar" not in response.content.decode()


@pytest.mark.django_db
def test_report_only_sends_the_same_policies_without_enforcing_them(home_page, admin_client):
    """With PEI_CSP_REPORT_ONLY the public and admin policies go out, unchanged, as
    Content-Security-Policy-Report-Only, and no policy is enforced."""
    from django.conf import settings

    report_only = {"DIRECTIVES": settings.PEI_CSP_PUBLIC_DIRECTIVES}
    with override_settings(
        PEI_CSP_REPORT_ONLY=True,
        CONTENT_SECURITY_POLICY=None,
        CONTENT_SECURITY_POLICY_REPORT_ONLY=report_only,
    ):
        public = Client().get("/")
        admin = admin_client.get("/admin/")
    assert CSP not in public and CSP not in admin
    assert policy(public, CSP_REPORT_ONLY) == PUBLIC_POLICY
    assert policy(admin, CSP_REPORT_ONLY) == ADMIN_POLICY


PRODUCTION = PRODUCTION_NEEDS


def test_the_report_only_switch_moves_the_policy_to_the_report_only_setting():
    """PEI_CSP_REPORT_ONLY=1 in the environment moves the policy from django-csp's enforced
    setting to its report-only one; without it the policy is enforced."""
    names = ("CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_REPORT_ONLY")
    values = {}
    for switch in ("", "1"):
        env = {**PRODUCTION, "PEI_CSP_REPORT_ONLY": switch}
        result = read_settings("production", env, *names)
        assert result.returncode == 0, result.stderr
        values[switch] = json.loads(result.stdout)
    assert values[""]["CONTENT_SECURITY_POLICY_REPORT_ONLY"] == "None"
    assert "default-src" in values[""]["CONTENT_SECURITY_POLICY"]
    assert values["1"]["CONTENT_SECURITY_POLICY"] == "None"
    assert "default-src" in values["1"]["CONTENT_SECURITY_POLICY_REPORT_ONLY"]


def test_a_report_address_in_the_environment_goes_into_both_policies():
    """PEI_CSP_REPORT_URI, when set, tells browsers where to send what they block or would
    block, on the public site and in the admin alike."""
    env = {**PRODUCTION, "PEI_CSP_REPORT_URI": "https://csp.example.org/pei"}
    names = ("PEI_CSP_PUBLIC_DIRECTIVES", "PEI_CSP_ADMIN_DIRECTIVES")
    result = read_settings("production", env, *names)
    assert result.returncode == 0, result.stderr
    for name, value in json.loads(result.stdout).items():
        assert "'report-uri': ['https://csp.example.org/pei']" in value, name


# Templates the public pages are drawn with: the site's own and the public apps'. The
# admin's templates (pei_workflow's) are under the admin's policy.
PUBLIC_TEMPLATES = ["templates", "guidance_pages/templates", "pei_forms/templates"]
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>")
INLINE_STYLE = re.compile(r"<style\b|\sstyle=")
EVENT_HANDLER = re.compile(r"\son[a-z]+=", re.IGNORECASE)


def test_no_public_template_has_an_inline_script_style_or_event_handler():
    """The public policy refuses inline script and style, so no template of a public page may
    hold one: it would be blocked (and reported) on every page that uses it."""
    files = [path for folder in PUBLIC_TEMPLATES for path in (ROOT / folder).rglob("*.html")]
    assert len(files) > 30, "the templates were not found"
    found = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        for pattern in (INLINE_SCRIPT, INLINE_STYLE, EVENT_HANDLER):
            found += [f"{path.relative_to(ROOT)}: {m.group()}" for m in pattern.finditer(text)]
    assert found == []
