"""A practitioner's half-filled form keeps its session for a day (issue 16): the staff
sessions' 30 minutes without a request apply to signed-in staff only."""

import pytest

from tests.pei_forms.form_helpers import GAP_ANSWERS, fill_steps

pytestmark = pytest.mark.django_db


def test_a_half_filled_form_keeps_its_session_for_a_day(client, gap_page):
    fill_steps(client, gap_page, GAP_ANSWERS, until="the-need")
    assert client.cookies["sessionid"]["max-age"] == 24 * 60 * 60
