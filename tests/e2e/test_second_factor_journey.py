"""A new EIDO's first sign-ins with the second factor on, in a real browser: after the password
they set up an authenticator app from the key written out on the page (a wrong code first),
see their backup codes once, open the dashboard, sign out, sign in again and enter a code.
Every page on the way is checked with axe-core (WCAG 2.2 A and AA) and the Nu HTML Checker."""

import time
from base64 import b32decode
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django_otp.oath import TOTP

from tests.e2e.test_moderation_journey import PASSWORD, AdminAudit, follow
from tests.factories import admin_eido

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SET_UP = reverse("pei_second_factor_set_up")
CHECK = reverse("pei_second_factor_check")
HOME = reverse("wagtailadmin_home")


@pytest.fixture
def site_url(live_server, settings):
    settings.PEI_REQUIRE_SECOND_FACTOR = True
    return live_server.url


def phone_code(key_text: str, steps_ahead: int = 0) -> str:
    """What the phone's app shows, from the key as the page writes it for typing in."""
    clock = TOTP(b32decode(key_text.replace(" ", "")))
    clock.time = time.time() + steps_ahead * 30
    return f"{clock.token():06d}"


def sign_in_with_password(audit, site_url: str, username: str, name: str):
    page = audit.page
    audit.check(f"{name}: sign in", page.goto(f"{site_url}/admin/login/"))
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    return follow(page, page.get_by_role("button", name="Sign in"))


def test_a_new_eido_sets_up_their_app_sees_backup_codes_once_and_signs_in_with_a_code_later(
    page, site_url, tmp_path
):
    admin_eido("PEN", username="priya", first_name="Priya", last_name="Shah")
    audit = AdminAudit(page)

    # First sign-in: the admin is not open yet; the set-up page is.
    audit.check("set up", sign_in_with_password(audit, site_url, "priya", "first"))
    assert urlsplit(page.url).path == SET_UP
    assert page.locator("svg.pei-qr-code[role=img]").count() == 1
    key = page.locator(".pei-second-factor__key code").inner_text()
    assert len(key.split(" ")) == 8 and all(len(group) == 4 for group in key.split(" "))

    # A wrong code, then the right one from the key typed into the app.
    wrong = "000000" if phone_code(key) != "000000" else "111111"
    page.get_by_role("textbox", name="Code").fill(wrong)
    audit.check_step_errors(
        "set up: wrong code",
        follow(page, page.get_by_role("button", name="Continue")),
        [
            "That code is not right. Check the app shows the account you added from this page, "
            "and enter its newest code"
        ],
    )
    # django-otp refuses any code for a second after a wrong one; a person takes longer.
    page.wait_for_timeout(1100)
    page.get_by_role("textbox", name="Code").fill(phone_code(key))
    audit.check("backup codes", follow(page, page.get_by_role("button", name="Continue")))
    codes = page.locator(".pei-second-factor__codes code").all_inner_texts()
    assert len(codes) == 10 and len(set(codes)) == 10
    assert "only time you will see these codes" in page.locator("main").inner_text()

    # The dashboard opens; then sign out from the admin's account menu.
    audit.check(
        "dashboard",
        follow(page, page.get_by_role("link", name="I have kept my codes, continue")),
    )
    assert urlsplit(page.url).path == HOME
    page.locator(".sidebar-footer__account").click()
    audit.check("signed out", follow(page, page.get_by_role("button", name="Log out")))
    assert urlsplit(page.url).path == reverse("wagtailadmin_login")

    # Signing in again asks for a code, not a new set-up; the app's next code opens the
    # admin (the one used to set up is taken, and a code is never taken twice).
    audit.check("enter your code", sign_in_with_password(audit, site_url, "priya", "second"))
    assert urlsplit(page.url).path == CHECK
    page.get_by_role("textbox", name="Code").fill(phone_code(key, steps_ahead=1))
    audit.check("dashboard again", follow(page, page.get_by_role("button", name="Continue")))
    assert urlsplit(page.url).path == HOME

    audit.assert_clean(tmp_path)
