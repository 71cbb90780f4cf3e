"""Two people acting at the same moment cannot both win, and nothing of either is lost.

Row locks are only real on PostgreSQL, so these tests run there (CI sets DATABASE_URL). The
overlap is made certain rather than likely: the first person's request stops once it holds
the lock, the second person's request starts only then, and the first goes on (and commits)
only when PostgreSQL says the second is waiting for a lock, or the second has finished. So
with the row locks the second always meets the first one's lock, and without them both win:
the last tests here remove `select_for_update` and show that the same overlap then lets both
through, so these tests cannot pass without the locks.
"""

import threading
import time
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.db.models import QuerySet

from pei_workflow import services
from pei_workflow.models import GapInService, SpotPurchase, TransitionLog, financial_year_of
from pei_workflow.services import TransitionRefused, caseload
from pei_workflow.services import budgets as budget_rules
from pei_workflow.services import transitions as transition_unit
from tests.factories import budget, county_lead, eido, meeting, submitted_gap

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are only real there"),
    # Threads need committed data; restoring the serialized database afterwards keeps the
    # rows made by migrations (districts, groups) for the tests that follow.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Long enough for a loaded CI machine; a run with the locks in place never waits this long.
WAIT_SECONDS = 30


class Overlap:
    """Holds the first person's request at a point where it holds the lock, until the second
    person's request is blocked by it (or, with no lock to meet, has finished).

    `hold(function)` wraps the function the service calls once the lock is held; the first
    call to it is the first person's, since the second person starts only after it.
    """

    def __init__(self):
        self.first_holds = threading.Event()
        self.second_done = threading.Event()
        self.second_pid: int | None = None
        self.second_was_blocked = False
        self._claimed = threading.Lock()
        self._held = False

    def hold(self, function):
        def held(*args, **kwargs):
            result = function(*args, **kwargs)
            with self._claimed:
                first, self._held = not self._held, True
            if first:
                self.first_holds.set()
                self._wait_for_the_second()
            return result

        return held

    def _wait_for_the_second(self):
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            if self.second_done.is_set():
                return
            if self.second_pid is not None:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT cardinality(pg_blocking_pids(%s))", [self.second_pid])
                    if cursor.fetchone()[0]:
                        self.second_was_blocked = True
                        return
            time.sleep(0.005)
        raise AssertionError("The second request neither waited for the lock nor finished.")

    def run(self, first, second):
        """Run `first` and then, once it holds the lock, `second`, each in its own thread;
        return what each returned or raised, in that order."""
        results = [None, None]

        def run_first():
            try:
                results[0] = first()
            except Exception as error:
                results[0] = error
            finally:
                self.first_holds.set()  # never leave the second waiting
                connections.close_all()

        def run_second():
            try:
                if not self.first_holds.wait(WAIT_SECONDS):
                    raise AssertionError("The first request never took the lock.")
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_backend_pid()")
                    self.second_pid = cursor.fetchone()[0]
                results[1] = second()
            except Exception as error:
                results[1] = error
            finally:
                self.second_done.set()
                connections.close_all()

        threads = [threading.Thread(target=run_first), threading.Thread(target=run_second)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return results


@pytest.fixture
def without_row_locks(monkeypatch):
    """`select_for_update` made a no-op everywhere: the code as it would be without locks."""
    monkeypatch.setattr(QuerySet, "select_for_update", lambda self, *args, **kwargs: self)


def racing_reviews(monkeypatch):
    """An EIDO and a county lead both start the review of one gap."""
    overlap = Overlap()
    monkeypatch.setattr(
        transition_unit, "record_transition", overlap.hold(transition_unit.record_transition)
    )
    gap = submitted_gap("PEN")
    officer, lead = eido("PEN"), county_lead()
    results = overlap.run(
        lambda: services.start_review(submission=gap, actor=officer),
        lambda: services.start_review(submission=gap, actor=lead),
    )
    return overlap, gap, results


def racing_spot_purchases(monkeypatch):
    """Two £500 Resource Panel decisions for Pendle, with £900 left."""
    overlap = Overlap()
    monkeypatch.setattr(budget_rules, "budget_position", overlap.hold(budget_rules.budget_position))
    panel = meeting("PEN")
    budget("PEN", "900.00", year=financial_year_of(panel.date))
    officer = eido("PEN")
    gaps = []
    for _ in range(2):
        gap = services.start_review(submission=submitted_gap("PEN"), actor=officer)
        gaps.append(services.add_to_agenda(submission=gap, actor=officer, meeting=panel))

    def decide(gap):
        return lambda: services.record_panel_decision(
            submission=gap,
            actor=officer,
            outcome="spot_purchase",
            amount=Decimal("500.00"),
            purchase_for="Transport for a term",
        )

    return overlap, gaps, overlap.run(decide(gaps[0]), decide(gaps[1]))


def racing_corrections(monkeypatch):
    """Two EIDOs correct the same answer of one gap, both from the same version."""
    overlap = Overlap()
    gap = services.start_review(submission=submitted_gap("PEN"), actor=eido("PEN"))
    seen = gap.updated_at
    first, second = eido("PEN"), eido("PEN")
    monkeypatch.setattr(GapInService, "full_clean", overlap.hold(GapInService.full_clean))

    def correct(user, text):
        return lambda: services.correct_answers(
            submission=gap,
            actor=user,
            changes={"unmet_need": text},
            reason="Typo",
            seen_updated_at=seen,
        )

    results = overlap.run(
        correct(first, "Bereavement counselling."), correct(second, "Grief support.")
    )
    return overlap, gap, results


def test_two_people_taking_steps_on_one_submission_at_once_cannot_both_win(monkeypatch):
    """An EIDO and a county lead both start the review at the same moment: one wins, the
    other waits for the first one's lock and then gets a plain message, and the history has
    exactly the winner's row."""
    overlap, gap, results = racing_reviews(monkeypatch)

    assert overlap.second_was_blocked
    winner, loser = results
    assert isinstance(winner, GapInService), results
    assert isinstance(loser, TransitionRefused), results
    assert "Nothing has been changed" in str(loser)
    gap.refresh_from_db()
    assert gap.state == "in_review"
    steps = list(
        TransitionLog.objects.filter(object_id=gap.pk, content_type__model="gapinservice")
        .order_by("pk")
        .values_list("transition", flat=True)
    )
    assert steps == ["submit", "start_review"]


def test_with_900_pounds_left_only_one_of_two_500_pound_decisions_at_once_succeeds(
    monkeypatch,
):
    """Two Resource Panel decisions recorded at the same moment for the same district, each
    £500 with £900 left: exactly one is agreed; the other waits for the budget's lock, is
    refused, saying why, and changes nothing."""
    overlap, gaps, results = racing_spot_purchases(monkeypatch)

    assert overlap.second_was_blocked
    agreed, refused = results
    assert isinstance(agreed, GapInService), results
    assert isinstance(refused, ValidationError), results
    assert "£400.00 left" in str(refused)
    assert list(SpotPurchase.objects.values_list("gap_id", flat=True)) == [gaps[0].pk]
    states = dict(GapInService.objects.values_list("pk", "state"))
    assert states == {gaps[0].pk: "action_agreed", gaps[1].pk: "on_panel_agenda"}


def test_two_corrections_made_from_the_same_version_cannot_both_be_saved(monkeypatch):
    """Two EIDOs correct the same answers from the same version at once: the first is saved;
    the second waits for its lock, is refused and told to check, so it cannot silently
    overwrite the first."""
    overlap, gap, results = racing_corrections(monkeypatch)

    assert overlap.second_was_blocked
    saved, refused = results
    assert isinstance(saved, GapInService), results
    assert isinstance(refused, TransitionRefused), results
    assert "Someone else changed" in str(refused)
    gap.refresh_from_db()
    assert gap.unmet_need == "Bereavement counselling."


# The same races with the row locks taken out: both people win, so the tests above can tell.


def test_without_row_locks_both_people_starting_a_review_would_win(monkeypatch, without_row_locks):
    """Proof that the overlap is real: with no lock, the second review is saved too."""
    _, gap, results = racing_reviews(monkeypatch)
    assert all(isinstance(r, GapInService) for r in results), results
    assert TransitionLog.objects.filter(object_id=gap.pk, transition="start_review").count() == 2


def test_without_row_locks_both_spot_purchases_would_overspend_the_budget(
    monkeypatch, without_row_locks
):
    """Proof that the overlap is real: with no lock, £1,000 is agreed from £900."""
    _, _, results = racing_spot_purchases(monkeypatch)
    assert all(isinstance(r, GapInService) for r in results), results
    assert SpotPurchase.objects.count() == 2


def test_without_row_locks_the_second_correction_would_overwrite_the_first(
    monkeypatch, without_row_locks
):
    """Proof that the overlap is real: with no lock, both corrections are saved."""
    _, _, results = racing_corrections(monkeypatch)
    assert all(isinstance(r, GapInService) for r in results), results


def racing_decline_and_assignment(monkeypatch):
    """An EIDO declines a gap while a colleague assigns it, with others, from a list."""
    officer, colleague = eido("PEN"), eido("PEN")
    gaps = [services.start_review(submission=submitted_gap("PEN"), actor=officer) for _ in range(3)]
    overlap = Overlap()
    monkeypatch.setattr(
        transition_unit, "record_transition", overlap.hold(transition_unit.record_transition)
    )
    results = overlap.run(
        lambda: services.decline(submission=gaps[0], actor=officer, reason="Duplicate"),
        lambda: caseload.assign(
            submissions=GapInService.objects.filter(pk__in=[g.pk for g in gaps]),
            actor=colleague,
            assignee=colleague,
        ),
    )
    return overlap, gaps, results


def test_a_bulk_assignment_waits_for_a_step_on_one_of_its_cases_and_then_changes_none(
    monkeypatch,
):
    """The assignment meets the decline's lock; once the decline is saved, the assignment
    finds an ended case among its own and assigns none of them."""
    overlap, gaps, (declined, assigned) = racing_decline_and_assignment(monkeypatch)
    assert overlap.second_was_blocked
    assert isinstance(declined, GapInService) and declined.state == "declined"
    assert isinstance(assigned, TransitionRefused), assigned
    assert not GapInService.objects.filter(assigned_to__isnull=False).exists()


def test_without_row_locks_a_declined_case_would_be_assigned(monkeypatch, without_row_locks):
    """Proof that the overlap is real: with no lock, the ended case is assigned too."""
    _, gaps, (_, assigned) = racing_decline_and_assignment(monkeypatch)
    assert isinstance(assigned, list), assigned
    declined = GapInService.objects.get(pk=gaps[0].pk)
    assert declined.state == "declined" and declined.assigned_to is not None
