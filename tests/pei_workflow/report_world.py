"""Casework for the report tests: synthetic submissions in every state across the districts,
plus what the generator leaves out (CYPP priorities, services the practitioner did not know,
spot purchases in the period), and the figures of a report worked out again here, in Python,
from the rows themselves: never from the report's own queries."""

import datetime
import statistics
from collections import Counter, defaultdict
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from pei_workflow.models import (
    CafEscalation,
    GapInService,
    SpotPurchase,
    SpotPurchaseBudget,
    TransitionLog,
)
from pei_workflow.reports import periods
from pei_workflow.synthetic import generate_casework
from tests.factories import priority, service, signposted_gap, submitted_gap

SECRET_THEME = "Burnley-only theme 7731"


def build_world(count: int = 240, seed: int = 5):
    generate_casework(count, seed=seed)
    for code in ("PEN", "BUR"):
        chosen = priority(code, title=f"{code} priority: emotional health")
        for _ in range(3):
            submitted_gap(code, priority=chosen)
        known = service(code, name=f"{code} Bereavement Service")
        for _ in range(2):
            signposted_gap(known, code, unknown=True)
    from pei_workflow.models import Theme

    secret = Theme.objects.create(name=SECRET_THEME)
    submitted_gap("BUR").themes.add(secret)


def whole_span() -> periods.Period:
    """From the first submission to today: every generated row is in it."""
    first = min(
        model.objects.exclude(submitted_at=None).order_by("submitted_at").first().submitted_at
        for model in (GapInService, CafEscalation)
    )
    return periods.between(timezone.localtime(first).date(), timezone.localdate())


def _in(moment, period) -> bool:
    return moment is not None and period.start <= timezone.localtime(moment).date() <= period.end


def sent(model, district_codes, period):
    queryset = model.objects.exclude(state="new").select_related("district")
    if model is GapInService:
        queryset = queryset.select_related("priority__district", "identified_service")
    return [
        s for s in queryset if s.district.code in district_codes and _in(s.submitted_at, period)
    ]


def count_of(items, key) -> Counter:
    return Counter(key(item) for item in items)


def steps_of(model, submissions) -> dict[int, list[TransitionLog]]:
    ids = {s.pk for s in submissions}
    by_submission = defaultdict(list)
    for step in TransitionLog.objects.filter(
        content_type=ContentType.objects.get_for_model(model)
    ).order_by("created_at", "pk"):
        if step.object_id in ids:
            by_submission[step.object_id].append(step)
    return by_submission


def percentile(values: list[float], fraction: float) -> float | None:
    """Linear interpolation between the closest ranks, as percentile_cont."""
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return {0.5: statistics.median(values), 0.9: cuts[89]}[fraction]


def waits(model, codes, period) -> dict:
    submissions = sent(model, codes, period)
    steps = steps_of(model, submissions)
    review, decision = [], []
    for s in submissions:
        history = steps.get(s.pk, [])
        first_review = next((t for t in history if t.transition == "start_review"), None)
        first_decision = next(
            (t for t in history if t.to_state in ("action_agreed", "declined")), None
        )
        for found, into in ((first_review, review), (first_decision, decision)):
            if found:
                into.append((found.created_at - s.submitted_at).total_seconds() / 86400)
    return {
        "review": (percentile(review, 0.5), percentile(review, 0.9), len(review)),
        "decision": (percentile(decision, 0.5), percentile(decision, 0.9), len(decision)),
    }


def escalations(model, codes, period, transition) -> int:
    submissions = [
        s
        for s in model.objects.exclude(state="new").select_related("district")
        if s.district.code in codes
    ]
    steps = steps_of(model, submissions)
    return sum(
        1
        for history in steps.values()
        for step in history
        if step.transition == transition and _in(step.created_at, period)
    )


def closed(model, codes, period):
    return [
        s
        for s in model.objects.select_related("district")
        if s.district.code in codes and _in(s.closed_at, period)
    ]


def spend(codes, years) -> dict[str, tuple[Decimal, Decimal, int]]:
    """(spent, budget, purchases) by "District, year label"."""
    out = {}
    for budget in SpotPurchaseBudget.objects.select_related("district"):
        if budget.district.code in codes and budget.financial_year in years:
            purchases = [
                p
                for p in SpotPurchase.objects.all()
                if p.district_id == budget.district_id and p.financial_year == budget.financial_year
            ]
            out[str(budget)] = (
                sum((p.amount for p in purchases), Decimal("0")),
                budget.amount,
                len(purchases),
            )
    return out


def bought(codes, period) -> dict[str, tuple[Decimal, int]]:
    totals = defaultdict(lambda: [Decimal("0"), 0])
    for purchase in SpotPurchase.objects.select_related("district"):
        if purchase.district.code in codes and _in(purchase.agreed_at, period):
            totals[purchase.purchase_for][0] += purchase.amount
            totals[purchase.purchase_for][1] += 1
    return {key: tuple(value) for key, value in totals.items()}


def today() -> datetime.date:
    return timezone.localdate()
