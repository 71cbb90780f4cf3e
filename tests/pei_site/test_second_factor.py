"""Staff sign-in's second factor (issue 16): with PEI_REQUIRE_SECOND_FACTOR on, a session that
has given only the password sets up an authenticator app (first time) or enters a code
before any admin page opens; backup codes work once; django-otp's throttling refuses codes
for a while after wrong ones and says how long; every code accepted or refused is in the
audit log, with no code in it."""

import datetime
import html
import re

import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from pei_workflow import audit
from pei_workflow.models import AuditLogEntry
from pei_workflow.tokens import issue_status_token
from tests.factories import admin_eido, submitted_gap
from tests.pei_site.second_factors import (
    BACKUP_CODES,
    CHECK,
    HOME,
    SET_UP,
    app_code,
    signed_in,
    with_second_factor,
    wrong_code,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("second_factor_required")]

CASEWORK = "/admin/pei_workflow/gapinservice/"


@pytest.fixture
def second_factor_required():
    with override_settings(PEI_REQUIRE_SECOND_FACTOR=True):
        yield


def text(response) -> str:
    return html.unescape(response.content.decode())


def entries(user, action: str):
    return AuditLogEntry.objects.filter(action=action, object_id=str(user.pk))


def field_error(response) -> str:
    """The message beside the code field."""
    match = re.search(r'class="error-message">\s*(.*?)\s*</p>', text(response), re.S)
    return match[1].strip() if match else ""


def has_error_summary(response) -> bool:
    page = text(response)
    return "There is a problem" in page and 'href="#id_code"' in page


# The gate.


@override_settings(PEI_REQUIRE_SECOND_FACTOR=False)
def test_with_the_setting_off_a_session_with_only_the_password_opens_the_admin():
    assert signed_in(admin_eido("PEN")).get(HOME).status_code == 200


def test_someone_without_a_second_factor_is_sent_from_the_admin_to_set_one_up():
    response = signed_in(admin_eido("PEN")).get(CASEWORK)
    assert response.status_code == 302
    assert response["Location"] == f"{SET_UP}?next=%2Fadmin%2Fpei_workflow%2Fgapinservice%2F"


def test_someone_with_an_app_is_sent_from_the_admin_to_enter_a_code():
    officer = admin_eido("PEN")
    with_second_factor(officer)
    response = signed_in(officer).get(HOME)
    assert response.status_code == 302
    assert response["Location"].startswith(f"{CHECK}?next=")


def test_a_form_sent_before_a_code_is_not_sent_on_afterwards():
    """A POST is not replayed: the person starts again from the page once they have given
    their code."""
    response = signed_in(admin_eido("PEN")).post(CASEWORK)
    assert response.status_code == 302 and response["Location"] == SET_UP


@pytest.mark.parametrize(
    "url",
    [
        reverse("wagtailadmin_login"),
        reverse("wagtailadmin_password_reset"),
        reverse("wagtailadmin_password_reset_done"),
        reverse("wagtailadmin_password_reset_complete"),
        reverse("wagtailadmin_javascript_catalog"),
        reverse("wagtailadmin_sprite"),
        SET_UP,
    ],
)
def test_signing_in_the_password_reset_and_setting_up_open_before_a_code(url):
    response = signed_in(admin_eido("PEN")).get(url)
    assert not response.get("Location", "").startswith((SET_UP, CHECK)), url


def test_signing_out_works_before_a_code():
    client = signed_in(admin_eido("PEN"))
    response = client.post(reverse("wagtailadmin_logout"))
    assert response.status_code == 302 and "_auth_user_id" not in client.session


def test_the_public_site_and_a_practitioners_status_page_are_untouched(loaded_site, client):
    """Practitioners never sign in: their pages answer as they always do."""
    token = issue_status_token(submitted_gap("PEN"))
    assert client.get("/").status_code == 200
    assert client.get(reverse("pei_forms:status", args=[token])).status_code == 200


