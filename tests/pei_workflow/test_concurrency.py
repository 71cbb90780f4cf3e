"""Two people acting at the same moment cannot both win, and nothing of either is lost.

Row locks are only real on PostgreSQL, so these tests run there (CI sets DATABASE_URL). Each
test slows the work done while the lock is held, so that the second person's request really
arrives while the first one's is still running: without the lock, both would win.
"""

import threading
import time
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from pei_workflow import services
from pei_workflow.models import GapInService, SpotPurchase, TransitionLog
from pei_workflow.services import TransitionRefused
from pei_workflow.services import budgets as budget_rules
from pei_workflow.services import transitions as transition_unit
from tests.factories import budget, county_lead, eido, meeting, submitted_gap

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are only real there"),
    # Threads need committed data; restoring the serialized database afterwards keeps the
    # rows made by migrations (districts, groups) for the tests that follow.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HOLD_SECONDS = 0.4


def run_together(*actions):
    """Run each action in its own thread, started at the same moment; return what each
    returned or raised, in order."""
    barrier = threading.Barrier(len(actions))
    results = [None] * len(actions)

    def run(index, action):
        try:
            barrier.wait()
            results[index] = action()
        except Exception as error:
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def slowed(function):
    def slow(*args, **kwargs):
        result = function(*args, **kwargs)
        time.sleep(HOLD_SECONDS)
        return result

    return slow


def test_two_people_taking_steps_on_one_submission_at_once_cannot_both_win(monkeypatch):
    """An EIDO and a county lead both start the review at the same moment: one wins, the
    other gets a plain message, and the history has exactly the winner's row."""
    monkeypatch.setattr(
        transition_unit, "record_transition", slowed(transition_unit.record_transition)
    )
    gap = submitted_gap("PEN")
    officer, lead = eido("PEN"), county_lead()

    results = run_together(
        lambda: services.start_review(submission=gap, actor=officer),
        lambda: services.start_review(submission=gap, actor=lead),
    )

    winners = [r for r in results if isinstance(r, GapInService)]
    losers = [r for r in results if isinstance(r, TransitionRefused)]
    assert len(winners) == 1 and len(losers) == 1, results
    assert "Nothing has been changed" in str(losers[0])
    gap.refresh_from_db()
    assert gap.state == "in_review"
    steps = list(
        TransitionLog.objects.filter(object_id=gap.pk, content_type__model="gapinservice")
        .order_by("pk")
        .values_list("transition", flat=True)
    )
    assert steps[0] == "submit" and len(steps) == 2


def test_with_900_pounds_left_only_one_of_two_500_pound_decisions_at_once_succeeds(
    monkeypatch,
):
    """Two Resource Panel decisions recorded at the same moment for the same district, each
    £500 with £900 left: exactly one is agreed; the other is refused, saying why, and
    changes nothing."""
    monkeypatch.setattr(budget_rules, "budget_position", slowed(budget_rules.budget_position))
    budget("PEN", "900.00")
    officer = eido("PEN")
    panel = meeting("PEN")
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

    results = run_together(decide(gaps[0]), decide(gaps[1]))

    agreed = [r for r in results if isinstance(r, GapInService)]
    refused = [r for r in results if isinstance(r, ValidationError)]
    assert len(agreed) == 1 and len(refused) == 1, results
    assert "£400.00 left" in str(refused[0])
    assert SpotPurchase.objects.count() == 1
    assert SpotPurchase.objects.get().gap_id == agreed[0].pk
    states = sorted(GapInService.objects.values_list("state", flat=True))
    assert states == ["action_agreed", "on_panel_agenda"]


def test_two_corrections_made_from_the_same_version_cannot_both_be_saved(monkeypatch):
    """Two EIDOs correct the same answers from the same version at once: the first is saved;
    the second is refused and told to check, so it cannot silently overwrite the first."""
    gap = services.start_review(submission=submitted_gap("PEN"), actor=eido("PEN"))
    seen = gap.updated_at
    first, second = eido("PEN"), eido("PEN")
    original_full_clean = GapInService.full_clean

    def slow_full_clean(self, *args, **kwargs):
        original_full_clean(self, *args, **kwargs)
        time.sleep(HOLD_SECONDS)

    monkeypatch.setattr(GapInService, "full_clean", slow_full_clean)

    def correct(user, text):
        return lambda: services.correct_answers(
            submission=gap,
            actor=user,
            changes={"unmet_need": text},
            reason="Typo",
            seen_updated_at=seen,
        )

    results = run_together(
        correct(first, "Bereavement counselling."), correct(second, "Grief support.")
    )

    saved = [r for r in results if isinstance(r, GapInService)]
    refused = [r for r in results if isinstance(r, TransitionRefused)]
    assert len(saved) == 1 and len(refused) == 1, results
    assert "Someone else changed" in str(refused[0])
    gap.refresh_from_db()
    assert gap.unmet_need == saved[0].unmet_need
