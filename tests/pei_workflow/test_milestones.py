"""A case keeps the first time it was reviewed and the first time it was settled, as its
review history has them, whatever happens to it later."""

import pytest

from pei_workflow.models import GapInService, TransitionLog
from pei_workflow.services import decline, reopen, start_review
from pei_workflow.services.milestones import fill_first_times
from tests.factories import county_lead, submitted_gap

pytestmark = pytest.mark.django_db


def step_time(gap, transition):
    return (
        TransitionLog.objects.filter(object_id=gap.pk, transition=transition)
        .earliest("created_at")
        .created_at
    )


def test_the_first_review_and_the_first_decision_are_kept_when_the_case_is_reopened():
    lead = county_lead()
    gap = start_review(submission=submitted_gap("PEN"), actor=lead)
    gap = decline(submission=gap, actor=lead, reason="Not a gap in service.")
    gap = reopen(submission=gap, actor=lead, reason="More came to light.")
    gap.refresh_from_db()
    assert gap.first_reviewed_at == step_time(gap, "start_review")
    assert gap.first_decided_at == step_time(gap, "decline")


def test_a_case_not_yet_reviewed_has_neither():
    gap = submitted_gap("PEN")
    gap.refresh_from_db()
    assert gap.first_reviewed_at is None and gap.first_decided_at is None


def test_filling_them_in_bulk_gives_what_the_steps_gave():
    lead = county_lead()
    gap = decline(
        submission=start_review(submission=submitted_gap("PEN"), actor=lead),
        actor=lead,
        reason="Not a gap in service.",
    )
    GapInService.objects.update(first_reviewed_at=None, first_decided_at=None)
    assert fill_first_times(GapInService.objects.all()) == 1
    gap.refresh_from_db()
    assert gap.first_reviewed_at == step_time(gap, "start_review")
    assert gap.first_decided_at == step_time(gap, "decline")
