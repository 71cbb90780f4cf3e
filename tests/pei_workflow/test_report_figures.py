"""Every figure of a casework report equals the same figure worked out independently, here,
from the rows themselves (tests/pei_workflow/report_world.py); and a district's report counts
only that district."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pei_workflow.choices import (
    Barrier,
    EscalationType,
    GapRoute,
    MonitoringOutcome,
    PanelOutcome,
    SubGroupAgreement,
    Workforce,
)
from pei_workflow.models import CafEscalation, District, GapInService
from pei_workflow.reports.report import county_report, district_report
from pei_workflow.states import CafState, GapState
from tests.factories import admin_county_lead, admin_eido, admin_panel_member
from tests.pei_workflow import report_world as world

pytestmark = pytest.mark.django_db

ALL = None  # every district


@pytest.fixture
def built():
    world.build_world()
    return world.whole_span()


def codes_of(which):
    return set(District.objects.values_list("code", flat=True)) if which is ALL else {which}


def report_for(which, period):
    if which is ALL:
        return county_report(
            admin_county_lead(), District.objects.values_list("pk", flat=True), period
        )
    return district_report(admin_eido(which), District.objects.get(code=which), period)


def table(section) -> dict:
    return {row[0]: list(row[1:]) for row in section.rows}


def choice_counts(choices, *counters):
    return {label: [c.get(value, 0) for c in counters] for value, label in choices.choices}


@pytest.mark.parametrize("which", [ALL, "PEN"])
def test_the_counts_by_answer_state_and_outcome_are_the_rows_counted_one_by_one(built, which):
    codes = codes_of(which)
    report = report_for(which, built)
    gaps = world.sent(GapInService, codes, built)
    cafs = world.sent(CafEscalation, codes, built)
    assert gaps and cafs

    assert table(report.section("routes")) == choice_counts(
        GapRoute, world.count_of(gaps, lambda g: g.route)
    )
    assert table(report.section("barriers")) == choice_counts(
        Barrier, world.count_of(gaps, lambda g: g.barrier)
    )
    assert table(report.section("workforce")) == choice_counts(
        Workforce,
        world.count_of(gaps, lambda s: s.workforce),
        world.count_of(cafs, lambda s: s.workforce),
    )
    states = dict([*GapState.choices, *CafState.choices])
    gap_states = world.count_of(gaps, lambda s: s.state)
    caf_states = world.count_of(cafs, lambda s: s.state)
    expected_states = {
        states[value]: [gap_states.get(value, 0), caf_states.get(value, 0)]
        for value in {*gap_states, *caf_states}
    }
    assert table(report.section("states")) == expected_states
    assert table(report.section("panel_outcomes")) == choice_counts(
        PanelOutcome,
        world.count_of([g for g in gaps if g.panel_outcome], lambda g: g.panel_outcome),
    )
    assert table(report.section("sub_group_outcomes")) == choice_counts(
        SubGroupAgreement,
        world.count_of([g for g in gaps if g.sub_group_agreement], lambda s: s.sub_group_agreement),
        world.count_of([c for c in cafs if c.sub_group_agreement], lambda s: s.sub_group_agreement),
    )
    by_type = {
        label: [
            sum(1 for c in cafs if c.escalation_type == value),
            sum(1 for c in cafs if c.escalation_type == value and c.county_implications == "yes"),
            sum(
                1 for c in cafs if c.escalation_type == value and c.county_implications == "unsure"
            ),
        ]
        for value, label in EscalationType.choices
    }
    assert table(report.section("caf_types")) == by_type


@pytest.mark.parametrize("which", [ALL, "PEN"])
def test_priorities_themes_and_services_not_known_are_counted_one_by_one(built, which):
    codes = codes_of(which)
    report = report_for(which, built)
    gaps = world.sent(GapInService, codes, built)
    cafs = world.sent(CafEscalation, codes, built)

    def priority_label(gap):
        if gap.priority is None:
            return "No priority given"
        if which is ALL:
            return f"{gap.priority.district.name}: {gap.priority.title}"
        return gap.priority.title

    assert table(report.section("priorities")) == {
        label: [n] for label, n in world.count_of(gaps, priority_label).items()
    }
    given = table(report.section("priorities"))
    pendle = (
        "Pendle: PEN priority: emotional health"
        if which is ALL
        else "PEN priority: emotional health"
    )
    assert given[pendle] == [3]

    themes = {}
    for kind, items in enumerate((gaps, cafs)):
        for item in items:
            names = [t.name for t in item.themes.all()] or ["No theme given"]
            for name in names:
                themes.setdefault(name, [0, 0])[kind] += 1
    assert table(report.section("themes")) == {
        **themes,
        "No theme given": themes.get("No theme given", [0, 0]),
    }

    not_known = world.count_of(
        [g for g in gaps if g.service_unknown_to_practitioner and g.identified_service_id],
        lambda g: g.identified_service.name,
    )
    assert table(report.section("services_not_known")) == {k: [v] for k, v in not_known.items()}
    assert not_known


def test_the_county_ranks_themes_by_the_districts_they_come_from(built):
    report = report_for(ALL, built)
    by_theme = {}
    for model in (GapInService, CafEscalation):
        for item in world.sent(model, codes_of(ALL), built):
            for theme in item.themes.all():
                by_theme.setdefault(theme.name, {}).setdefault(item.district.name, 0)
                by_theme[theme.name][item.district.name] += 1
    rows = report.section("thematic_issues").rows
    assert {row[0]: (row[1], row[2]) for row in rows} == {
        name: (len(districts), sum(districts.values())) for name, districts in by_theme.items()
    }
    assert [row[1] for row in rows] == sorted((row[1] for row in rows), reverse=True)
    secret = next(row for row in rows if row[0] == world.SECRET_THEME)
    assert secret[1:] == [1, 1, "Burnley (1)"]


@pytest.mark.parametrize("which", [ALL, "PEN"])
def test_spend_purchases_escalations_and_monitoring_are_counted_one_by_one(built, which):
    codes = codes_of(which)
    report = report_for(which, built)
    spend = world.spend(codes, set(built.financial_years()))
    assert {k: (v[0], v[1], v[3]) for k, v in table(report.section("spend")).items()} == spend
    for spent, budget, left, _ in table(report.section("spend")).values():
        assert left == budget - spent
    assert {k: tuple(v) for k, v in table(report.section("bought")).items()} == world.bought(
        codes, built
    )

    previous = built.previous()
    escalations = table(report.section("escalations"))
    for model, transition, label in (
        (GapInService, "escalate_to_sub_group", "Gaps in service passed to the Sub Group"),
        (GapInService, "escalate_to_trust_board", "Gaps in service passed to the Trust Board"),
        (CafEscalation, "escalate_to_trust_board", "CAF escalations passed to the Trust Board"),
        (
            CafEscalation,
            "refer_to_county_caf_group",
            "CAF escalations passed to the county CAF group",
        ),
    ):
        assert escalations[label] == [
            world.escalations(model, codes, built, transition),
            world.escalations(model, codes, previous, transition),
        ]
    assert sum(row[0] for row in escalations.values()) > 0

    closed = [world.closed(model, codes, built) for model in (GapInService, CafEscalation)]
    assert table(report.section("monitoring")) == {
        label: [sum(1 for s in items if s.monitoring_outcome == value) for items in closed]
        for value, label in MonitoringOutcome.choices
    }
    assert table(report.section("benefiting")) == {
        "Children and young people benefiting": [
            sum(s.children_benefiting or 0 for s in i) for i in closed
        ],
        "Families benefiting": [sum(s.families_benefiting or 0 for s in i) for i in closed],
        "CAF in place when closed": [
            sum(s.caf_in_place_at_close == "yes" for s in i) for i in closed
        ],
        "No CAF in place when closed": [
            sum(s.caf_in_place_at_close == "no" for s in i) for i in closed
        ],
    }


@pytest.mark.parametrize("which", [ALL, "PEN"])
def test_waiting_times_are_the_median_and_90th_percentile_of_the_waits_one_by_one(built, which):
    codes = codes_of(which)
    report = report_for(which, built)
    rows = table(report.section("waiting_times"))
    for model, kind in ((GapInService, "Gaps in service"), (CafEscalation, "CAF escalations")):
        now = world.waits(model, codes, built)
        before = world.waits(model, codes, built.previous())
        for key, what in (("review", "to a first review"), ("decision", "to a decision")):
            median, p90, n, b_median, b_p90, b_n = rows[f"{kind}: days {what}"]
            assert (n, b_n) == (now[key][2], before[key][2])
            assert n > 0
            for shown, exact in (
                (median, now[key][0]),
                (p90, now[key][1]),
                (b_median, before[key][0]),
                (b_p90, before[key][1]),
            ):
                assert shown == (None if exact is None else round(exact, 1))


def test_a_districts_report_counts_nothing_of_another_district(built):
    """The Pendle report holds Pendle's figures only: Burnley's priority, service and theme
    are nowhere in it, and its totals are Pendle's."""
    report = report_for("PEN", built)
    text = repr([(s.finding, s.rows) for s in report.sections])
    for burnley in ("BUR priority", "BUR Bereavement Service", world.SECRET_THEME, "Burnley"):
        assert burnley not in text
    pendle_gaps = len(world.sent(GapInService, {"PEN"}, built))
    assert sum(n for n, _ in table(report.section("states")).values()) == pendle_gaps


def test_a_panel_member_reads_the_same_figures_as_the_districts_eido(built):
    member = admin_panel_member("PEN")
    as_member = district_report(member, District.objects.get(code="PEN"), built)
    as_eido = report_for("PEN", built)
    assert [s.rows for s in as_member.sections] == [s.rows for s in as_eido.sections]


def test_a_report_for_a_district_the_reader_may_not_read_counts_nothing(built):
    """The scope is the selector's, not the caller's: asking for Pendle as a Burnley EIDO
    gives no figures at all."""
    report = district_report(admin_eido("BUR"), District.objects.get(code="PEN"), built)
    assert report.scope.district_ids == []
    assert sum(sum(row[1:]) for row in report.section("states").rows) == 0


def test_the_county_report_costs_the_same_queries_with_three_times_the_casework():
    from pei_workflow.synthetic import generate_casework

    lead = admin_county_lead()
    ids = list(District.objects.values_list("pk", flat=True))
    counts = []
    for more in (60, 120):
        generate_casework(more, seed=more)
        period = world.whole_span()
        county_report(lead, ids, period)  # content types are cached after the first
        with CaptureQueriesContext(connection) as queries:
            county_report(lead, ids, period)
        counts.append(len(queries))
    assert counts[0] == counts[1]