# Setting up.


def test_setting_up_shows_the_qr_code_as_svg_and_the_key_as_text_in_groups_of_four():
    response = signed_in(admin_eido("PEN")).get(SET_UP)
    page = text(response)
    assert response.status_code == 200
    assert '<svg role="img" aria-label="QR code for your app"' in page
    key = re.search(r'class="pei-second-factor__key"><code>([A-Z2-7 ]+)</code>', page)[1]
    assert re.fullmatch(r"([A-Z2-7]{4} ){7}[A-Z2-7]{4}", key)
    device = TOTPDevice.objects.get()
    assert device.confirmed is False
    assert "<script" not in page.split("<main")[1] and "style=" not in page.split("<main")[1]
    assert "no-store" in response["Cache-Control"]


def test_the_key_stays_the_same_each_time_the_set_up_page_opens():
    """A page reloaded after scanning still matches the app."""
    client = signed_in(admin_eido("PEN"))
    first, second = text(client.get(SET_UP)), text(client.get(SET_UP))
    key = re.compile(r'__key"><code>(.*?)</code>')
    assert key.search(first)[1] == key.search(second)[1]
    assert TOTPDevice.objects.count() == 1


def test_a_right_code_sets_up_the_app_opens_the_admin_and_shows_ten_backup_codes_once():
    officer = admin_eido("PEN")
    client = signed_in(officer)
    client.get(SET_UP)
    device = TOTPDevice.objects.get(user=officer)

    response = client.post(SET_UP, {"code": app_code(device), "next": CASEWORK})

    page = text(response)
    assert response.status_code == 200 and "Your backup codes" in page
    shown = re.findall(r"<li><code>([a-z2-7]{4} [a-z2-7]{4})</code></li>", page)
    stored = set(StaticToken.objects.filter(device__user=officer).values_list("token", flat=True))
    assert len(shown) == 10 and {code.replace(" ", "") for code in shown} == stored
    assert "only time you will see these codes" in page and "somewhere safe" in page
    assert f'href="{CASEWORK}"' in page
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(CASEWORK).status_code == 200
    assert entries(officer, audit.SECOND_FACTOR_SET_UP).count() == 1
    assert entries(officer, audit.BACKUP_CODES_MADE).count() == 1
    # Never shown again: the page is gone once the app is set up.
    assert client.get(SET_UP)["Location"] == HOME


def test_a_wrong_code_while_setting_up_changes_nothing_and_says_so_beside_the_field():
    officer = admin_eido("PEN")
    client = signed_in(officer)
    client.get(SET_UP)
    device = TOTPDevice.objects.get(user=officer)

    response = client.post(SET_UP, {"code": wrong_code(device)})

    assert response.status_code == 200 and has_error_summary(response)
    assert field_error(response).startswith("That code is not right.")
    assert text(response).count("<title>Error: ") == 1
    device.refresh_from_db()
    assert not device.confirmed and not StaticToken.objects.exists()
    assert client.get(HOME).status_code == 302
    failed = entries(officer, audit.SECOND_FACTOR_FAILED).get()
    assert failed.data == {"kind": "app", "step": "set_up"}


def test_someone_with_a_second_factor_cannot_set_up_another_before_giving_a_code():
    """Knowing the password is not enough to add an app to someone's account."""
    officer = admin_eido("PEN")
    with_second_factor(officer)
    client = signed_in(officer)
    response = client.post(SET_UP, {"code": "123456"})
    assert response.status_code == 302 and response["Location"].startswith(CHECK)
    assert TOTPDevice.objects.filter(user=officer).count() == 1


# Entering a code.


