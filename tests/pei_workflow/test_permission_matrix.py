"""The permission matrix: every URL pattern the site serves, found from the URL resolver, asked
by every kind of person (anonymous, a practitioner with a status link, an editor, an approver,
the EIDO of the district, the EIDO of another district, a panel member, a county lead), GET and
POST, gives the answer written in permission_matrix.txt; and no answer to anyone holds the
reference or any of the words of a district they may not see.

Every request is rolled back, so a POST that deletes or signs out changes nothing for the
next one."""

from pathlib import Path

import pytest

from tests.pei_workflow.two_districts import build_two_districts, readable
from tests.pei_workflow.url_matrix import (
    METHODS,
    ROLES,
    Filler,
    all_routes,
    answer_code,
    ask,
    client_for,
    url_as,
)

pytestmark = pytest.mark.django_db

MATRIX = Path(__file__).with_name("permission_matrix.txt")

# Wagtail's own views that answer 500 to the matrix's empty or malformed requests. None is
# ours to change; each is listed so that a Wagtail upgrade that fixes it shows up here.
KNOWN_FAULTS = {
    "wagtailadmin_error_test admin/failwhale/",
    "wagtailadmin_choose_page_external_link admin/choose-external-link/",
    "wagtailadmin_pages:copy admin/pages/<int:page_id>/copy/",
    "wagtaildocs_chooser:chosen admin/documents/chooser/chosen/<str:pk>/",
    "wagtailimages_chooser:chosen admin/images/chooser/chosen/<str:pk>/",
    "wagtailsnippetchoosers_guidance_pages_eidocontact:chosen "
    "admin/snippets/choose/guidance_pages/eidocontact/chosen/<str:pk>/",
    "wagtailsnippetchoosers_guidance_pages_eidocontact:create "
    "admin/snippets/choose/guidance_pages/eidocontact/create/",
}

# Who may see which district's casework: a county lead sees both; the status page shows the
# practitioner's own (Pendle) submission to whoever holds its link.
MAY_SEE = {"pendle_eido": {"PEN"}, "pendle_panel_member": {"PEN"}, "burnley_eido": {"BUR"}}
STATUS_PAGES = ("status/<str:token>/",)


def expected_answers() -> dict[str, dict[str, list[str]]]:
    """The matrix file, as {pattern key: {"get": [answer per role], "post": [...]}}."""
    entries, key = {}, None
    for line in MATRIX.read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not line.startswith(" "):
            key = line
            continue
        get, post = (part.split() for part in line.split("|"))
        assert len(get) == len(post) == len(ROLES), key
        entries[key] = {"get": get, "post": post}
    return entries


def test_every_url_pattern_has_an_entry_in_the_matrix_and_every_entry_a_pattern():
    routes = {route.key for route in all_routes()}
    written = set(expected_answers())
    assert sorted(routes - written) == [], "URL patterns with no entry in the matrix"
    assert sorted(written - routes) == [], "entries in the matrix for no URL pattern"


def test_a_500_is_written_only_for_wagtails_known_faults():
    for key, answers in expected_answers().items():
        if "500" in answers["get"] + answers["post"]:
            assert key in KNOWN_FAULTS, key


# The open data publishes every district's published services, as the public directory page
# does: a published service's name is public there, not a district's secret.
OPEN_DATA = ("openreferral/",)


def _secrets_hidden_from(role: str, route: str, world: dict) -> list[str]:
    if role == "county_lead":
        return []
    hidden = [code for code in ("PEN", "BUR") if code not in MAY_SEE.get(role, set())]
    if route.startswith(STATUS_PAGES):
        hidden = [code for code in hidden if code != "PEN"]
    secrets = [secret for code in hidden for secret in world[code].secrets()]
    if route.startswith(OPEN_DATA):
        services = [world[code].records["service"] for code in ("PEN", "BUR")]
        public = {service.name for service in services if service.is_published}
        secrets = [secret for secret in secrets if secret not in public]
    return secrets


def test_every_url_gives_every_person_the_answer_in_the_matrix_and_nothing_they_may_not_see():
    world = build_two_districts()
    filler = Filler(world)
    expected = expected_answers()
    clients = {role: client_for(role, world) for role in ROLES}
    wrong, shown = [], []
    for route in all_routes():
        url = filler.url(route)
        for method in METHODS:
            for index, role in enumerate(ROLES):
                response = ask(clients[role], method, url_as(role, url, world))
                answer = answer_code(response)
                if answer != expected[route.key][method][index]:
                    wrong.append(
                        f"{method.upper()} {url} as {role}: {answer}, "
                        f"expected {expected[route.key][method][index]}"
                    )
                body = readable(response)
                for secret in _secrets_hidden_from(role, route.route, world):
                    if secret in body:
                        shown.append(f"{method.upper()} {url} as {role} shows {secret!r}")
    assert wrong == [], "\n".join(wrong)
    assert shown == [], "\n".join(shown)
