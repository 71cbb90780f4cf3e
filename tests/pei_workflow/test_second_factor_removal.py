"""Removing someone's second factor (a lost phone): a county lead or an operator does it under
Settings > Second factors, with a reason from a fixed list, in the audit log; the person's
app and backup codes stop working, and they set up a new one at their next sign-in. An EIDO
cannot (403), and only an operator removes an operator's."""

import html

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from pei_workflow import audit
from pei_workflow.admin import urls
from pei_workflow.choices import SecondFactorRemoval
from pei_workflow.models import AuditLogEntry
from tests.factories import UserFactory, admin_county_lead, admin_eido
from tests.pei_site.second_factors import (
    CHECK,
    HOME,
    SET_UP,
    app_code,
    signed_in,
    with_second_factor,
)

pytestmark = pytest.mark.django_db

LOGIN = reverse("wagtailadmin_login")


def text(response) -> str:
    return html.unescape(response.content.decode())


def lead_client(**kwargs) -> Client:
    client = Client()
    client.force_login(admin_county_lead(**kwargs))
    return client


def test_a_county_lead_sees_who_has_a_second_factor_and_removes_one_with_a_reason():
    officer = admin_eido("PEN", first_name="Priya", last_name="Shah")
    with_second_factor(officer)
    client = lead_client()
    listing = text(client.get(urls.second_factors_url()))
    assert "Priya Shah" in listing and urls.remove_second_factor_url(officer) in listing

    response = client.post(
        urls.remove_second_factor_url(officer), {"reason": SecondFactorRemoval.LOST_PHONE}
    )

    assert response.status_code == 302 and response["Location"] == urls.second_factors_url()
    assert not TOTPDevice.objects.filter(user=officer).exists()
    assert not StaticDevice.objects.filter(user=officer).exists()
    assert not StaticToken.objects.exists()
    entry = AuditLogEntry.objects.get(action=audit.SECOND_FACTOR_REMOVED)
    assert entry.object_id == str(officer.pk)
    assert entry.data == {"reason": "lost_phone", "sessions_ended": 0}
    assert entry.user_id != officer.pk
    assert "phone was lost or stolen" in entry.message.lower()


def test_removal_signs_the_person_out_everywhere_and_they_set_up_a_new_one_at_sign_in():
    """A browser left signed in (perhaps on the lost phone) is signed out, rather than
    offered to set up a new app with no password asked; other people stay signed in."""
    officer = admin_eido("PEN")
    device, _ = with_second_factor(officer)
    verified, half_way = signed_in(officer), signed_in(officer)
    verified.post(CHECK, {"code": app_code(device)})
    colleague = admin_eido("PEN", username="colleague")
    colleague_client = Client()
    colleague_client.force_login(colleague)

    lead_client().post(urls.remove_second_factor_url(officer), {"reason": "new_phone"})

    with override_settings(PEI_REQUIRE_SECOND_FACTOR=True):
        for session in (verified, half_way):
            assert session.get(HOME)["Location"].startswith(LOGIN)
        assert signed_in(officer).get(HOME)["Location"].startswith(SET_UP)
    assert colleague_client.get(HOME).status_code == 200
    entry = AuditLogEntry.objects.get(action=audit.SECOND_FACTOR_REMOVED)
    assert entry.data["sessions_ended"] == 2
    assert entry.message.endswith("Signed out of 2 sessions")


def test_a_removal_without_a_reason_changes_nothing_and_says_why():
    officer = admin_eido("PEN")
    with_second_factor(officer)
    response = lead_client().post(urls.remove_second_factor_url(officer), {})
    assert response.status_code == 200
    assert "Choose why you are removing it" in text(response)
    assert TOTPDevice.objects.filter(user=officer).exists()
    assert not AuditLogEntry.objects.filter(action=audit.SECOND_FACTOR_REMOVED).exists()


def test_an_eido_cannot_see_or_remove_anyones_second_factor():
    officer, other = admin_eido("PEN"), admin_eido("PEN")
    with_second_factor(other)
    client = Client()
    client.force_login(officer)
    assert client.get(urls.second_factors_url()).status_code == 403
    response = client.post(urls.remove_second_factor_url(other), {"reason": "lost_phone"})
    assert response.status_code == 403
    assert TOTPDevice.objects.filter(user=other).exists()


def test_only_an_operator_removes_an_operators_second_factor():
    operator = UserFactory(is_superuser=True, is_staff=True)
    with_second_factor(operator)
    client = lead_client()
    assert urls.remove_second_factor_url(operator) not in text(
        client.get(urls.second_factors_url())
    )
    response = client.post(urls.remove_second_factor_url(operator), {"reason": "lost_phone"})
    assert response.status_code == 403 and TOTPDevice.objects.filter(user=operator).exists()
    by_operator = Client()
    by_operator.force_login(UserFactory(is_superuser=True, is_staff=True))
    by_operator.post(urls.remove_second_factor_url(operator), {"reason": "lost_phone"})
    assert not TOTPDevice.objects.filter(user=operator).exists()


def test_someone_without_a_second_factor_has_no_removal_page():
    assert lead_client().get(urls.remove_second_factor_url(admin_eido("PEN"))).status_code == 404