def test_a_code_from_the_app_opens_the_admin_and_goes_back_to_the_page_asked_for():
    officer = admin_eido("PEN")
    device, _ = with_second_factor(officer)
    client = signed_in(officer)

    response = client.post(CHECK, {"code": app_code(device), "next": CASEWORK})

    assert response.status_code == 302 and response["Location"] == CASEWORK
    assert client.get(CASEWORK).status_code == 200
    passed = entries(officer, audit.SECOND_FACTOR_PASSED).get()
    assert passed.data == {"kind": "app"} and passed.user_id == officer.pk


def test_the_code_is_asked_for_again_in_a_new_session():
    officer = admin_eido("PEN")
    device, _ = with_second_factor(officer)
    signed_in(officer).post(CHECK, {"code": app_code(device)})
    assert signed_in(officer).get(HOME)["Location"].startswith(CHECK)


def test_an_address_elsewhere_in_next_is_not_followed():
    officer = admin_eido("PEN")
    device, _ = with_second_factor(officer)
    response = signed_in(officer).post(
        CHECK, {"code": app_code(device), "next": "https://evil.example/admin/"}
    )
    assert response["Location"] == HOME


def test_a_backup_code_works_once():
    officer = admin_eido("PEN")
    _, codes = with_second_factor(officer)
    code = f"{codes[0][:4]} {codes[0][4:].upper()}"  # as copied: spaced, in capitals

    first = signed_in(officer).post(CHECK, {"code": code})
    again = signed_in(officer).post(CHECK, {"code": code})

    assert first.status_code == 302 and first["Location"] == HOME
    assert again.status_code == 200 and field_error(again).startswith("That code is not right")
    assert StaticToken.objects.filter(device__user=officer).count() == 9
    assert entries(officer, audit.SECOND_FACTOR_PASSED).get().data == {"kind": "backup"}
    assert entries(officer, audit.SECOND_FACTOR_FAILED).get().data == {"kind": "backup"}


def test_a_wrong_code_shows_an_error_summary_and_a_message_beside_the_field_and_changes_nothing():
    officer = admin_eido("PEN")
    device, codes = with_second_factor(officer)
    client = signed_in(officer)

    response = client.post(CHECK, {"code": wrong_code(device)})

    assert response.status_code == 200 and has_error_summary(response)
    assert field_error(response) == "That code is not right. Check it and try again"
    assert client.get(HOME).status_code == 302
    assert StaticToken.objects.filter(device__user=officer).count() == len(codes)


def test_no_entry_in_the_audit_log_holds_a_code_typed():
    officer = admin_eido("PEN")
    device, codes = with_second_factor(officer)
    typed = [codes[1], app_code(device), wrong_code(device)]
    for code in typed:
        signed_in(officer).post(CHECK, {"code": code})
    logged = str(list(AuditLogEntry.objects.values_list("data", "label", "object_id")))
    assert entries(officer, audit.SECOND_FACTOR_PASSED).count() == 2
    assert not any(code in logged for code in typed)


def test_something_that_is_not_a_code_is_refused_without_asking_any_device():
    officer = admin_eido("PEN")
    device, _ = with_second_factor(officer)
    response = signed_in(officer).post(CHECK, {"code": "12345"})
    assert "6-digit code from your app, or an 8-character backup code" in field_error(response)
    device.refresh_from_db()
    assert device.throttling_failure_count == 0


# Throttling.


def test_after_wrong_codes_even_the_right_one_waits_for_django_otps_delay_and_is_told_how_long():
    officer = admin_eido("PEN")
    device, _ = with_second_factor(officer)
    client = signed_in(officer)
    start = timezone.now()
    # Three wrong codes, each once the wait before it (1, then 2 seconds) is over.
    for seconds in (0, 1.5, 4):
        with time_machine.travel(start + datetime.timedelta(seconds=seconds), tick=False):
            client.post(CHECK, {"code": wrong_code(device)})
    with time_machine.travel(start + datetime.timedelta(seconds=5), tick=False):
        response = client.post(CHECK, {"code": app_code(device)})
    assert response.status_code == 200
    assert field_error(response) == (
        "You have entered too many wrong codes. Wait 3 seconds, then try again"
    )
    failures = entries(officer, audit.SECOND_FACTOR_FAILED)
    assert failures.count() == 4 and failures.filter(data__waiting=True).count() == 1
    with time_machine.travel(start + datetime.timedelta(seconds=8.5), tick=False):
        response = client.post(CHECK, {"code": app_code(device)})
    assert response.status_code == 302 and client.get(HOME).status_code == 200


