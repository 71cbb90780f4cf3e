"""The synthetic casework generator makes realistic casework: histories the state machines
allow, every path they offer, figures that agree with the histories, and the same casework
for the same seed."""

import datetime
from collections import defaultdict
from decimal import Decimal

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db.models import Sum
from django.test import override_settings
from django.utils import timezone

from pei_site import roles
from pei_workflow.models import (
    CafEscalation,
    GapInService,
    Meeting,
    ReferenceSequence,
    Service,
    SpotPurchase,
    SpotPurchaseBudget,
    TransitionLog,
    financial_year_of,
)
from pei_workflow.services import submit_gap_in_service
from pei_workflow.synthetic import generate_casework, period
from pei_workflow.synthetic.policy import DECISION_STEPS, TABLES
from tests.factories import gap_answers

pytestmark = pytest.mark.django_db

MODELS = (GapInService, CafEscalation)
# Rows of the review history that record a change other than a step: the state stays.
NOT_STEPS = {"set_themes", "correct_answers", "redact"}


def histories(model) -> dict[int, list[TransitionLog]]:
    rows = defaultdict(list)
    for row in TransitionLog.objects.filter(content_type__model=model._meta.model_name).order_by(
        "created_at", "pk"
    ):
        rows[row.object_id].append(row)
    return rows


def local_day(moment) -> datetime.date:
    return timezone.localtime(moment).date()


def test_every_synthetic_history_replays_through_the_state_machine():
    """Replaying each history's steps on a new instance, with the model's own transition
    methods, goes from state to state as the rows say and ends in the submission's state;
    the other rows (themes) leave the state alone."""
    made = generate_casework(300)
    assert made["gap"] + made["caf"] == 300
    for model in MODELS:
        found = histories(model)
        for submission in model.objects.all():
            replay = model()
            for row in found[submission.pk]:
                assert row.from_state == replay.state, submission.reference
                if row.transition in NOT_STEPS:
                    assert row.to_state == row.from_state
                    continue
                getattr(replay, row.transition)()
                assert replay.state == row.to_state, (submission.reference, row.transition)
            assert replay.state == submission.state, submission.reference


def test_every_step_the_state_machines_offer_is_taken_from_every_state():
    """Signposting, every decision, deferral, escalation, referral, decline, withdrawal and
    reopening appears, from each state the tables allow it from."""
    generate_casework(3000, seed=11)
    for model in MODELS:
        taken = set(
            TransitionLog.objects.filter(content_type__model=model._meta.model_name).values_list(
                "from_state", "transition"
            )
        )
        offered = {
            (state, name) for state, steps in TABLES[model.kind.value].items() for name in steps
        }
        assert offered - taken == set(), model.__name__
    outcomes = set(GapInService.objects.values_list("panel_outcome", flat=True))
    assert outcomes >= {
        "service_identified",
        "skills_or_resources",
        "spot_purchase",
        "waiting_list",
    }
    agreements = set(CafEscalation.objects.values_list("sub_group_agreement", flat=True))
    agreements |= set(GapInService.objects.values_list("sub_group_agreement", flat=True))
    assert agreements >= {
        "budget_aligned",
        "staff_time",
        "commissioned_service",
        "process_change",
        "other",
    }
    assert GapInService.objects.filter(service_unknown_to_practitioner=True).exists()
    assert GapInService.objects.filter(
        identified_service__isnull=False, service_unknown_to_practitioner=False
    ).exists()


def test_casework_spans_three_financial_years_ending_today_old_cases_ended_new_ones_open():
    """Every case was sent between 1 April two financial years back and now; most of the
    first year's cases have ended, and a good share of the last month's are still open."""
    generate_casework(600)
    start, now = period(timezone.localdate()), timezone.now()
    sent = []
    for model in MODELS:
        sent += list(model.objects.values_list("submitted_at", "state"))
    assert all(local_day(at) >= start and at <= now for at, _ in sent)
    years = {financial_year_of(local_day(at)) for at, _ in sent}
    assert years == {start.year, start.year + 1, start.year + 2}
    first_year = [state for at, state in sent if financial_year_of(local_day(at)) == start.year]
    ended = {"closed", "declined", "withdrawn"}
    assert sum(state in ended for state in first_year) / len(first_year) > 0.95
    recent = [state for at, state in sent if now - at < datetime.timedelta(days=30)]
    assert sum(state not in ended for state in recent) / len(recent) > 0.5


def test_decisions_closures_meetings_and_spend_agree_with_the_histories():
    """decided_at and closed_at are the times of the last decision and closing steps; the
    meeting is the one the last agenda step named, and decisions taken there are dated on or
    just after its day; each spot purchase is in its meeting's financial year, within the
    panel maximum, and no district overspends a year's budget."""
    generate_casework(600, seed=3)
    for model in MODELS:
        found = histories(model)
        for case in model.objects.select_related("meeting", "district"):
            steps = found[case.pk]
            decisions = [s for s in steps if s.transition in DECISION_STEPS]
            closes = [s for s in steps if s.transition == "close"]
            agendas = [s for s in steps if s.transition in ("add_to_agenda", "defer")]
            assert case.decided_at == (decisions[-1].created_at if decisions else None)
            assert case.closed_at == (closes[-1].created_at if closes else None)
            assert case.updated_at == steps[-1].created_at
            if agendas:
                assert case.meeting_id == agendas[-1].data["meeting_id"]
                assert case.meeting.district_id == case.district_id
                assert case.meeting.date >= local_day(agendas[-1].created_at)
            else:
                assert case.meeting_id is None
            on_agenda = None
            for step in steps:
                # What is decided on an agenda is decided at the meeting (a withdrawal can
                # come before it).
                if step.from_state in ("on_panel_agenda", "on_sub_group_agenda") and (
                    step.transition != "withdraw"
                ):
                    assert 0 <= (local_day(step.created_at) - on_agenda).days <= 4
                if step.transition in ("add_to_agenda", "defer"):
                    on_agenda = Meeting.objects.get(pk=step.data["meeting_id"]).date
            if closes:
                assert case.children_benefiting is not None
                if model is GapInService:
                    assert case.children_benefiting <= case.children_affected
                    assert case.families_benefiting <= case.families_affected
    for purchase in SpotPurchase.objects.select_related("gap__meeting", "gap__district"):
        assert purchase.financial_year == financial_year_of(purchase.gap.meeting.date)
        assert purchase.amount <= purchase.gap.district.panel_maximum
        assert purchase.gap.panel_outcome == "spot_purchase"
    spend = SpotPurchase.objects.values("district", "financial_year").annotate(total=Sum("amount"))
    budgets = {
        (b.district_id, b.financial_year): b.amount for b in SpotPurchaseBudget.objects.all()
    }
    assert spend
    for row in spend:
        assert row["total"] <= budgets[(row["district"], row["financial_year"])]
    assert all(Decimal(1000) <= amount <= Decimal(10000) for amount in budgets.values())


