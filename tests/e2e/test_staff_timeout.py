"""A member of staff is warned before their session ends for want of activity, in a real
browser, and stays signed in by saying so (issue 16). The pages are checked with axe-core
and the Nu HTML Checker, and the page with the warning the script adds with axe-core. The
idle time is shortened to seconds for the test."""

import pytest
from django.urls import reverse

from tests.e2e.browser_checks import axe_violations
from tests.e2e.test_moderation_journey import AdminAudit, sign_in
from tests.factories import admin_eido

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

IDLE_SECONDS = 12  # the warning comes 2 seconds before the end


@pytest.fixture
def site_url(live_server, settings):
    settings.PEI_STAFF_IDLE_SECONDS = IDLE_SECONDS
    return live_server.url


def test_a_member_of_staff_is_warned_before_being_signed_out_and_can_stay(page, site_url, tmp_path):
    admin_eido("PEN", username="priya", first_name="Priya", last_name="Shah")
    audit = AdminAudit(page)
    sign_in(audit, site_url, "priya")
    warning = page.get_by_role("alertdialog", name="You will be signed out soon")
    warning.wait_for(timeout=(IDLE_SECONDS + 5) * 1000)
    assert page.get_by_role("button", name="Stay signed in").evaluate(
        "button => button === document.activeElement"
    )
    assert axe_violations(page) == []  # the page with the warning on it, as it is now
    with page.expect_response(lambda r: r.url.endswith(reverse("pei_staff_keep_alive"))) as kept:
        page.get_by_role("button", name="Stay signed in").click()
    assert kept.value.status == 204
    warning.wait_for(state="detached")
    page.wait_for_timeout(IDLE_SECONDS * 1000 - 4000)  # past the first session's end
    home = page.goto(f"{site_url}{reverse('wagtailadmin_home')}")
    assert home.url == f"{site_url}{reverse('wagtailadmin_home')}"  # not sent to sign in
    audit.check("home, still signed in", home)
    audit.assert_clean(tmp_path)
