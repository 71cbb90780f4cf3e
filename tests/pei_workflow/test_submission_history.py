"""A submission's history screen: every version with who, when and why, interleaved with the
review history; a comparison of any two versions shows exactly the fields that changed, long
text word by word; the screens only read, and only for those who may see the submission."""

import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pei_workflow import services
from pei_workflow.admin import urls
from pei_workflow.labels import field_label
from pei_workflow.models import GapInService
from pei_workflow.versions import versions_of, word_diff
from tests.factories import admin_eido, admin_panel_member, submitted_gap

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return html.unescape(response.content.decode())


@pytest.fixture
def officer(client):
    user = admin_eido("PEN")
    client.force_login(user)
    return user


def corrected_gap(officer):
    """A gap sent (version 1), reviewed (2), then corrected twice (3 and 4)."""
    gap = services.start_review(submission=submitted_gap("PEN"), actor=officer)
    gap = services.correct_answers(
        submission=gap,
        actor=officer,
        changes={"unmet_need": "Counselling for a young person after a bereavement."},
        reason="The practitioner asked for clearer words.",
    )
    return services.correct_answers(
        submission=gap,
        actor=officer,
        changes={"job_title": "Pastoral lead"},
        reason="Their job title changed.",
    )


def test_the_history_lists_every_version_with_who_when_and_why_among_the_review_steps(
    client, officer
):
    gap = corrected_gap(officer)

    body = text(client.get(urls.history_url(gap)))

    assert [v.number for v in versions_of(gap)] == [1, 2, 3, 4]
    for number in (1, 2, 3, 4):
        assert f"Version {number}:" in body
    assert "The practitioner asked for clearer words." in body
    assert "Their job title changed." in body
    assert "Changed: State" in body
    assert f"Changed: {field_label(GapInService, 'unmet_need')}." in body
    # The review history's steps are in the same list, newest first.
    assert body.index("Answers corrected") < body.index("Version 2:")
    assert body.index("Version 4:") < body.index("Version 1:")


def test_comparing_versions_1_and_3_shows_exactly_the_fields_that_changed(client, officer):
    gap = corrected_gap(officer)
    versions = versions_of(gap)
    expected = set(versions[1].changed) | set(versions[2].changed)

    response = client.get(urls.compare_url(gap, 1, 3))

    body = text(response)
    assert response.status_code == 200
    table = body[body.index('<table class="listing pei-compare">') :]
    table = table[: table.index("</table>")]
    shown = re.findall(r'<th scope="row">([^<]+)</th>', table)
    assert len(shown) == len(expected)
    assert {"state", "unmet_need"} <= expected
    assert "job_title" not in expected
    assert "Job title" not in shown


def test_long_text_is_compared_word_by_word_with_deletions_and_insertions_marked_in_words(
    client, officer
):
    gap = corrected_gap(officer)

    body = text(client.get(urls.compare_url(gap, 2, 3)))

    assert '<del><span class="w-sr-only">[deleted: </span>' in body
    assert '<ins><span class="w-sr-only">[inserted: </span>' in body
    assert "bereavement" in body


def test_a_word_diff_keeps_what_stayed_and_marks_what_went_and_came():
    changes = word_diff("Swimming lessons for a carer.", "Swimming sessions for a young carer.")

    assert [(c.kind, c.text) for c in changes] == [
        ("same", "Swimming "),
        ("deleted", "lessons"),
        ("inserted", "sessions"),
        ("same", " for a "),
        ("inserted", "young "),
        ("same", "carer."),
    ]


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_no_history_url_accepts_a_change(client, officer, method):
    gap = corrected_gap(officer)
    count = gap.history.count()

    for url in (urls.history_url(gap), urls.compare_url(gap, 1, 2)):
        assert getattr(client, method)(url).status_code == 405

    assert gap.history.count() == count


def test_the_history_of_another_districts_submission_is_not_found(client):
    burnley = submitted_gap("BUR")
    client.force_login(admin_eido("PEN"))

    for url in (urls.history_url(burnley), urls.compare_url(burnley, 1, 1)):
        response = client.get(url)
        assert response.status_code == 404
        assert burnley.reference not in text(response)


def test_a_panel_member_cannot_read_a_submissions_history(client):
    gap = submitted_gap("PEN")
    client.force_login(admin_panel_member("PEN"))

    assert client.get(urls.history_url(gap)).status_code == 404


@pytest.mark.parametrize(
    "query", ["?from=0&to=1", "?from=x", "?from=1&to=99", "?version=1", "?from=1&o=2"]
)
def test_a_malformed_or_undeclared_comparison_parameter_is_a_bad_request(client, officer, query):
    gap = corrected_gap(officer)

    assert client.get(urls.compare_url(gap) + query).status_code == 400


def test_the_history_page_takes_no_parameters(client, officer):
    gap = corrected_gap(officer)

    assert client.get(urls.history_url(gap) + "?o=1").status_code == 400


def test_the_history_screen_runs_as_many_queries_for_forty_versions_as_for_four(client, officer):
    gap = corrected_gap(officer)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(urls.history_url(gap)).status_code == 200
        return len(captured)

    few = queries()
    for number in range(36):
        gap = services.correct_answers(
            submission=gap,
            actor=officer,
            changes={"what_has_been_tried": f"School pastoral support, week {number}."},
            reason=f"Weekly update {number}.",
        )
    assert len(versions_of(gap)) == 40
    assert queries() == few


def test_reading_the_history_or_a_comparison_adds_one_audit_entry_each(client, officer):
    from pei_workflow.models import AuditLogEntry

    gap = corrected_gap(officer)
    before = AuditLogEntry.objects.count()

    client.get(urls.history_url(gap))
    client.get(urls.compare_url(gap, 1, 2))

    entries = AuditLogEntry.objects.order_by("pk")[before:]
    assert [(e.action, e.user, e.data.get("screen")) for e in entries] == [
        ("pei_workflow.view", officer, "history"),
        ("pei_workflow.view", officer, "diff"),
    ]
