"""Writing synthetic casework: the cases in the order they were sent, each walked to today
(`walk.py`), written with `bulk_create` in batches with their review history, themes and
spot purchases."""

import datetime
import random
from collections import defaultdict
from collections.abc import Callable

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone

from ..models import (
    WAITING_STATES,
    CafEscalation,
    GapInService,
    Meeting,
    ReferenceSequence,
    SpotPurchase,
    TransitionLog,
    financial_year_of,
)
from ..services.due_dates import refresh_due_dates
from ..services.milestones import fill_first_times
from ..services.need_vectors import record_missing_need_vectors
from . import answers
from .rows import insert, insert_instances
from .walk import Walker, aware, local_date
from .world import BATCH, World, build_world

# More casework in term time than in August or over Christmas, and a little more each year.
MONTH_WEIGHTS = [0.8, 1.0, 1.1, 0.9, 1.05, 1.0, 0.85, 0.55, 1.1, 1.15, 1.1, 0.7]
YEARLY_GROWTH = 0.12
WEEKDAY_WEIGHTS = [1.0, 1.05, 1.0, 1.0, 0.9, 0.12, 0.08]
LOG_FIELDS = [
    "content_type_id",
    "object_id",
    "transition",
    "from_state",
    "to_state",
    "actor_id",
    "comment",
    "data",
    "created_at",
]
PURCHASE_FIELDS = [
    "district_id",
    "financial_year",
    "gap_id",
    "amount",
    "purchase_for",
    "agreed_at",
    "agreed_by_id",
]


def period(today: datetime.date) -> datetime.date:
    """The first day of the three financial years that end today."""
    return datetime.date(financial_year_of(today) - 2, 4, 1)


def _sent_times(rng, count: int, start: datetime.date, now: datetime.datetime):
    """When each of `count` cases was sent, oldest first."""
    today = timezone.localdate(now)
    days = [start + datetime.timedelta(days=n) for n in range((today - start).days + 1)]
    cumulative, total = [], 0.0
    for day in days:
        total += (
            MONTH_WEIGHTS[day.month - 1]
            * WEEKDAY_WEIGHTS[day.weekday()]
            * (1 + YEARLY_GROWTH * (day - start).days / 365)
        )
        cumulative.append(total)
    times = []
    for day in rng.choices(days, cum_weights=cumulative, k=count):
        hour = rng.choices(range(7, 22), [1, 4, 8, 9, 9, 7, 8, 8, 7, 5, 3, 2, 2, 1, 1])[0]
        moment = aware(day, datetime.time(hour, rng.randrange(60)))
        if moment > now:
            moment = now - datetime.timedelta(minutes=rng.randint(1, 600))
        times.append(moment)
    times.sort()
    return times


