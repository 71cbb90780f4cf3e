"""A key no database row can have, ticked in any of the admin's lists of tick boxes, is refused
as an unknown choice, never a server error (SQLite holds no integer of 2**63 or more)."""

import pytest

from pei_workflow import services
from pei_workflow.admin import urls
from pei_workflow.models import Meeting
from tests.factories import admin_eido, meeting, submitted_gap

pytestmark = pytest.mark.django_db

# The last two: more digits than Python reads as a number (4,300), leading zeros and all.
IMPOSSIBLE = [str(2**63), str(10**40), str(-(2**63) - 1), "9" * 5000, "0" * 4999 + "1" * 20]
# In range, but longer than Python reads as a number: the field's own "no such choice".
UNKNOWN = ["0" * 4999 + "7"]


@pytest.mark.parametrize("key", IMPOSSIBLE + UNKNOWN)
def test_an_impossible_theme_key_gets_the_forms_error_and_changes_nothing(client, key):
    officer = admin_eido("PEN")
    client.force_login(officer)
    gap = services.start_review(submission=submitted_gap("PEN"), actor=officer)

    response = client.post(urls.themes_url(gap), {"themes": [key]})

    assert response.status_code == 200
    assert "is not a valid value" in response.content.decode()
    assert gap.themes.count() == 0


@pytest.mark.parametrize("key", IMPOSSIBLE)
def test_an_impossible_member_key_on_a_meeting_gets_the_forms_error(client, key):
    client.force_login(admin_eido("PEN"))
    panel = meeting("PEN")
    form = {
        "district": panel.district_id,
        "kind": panel.kind,
        "date": panel.date.isoformat(),
        "members_present": [key],
        "change_reason": "Recording who came.",
    }

    response = client.post(urls.screen_url(panel, "edit"), form)

    assert response.status_code == 200
    assert Meeting.objects.get(pk=panel.pk).members_present.count() == 0
