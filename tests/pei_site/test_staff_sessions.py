"""Staff sessions end after 30 minutes without a request (issue 16), renewed by any admin
page or by "Stay signed in"; every admin page carries the warning that comes first."""

import datetime

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import admin_eido

pytestmark = pytest.mark.django_db

HOME = reverse("wagtailadmin_home")
KEEP_ALIVE = reverse("pei_staff_keep_alive")


def signed_in() -> Client:
    client = Client()
    client.force_login(admin_eido("PEN"))
    return client


def minutes(n: int) -> datetime.timedelta:
    return datetime.timedelta(minutes=n)


def test_a_staff_session_ends_thirty_minutes_after_its_last_request():
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        client = signed_in()
        assert client.get(HOME).status_code == 200
        assert client.session.get_expiry_age() == 30 * 60
        clock.move_to(start + minutes(31))
        response = client.get(HOME)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_a_staff_member_active_every_twenty_minutes_stays_signed_in():
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        client = signed_in()
        for step in range(1, 5):
            clock.move_to(start + minutes(20 * step))
            assert client.get(HOME).status_code == 200


def test_stay_signed_in_renews_the_session_without_leaving_the_page():
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        client = signed_in()
        client.get(HOME)
        clock.move_to(start + minutes(26))
        assert client.get(KEEP_ALIVE).status_code == 204
        clock.move_to(start + minutes(52))
        assert client.get(HOME).status_code == 200


def test_stay_signed_in_does_nothing_for_someone_not_signed_in():
    client = Client()
    assert client.get(KEEP_ALIVE).status_code == 403
    assert "sessionid" not in client.cookies


def test_every_admin_page_carries_the_warning_with_the_idle_time():
    page = signed_in().get(HOME).content.decode()
    assert "pei_site/js/staff-timeout" in page
    assert 'data-idle-seconds="1800"' in page
    assert f'data-keep-alive-url="{KEEP_ALIVE}"' in page
