import datetime
import threading

import pytest
from django.db import connection, connections
from django.utils import timezone

from pei_workflow.models import CafEscalation, GapInService, TransitionLog
from pei_workflow.services import submit_caf_escalation, submit_gap_in_service
from tests.factories import caf_answers, gap_answers

pytestmark = pytest.mark.django_db


def test_a_gap_gets_a_reference_of_kind_district_year_and_number():
    """The first Gap of the year in Pendle is GAP-PEN-<year>-0001, the next 0002."""
    year = timezone.localdate().year
    first = submit_gap_in_service(answers=gap_answers("PEN"))
    second = submit_gap_in_service(answers=gap_answers("PEN"))
    assert first.reference == f"GAP-PEN-{year}-0001"
    assert second.reference == f"GAP-PEN-{year}-0002"


def test_each_kind_and_district_has_its_own_sequence():
    """CAF escalations and other districts count from 1 on their own."""
    year = timezone.localdate().year
    submit_gap_in_service(answers=gap_answers("PEN"))
    assert submit_caf_escalation(answers=caf_answers("PEN")).reference == f"CAF-PEN-{year}-0001"
    assert submit_gap_in_service(answers=gap_answers("BUR")).reference == f"GAP-BUR-{year}-0001"


def test_the_sequence_starts_again_each_year(monkeypatch):
    """The year in the reference is the year of submission, and numbering restarts."""
    submit_gap_in_service(answers=gap_answers("PEN"))
    next_year = timezone.now() + datetime.timedelta(days=366)
    monkeypatch.setattr(timezone, "now", lambda: next_year)
    later = submit_gap_in_service(answers=gap_answers("PEN"))
    assert later.reference == f"GAP-PEN-{timezone.localdate(next_year).year}-0001"


def test_submitting_saves_the_state_and_one_history_row():
    """A submitted case is in state submitted, with its first review history row."""
    gap = submit_gap_in_service(answers=gap_answers())
    assert gap.state == "submitted"
    assert gap.submitted_at is not None
    logs = TransitionLog.objects.filter(object_id=gap.pk)
    assert [(log.transition, log.from_state, log.to_state) for log in logs] == [
        ("submit", "new", "submitted")
    ]
    assert logs[0].actor is None
    assert gap.history.count() == 1


def test_a_submission_that_fails_validation_saves_nothing_and_uses_no_number():
    """An invalid submission leaves no row, no history and no gap in the numbering."""
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        submit_gap_in_service(answers=gap_answers(route="not-a-route"))
    assert GapInService.objects.count() == 0
    assert TransitionLog.objects.count() == 0
    year = timezone.localdate().year
    assert submit_gap_in_service(answers=gap_answers()).reference == f"GAP-PEN-{year}-0001"


def test_the_state_cannot_be_set_by_hand():
    """Only transitions change the state (FSMField protected)."""
    gap = submit_gap_in_service(answers=gap_answers())
    with pytest.raises(AttributeError):
        gap.state = "closed"


# Threads need committed data; restoring the serialized database afterwards keeps the rows
# made by migrations (districts, groups) for the tests that follow.
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are only real there")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_submissions_never_share_or_skip_a_reference():
    """Twenty practitioners submitting at the same moment get 20 different, consecutive
    references (PostgreSQL, where row locks are real)."""
    workers = 20
    barrier = threading.Barrier(workers)
    references, errors = [], []

    def submit(index):
        try:
            barrier.wait()
            model = submit_gap_in_service if index % 2 else submit_caf_escalation
            answers = gap_answers() if index % 2 else caf_answers()
            references.append(model(answers=answers).reference)
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    year = timezone.localdate().year
    expected = {f"GAP-PEN-{year}-{n:04d}" for n in range(1, 11)} | {
        f"CAF-PEN-{year}-{n:04d}" for n in range(1, 11)
    }
    assert sorted(references) == sorted(expected)
    assert GapInService.objects.count() == CafEscalation.objects.count() == 10