def test_services_priorities_and_county_decisions_come_from_the_right_place():
    """A service given to a gap covers its district (a synthetic directory is made when
    there is none), a CYPP priority is one of the district's own, and Trust Board and county
    decisions are recorded by a county lead."""
    generate_casework(600, seed=5)
    assert Service.objects.filter(name__contains="Example").exists()
    for gap in GapInService.objects.exclude(identified_service=None).select_related(
        "identified_service"
    ):
        assert gap.identified_service.districts.filter(pk=gap.district_id).exists()
    for gap in GapInService.objects.exclude(priority=None).select_related("priority"):
        assert gap.priority.district_id == gap.district_id
    county = TransitionLog.objects.filter(
        transition__in=["record_trust_board_decision", "record_county_response"]
    )
    assert county.exists()
    leads = get_user_model().objects.filter(groups__name=roles.COUNTY_LEADS)
    assert not county.exclude(actor__in=leads).exists()
    assert not get_user_model().objects.filter(username__startswith="synthetic-", is_active=True)


def fingerprint() -> list:
    """Everything generated, without the submissions' own ids."""
    cases = []
    for model in MODELS:
        history = histories(model)
        for case in model.objects.order_by("reference").prefetch_related("themes"):
            fields = {
                f.attname: getattr(case, f.attname)
                for f in model._meta.concrete_fields
                if f.attname != "id"
            }
            steps = [
                (
                    s.transition,
                    s.from_state,
                    s.to_state,
                    s.created_at,
                    s.actor_id,
                    s.comment,
                    s.data,
                )
                for s in history[case.pk]
            ]
            cases.append((fields, sorted(t.name for t in case.themes.all()), steps))
    purchases = list(
        SpotPurchase.objects.order_by("gap__reference").values_list(
            "gap__reference", "amount", "financial_year", "agreed_at"
        )
    )
    return [cases, purchases]


def test_the_same_seed_on_the_same_database_makes_the_same_casework():
    """Run, remove the casework, run again with the same seed at the same moment: the same
    cases, answers, histories and spend; another seed makes other casework."""
    with time_machine.travel(timezone.now(), tick=False):
        generate_casework(120, seed=42)
        first = fingerprint()
        SpotPurchase.objects.all().delete()
        TransitionLog.objects.all().delete()
        for model in MODELS:
            model.objects.all().delete()
        ReferenceSequence.objects.all().delete()
        generate_casework(120, seed=42)
        assert fingerprint() == first
        SpotPurchase.objects.all().delete()
        TransitionLog.objects.all().delete()
        for model in MODELS:
            model.objects.all().delete()
        ReferenceSequence.objects.all().delete()
        generate_casework(120, seed=43)
        assert fingerprint() != first


def test_a_real_submission_after_synthetic_ones_gets_the_next_free_reference():
    generate_casework(30)
    references = set(GapInService.objects.values_list("reference", flat=True))
    gap = submit_gap_in_service(answers=gap_answers("BUR"))
    assert gap.reference not in references


@override_settings(PEI_ALLOW_DEMO_ACCOUNTS=False)
def test_the_command_refuses_where_demo_data_is_switched_off():
    with pytest.raises(CommandError, match="switched off"):
        call_command("generate_casework", "10")
    assert not GapInService.objects.exists()


def test_the_command_says_what_it_made(capsys):
    """Without a terminal (or with --no-progress) there is no progress bar, only the line
    saying what was made."""
    call_command("generate_casework", "12", "--no-progress")
    out, err = capsys.readouterr()
    assert out.startswith("Made 8 gaps in service and 4 CAF escalations")
    assert err == ""


def test_a_second_run_adds_casework_without_reusing_references_or_meetings():
    generate_casework(24)
    meetings, services = Meeting.objects.count(), Service.objects.count()
    generate_casework(24, seed=7)
    assert GapInService.objects.count() + CafEscalation.objects.count() == 48
    assert Meeting.objects.count() == meetings
    assert Service.objects.count() == services
    references = [
        *GapInService.objects.values_list("reference", flat=True),
        *CafEscalation.objects.values_list("reference", flat=True),
    ]
    assert len(set(references)) == 48


def test_synthetic_meetings_are_made_even_where_a_real_meeting_exists():
    """A district's real coming meeting does not stop the other districts' meetings."""
    from tests.factories import meeting

    meeting("PEN")
    generate_casework(12)
    assert Meeting.objects.values("district").distinct().count() == 12
