"""Signing in to the admin (issue 16): five failed attempts lock an account, or an address,
for an hour; the lockout page says so; a county lead or an operator unlocks it; and nothing
of a username that names no account is kept as it was typed."""

import html

import pytest
from axes.models import AccessAttempt
from django.db import connection
from django.test import Client
from django.urls import reverse

from pei_workflow import audit
from pei_workflow.models import AuditLogEntry
from tests.factories import admin_county_lead, admin_eido

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery-staple"  # UserFactory's
SIGN_IN = reverse("wagtailadmin_login")
LOCKS = reverse("pei_workflow_locked_sign_ins")


def client_at(address: str = "203.0.113.7") -> Client:
    return Client(REMOTE_ADDR=address)


def sign_in(client, username: str, password: str = PASSWORD):
    return client.post(SIGN_IN, {"username": username, "password": password})


def text(response) -> str:
    return html.unescape(response.content.decode())


def fail(client, username: str, times: int = 5) -> list[int]:
    """Sign in `times` times with a wrong password; the statuses answered."""
    return [sign_in(client, username, "not-the-password").status_code for _ in range(times)]


def test_five_wrong_passwords_lock_the_account_and_the_sixth_right_one_is_refused():
    officer = admin_eido("PEN")
    client = client_at()
    assert fail(client, officer.username) == [200, 200, 200, 200, 429]
    response = sign_in(client, officer.username)
    assert response.status_code == 429
    page = text(response)
    assert "Sign-in locked" in page
    assert "5 failed attempts" in page and "Try again in 1 hour" in page
    assert "_auth_user_id" not in client.session


def test_a_locked_account_is_locked_from_every_address():
    officer = admin_eido("PEN")
    fail(client_at("203.0.113.7"), officer.username)
    assert sign_in(client_at("198.51.100.9"), officer.username).status_code == 429


def test_four_wrong_passwords_then_the_right_one_signs_in_and_forgets_the_failures():
    officer = admin_eido("PEN")
    client = client_at()
    assert fail(client, officer.username, times=4) == [200] * 4
    assert sign_in(client, officer.username).status_code == 302
    assert fail(client_at(), officer.username, times=4) == [200] * 4
    assert sign_in(client_at(), officer.username).status_code == 302


def test_five_failures_from_one_address_for_any_accounts_lock_that_address_only():
    officer, other = admin_eido("PEN"), admin_eido("BUR")
    guesser = client_at("203.0.113.50")
    for name in ("someone", "someone-else", "admin", "root", "test"):
        fail(guesser, name, times=1)
    assert sign_in(guesser, other.username).status_code == 429
    assert sign_in(client_at("198.51.100.9"), officer.username).status_code == 302


def test_a_name_that_is_no_account_locks_as_an_account_would_and_is_not_kept_as_typed():
    """The lock tells nobody which names are accounts, and the password someone typed into
    the username box is in no table."""
    client = client_at()
    fail(client, "Horse-Battery-9")
    response = sign_in(client, "Horse-Battery-9")
    assert response.status_code == 429
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {AccessAttempt._meta.db_table}")  # noqa: S608
        kept = "\n".join(str(value) for row in cursor.fetchall() for value in row)
    assert "horse-battery-9" not in kept.lower()


def test_a_county_lead_sees_the_locked_account_and_address_and_unlocks_the_account():
    officer = admin_eido("PEN")
    fail(client_at("203.0.113.7"), officer.username)
    lead = Client()
    lead.force_login(admin_county_lead())
    page = text(lead.get(LOCKS))
    assert officer.username in page and "203.0.113.7" in page
    response = lead.post(LOCKS, {"account": officer.username})
    assert response.status_code == 302
    after = text(lead.get(LOCKS))
    assert f"Unlocked: {officer.username}." in after and "No account is locked." in after
    assert sign_in(client_at("198.51.100.9"), officer.username).status_code == 302
    entry = AuditLogEntry.objects.get(action=audit.SIGN_IN_UNLOCKED)
    assert (entry.object_id, entry.label) == (str(officer.pk), officer.username)


def test_a_county_lead_unlocks_an_address_and_the_audit_log_does_not_name_it():
    guesser = client_at("203.0.113.50")
    for name in ("a1", "a2", "a3", "a4", "a5"):
        fail(guesser, name, times=1)
    lead = Client()
    lead.force_login(admin_county_lead())
    assert lead.post(LOCKS, {"address": "203.0.113.50"}).status_code == 302
    officer = admin_eido("PEN")
    assert sign_in(guesser, officer.username).status_code == 302
    entry = AuditLogEntry.objects.get(action=audit.SIGN_IN_UNLOCKED)
    assert "203.0.113.50" not in str(entry.label) + str(entry.data)


def test_an_ipv6_client_cannot_escape_a_lock_by_moving_within_its_64():
    for n in range(5):
        fail(client_at(f"2001:db8:1:2::{n + 1}"), f"name-{n}", times=1)
    officer = admin_eido("PEN")
    assert sign_in(client_at("2001:db8:1:2::beef"), officer.username).status_code == 429
    assert sign_in(client_at("2001:db8:1:3::1"), officer.username).status_code == 302


@pytest.mark.parametrize(
    "answers",
    [{}, {"account": "nobody-locked"}, {"address": "192.0.2.1"}, {"account": "a", "address": "b"}],
)
def test_an_unlock_of_nothing_locked_is_a_bad_request_and_changes_nothing(answers):
    officer = admin_eido("PEN")
    fail(client_at(), officer.username)
    lead = Client()
    lead.force_login(admin_county_lead())
    response = lead.post(LOCKS, answers)
    assert response.status_code == 400
    assert sign_in(client_at(), officer.username).status_code == 429
    assert not AuditLogEntry.objects.filter(action=audit.SIGN_IN_UNLOCKED).exists()


def test_an_eido_can_neither_see_nor_unlock_locked_sign_ins():
    officer = admin_eido("PEN")
    fail(client_at(), officer.username)
    eido = Client()
    eido.force_login(admin_eido("BUR"))
    assert eido.get(LOCKS).status_code == 403
    assert eido.post(LOCKS, {"account": officer.username}).status_code == 403
    assert sign_in(client_at(), officer.username).status_code == 429