def generate_casework(
    count: int, *, seed: int = 2026, progress: Callable[[int], object] | None = None
) -> dict:
    """Make `count` synthetic submissions (two gaps for each CAF escalation) sent over the
    three financial years that end today, each with the history of its path to today.
    `progress` is called with the number of submissions written after each batch. The same
    seed on the same database makes the same casework. Returns figures made."""
    rng = random.Random(seed)  # noqa: S311 (repeatable test data, not secrets)
    now = timezone.now()
    start = period(timezone.localdate(now))
    made = dict.fromkeys(("gap", "caf", "history", "spot_purchases"), 0)
    with transaction.atomic():
        world = build_world(seed, start, timezone.localdate(now))
        times = _sent_times(rng, count, start, now)
        kinds = ["CAF"] * (count // 3) + ["GAP"] * (count - count // 3)
        rng.shuffle(kinds)
        weights = [d.weight for d in world.districts]
        places = rng.choices(range(len(world.districts)), weights, k=count)
        # Carry on from earlier runs (and real submissions) instead of reusing references.
        sequences = defaultdict(
            int,
            {
                (row.kind, row.district_id, row.year): row.last_number
                for row in ReferenceSequence.objects.all()
            },
        )
        first_index = sum(sequences.values())
        walkers = {}
        for first in range(0, count, BATCH):
            batch = range(first, min(first + BATCH, count))
            cases = {"GAP": [], "CAF": []}
            for n in batch:
                model = GapInService if kinds[n] == "GAP" else CafEscalation
                dw = world.districts[places[n]]
                walker = walkers.get((model, dw.district.pk))
                if walker is None:
                    walker = walkers[(model, dw.district.pk)] = Walker(rng, world, dw, model, now)
                cases[kinds[n]].append(
                    _case(rng, walker, world, times[n], first_index + n, sequences)
                )
            for kind, model in (("GAP", GapInService), ("CAF", CafEscalation)):
                _write(model, cases[kind], made)
            if progress is not None:
                progress(len(batch))
        for (kind, district_id, year), last in sequences.items():
            ReferenceSequence.objects.update_or_create(
                kind=kind, district_id=district_id, year=year, defaults={"last_number": last}
            )
        # The rows were written in bulk, not by the steps: their first review and first
        # decision come from the history just written (rows never reviewed are left as
        # they are), and so do the due dates of those still open.
        for model in (GapInService, CafEscalation):
            fill_first_times(model.objects.filter(first_reviewed_at=None).exclude(state="new"))
            refresh_due_dates(
                model.objects.filter(due_on=None, state__in=WAITING_STATES[model.kind])
            )
        made["need_vectors"] = record_missing_need_vectors()
    _analyze(GapInService, CafEscalation, TransitionLog, SpotPurchase, Meeting)
    made["meetings"] = Meeting.objects.count()
    return made


def _analyze(*models) -> None:
    """Refresh the planner's statistics of the tables just filled, as autovacuum would do
    later: until then PostgreSQL plans for the tables as they were before."""
    tables = [m._meta.db_table for m in models]
    tables += [m.themes.through._meta.db_table for m in (GapInService, CafEscalation)]
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")


def _themes(rng, world: World, dw, model) -> list[int]:
    """The themes an EIDO would tag the case with: one usually, sometimes two; a CAF
    escalation (about how agencies work) only half the time."""
    if not world.themes or (model is CafEscalation and rng.random() < 0.5):
        return []
    chosen = rng.choices(world.themes, dw.theme_weights)[0]
    themes = [chosen.pk]
    if rng.random() < 0.3:
        other = rng.choice(world.themes)
        if other.pk != chosen.pk:
            themes.append(other.pk)
    return themes


def _case(rng, walker: Walker, world: World, sent, index: int, sequences):
    dw, model = walker.dw, walker.model
    theme_ids = _themes(rng, world, dw, model)
    if model is GapInService:
        theme = next((t.name for t in world.themes if theme_ids and t.pk == theme_ids[0]), "")
        case = answers.gap(rng, dw.district, index, theme, dw.priorities, dw.district.panel_maximum)
    else:
        case = answers.caf(rng, dw.district, index)
    year = local_date(sent).year
    key = (model.kind.value, dw.district.pk, year)
    sequences[key] += 1
    case.reference = f"{model.kind}-{dw.district.code}-{year}-{sequences[key]:04d}"
    case.submitted_at = sent
    return case, walker.walk(case, sent, theme_ids)


def _write(model, cases, made) -> None:
    if not cases:
        return
    rows = [case for case, _ in cases]
    insert_instances(model, rows)
    content_type_id = ContentType.objects.get_for_model(model).pk
    logs, links, purchases = [], [], []
    for case, path in cases:
        logs += [
            (
                content_type_id,
                case.pk,
                step.name,
                step.source,
                step.target,
                step.actor_id,
                step.comment,
                step.data,
                step.at,
            )
            for step in path.steps
        ]
        links += [(case.pk, theme_id) for theme_id in path.theme_ids]
        purchases += [
            (p.district_id, p.financial_year, case.pk, p.amount, p.purchase_for, p.at, p.actor_id)
            for p in path.purchases
        ]
    insert(TransitionLog, LOG_FIELDS, logs)
    insert(model.themes.through, [f"{model._meta.model_name}_id", "theme_id"], links)
    insert(SpotPurchase, PURCHASE_FIELDS, purchases)
    made[model.kind.value.lower()] += len(rows)
    made["history"] += len(logs)
    made["spot_purchases"] += len(purchases)
