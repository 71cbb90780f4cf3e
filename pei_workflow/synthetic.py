"""Realistic synthetic casework, for benchmarks and for trying the admin with a full database.

`generate_casework(count)` makes `count` submissions across all 12 districts (two gaps for
each CAF escalation) in every state, each with the review history of a plausible path to
that state, plus meetings, budgets, themes and spot purchases. Rows are written with
`bulk_create` in batches, so tens of thousands take seconds, not the hours the one-by-one
services would. Field history (simple-history) is not written for synthetic rows.

Never run against real data: the command that calls this refuses unless demo data is
allowed in the settings (PEI_ALLOW_DEMO_ACCOUNTS).
"""

import datetime
import random
from collections import defaultdict
from contextlib import contextmanager
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from .choices import (
    AffectedGroup,
    AgeBand,
    Barrier,
    EscalationType,
    GapRoute,
    MeetingKind,
    MonitoringOutcome,
    PanelAttendee,
    PanelOutcome,
    Workforce,
)
from .models import (
    CafEscalation,
    District,
    GapInService,
    Meeting,
    ReferenceSequence,
    SpotPurchase,
    SpotPurchaseBudget,
    Theme,
    TransitionLog,
    financial_year_of,
)
from .services.milestones import fill_first_times

BATCH = 1000

# The steps that lead to each final state; the states in between come from the models'
# own transitions, so the history is always one the state machine allows.
GAP_PATHS = {
    "submitted": [],
    "in_review": ["start_review"],
    "information_requested": ["start_review", "request_information"],
    "on_panel_agenda": ["start_review", "add_to_agenda"],
    "action_agreed": ["start_review", "add_to_agenda", "record_panel_decision"],
    "escalated_sub_group": ["start_review", "add_to_agenda", "escalate_to_sub_group"],
    "escalated_trust_board": [
        "start_review",
        "add_to_agenda",
        "escalate_to_sub_group",
        "escalate_to_trust_board",
    ],
    "closed": ["start_review", "add_to_agenda", "record_panel_decision", "close"],
    "declined": ["start_review", "decline"],
    "withdrawn": ["withdraw"],
}
CAF_PATHS = {
    "submitted": [],
    "in_review": ["start_review"],
    "information_requested": ["start_review", "request_information"],
    "on_sub_group_agenda": ["start_review", "add_to_agenda"],
    "action_agreed": ["start_review", "add_to_agenda", "record_sub_group_decision"],
    "escalated_trust_board": ["start_review", "add_to_agenda", "escalate_to_trust_board"],
    "referred_to_county": ["start_review", "add_to_agenda", "refer_to_county_caf_group"],
    "closed": ["start_review", "add_to_agenda", "record_sub_group_decision", "close"],
    "declined": ["start_review", "decline"],
    "withdrawn": ["withdraw"],
}
# Most cases are old and closed; a realistic open caseload is a minority.
STATE_WEIGHTS = {"closed": 45, "declined": 6, "withdrawn": 4}
OPEN_WEIGHT = 6

NEEDS = [
    "Bereavement counselling for a young person in Year 9 after the death of a parent.",
    "Transport to a specialist youth group for a young carer in a rural village.",
    "Evening activities for young people on an estate where there is nothing open.",
    "A short break for a family after a house fire, while they find somewhere to live.",
    "Car seats so a family support service can take children to appointments.",
    "Nursery fees for two weeks while a parent recovers from an operation.",
]


@contextmanager
def _keeping_given_timestamps():
    """Let bulk_create keep the created_at we give history rows, instead of now()."""
    field = TransitionLog._meta.get_field("created_at")
    field.auto_now_add = False
    try:
        yield
    finally:
        field.auto_now_add = True


def _target(model, name: str, source: str) -> str:
    return getattr(model, name)._django_fsm.transitions[source].target


def _path_states(model, path: list[str]) -> list[tuple[str, str, str]]:
    """(transition, from, to) for each step of a path, starting from "submitted"."""
    state, steps = "submitted", [("submit", "new", "submitted")]
    for name in path:
        target = _target(model, name, state)
        steps.append((name, state, target))
        state = target
    return steps


def _weighted_states(paths: dict) -> tuple[list[str], list[int]]:
    states = list(paths)
    return states, [STATE_WEIGHTS.get(s, OPEN_WEIGHT) for s in states]


