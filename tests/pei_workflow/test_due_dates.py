"""Each open case is due by its district's target in working days; the casework lists and
the admin home mark it "Overdue" or "Due soon" in words, with an icon, and filter and sort
by it; a change of target, closure day or meeting date moves the due dates it concerns."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pei_workflow import services
from pei_workflow.admin import urls
from pei_workflow.admin.casework.dashboard import WaitingForYouPanel
from pei_workflow.admin.casework.options import GapInServiceAdmin
from pei_workflow.models import CafEscalation, GapInService
from pei_workflow.services.due_dates import refresh_due_dates
from pei_workflow.services.targets import (
    delete_closure_day,
    delete_target,
    save_closure_day,
    save_target,
)
from pei_workflow.synthetic import generate_casework
from tests.clock import london
from tests.factories import (
    admin_county_lead,
    admin_eido,
    district,
    in_state,
    meeting,
    submitted_caf,
    submitted_gap,
)

pytestmark = pytest.mark.django_db

D = datetime.date
# Friday 1 May 2026; Monday 4 May is the early May bank holiday.
FRIDAY_BEFORE_BANK_HOLIDAY = london(2026, 5, 1)
# Five working days after it, the weekend and the bank holiday skipped.
DUE = D(2026, 5, 11)


@pytest.fixture
def clock(time_machine):
    def set_to(day: datetime.date, hour: int = 10) -> None:
        time_machine.move_to(london(day.year, day.month, day.day, hour), tick=False)

    return set_to


def due_on(case) -> datetime.date | None:
    return type(case).objects.values_list("due_on", flat=True).get(pk=case.pk)


def row_of(html: str, reference: str) -> str:
    rows = [row for row in html.split("<tr") if reference in row]
    assert len(rows) == 1, f"{reference} is not one row of the list"
    return rows[0]


def gap_list(client, **query) -> str:
    response = client.get(urls.screen_url(GapInService), query)
    assert response.status_code == 200
    return response.content.decode()


def home_panel(user) -> str:
    return WaitingForYouPanel(user).render_html({})


def test_a_received_case_is_due_five_working_days_later_without_the_weekend_or_bank_holiday(
    clock,
):
    clock(FRIDAY_BEFORE_BANK_HOLIDAY.date())
    assert due_on(submitted_gap("PEN")) == DUE
    assert due_on(submitted_caf("PEN")) == DUE


def test_an_item_past_its_target_is_overdue_in_the_list_and_on_the_home_page(client, clock):
    officer = admin_eido("PEN")
    clock(FRIDAY_BEFORE_BANK_HOLIDAY.date())
    late = submitted_gap("PEN")
    clock(DUE + datetime.timedelta(days=1))
    fresh = submitted_gap("PEN")
    client.force_login(officer)

    html = gap_list(client)
    assert "Overdue" in row_of(html, late.reference)
    assert 'href="#icon-warning"' in row_of(html, late.reference)
    assert "Overdue" not in row_of(html, fresh.reference)

    home = client.get(urls.admin_home_url()).content.decode()
    assert "Overdue (1)" in home
    overdue_part = home.split("Overdue (1)")[1].split("Due soon (")[0]
    assert late.reference in overdue_part and fresh.reference not in overdue_part


def test_on_its_due_day_a_case_is_due_soon_not_overdue(client, clock):
    """The weekend and the bank holiday were not counted: on Monday 11 May the case is due
    that day, not four days late."""
    officer = admin_eido("PEN")
    clock(FRIDAY_BEFORE_BANK_HOLIDAY.date())
    gap = submitted_gap("PEN")
    clock(DUE)
    client.force_login(officer)
    row = row_of(gap_list(client), gap.reference)
    assert "Due soon" in row and "Overdue" not in row
    assert 'href="#icon-time"' in row
    assert "Due soon (1)" in home_panel(officer)
    assert "Overdue (0)" in home_panel(officer)


def test_due_soon_means_today_or_within_the_next_two_working_days(clock):
    officer = admin_eido("PEN")
    clock(FRIDAY_BEFORE_BANK_HOLIDAY.date())
    gap = submitted_gap("PEN")
    clock(D(2026, 5, 7))  # Thursday: two working days on is Monday 11 May
    assert gap.reference in home_panel(officer).split("Due soon (1)")[1]
    clock(D(2026, 5, 6))  # Wednesday: two working days on is Friday 8 May
    html = home_panel(officer)
    assert "Due soon (0)" in html and "Overdue (0)" in html


def test_the_list_filters_overdue_and_due_soon_cases(client, clock):
    officer = admin_eido("PEN")
    clock(D(2026, 4, 20))
    late = submitted_gap("PEN")
    clock(FRIDAY_BEFORE_BANK_HOLIDAY.date())
    soon = submitted_gap("PEN")
    clock(D(2026, 5, 10))
    later = submitted_gap("PEN")
    clock(DUE)
    client.force_login(officer)

    overdue = gap_list(client, due="overdue")
    assert late.reference in overdue
    assert soon.reference not in overdue and later.reference not in overdue
    due_soon = gap_list(client, due="due_soon")
    assert soon.reference in due_soon
    assert late.reference not in due_soon and later.reference not in due_soon
    assert client.get(urls.screen_url(GapInService), {"due": "someday"}).status_code == 400


def test_the_list_sorts_by_due_date(client, clock):
    officer = admin_eido("PEN")
    clock(D(2026, 5, 5))
    second = submitted_gap("PEN")
    clock(D(2026, 4, 20))
    first = submitted_gap("PEN")
    clock(D(2026, 5, 12))
    third = submitted_gap("PEN")
    client.force_login(officer)
    column = GapInServiceAdmin.list_display.index("due_on")
    html = gap_list(client, o=str(column))
    found = list(dict.fromkeys(re.findall(r"GAP-PEN-\d{4}-\d{4}", html)))
    assert found == [first.reference, second.reference, third.reference]
    html = gap_list(client, o=f"-{column}")
    assert list(dict.fromkeys(re.findall(r"GAP-PEN-\d{4}-\d{4}", html))) == found[::-1]


def test_each_step_starts_the_wait_for_the_next(clock):
    lead = admin_county_lead()
    clock(FRIDAY_BEFORE_BANK_HOLIDAY.date())
    gap = submitted_gap("PEN")
    clock(D(2026, 5, 5))
    gap = services.start_review(submission=gap, actor=lead)
    assert due_on(gap) == D(2026, 5, 19)  # 10 working days for a review
    panel = meeting("PEN", date=D(2026, 5, 21))
    gap = services.add_to_agenda(submission=gap, actor=lead, meeting=panel)
    assert due_on(gap) == D(2026, 5, 21)  # decided at the meeting
    gap = services.decline(
        submission=services.start_review(submission=submitted_gap("PEN"), actor=lead),
        actor=lead,
        reason="Not a gap in service.",
    )
    assert due_on(gap) is None


def test_a_correction_does_not_restart_the_wait(clock):
    lead = admin_county_lead()
    clock(FRIDAY_BEFORE_BANK_HOLIDAY.date())
    gap = submitted_gap("PEN")
    clock(D(2026, 5, 6))
    services.correct_answers(
        submission=gap, actor=lead, changes={"job_title": "Mentor"}, reason="Typo"
    )
    assert refresh_due_dates(GapInService.objects.all()) == 0
    assert due_on(gap) == DUE


def test_changing_a_target_recomputes_the_open_items_due_dates(clock):
    lead = admin_county_lead()
    clock(FRIDAY_BEFORE_BANK_HOLIDAY.date())
    pendle, burnley = submitted_gap("PEN"), submitted_gap("BUR")
    pendle_caf = submitted_caf("PEN")
    reviewed = services.start_review(submission=submitted_gap("PEN"), actor=lead)
    reviewed_due = due_on(reviewed)

    target = save_target(
        actor=lead, district=district("PEN"), kind="GAP", state="submitted", working_days=2
    )
    assert due_on(pendle) == D(2026, 5, 6)
    assert due_on(burnley) == DUE
    assert due_on(pendle_caf) == DUE
    assert due_on(reviewed) == reviewed_due

    save_target(
        actor=lead,
        target=target,
        district=district("PEN"),
        kind="GAP",
        state="submitted",
        working_days=3,
        reason="The panel agreed three days.",
    )
    assert due_on(pendle) == D(2026, 5, 7)
    delete_target(actor=lead, target=target)
    assert due_on(pendle) == DUE


def test_only_a_county_lead_changes_a_target():
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        save_target(
            actor=admin_eido("PEN"),
            district=district("PEN"),
            kind="GAP",
            state="submitted",
            working_days=2,
        )


def test_a_target_for_a_state_the_kind_never_has_is_refused():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        save_target(
            actor=admin_county_lead(),
            district=district("PEN"),
            kind="CAF",
            state="on_panel_agenda",
            working_days=2,
        )
    assert "state" in refused.value.message_dict


def test_a_closure_day_is_not_counted_and_moves_the_due_dates_it_falls_before(clock):
    lead = admin_county_lead()
    clock(FRIDAY_BEFORE_BANK_HOLIDAY.date())
    gap = submitted_gap("PEN")
    clock(D(2026, 4, 1))
    earlier = submitted_gap("PEN")  # due 9 April, before the closure day
    earlier_due = due_on(earlier)
    closure = save_closure_day(actor=lead, date=D(2026, 5, 6), name="Offices closed")
    assert due_on(gap) == D(2026, 5, 12)
    assert due_on(earlier) == earlier_due
    delete_closure_day(actor=lead, closure=closure)
    assert due_on(gap) == DUE
    clock(FRIDAY_BEFORE_BANK_HOLIDAY.date())
    save_closure_day(actor=lead, date=D(2026, 5, 7), name="Offices closed")
    assert due_on(submitted_caf("PEN")) == D(2026, 5, 12)


def test_moving_a_meeting_moves_its_agenda_items_due_dates(clock):
    lead = admin_county_lead()
    clock(FRIDAY_BEFORE_BANK_HOLIDAY.date())
    panel = meeting("PEN", date=D(2026, 5, 14))
    gap = services.add_to_agenda(
        submission=services.start_review(submission=submitted_gap("PEN"), actor=lead),
        actor=lead,
        meeting=panel,
    )
    assert due_on(gap) == D(2026, 5, 14)
    services.save_meeting(
        actor=lead,
        meeting=panel,
        district=panel.district,
        kind=panel.kind,
        date=D(2026, 5, 21),
        location=panel.location,
        reason="The room was double-booked.",
    )
    assert due_on(gap) == D(2026, 5, 21)


def test_working_them_out_again_in_bulk_gives_what_the_steps_gave(clock):
    lead = admin_county_lead()
    clock(FRIDAY_BEFORE_BANK_HOLIDAY.date())
    cases = [submitted_gap("PEN"), submitted_caf("BUR")]
    clock(D(2026, 5, 5))
    cases.append(services.start_review(submission=submitted_gap("PEN"), actor=lead))
    asked = services.start_review(submission=submitted_caf("PEN"), actor=lead)
    cases.append(services.request_information(submission=asked, actor=lead, message="Who?"))
    panel = meeting("PEN", kind="sub_group", date=D(2026, 5, 20))
    on = services.start_review(submission=submitted_caf("PEN"), actor=lead)
    cases.append(services.add_to_agenda(submission=on, actor=lead, meeting=panel))
    expected = {case.reference: due_on(case) for case in cases}
    GapInService.objects.update(due_on=None)
    CafEscalation.objects.update(due_on=None)
    refresh_due_dates(GapInService.objects.all())
    refresh_due_dates(CafEscalation.objects.all())
    assert {case.reference: due_on(case) for case in cases} == expected


def test_an_ended_case_loses_its_due_date_when_worked_out_again():
    gap = in_state(submitted_gap("PEN"), "closed")
    assert due_on(gap) is not None  # set straight in the test, past the steps
    refresh_due_dates(GapInService.objects.all())
    assert due_on(gap) is None


def queries_of_panel(user) -> int:
    with CaptureQueriesContext(connection) as captured:
        home_panel(user)
    return len(captured)


def test_the_overdue_and_due_soon_lists_on_the_home_page_cost_the_same_queries_at_any_size(
    clock,
):
    officer = admin_eido("PEN")
    clock(D(2026, 4, 20))
    submitted_gap("PEN"), submitted_caf("PEN")
    clock(FRIDAY_BEFORE_BANK_HOLIDAY.date())
    submitted_gap("PEN")
    clock(DUE)
    queries_of_panel(officer)
    few = queries_of_panel(officer)
    clock(D(2026, 4, 20))
    for _ in range(12):
        submitted_gap("PEN"), submitted_caf("PEN")
    clock(FRIDAY_BEFORE_BANK_HOLIDAY.date())
    for _ in range(12):
        submitted_gap("PEN")
    clock(DUE)
    html = home_panel(officer)
    assert "Overdue (26)" in html and "And 6 more" in html  # 10 of each kind shown
    assert queries_of_panel(officer) == few


def test_synthetic_open_cases_get_their_due_dates():
    """Written in bulk, not by the steps, they get what the steps would have given."""
    generate_casework(60, seed=4)
    open_cases = GapInService.objects.exclude(state__in=["closed", "declined", "withdrawn"])
    assert open_cases.exists()
    assert not open_cases.filter(due_on=None).exists()
    assert refresh_due_dates(GapInService.objects.all()) == 0
    assert refresh_due_dates(CafEscalation.objects.all()) == 0
