"""The admin's "Forgotten password?" form has limits (issue 16): five requests an hour from
one address, three an hour for one email address, and an answer that never tells whether an
address has an account."""

import html

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from tests.factories import admin_eido

pytestmark = pytest.mark.django_db

RESET = reverse("wagtailadmin_password_reset")
DONE = reverse("wagtailadmin_password_reset_done")


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()
    yield
    cache.clear()


def ask(email: str, address: str = "203.0.113.7"):
    return Client(REMOTE_ADDR=address).post(RESET, {"email": email})


def test_a_reset_for_an_account_sends_its_email():
    officer = admin_eido("PEN", email="priya@example.org")
    response = ask(officer.email)
    assert (response.status_code, response["Location"]) == (302, DONE)
    assert [message.to for message in mail.outbox] == [[officer.email]]


def test_a_sixth_request_from_one_address_in_an_hour_is_refused_and_sends_nothing():
    for n in range(5):
        assert ask(f"person{n}@example.org").status_code == 302
    officer = admin_eido("PEN", email="priya@example.org")
    response = ask(officer.email)
    assert response.status_code == 429
    assert "Too many password reset requests" in html.unescape(response.content.decode())
    assert mail.outbox == []
    assert ask(officer.email, address="198.51.100.9").status_code == 302
    assert len(mail.outbox) == 1


def test_a_fourth_request_for_one_email_answers_as_always_and_sends_nothing():
    officer = admin_eido("PEN", email="priya@example.org")
    for n in range(3):
        ask(officer.email, address=f"198.51.100.{n + 1}")
    assert len(mail.outbox) == 3
    response = ask("Priya@Example.org ", address="192.0.2.77")
    assert (response.status_code, response["Location"]) == (302, DONE)
    assert len(mail.outbox) == 3
