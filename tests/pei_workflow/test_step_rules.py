"""The rules each step checks on its input: meetings, spot-purchase limits, reasons, closing
figures, corrections and themes. A refused step says why and changes nothing."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from pei_workflow import services
from pei_workflow.models import (
    SpotPurchase,
    Theme,
    TransitionLog,
    financial_year_label,
    financial_year_of,
)
from pei_workflow.services import TransitionRefused
from tests.factories import (
    budget,
    budget_year,
    eido,
    meeting,
    service,
    submitted_caf,
    submitted_gap,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    return eido("PEN")


@pytest.fixture
def gap_in_review(officer):
    return services.start_review(submission=submitted_gap("PEN"), actor=officer)


@pytest.fixture
def gap_on_agenda(officer, gap_in_review):
    return services.add_to_agenda(submission=gap_in_review, actor=officer, meeting=meeting())


def unchanged(submission, state):
    submission.refresh_from_db()
    return submission.state == state


def history_count(submission):
    return TransitionLog.objects.filter(
        object_id=submission.pk, content_type__model=submission._meta.model_name
    ).count()


# Financial years.


@pytest.mark.parametrize(
    "day,year",
    [
        (datetime.date(2026, 3, 31), 2025),
        (datetime.date(2026, 4, 1), 2026),
        (datetime.date(2027, 1, 15), 2026),
    ],
)
def test_the_financial_year_runs_from_1_april_to_31_march(day, year):
    """31 March belongs to the year before; 1 April starts a new one."""
    assert financial_year_of(day) == year


def test_a_financial_year_is_written_as_two_years():
    assert financial_year_label(2026) == "2026 to 2027"


# Meetings.


@pytest.mark.parametrize(
    "make_meeting,message",
    [
        (lambda: meeting("BUR"), "Select a meeting of Pendle"),
        (lambda: meeting("PEN", kind="sub_group"), "Select a Resource Panel meeting"),
        (lambda: meeting("PEN", days_ahead=-1), "already happened"),
    ],
    ids=["other district", "wrong kind", "in the past"],
)
def test_a_gap_goes_only_on_a_coming_resource_panel_of_its_own_district(
    officer, gap_in_review, make_meeting, message
):
    """add_to_agenda refuses a meeting of another district, of the wrong kind or past."""
    with pytest.raises(ValidationError) as refused:
        services.add_to_agenda(submission=gap_in_review, actor=officer, meeting=make_meeting())
    assert message in str(refused.value)
    assert unchanged(gap_in_review, "in_review")


def test_a_caf_escalation_goes_only_on_a_sub_group_meeting(officer):
    caf = services.start_review(submission=submitted_caf("PEN"), actor=officer)
    with pytest.raises(ValidationError, match="Select a Sub Group meeting"):
        services.add_to_agenda(submission=caf, actor=officer, meeting=meeting())
    caf = services.add_to_agenda(submission=caf, actor=officer, meeting=meeting(kind="sub_group"))
    assert caf.state == "on_sub_group_agenda"


def test_defer_moves_an_item_only_to_a_later_meeting(officer, gap_on_agenda):
    """A deferred item moves to a later meeting of the same kind; an earlier one is
    refused."""
    earlier = meeting(days_ahead=3)
    with pytest.raises(ValidationError, match="Select a meeting after"):
        services.defer(submission=gap_on_agenda, actor=officer, meeting=earlier)
    later = meeting(days_ahead=40)
    moved = services.defer(submission=gap_on_agenda, actor=officer, meeting=later)
    assert moved.meeting == later
    assert moved.state == "on_panel_agenda"
    log = TransitionLog.objects.filter(transition="defer").get()
    assert log.data["meeting_id"] == later.pk


# Spot purchases.


def spot_purchase(gap, officer, amount):
    return services.record_panel_decision(
        submission=gap,
        actor=officer,
        outcome="spot_purchase",
        amount=Decimal(amount),
        purchase_for="Car seats",
    )


def test_a_spot_purchase_over_the_panel_maximum_is_refused(officer, gap_on_agenda):
    """One case may be given at most the district's panel maximum (£500 by default)."""
    budget("PEN", "5000.00")
    with pytest.raises(ValidationError, match="£500.00 or less"):
        spot_purchase(gap_on_agenda, officer, "500.01")
    assert unchanged(gap_on_agenda, "on_panel_agenda")
    assert not SpotPurchase.objects.exists()