def test_the_wait_after_many_wrong_codes_is_given_in_minutes():
    officer = admin_eido("PEN")
    device, _ = with_second_factor(officer)
    device.throttling_failure_count = 10
    device.throttling_failure_timestamp = timezone.now()
    device.save()
    response = signed_in(officer).post(CHECK, {"code": app_code(device)})
    assert "Wait 9 minutes, then try again" in field_error(response)


def test_a_mistyped_app_code_does_not_hold_up_the_backup_codes():
    """A code is checked against the one device its shape belongs to."""
    officer = admin_eido("PEN")
    device, codes = with_second_factor(officer)
    client = signed_in(officer)
    client.post(CHECK, {"code": wrong_code(device)})
    assert client.post(CHECK, {"code": codes[0]}).status_code == 302


def test_setting_up_is_throttled_too():
    officer = admin_eido("PEN")
    client = signed_in(officer)
    client.get(SET_UP)
    device = TOTPDevice.objects.get(user=officer)
    with time_machine.travel(timezone.now(), tick=False):
        client.post(SET_UP, {"code": wrong_code(device)})
        response = client.post(SET_UP, {"code": app_code(device)})
    assert "Wait 1 second, then try again" in field_error(response)
    device.refresh_from_db()
    assert not device.confirmed


# New backup codes.


def test_new_backup_codes_replace_the_old_ones_and_are_offered_on_the_account_page():
    officer = admin_eido("PEN")
    device, old = with_second_factor(officer)
    client = signed_in(officer)
    client.post(CHECK, {"code": app_code(device)})
    assert BACKUP_CODES in text(client.get(reverse("wagtailadmin_account")))
    assert "You have 10 backup codes left." in text(client.get(BACKUP_CODES))

    response = client.post(BACKUP_CODES)

    shown = re.findall(r"<li><code>([a-z2-7 ]{9})</code></li>", text(response))
    new = set(StaticToken.objects.filter(device__user=officer).values_list("token", flat=True))
    assert len(shown) == 10 and {code.replace(" ", "") for code in shown} == new
    assert not new & set(old)
    assert "Your old backup codes no longer work." in text(response)
    assert signed_in(officer).post(CHECK, {"code": old[0]}).status_code == 200


def test_new_backup_codes_need_a_session_that_has_given_a_code():
    officer = admin_eido("PEN")
    _, old = with_second_factor(officer)
    with override_settings(PEI_REQUIRE_SECOND_FACTOR=False):
        response = signed_in(officer).post(BACKUP_CODES)
    assert response.status_code == 302 and response["Location"].startswith(CHECK)
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(old)


def test_an_empty_code_is_asked_for_again_beside_the_field():
    officer = admin_eido("PEN")
    with_second_factor(officer)
    response = signed_in(officer).post(CHECK, {})
    assert response.status_code == 200 and has_error_summary(response)
    assert field_error(response) == "Enter the code from your app, or a backup code"


def test_each_code_given_reads_in_words_in_the_audit_log():
    officer = admin_eido("PEN")
    device, codes = with_second_factor(officer)
    signed_in(officer).post(CHECK, {"code": app_code(device)})
    signed_in(officer).post(CHECK, {"code": codes[0]})
    signed_in(officer).post(CHECK, {"code": codes[0]})
    words = {entry.message for entry in AuditLogEntry.objects.filter(object_id=str(officer.pk))}
    assert {
        "Signed in with a code from their app",
        "Signed in with a backup code",
        "Gave a backup code that was not right",
    } <= words
