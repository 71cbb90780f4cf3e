"""Retention: `manage.py apply_retention` removes the practitioner's contact details, and later
the free text, from cases that ended long enough ago, from every version and copy, keeping
what reports need; a dry run changes nothing; a second run changes nothing more; the privacy
notice states the periods the command uses."""

import datetime
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.test import override_settings

from guidance_pages.content import privacy
from pei_workflow import services
from pei_workflow.models import GapInService, TransitionLog
from pei_workflow.services.retention import REMOVED, apply_retention, years_before
from tests.database_scan import find_everywhere
from tests.factories import eido, in_state, submitted_caf, submitted_gap

pytestmark = pytest.mark.django_db

ENDED = datetime.datetime(2020, 3, 10, 10, 0, tzinfo=datetime.UTC)
ANSWER = "She goes to the youth club on the estate every Friday night."
NOTES = "The family found the counselling helped a great deal over the spring."
CONTACT = ("Sam Taylor", "sam.taylor@example.org", "01632 960001")
STRUCTURED = (
    "reference",
    "district_id",
    "route",
    "barrier",
    "age_band",
    "affected_group",
    "children_affected",
    "families_affected",
    "workforce",
    "state",
    "submitted_at",
    "closed_at",
    "monitoring_outcome",
    "children_benefiting",
    "families_benefiting",
    "caf_in_place_at_close",
)


def closed_case(at=ENDED, **answers):
    """A gap sent, questioned, answered and closed at `at` (the clock stopped there)."""
    with time_machine.travel(at, tick=False):
        officer = eido("PEN")
        gap = services.start_review(submission=submitted_gap("PEN", **answers), actor=officer)
        gap = services.request_information(
            submission=gap, actor=officer, message="Which evenings does she go?"
        )
        gap = services.provide_information(submission=gap, answer=ANSWER)
        gap = in_state(gap, "action_agreed")
        return services.close(
            submission=gap,
            actor=officer,
            outcome="met",
            children_benefiting=1,
            families_benefiting=1,
            caf_in_place="yes",
            notes=NOTES,
        )


def structured(gap) -> dict:
    row = GapInService.objects.values(*STRUCTURED).get(pk=gap.pk)
    steps = list(
        TransitionLog.objects.filter(object_id=gap.pk)
        .order_by("pk")
        .values_list("transition", "from_state", "to_state", "created_at")
    )
    return {"row": row, "steps": steps}


def versions(gap, field):
    return set(GapInService.history.filter(id=gap.pk).values_list(field, flat=True))


def run(*args, at) -> str:
    out = StringIO()
    with time_machine.travel(at, tick=False):
        call_command("apply_retention", *args, stdout=out)
    return out.getvalue()


def test_two_years_after_closing_the_contact_details_go_from_every_version():
    """Name, job title, organisation, email and phone are removed from the submission and
    every version; the free text and everything reports use stay."""
    gap = closed_case()
    before = structured(gap)
    output = run(at=years_before(ENDED, -2) + datetime.timedelta(minutes=1))
    assert f"Removed contact details (2 years after the case ended): 1 case: {gap.reference}" in (
        output
    )
    for field in ("practitioner_name", "job_title", "organisation", "email", "phone"):
        assert versions(gap, field) == {REMOVED}
    for detail in CONTACT:
        assert find_everywhere(detail) == []
    assert find_everywhere(ANSWER) and find_everywhere(NOTES)
    assert structured(gap)["row"] == before["row"]
    assert structured(gap)["steps"] == before["steps"]


def test_six_years_after_closing_the_free_text_goes_from_every_version_and_comment():
    """The answers, the staff's notes, every review-history comment: found nowhere in the
    database; the counts, categories, states, dates and steps stay."""
    gap = closed_case(what_has_been_tried="Weekly sessions with the learning mentor at lunch.")
    before = structured(gap)
    run(at=years_before(ENDED, -6) + datetime.timedelta(days=1))
    for text in (ANSWER, NOTES, "Which evenings does she go?", "sessions with the learning"):
        assert find_everywhere(text) == [], text
    assert versions(gap, "unmet_need") == {REMOVED}
    comments = set(TransitionLog.objects.filter(object_id=gap.pk).values_list("comment", flat=True))
    assert comments <= {"", REMOVED}
    assert structured(gap) == before
    close = TransitionLog.objects.get(object_id=gap.pk, transition="close")
    assert close.data["outcome"] == "met" and close.data["children_benefiting"] == 1


def test_nothing_is_removed_before_its_time_nor_from_an_open_case():
    gap = closed_case()
    open_case = in_state(submitted_gap("PEN"), "in_review")
    output = run(at=years_before(ENDED, -2) - datetime.timedelta(minutes=1))
    assert "contact details (2 years after the case ended): 0 cases" in output
    gap.refresh_from_db()
    open_case.refresh_from_db()
    assert gap.practitioner_name == open_case.practitioner_name == "Sam Taylor"


def test_a_dry_run_says_what_it_would_remove_and_changes_nothing():
    gap = closed_case()
    later = years_before(ENDED, -7)
    before = find_everywhere("Sam Taylor"), find_everywhere(ANSWER), structured(gap)
    output = run("--dry-run", at=later)
    assert output.splitlines()[0] == "Dry run: nothing has been changed."
    assert (
        f"Would remove contact details (2 years after the case ended): 1 case: {gap.reference}"
        in output
    )
    assert f"Would remove free text (6 years after the case ended): 1 case: {gap.reference}" in (
        output
    )
    assert (find_everywhere("Sam Taylor"), find_everywhere(ANSWER), structured(gap)) == before