def test_the_panel_maximum_is_a_setting_per_district(officer, gap_on_agenda):
    gap_on_agenda.district.panel_maximum = Decimal("750.00")
    gap_on_agenda.district.save()
    budget("PEN", "5000.00")
    assert spot_purchase(gap_on_agenda, officer, "700.00").state == "action_agreed"


def test_a_spot_purchase_with_no_budget_set_for_the_year_is_refused(officer, gap_on_agenda):
    last_year = financial_year_of(timezone.localdate()) - 1
    budget("PEN", "5000.00", year=last_year)
    with pytest.raises(ValidationError, match="no spot-purchase budget"):
        spot_purchase(gap_on_agenda, officer, "100.00")
    assert unchanged(gap_on_agenda, "on_panel_agenda")


def test_spend_counts_against_the_year_of_the_meeting_and_the_district(officer):
    """Another district's spend and last year's spend do not use up this budget."""
    budget("PEN", "600.00")
    budget("BUR", "600.00")
    this_year = budget_year()  # the financial year of the meeting below
    burnley_gap = services.start_review(submission=submitted_gap("BUR"), actor=eido("BUR"))
    SpotPurchase.objects.create(
        district=burnley_gap.district,
        financial_year=this_year,
        gap=burnley_gap,
        amount=Decimal("500.00"),
        purchase_for="Transport",
    )
    pendle_gap = submitted_gap("PEN")
    SpotPurchase.objects.create(
        district=pendle_gap.district,
        financial_year=this_year - 1,
        gap=pendle_gap,
        amount=Decimal("500.00"),
        purchase_for="Nursery fees",
    )
    gap = services.start_review(submission=submitted_gap("PEN"), actor=officer)
    gap = services.add_to_agenda(submission=gap, actor=officer, meeting=meeting())
    assert spot_purchase(gap, officer, "500.00").state == "action_agreed"
    position = services.budget_position(district=gap.district, day=gap.meeting.date)
    assert (position.budget, position.spent, position.left) == (
        Decimal("600.00"),
        Decimal("500.00"),
        Decimal("100.00"),
    )


def test_a_spot_purchase_needs_an_amount_and_what_it_buys(officer, gap_on_agenda):
    with pytest.raises(ValidationError) as refused:
        services.record_panel_decision(
            submission=gap_on_agenda, actor=officer, outcome="spot_purchase", amount=None
        )
    assert "purchase_for" in refused.value.message_dict
    assert history_count(gap_on_agenda) == 3


def test_a_service_outcome_needs_a_service_that_covers_the_district(officer, gap_on_agenda):
    burnley_only = service("BUR", name="Burnley Youth Transport")
    with pytest.raises(ValidationError, match="covers Pendle"):
        services.record_panel_decision(
            submission=gap_on_agenda,
            actor=officer,
            outcome="service_identified",
            service=burnley_only,
        )
    assert unchanged(gap_on_agenda, "on_panel_agenda")


# Reasons, messages and closing figures.


@pytest.mark.parametrize(
    "step,field",
    [
        (services.decline, "reason"),
        (services.escalate_to_sub_group, "reason"),
        (services.reopen, "reason"),
    ],
)
def test_steps_that_need_a_reason_refuse_a_blank_one(officer, gap_on_agenda, step, field):
    with pytest.raises(ValidationError) as refused:
        step(submission=gap_on_agenda, actor=officer, reason="   ")
    assert field in refused.value.message_dict
    assert unchanged(gap_on_agenda, "on_panel_agenda")


def test_an_information_request_needs_a_message(officer, gap_in_review):
    with pytest.raises(ValidationError) as refused:
        services.request_information(submission=gap_in_review, actor=officer, message="")
    assert refused.value.message_dict["message"] == ["Enter the question for the practitioner."]


