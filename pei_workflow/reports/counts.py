"""The sections that count submissions sent in the period by one of their answers, state or
outcome."""

from collections import defaultdict

from django.db.models import Count

from ..choices import Barrier, EscalationType, GapRoute, PanelOutcome, SubGroupAgreement, Workforce
from ..models import CafEscalation, GapInService
from ..states import CafState, GapState
from .scope import Scope
from .sections import Section, choice_rows, largest_finding
from .tallies import tallies
from .themes import theme_counts

BOTH = ["Gaps in service", "CAF escalations"]
SENT_NOTE = "Counts the submissions sent in the period, as they stand today."


def _gaps_by(scope: Scope, key: str, field: str, choices, heading: str, how: str) -> Section:
    """Gaps in service sent in the period by one of their answers."""
    rows = choice_rows(choices, tallies(scope, GapInService)[field])
    return Section(
        key,
        f"Gaps in service by {heading.lower()}",
        largest_finding(rows, "gaps in service", how),
        SENT_NOTE,
        [heading, "Gaps in service"],
        rows,
    )


def by_route(scope: Scope) -> Section:
    return _gaps_by(scope, "routes", "route", GapRoute, "Route", "came by the route")


def by_barrier(scope: Scope) -> Section:
    return _gaps_by(scope, "barriers", "barrier", Barrier, "Barrier", "met the barrier")


def by_priority(scope: Scope) -> Section:
    gaps = scope.sent(GapInService)
    found = (
        gaps.order_by()
        .values("priority__title", "priority__district__name")
        .annotate(n=_count())
        .order_by("-n", "priority__district__name", "priority__title")
    )
    rows = []
    for row in found:
        if row["priority__title"] is None:
            label = "No priority given"
        elif len(scope.district_ids) > 1:
            label = f"{row['priority__district__name']}: {row['priority__title']}"
        else:
            label = row["priority__title"]
        rows.append([label, row["n"]])
    return Section(
        "priorities",
        "Gaps in service by CYPP priority",
        largest_finding(rows, "gaps in service", "related to"),
        SENT_NOTE + " A gap relates to one priority of its district, or to none.",
        ["CYPP priority", "Gaps in service"],
        rows,
    )


def _by_theme(scope: Scope, model) -> dict:
    totals = defaultdict(int)
    for (theme, _district), n in theme_counts(scope, model).items():
        totals[theme] += n
    return totals


def by_theme(scope: Scope) -> Section:
    gaps, cafs = _by_theme(scope, GapInService), _by_theme(scope, CafEscalation)
    names = sorted({*gaps, *cafs} - {None})
    rows = sorted(
        ([name, gaps.get(name, 0), cafs.get(name, 0)] for name in names),
        key=lambda row: (-(row[1] + row[2]), row[0]),
    )
    untagged = [["No theme given", gaps.get(None, 0), cafs.get(None, 0)]]
    if rows and sum(rows[0][1:]):
        top = rows[0]
        finding = f"The theme that came up most was “{top[0]}”: {top[1] + top[2]:,} submissions."
    else:
        finding = "No submission of this period has a theme yet."
    return Section(
        "themes",
        "Submissions by theme",
        finding,
        SENT_NOTE + " A submission can have several themes, so the rows add up to more.",
        ["Theme", *BOTH],
        rows + untagged,
        charted=(1, 2),
    )


def by_workforce(scope: Scope) -> Section:
    rows = choice_rows(
        Workforce,
        tallies(scope, GapInService)["workforce"],
        tallies(scope, CafEscalation)["workforce"],
    )
    return Section(
        "workforce",
        "Submissions by the practitioner's workforce",
        largest_finding(rows, "submissions", "came from"),
        SENT_NOTE,
        ["Workforce", *BOTH],
        rows,
        charted=(1, 2),
    )


def by_state(scope: Scope) -> Section:
    states = [
        (value, label)
        for value, label in dict([*GapState.choices, *CafState.choices]).items()
        if value != "new"
    ]
    gaps = tallies(scope, GapInService)["state"]
    cafs = tallies(scope, CafEscalation)["state"]
    rows = [[label, gaps.get(value, 0), cafs.get(value, 0)] for value, label in states]
    rows = [row for row in rows if any(row[1:])] or rows
    rows.sort(key=lambda row: -(row[1] + row[2]))
    return Section(
        "states",
        "Submissions by where they are now",
        largest_finding(rows, "submissions", "are now at"),
        SENT_NOTE,
        ["State", *BOTH],
        rows,
        charted=(1, 2),
    )


def by_panel_outcome(scope: Scope) -> Section:
    rows = choice_rows(PanelOutcome, tallies(scope, GapInService)["panel_outcome"])
    return Section(
        "panel_outcomes",
        "What was agreed for gaps in service",
        largest_finding(rows, "decisions", "were"),
        SENT_NOTE + " Signposting by the EIDO counts as an existing service meeting the need.",
        ["Outcome", "Gaps in service"],
        rows,
    )


def by_sub_group_agreement(scope: Scope) -> Section:
    rows = choice_rows(
        SubGroupAgreement,
        tallies(scope, GapInService)["sub_group_agreement"],
        tallies(scope, CafEscalation)["sub_group_agreement"],
    )
    return Section(
        "sub_group_outcomes",
        "What the Sub Group agreed",
        largest_finding(rows, "Sub Group decisions", "were"),
        SENT_NOTE + " The latest decision of each submission.",
        ["What was agreed", *BOTH],
        rows,
        charted=(1, 2),
    )


def caf_by_type(scope: Scope) -> Section:
    counted = tallies(scope, CafEscalation)
    by_type, crossed = (
        counted["escalation_type"],
        counted[("escalation_type", "county_implications")],
    )
    rows = [
        [label, by_type[value], crossed[(value, "yes")], crossed[(value, "unsure")]]
        for value, label in EscalationType.choices
    ]
    rows.sort(key=lambda row: -row[1])
    county_wide = sum(row[2] for row in rows)
    total = sum(row[1] for row in rows)
    finding = (
        f"{county_wide:,} of {total:,} CAF escalations may have county-wide implications."
        if total
        else "No CAF escalations in this period."
    )
    return Section(
        "caf_types",
        "CAF escalations by type",
        finding,
        SENT_NOTE + " County-wide implications are as the practitioner judged them.",
        ["Type", "CAF escalations", "May have county-wide implications", "Not sure"],
        rows,
        charted=(1, 2),
    )


def services_not_known(scope: Scope) -> Section:
    gaps = scope.sent(GapInService).filter(
        service_unknown_to_practitioner=True, identified_service__isnull=False
    )
    found = (
        gaps.order_by()
        .values("identified_service__name", "identified_service")
        .annotate(n=_count())
        .order_by("-n", "identified_service__name")
    )
    rows = [[row["identified_service__name"], row["n"]] for row in found]
    finding = (
        f"“{rows[0][0]}” was the answer most often not known to the practitioner: "
        f"{rows[0][1]:,} times. It may need publicity."
        if rows
        else "No practitioner in this period was told of a service they had not known about."
    )
    return Section(
        "services_not_known",
        "Services the practitioner did not know about",
        finding,
        "Gaps in service sent in the period that a service in the directory met, where the "
        "practitioner had not known of it.",
        ["Service", "Times not known"],
        rows,
    )


def _count(condition=None):
    return Count("pk", filter=condition)