def test_running_twice_gives_the_same_result_as_running_once():
    """The second run finds nothing due and changes nothing."""
    gap = closed_case()
    later = years_before(ENDED, -7)
    first = run(at=later)
    assert "1 case" in first
    after_first = (
        list(GapInService.history.filter(id=gap.pk).values()),
        list(TransitionLog.objects.values()),
    )
    second = run(at=later)
    assert "contact details (2 years after the case ended): 0 cases" in second
    assert "free text (6 years after the case ended): 0 cases" in second
    after_second = (
        list(GapInService.history.filter(id=gap.pk).values()),
        list(TransitionLog.objects.values()),
    )
    assert after_second == after_first


def test_a_declined_or_withdrawn_case_is_dated_by_its_review_history():
    """Neither has `closed_at`: the decline or withdrawal row says when it ended."""
    with time_machine.travel(ENDED, tick=False):
        officer = eido("PEN")
        declined = services.decline(
            submission=services.start_review(submission=submitted_gap("PEN"), actor=officer),
            actor=officer,
            reason="Not a gap in services.",
        )
        withdrawn = services.withdraw_by_practitioner(submission=submitted_caf("PEN"))
    output = run(at=years_before(ENDED, -2) + datetime.timedelta(hours=1))
    assert "2 cases" in output
    for case in (declined, withdrawn):
        case.refresh_from_db()
        assert case.practitioner_name == REMOVED


def test_a_reopened_case_starts_its_clock_again_when_it_ends_again():
    officer = eido("PEN")
    gap = closed_case()
    with time_machine.travel(years_before(ENDED, -1), tick=False):
        gap = services.reopen(submission=gap, actor=officer, reason="The need came back.")
        gap = services.withdraw_for_practitioner(submission=gap, actor=officer)
    run(at=years_before(ENDED, -2) + datetime.timedelta(days=1))
    gap.refresh_from_db()
    assert gap.practitioner_name == "Sam Taylor"
    run(at=years_before(ENDED, -3) + datetime.timedelta(days=1))
    gap.refresh_from_db()
    assert gap.practitioner_name == REMOVED


def test_a_case_with_no_record_of_when_it_ended_is_left_alone_and_named():
    gap = in_state(submitted_gap("PEN"), "declined")
    output = run(at=years_before(ENDED, -10))
    assert f"Left alone, ended with no record of when: 1 case: {gap.reference}" in output
    gap.refresh_from_db()
    assert gap.practitioner_name == "Sam Taylor"


def test_the_output_names_references_and_never_a_removed_value():
    closed_case()
    output = run(at=years_before(ENDED, -7))
    for value in (*CONTACT, ANSWER, NOTES):
        assert value not in output


def test_a_bad_option_is_one_line_on_stderr_and_a_non_zero_exit():
    manage = Path(__file__).resolve().parents[2] / "manage.py"
    result = subprocess.run(  # noqa: S603
        [sys.executable, str(manage), "apply_retention", "--dry-rn"],
        capture_output=True,
        text=True,
        env={"DJANGO_SETTINGS_MODULE": "pei_site.settings.test", "PATH": "/usr/bin:/bin"},
        check=False,
        timeout=120,
    )
    assert result.returncode != 0
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        "apply_retention: unrecognized arguments: --dry-rn (try --help)"
    ]


@pytest.mark.parametrize(
    "setting",
    [{"contact_details_years": 0, "free_text_years": 6}, {"contact_details_years": 2}, None],
)
def test_a_bad_setting_is_refused_with_one_line_and_changes_nothing(setting):
    gap = closed_case()
    with override_settings(PEI_RETENTION=setting), pytest.raises(CommandError) as refused:
        run(at=years_before(ENDED, -7))
    assert "\n" not in str(refused.value) and "PEI_RETENTION" in str(refused.value)
    gap.refresh_from_db()
    assert gap.practitioner_name == "Sam Taylor"


@override_settings(PEI_RETENTION={"contact_details_years": 3, "free_text_years": 7})
def test_the_privacy_notice_and_the_command_read_the_same_periods():
    """Changing the setting changes what the notice says and what the command does."""
    notice = str(privacy.build(_Links()))
    assert "3 years after your form is closed" in notice
    assert "7 years after your form is closed" in notice
    gap = closed_case()
    done = apply_retention(now=years_before(ENDED, -2) + datetime.timedelta(days=1))
    assert done.contact_details == []
    gap.refresh_from_db()
    assert gap.practitioner_name == "Sam Taylor"
    run(at=years_before(ENDED, -3) + datetime.timedelta(days=1))
    gap.refresh_from_db()
    assert gap.practitioner_name == REMOVED


class _Links:
    """The notice's links, without a page tree."""

    def a(self, slug, text):
        return f'<a href="/{slug}/">{text}</a>'


def test_the_years_before_29_february_is_the_28th():
    leap = datetime.datetime(2024, 2, 29, 12, 0, tzinfo=datetime.UTC)
    assert years_before(leap, 2) == datetime.datetime(2022, 2, 28, 12, 0, tzinfo=datetime.UTC)