def _meetings(districts, start: datetime.date, months: int) -> dict:
    """A Resource Panel and a Sub Group meeting a month per district, past and coming. A
    meeting already on that day (from an earlier run, or a real one) is used, not doubled."""
    existing = set(Meeting.objects.values_list("district_id", "kind", "date"))
    meetings = []
    for district in districts:
        for month in range(months + 3):
            day = start + datetime.timedelta(days=30 * month + district.pk % 20)
            for kind, date in (
                (MeetingKind.RESOURCE_PANEL, day),
                (MeetingKind.SUB_GROUP, day + datetime.timedelta(days=7)),
            ):
                if (district.pk, kind, date) not in existing:
                    meetings.append(Meeting(district=district, kind=kind, date=date))
    Meeting.objects.bulk_create(meetings, batch_size=BATCH)
    by_key = defaultdict(list)
    for meeting in Meeting.objects.filter(date__gte=start).order_by("date"):
        by_key[(meeting.district_id, meeting.kind)].append(meeting)
    return by_key


def _common_answers(rng: random.Random, district, index: int) -> dict:
    return {
        "district": district,
        "practitioner_name": f"Practitioner {index}",
        "job_title": rng.choice(["Learning mentor", "Health visitor", "Youth worker"]),
        "organisation": f"Example organisation {index % 300}",
        "workforce": rng.choice(Workforce.values),
        "email": f"practitioner{index}@example.org",
        "phone": "01632 960000",
        "confirmed_anonymous": True,
    }


def _gap(rng, district, index) -> GapInService:
    spot = rng.random() < 0.3
    return GapInService(
        **_common_answers(rng, district, index),
        route=rng.choice(GapRoute.values),
        caf_in_place=rng.choice(["yes", "no", "not_applicable"]),
        tac_consulted=rng.choice(["yes", "no"]),
        affected_group=rng.choice(AffectedGroup.values),
        age_band=rng.choice(AgeBand.values),
        children_affected=rng.randint(1, 6),
        families_affected=rng.randint(1, 3),
        unmet_need=rng.choice(NEEDS),
        what_has_been_tried="Support from school and a referral to a service with a long wait.",
        barrier=rng.choice(Barrier.values),
        spot_purchase_requested=spot,
        spot_purchase_amount=Decimal(rng.choice([80, 150, 250, 400, 500])) if spot else None,
        spot_purchase_purpose="Sessions or an item that meets the need." if spot else "",
        panel_attendee=rng.choice(PanelAttendee.values),
    )


def _caf(rng, district, index) -> CafEscalation:
    return CafEscalation(
        **_common_answers(rng, district, index),
        escalation_type=rng.choice(EscalationType.values),
        agencies_involved="Housing, a youth service and a health visiting team.",
        issue="An agency has not come to the last three Team Around the Child meetings.",
        steps_taken="Emails and calls to the service manager.",
        outcome_sought="The agency attends and takes its actions.",
        county_implications=rng.choice(["yes", "no", "unsure"]),
    )


def generate_casework(count: int, *, seed: int = 2026) -> dict:
    """Make `count` synthetic submissions with their histories. Returns figures made."""
    rng = random.Random(seed)  # noqa: S311 (repeatable test data, not secrets)
    districts = list(District.objects.order_by("pk"))
    themes = list(Theme.objects.all())
    today = timezone.localdate()
    start = today - datetime.timedelta(days=540)
    made = defaultdict(int)
    with transaction.atomic(), _keeping_given_timestamps():
        meetings = _meetings(districts, start, months=18)
        # A budget for every financial year a meeting falls in: 540 days can span three, and
        # a spot purchase is charged to its meeting's year.
        last_meeting = max(m.date for found in meetings.values() for m in found)
        for year in range(financial_year_of(start), financial_year_of(last_meeting) + 1):
            SpotPurchaseBudget.objects.bulk_create(
                [
                    SpotPurchaseBudget(district=d, financial_year=year, amount=Decimal("1000000"))
                    for d in districts
                ],
                ignore_conflicts=True,
            )
        # Carry on from earlier runs (and real submissions) instead of reusing references.
        sequences = defaultdict(
            int,
            {
                (row.kind, row.district_id, row.year): row.last_number
                for row in ReferenceSequence.objects.all()
            },
        )
        for first in range(0, count, BATCH):
            size = min(BATCH, count - first)
            for kind, model, paths in (
                ("gap", GapInService, GAP_PATHS),
                ("caf", CafEscalation, CAF_PATHS),
            ):
                share = size - size // 3 if kind == "gap" else size // 3
                _make_batch(
                    rng,
                    model,
                    paths,
                    share,
                    first,
                    districts,
                    themes,
                    meetings,
                    sequences,
                    start,
                    today,
                )
                made[kind] += share
        for model in (GapInService, CafEscalation):
            fill_first_times(model.objects.all())
        for (kind, district_id, year), last in sequences.items():
            ReferenceSequence.objects.update_or_create(
                kind=kind, district_id=district_id, year=year, defaults={"last_number": last}
            )
    made["meetings"] = Meeting.objects.count()
    return dict(made)


