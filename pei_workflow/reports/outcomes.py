"""What the cases closed in the period achieved: whether the need was met, who benefited,
and whether a CAF was in place."""

from django.db.models import Count, Q, Sum

from ..choices import MonitoringOutcome
from .counts import BOTH
from .scope import KINDS, Scope
from .sections import Section, choice_rows

CLOSED_NOTE = "Cases closed in the period, as recorded when they were closed."


def _monitoring(scope: Scope, model) -> dict:
    return scope.closed(model).aggregate(
        closed=Count("pk"),
        children=Sum("children_benefiting"),
        families=Sum("families_benefiting"),
        caf_yes=Count("pk", filter=Q(caf_in_place_at_close="yes")),
        caf_no=Count("pk", filter=Q(caf_in_place_at_close="no")),
        **{
            value: Count("pk", filter=Q(monitoring_outcome=value))
            for value in MonitoringOutcome.values
        },
    )


def monitoring(scope: Scope) -> tuple[Section, Section]:
    figures = [_monitoring(scope, model) for model in KINDS]
    met_rows = choice_rows(
        MonitoringOutcome, *({v: f[v] for v in MonitoringOutcome.values} for f in figures)
    )
    # Met, partly met, not met: a scale, so it keeps its own order rather than largest first.
    order = {label: index for index, (_, label) in enumerate(MonitoringOutcome.choices)}
    met_rows.sort(key=lambda row: order[row[0]])
    closed = sum(f["closed"] for f in figures)
    met = sum(row[1] + row[2] for row in met_rows[:1])
    outcome = Section(
        "monitoring",
        "Was the need met?",
        f"The need was met in {met:,} of the {closed:,} cases closed."
        if closed
        else "No cases were closed in this period.",
        CLOSED_NOTE,
        ["Outcome", *BOTH],
        met_rows,
        charted=(1, 2),
    )
    benefit_rows = [
        ["Children and young people benefiting", *(f["children"] or 0 for f in figures)],
        ["Families benefiting", *(f["families"] or 0 for f in figures)],
        ["CAF in place when closed", *(f["caf_yes"] for f in figures)],
        ["No CAF in place when closed", *(f["caf_no"] for f in figures)],
    ]
    children = sum(benefit_rows[0][1:])
    families = sum(benefit_rows[1][1:])
    benefit = Section(
        "benefiting",
        "Who benefited",
        f"{children:,} children and young people and {families:,} families benefited."
        if closed
        else "No cases were closed in this period.",
        CLOSED_NOTE,
        ["Measure", *BOTH],
        benefit_rows,
        charted=(1, 2),
    )
    return outcome, benefit
