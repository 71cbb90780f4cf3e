"""With PEI_REQUIRE_SECOND_FACTOR on, no admin page opens to a session that has given only the
password: every admin URL pattern the resolver knows (the permission matrix's, from
url_matrix), asked by a county lead, sends them to set up their app; once it is set up with
a right code, the same pages give the county lead's answer in the permission matrix."""

import pytest
from django.test import override_settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.pei_site.second_factors import CHECK, SET_UP, app_code
from tests.pei_workflow.test_permission_matrix import expected_answers
from tests.pei_workflow.two_districts import build_two_districts
from tests.pei_workflow.url_matrix import ROLES, Filler, all_routes, answer_code, ask, client_for

pytestmark = pytest.mark.django_db

# Open before a code, by design: signing in and out, the password reset, the admin's icons
# and script translations, and the second-factor pages themselves.
OPEN = (
    "wagtailadmin_login ",
    "wagtailadmin_logout ",
    "wagtailadmin_password_reset",
    "wagtailadmin_sprite ",
    "wagtailadmin_javascript_catalog ",
    "pei_second_factor_set_up ",
    "pei_second_factor_check ",
)
# Asked in the matrix by a session that has given no code: here it opens once one is given.
BACKUP_CODES_KEY = "pei_second_factor_backup_codes admin/second-factor/backup-codes/"
COUNTY_LEAD = ROLES.index("county_lead")


def admin_pages(world) -> list[tuple[str, str]]:
    filler = Filler(world)
    return [
        (route.key, filler.url(route))
        for route in all_routes()
        if route.route.startswith("admin/") and not route.key.startswith(OPEN)
    ]


def sent_to_the_second_factor(response) -> bool:
    location = response.get("Location", "") if response.status_code == 302 else ""
    return location.startswith((SET_UP, CHECK))


@override_settings(PEI_REQUIRE_SECOND_FACTOR=True)
def test_no_admin_page_opens_before_the_app_is_set_up_and_every_one_opens_as_before_after():
    world = build_two_districts()
    pages = admin_pages(world)
    assert len(pages) > 200, "the URL matrix found too few admin pages to prove anything"
    lead = world["people"]["county_lead"]
    client = client_for("county_lead", world)

    opened = [
        f"{key}: {response.status_code}"
        for key, url in pages
        if not sent_to_the_second_factor(response := ask(client, "get", url))
    ]
    assert opened == [], "admin pages that opened before a second factor"

    client.get(SET_UP)
    device = TOTPDevice.objects.get(user=lead)
    assert client.post(SET_UP, {"code": app_code(device)}).status_code == 200

    matrix = expected_answers()
    wrong = [
        f"{key}: {answer}, the matrix says {matrix[key]['get'][COUNTY_LEAD]}"
        for key, url in pages
        if key != BACKUP_CODES_KEY
        and (answer := answer_code(ask(client, "get", url))) != matrix[key]["get"][COUNTY_LEAD]
    ]
    assert wrong == [], "admin pages that did not answer as before once the app was set up"
    assert ask(client, "get", dict(pages)[BACKUP_CODES_KEY]).status_code == 200


@override_settings(PEI_REQUIRE_SECOND_FACTOR=True)
def test_the_pages_open_before_a_code_still_do():
    """Each answers for itself: the set-up page shows, the code page sends someone with no
    app to set one up, the rest are Wagtail's."""
    world = build_two_districts()
    client = client_for("county_lead", world)
    filler = Filler(world)
    answers = {
        route.key: ask(client, "get", filler.url(route))
        for route in all_routes()
        if route.key.startswith(OPEN)
    }
    assert len(answers) == len(OPEN) + 3  # the password reset's four pages
    assert answers.pop("pei_second_factor_set_up admin/second-factor/set-up/").status_code == 200
    checking = answers.pop("pei_second_factor_check admin/second-factor/code/")
    assert checking["Location"].startswith(SET_UP)
    assert [key for key, response in answers.items() if sent_to_the_second_factor(response)] == []