def _make_batch(
    rng, model, paths, size, first, districts, themes, meetings, sequences, start, today
):
    states, weights = _weighted_states(paths)
    rows, plans = [], []
    span = (today - start).days
    for offset in range(size):
        index = first + offset
        district = districts[index % len(districts)]
        submission = (_gap if model is GapInService else _caf)(rng, district, index)
        submitted = timezone.make_aware(
            datetime.datetime.combine(
                start + datetime.timedelta(days=rng.randrange(span)), datetime.time(10)
            )
        )
        final = rng.choices(states, weights)[0]
        steps = _path_states(model, paths[final])
        year = submitted.year
        sequences[(model.kind, district.pk, year)] += 1
        submission.reference = (
            f"{model.kind}-{district.code}-{year}-{sequences[(model.kind, district.pk, year)]:04d}"
        )
        submission.submitted_at = submitted
        type(submission).state.field.set_state(submission, steps[-1][2])
        if any(name == "add_to_agenda" for name, _, _ in steps):
            candidates = [
                m for m in meetings[(district.pk, model.meeting_kind)] if m.date >= submitted.date()
            ]
            submission.meeting = candidates[0] if candidates else None
        _decide(rng, submission, steps, submitted)
        rows.append(submission)
        plans.append((steps, submitted))
    model.objects.bulk_create(rows, batch_size=BATCH)
    _write_history(model, rows, plans)
    _tag_and_spend(rng, model, rows, themes)


def _decide(rng, submission, steps, submitted) -> None:
    names = {name for name, _, _ in steps}
    if names & {"record_panel_decision", "record_sub_group_decision"}:
        submission.decided_at = submitted + datetime.timedelta(days=30)
        submission.decision_notes = "Agreed at the meeting."
        if isinstance(submission, GapInService):
            submission.panel_outcome = rng.choice(
                [
                    PanelOutcome.SKILLS_OR_RESOURCES,
                    PanelOutcome.SPOT_PURCHASE,
                    PanelOutcome.WAITING_LIST,
                ]
            )
        else:
            submission.sub_group_agreement = "process_change"
    if "close" in names:
        submission.closed_at = submitted + datetime.timedelta(days=90)
        submission.monitoring_outcome = rng.choice(MonitoringOutcome.values)
        submission.children_benefiting = rng.randint(0, 6)
        submission.families_benefiting = rng.randint(0, 3)
        submission.caf_in_place_at_close = rng.choice(["yes", "no"])


def _write_history(model, rows, plans) -> None:
    content_type = ContentType.objects.get_for_model(model)
    logs = []
    for submission, (steps, submitted) in zip(rows, plans, strict=True):
        for number, (name, source, target) in enumerate(steps):
            logs.append(
                TransitionLog(
                    content_type=content_type,
                    object_id=submission.pk,
                    transition=name,
                    from_state=source,
                    to_state=target,
                    created_at=submitted + datetime.timedelta(days=10 * number),
                    comment="Synthetic step." if name != "submit" else "",
                )
            )
    TransitionLog.objects.bulk_create(logs, batch_size=BATCH)


def _tag_and_spend(rng, model, rows, themes) -> None:
    through = model.themes.through
    field = model._meta.model_name
    links = []
    for submission in rows:
        for theme in rng.sample(themes, k=min(len(themes), rng.randint(0, 2))):
            links.append(through(**{f"{field}_id": submission.pk, "theme_id": theme.pk}))
    through.objects.bulk_create(links, batch_size=BATCH)
    if model is GapInService:
        SpotPurchase.objects.bulk_create(
            [
                SpotPurchase(
                    district_id=gap.district_id,
                    # The rule's year: the meeting's, not the day it was recorded.
                    financial_year=financial_year_of(
                        gap.meeting.date if gap.meeting_id else gap.decided_at.date()
                    ),
                    gap=gap,
                    amount=gap.spot_purchase_amount or Decimal("150.00"),
                    purchase_for="Sessions or an item that meets the need.",
                )
                for gap in rows
                if gap.panel_outcome == PanelOutcome.SPOT_PURCHASE
            ],
            batch_size=BATCH,
        )