def test_closing_records_the_monitoring_outcome(officer, gap_in_review):
    gap = services.signpost(
        submission=gap_in_review, actor=officer, service=service(), unknown_to_practitioner=False
    )
    with pytest.raises(ValidationError) as refused:
        services.close(
            submission=gap,
            actor=officer,
            outcome="",
            children_benefiting=None,
            families_benefiting=-1,
            caf_in_place="maybe",
        )
    assert set(refused.value.message_dict) == {
        "outcome",
        "children_benefiting",
        "families_benefiting",
        "caf_in_place",
    }
    closed = services.close(
        submission=gap,
        actor=officer,
        outcome="partly_met",
        children_benefiting=3,
        families_benefiting=2,
        caf_in_place="no",
        notes="Sessions started",
    )
    assert (closed.state, closed.monitoring_outcome, closed.children_benefiting) == (
        "closed",
        "partly_met",
        3,
    )
    assert closed.closed_at is not None


# Corrections and themes.


def test_a_correction_needs_a_reason_which_is_kept_with_the_change(officer, gap_in_review):
    with pytest.raises(ValidationError):
        services.correct_answers(
            submission=gap_in_review, actor=officer, changes={"unmet_need": "x"}, reason=""
        )
    corrected = services.correct_answers(
        submission=gap_in_review,
        actor=officer,
        changes={"unmet_need": "Bereavement support for a Year 9 pupil."},
        reason="The practitioner phoned to correct it",
    )
    latest = corrected.history.first()
    assert latest.history_change_reason == "The practitioner phoned to correct it"
    assert latest.history_user == officer
    log = TransitionLog.objects.get(transition="correct_answers")
    assert log.data == {"fields": ["the unmet need"]}


def test_a_closed_submission_cannot_be_corrected_or_tagged_until_reopened(officer, gap_in_review):
    gap = services.decline(submission=gap_in_review, actor=officer, reason="Duplicate")
    theme = Theme.objects.first()
    with pytest.raises(TransitionRefused):
        services.correct_answers(
            submission=gap, actor=officer, changes={"unmet_need": "x"}, reason="Typo"
        )
    with pytest.raises(TransitionRefused):
        services.set_themes(submission=gap, actor=officer, themes=[theme])
    assert services.editable_parts(gap, officer) == set()
    gap = services.reopen(submission=gap, actor=officer, reason="Not a duplicate after all")
    assert services.editable_parts(gap, officer) == {"answers", "themes", "assignee", "notes"}
    services.set_themes(submission=gap, actor=officer, themes=[theme])
    assert list(gap.themes.all()) == [theme]


def test_another_districts_eido_cannot_correct_or_tag(gap_in_review):
    from django.core.exceptions import PermissionDenied

    burnley = eido("BUR")
    with pytest.raises(PermissionDenied):
        services.correct_answers(
            submission=gap_in_review, actor=burnley, changes={"unmet_need": "x"}, reason="r"
        )
    with pytest.raises(PermissionDenied):
        services.set_themes(submission=gap_in_review, actor=burnley, themes=[])
    assert services.editable_parts(gap_in_review, burnley) == set()


def test_only_answers_can_be_corrected_not_workflow_fields(officer, gap_in_review):
    with pytest.raises(ValidationError, match="cannot be corrected"):
        services.correct_answers(
            submission=gap_in_review, actor=officer, changes={"state": "closed"}, reason="r"
        )


def test_an_inactive_theme_cannot_be_added(officer, gap_in_review):
    theme = Theme.objects.create(name="Old theme", is_active=False)
    with pytest.raises(ValidationError):
        services.set_themes(submission=gap_in_review, actor=officer, themes=[theme])
    assert gap_in_review.themes.count() == 0


def test_a_correction_cannot_bring_in_what_the_form_kept_out(officer, gap_in_review):
    """Corrections go through the public forms' anonymity guard, and the message names the
    field and the kind of detail, never the detail."""
    with pytest.raises(ValidationError) as refused:
        services.correct_answers(
            submission=gap_in_review,
            actor=officer,
            changes={"unmet_need": "The family at BB9 7LJ needs help."},
            reason="Added the area",
        )
    [message] = refused.value.message_dict["unmet_need"]
    assert "postcode" in message and "BB9 7LJ" not in message
    gap_in_review.refresh_from_db()
    assert "BB9" not in gap_in_review.unmet_need


def test_a_service_taken_out_of_the_directory_cannot_be_chosen(officer, gap_in_review):
    closed = service("PEN", name="Closed Youth Club", is_published=False)
    with pytest.raises(ValidationError, match="no longer in the directory"):
        services.signpost(
            submission=gap_in_review, actor=officer, service=closed, unknown_to_practitioner=True
        )
    assert unchanged(gap_in_review, "in_review")
