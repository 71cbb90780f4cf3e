"""How submissions moved: escalations to the Sub Group, the Trust Board and the county CAF
group; and how long they waited for a first review and for a decision."""

from django.db.models import Count, Q

from ..models import CafEscalation, GapInService
from .database import DaysBetween, Percentile
from .scope import KINDS, Scope
from .sections import Section

ESCALATIONS = (
    (GapInService, "escalate_to_sub_group", "Gaps in service passed to the Sub Group"),
    (GapInService, "escalate_to_trust_board", "Gaps in service passed to the Trust Board"),
    (CafEscalation, "escalate_to_trust_board", "CAF escalations passed to the Trust Board"),
    (CafEscalation, "refer_to_county_caf_group", "CAF escalations passed to the county CAF group"),
)


def escalations(scope: Scope) -> Section:
    now_start, now_after = scope.period.bounds()
    before_start, before_after = scope.previous.bounds()
    counted = {}
    for model in KINDS:
        names = [name for kind, name, _ in ESCALATIONS if kind is model]
        steps = scope.steps(model).filter(
            transition__in=names, created_at__gte=before_start, created_at__lt=now_after
        )
        figures = steps.aggregate(
            **{
                f"{name}__{when}": Count("pk", filter=Q(transition=name, **window))
                for name in names
                for when, window in (
                    ("now", {"created_at__gte": now_start, "created_at__lt": now_after}),
                    ("before", {"created_at__gte": before_start, "created_at__lt": before_after}),
                )
            }
        )
        counted[model] = figures
    rows = [
        [label, counted[model][f"{name}__now"], counted[model][f"{name}__before"]]
        for model, name, label in ESCALATIONS
    ]
    total, before = sum(row[1] for row in rows), sum(row[2] for row in rows)
    return Section(
        "escalations",
        "Escalations",
        f"{total:,} escalations in this period, against {before:,} in the period before.",
        "Each time a submission was passed up in the period, whenever it was sent.",
        ["Escalation", "This period", f"Before ({scope.previous.label})"],
        rows,
        charted=(1, 2),
    )


def _waits(scope: Scope, model) -> tuple[dict, dict]:
    """The waits of the submissions sent in the period and in the period before, in one
    pass over both."""
    now_start, now_after = scope.period.bounds()
    before_start, before_after = scope.previous.bounds()
    both = scope.submissions(model).filter(
        submitted_at__gte=before_start, submitted_at__lt=now_after
    )
    both = both.annotate(
        to_review=DaysBetween("first_reviewed_at", "submitted_at"),
        to_decision=DaysBetween("first_decided_at", "submitted_at"),
    )
    figures = {}
    for when, start, after in (
        ("now", now_start, now_after),
        ("before", before_start, before_after),
    ):
        sent = Q(submitted_at__gte=start, submitted_at__lt=after)
        for key in ("review", "decision"):
            column = f"to_{key}"
            figures[f"{when}_{key}_n"] = Count(column, filter=sent)
            figures[f"{when}_{key}_median"] = Percentile(column, 0.5, filter=sent)
            figures[f"{when}_{key}_p90"] = Percentile(column, 0.9, filter=sent)
    counted = both.aggregate(**figures)
    return tuple(
        {
            name.removeprefix(f"{when}_"): value
            for name, value in counted.items()
            if name.startswith(f"{when}_")
        }
        for when in ("now", "before")
    )


def _days(value) -> float | None:
    return None if value is None else round(value, 1)


def waiting_times(scope: Scope) -> Section:
    rows = []
    for model, kind in ((GapInService, "Gaps in service"), (CafEscalation, "CAF escalations")):
        now, before = _waits(scope, model)
        for key, what in (("review", "to a first review"), ("decision", "to a decision")):
            rows.append(
                [
                    f"{kind}: days {what}",
                    _days(now[f"{key}_median"]),
                    _days(now[f"{key}_p90"]),
                    now[f"{key}_n"],
                    _days(before[f"{key}_median"]),
                    _days(before[f"{key}_p90"]),
                    before[f"{key}_n"],
                ]
            )
    first = rows[0]
    if first[1] is None:
        finding = "No gap in service sent in this period has been reviewed yet."
    elif first[4] is None:
        finding = f"Half the gaps in service had a first review within {first[1]:g} days."
    else:
        change = "faster than" if first[1] < first[4] else "no faster than"
        finding = (
            f"Half the gaps in service had a first review within {first[1]:g} days, "
            f"{change} the period before ({first[4]:g} days)."
        )
    return Section(
        "waiting_times",
        "Time from sending to a first review and to a decision",
        finding,
        "Calendar days from sending, for the submissions sent in each period that have "
        "reached the step. A decision is the first time action was agreed or it was declined. "
        "The median is the middle wait: half waited less. The 90th percentile is the wait "
        "that 9 in 10 were within.",
        [
            "Wait",
            "Median, this period",
            "90th percentile, this period",
            "Counted, this period",
            "Median, period before",
            "90th percentile, period before",
            "Counted, period before",
        ],
        rows,
        charted=(1, 4),
        unit="days",
    )
