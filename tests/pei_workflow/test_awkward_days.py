"""The date rules on the awkward days, each under a fixed clock: the last week of March (a
meeting a week ahead is already in the next financial year), 31 March to 1 April, the Easter
2027 bank holiday weekend (Good Friday 26 March to Easter Monday 29 March, with summer time
starting on Easter Sunday), and 31 December to 1 January. "Today" is today in Lancashire
(Europe/London): just after midnight in summer time it is still yesterday in UTC."""

import datetime
import html
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from pei_workflow import services
from pei_workflow.models import Meeting, SpotPurchase, SpotPurchaseBudget, financial_year_of
from pei_workflow.synthetic import generate_casework
from tests.clock import london
from tests.factories import (
    admin_eido,
    budget,
    budget_year,
    district,
    eido,
    meeting,
    on_agenda,
    submitted_caf,
    submitted_gap,
)

pytestmark = pytest.mark.django_db

# The named days of 2026 to 2027.
NEW_YEARS_EVE = datetime.date(2026, 12, 31)
GOOD_FRIDAY = datetime.date(2027, 3, 26)
EASTER_SUNDAY = datetime.date(2027, 3, 28)  # and the first day of summer time
EASTER_MONDAY = datetime.date(2027, 3, 29)
YEAR_END = datetime.date(2027, 3, 31)  # the last day of financial year 2026
YEAR_START = datetime.date(2027, 4, 1)  # the first day of financial year 2027

LAST_WEEK_OF_MARCH = [
    pytest.param(london(2027, 3, 25), id="25 March"),
    pytest.param(london(2027, 3, 26), id="Good Friday"),
    pytest.param(london(2027, 3, 28), id="Easter Sunday"),
    pytest.param(london(2027, 3, 29), id="Easter Monday"),
    pytest.param(london(2027, 3, 31), id="31 March"),
]

AWKWARD_DAYS = [
    *LAST_WEEK_OF_MARCH,
    pytest.param(london(2027, 4, 1), id="1 April"),
    pytest.param(london(2026, 12, 31), id="31 December"),
    pytest.param(london(2027, 1, 1), id="1 January"),
]


@pytest.fixture
def clock(time_machine):
    """Set the clock to a moment, and keep it there until moved again."""

    def set_to(moment: datetime.datetime) -> None:
        time_machine.move_to(moment, tick=False)

    return set_to


def spot_purchase(gap, actor, amount):
    return services.record_panel_decision(
        submission=gap,
        actor=actor,
        outcome="spot_purchase",
        amount=Decimal(amount),
        purchase_for="Six sessions of bereavement counselling",
    )


def text(response) -> str:
    return html.unescape(response.content.decode())


# The factories: a budget follows its meeting's financial year.


@pytest.mark.parametrize("now", LAST_WEEK_OF_MARCH)
def test_the_factories_default_budget_is_for_the_default_meetings_financial_year(clock, now):
    """With no meeting and no year, `budget()` is for the financial year of the date that
    `meeting()` gives by default, even when that is next year's."""
    clock(now)
    assert budget().financial_year == financial_year_of(meeting().date) == budget_year()


@pytest.mark.parametrize("now", AWKWARD_DAYS)
def test_the_factories_budget_for_a_meeting_is_for_that_meetings_financial_year(clock, now):
    """`budget(meeting=m)` is for m's financial year, whatever today's is."""
    clock(now)
    end_of_year, start_of_year = meeting(date=YEAR_END), meeting(date=YEAR_START)
    assert budget("PEN", meeting=end_of_year).financial_year == 2026
    assert budget("BUR", meeting=start_of_year).financial_year == 2027


# Spot purchases are charged to the financial year of the meeting, not of the day recorded.


@pytest.mark.parametrize(
    "now,meeting_day,meeting_year",
    [
        pytest.param(london(2027, 3, 25), datetime.date(2027, 4, 1), 2027, id="25 March"),
        pytest.param(london(2027, 3, 26), datetime.date(2027, 4, 2), 2027, id="Good Friday"),
        pytest.param(london(2027, 3, 28), datetime.date(2027, 4, 4), 2027, id="Easter Sunday"),
        pytest.param(
            london(2027, 3, 29, 0, 30), datetime.date(2027, 4, 5), 2027, id="Easter Monday 00:30"
        ),
        pytest.param(london(2027, 3, 31, 23, 59), YEAR_START, 2027, id="31 March 23:59"),
        pytest.param(london(2027, 4, 1, 0, 30), YEAR_END, 2026, id="1 April 00:30"),
        pytest.param(london(2027, 4, 2), EASTER_MONDAY, 2026, id="after Easter Monday"),
    ],
)
def test_a_spot_purchase_is_charged_to_the_financial_year_of_its_meeting(
    clock, now, meeting_day, meeting_year
):
    """A spot purchase recorded on an awkward day is spent from the budget of the meeting's
    financial year, not the year of the day it is recorded."""
    officer = eido("PEN")
    clock(london(2027, 3, 20))
    panel = meeting("PEN", date=meeting_day)
    gap = on_agenda(submitted_gap("PEN"), panel, officer)
    meetings_budget = budget("PEN", "500.00", meeting=panel)
    clock(now)
    todays_year = financial_year_of(timezone.localdate())
    assert todays_year != meeting_year  # the day recorded is in the other financial year
    todays_budget = budget("PEN", "500.00", year=todays_year)

    assert spot_purchase(gap, officer, "300.00").state == "action_agreed"

    purchase = SpotPurchase.objects.get(gap=gap)
    assert purchase.financial_year == meeting_year == meetings_budget.financial_year
    assert (meetings_budget.spent(), todays_budget.spent()) == (Decimal("300.00"), Decimal("0"))


@pytest.mark.parametrize(
    "now",
    [
        pytest.param(london(2027, 3, 25), id="25 March"),
        pytest.param(london(2027, 3, 28), id="Easter Sunday"),
        pytest.param(london(2027, 3, 31, 23, 59), id="31 March 23:59"),
    ],
)
def test_a_spot_purchase_needs_a_budget_for_its_meetings_financial_year(clock, now):
    """In the last week of March a meeting a week ahead is in the next financial year: this
    year's budget does not pay for it, and the refusal names the meeting's year."""
    officer = eido("PEN")
    clock(now)
    gap = on_agenda(submitted_gap("PEN"), meeting("PEN"), officer)
    budget("PEN", "5000.00", year=2026)

    with pytest.raises(ValidationError, match="Pendle has no spot-purchase budget for 2027 to"):
        spot_purchase(gap, officer, "100.00")

    assert not SpotPurchase.objects.exists()


def test_meetings_on_31_march_and_1_april_spend_from_different_budgets(clock):
    """A meeting on 31 March spends from financial year 2026's budget and one on 1 April
    from 2027's, so each may spend all of its own year's budget."""
    officer = eido("PEN")
    clock(london(2027, 3, 20))
    year_end, year_start = meeting("PEN", date=YEAR_END), meeting("PEN", date=YEAR_START)
    old_budget = budget("PEN", "500.00", meeting=year_end)
    new_budget = budget("PEN", "500.00", meeting=year_start)
    late_gap = on_agenda(submitted_gap("PEN"), year_end, officer)
    early_gap = on_agenda(submitted_gap("PEN"), year_start, officer)
    clock(london(2027, 4, 1, 11))

    spot_purchase(late_gap, officer, "500.00")
    spot_purchase(early_gap, officer, "500.00")

    assert (old_budget.financial_year, new_budget.financial_year) == (2026, 2027)
    assert old_budget.spent() == new_budget.spent() == Decimal("500.00")


def test_the_decision_form_shows_the_budget_of_the_meetings_financial_year(client, clock):
    """On 28 March the decision form for a meeting on 1 April shows the 2027 to 2028 budget,
    its spend and what is left, not this year's."""
    officer = admin_eido("PEN")
    clock(london(2027, 3, 28))
    gap = on_agenda(submitted_gap("PEN"), meeting("PEN", date=YEAR_START), officer)
    budget("PEN", "900.00", year=2026)
    budget("PEN", "600.00", year=2027)
    client.force_login(officer)

    step = reverse(
        "pei_workflow_step",
        kwargs={"model_name": "gapinservice", "pk": gap.pk, "transition": "record_panel_decision"},
    )
    page = text(client.get(step))

    assert re.search(r"Budget for 2027 to 2028</dt>\s*<dd>£600.00", page)
    assert re.search(r"Left</dt>\s*<dd>£600.00", page)
    assert "£900.00" not in page


# References carry the calendar year the form was sent in; numbers start again each year.


@pytest.mark.parametrize(
    "now",
    [
        pytest.param(london(2027, 1, 1, 0, 0, 1), id="1 January 00:00:01"),
        pytest.param(london(2027, 3, 29, 0, 30), id="Easter Monday 00:30"),
        pytest.param(london(2027, 3, 31, 23, 59, 59), id="31 March 23:59:59"),
    ],
)
def test_a_reference_has_the_calendar_year_the_form_was_sent_in_not_the_financial_year(clock, now):
    """A form sent between 1 January and 31 March has that calendar year in its reference,
    not the financial year, which started the April before."""
    clock(now)
    year = 2027
    assert submitted_gap("PEN").reference == f"GAP-PEN-{year}-0001"
    assert submitted_caf("PEN").reference == f"CAF-PEN-{year}-0001"


def test_reference_numbers_start_again_on_1_january_for_each_district_and_form(clock):
    """The sequence is per form, district and calendar year: the first of 1 January is 0001
    again, whatever was sent on 31 December."""
    clock(london(2026, 12, 31, 23, 59, 58))
    assert submitted_gap("PEN").reference == "GAP-PEN-2026-0001"
    assert submitted_gap("PEN").reference == "GAP-PEN-2026-0002"
    assert submitted_gap("BUR").reference == "GAP-BUR-2026-0001"
    clock(london(2027, 1, 1, 0, 0, 1))
    assert submitted_gap("PEN").reference == "GAP-PEN-2027-0001"
    assert submitted_gap("PEN").reference == "GAP-PEN-2027-0002"
    assert submitted_gap("BUR").reference == "GAP-BUR-2027-0001"
    assert submitted_caf("PEN").reference == "CAF-PEN-2027-0001"


# A meeting is in the past from the midnight after it, in Lancashire.

MIDNIGHTS = [
    pytest.param(london(2027, 3, 31, 23, 59, 59), YEAR_END, True, id="31 March 23:59:59"),
    pytest.param(london(2027, 4, 1, 0, 0, 1), YEAR_END, False, id="1 April 00:00:01"),
    pytest.param(london(2027, 4, 1, 0, 0, 1), YEAR_START, True, id="1 April, today"),
    pytest.param(london(2026, 12, 31, 23, 59, 59), NEW_YEARS_EVE, True, id="31 December"),
    pytest.param(london(2027, 1, 1, 0, 0, 1), NEW_YEARS_EVE, False, id="1 January"),
    pytest.param(london(2027, 3, 29, 0, 30), EASTER_SUNDAY, False, id="Easter Monday 00:30"),
    pytest.param(london(2027, 3, 29, 0, 30), GOOD_FRIDAY, False, id="Good Friday's meeting"),
    pytest.param(london(2027, 3, 29, 23, 59), EASTER_MONDAY, True, id="Easter Monday 23:59"),
]


@pytest.mark.parametrize("now,meeting_day,still_to_come", MIDNIGHTS)
def test_a_meeting_takes_agenda_items_until_midnight_at_the_end_of_its_day(
    clock, now, meeting_day, still_to_come
):
    """A gap may be put on a meeting's agenda up to the end of the meeting's day in
    Lancashire, and not from the midnight after it."""
    officer = eido("PEN")
    clock(london(2026, 12, 1))
    panel = meeting("PEN", date=meeting_day)
    gap = services.start_review(submission=submitted_gap("PEN"), actor=officer)
    clock(now)

    if still_to_come:
        assert services.add_to_agenda(submission=gap, actor=officer, meeting=panel).meeting == panel
    else:
        with pytest.raises(ValidationError, match="That meeting has already happened"):
            services.add_to_agenda(submission=gap, actor=officer, meeting=panel)
        gap.refresh_from_db()
        assert (gap.state, gap.meeting) == ("in_review", None)


@pytest.mark.parametrize(
    "now,yesterday",
    [
        pytest.param(london(2027, 4, 1, 0, 30), YEAR_END, id="1 April 00:30"),
        pytest.param(london(2027, 1, 1, 0, 30), NEW_YEARS_EVE, id="1 January 00:30"),
        pytest.param(london(2027, 3, 29, 0, 30), EASTER_SUNDAY, id="Easter Monday 00:30"),
    ],
)
def test_the_meetings_list_counts_todays_meeting_as_coming_from_midnight(
    client, clock, now, yesterday
):
    """Just after midnight, "Today or later" lists today's meeting and not yesterday's, and
    "Before today" the other way round."""
    clock(now)
    today = timezone.localdate()
    meeting("PEN", date=yesterday, location="Yesterday Hall")
    meeting("PEN", date=today, location="Today Hall")
    client.force_login(admin_eido("PEN"))

    index = reverse("pei_workflow_meeting_modeladmin_index")
    coming = text(client.get(index + "?when=upcoming"))
    past = text(client.get(index + "?when=past"))

    assert "Today Hall" in coming and "Yesterday Hall" not in coming
    assert "Yesterday Hall" in past and "Today Hall" not in past
    assert list(Meeting.objects.upcoming().values_list("date", flat=True)) == [today]


def test_a_meeting_with_waiting_items_may_move_to_today_but_not_yesterday_after_midnight(
    client, clock
):
    """At 00:30 on 1 April a meeting with items waiting may move to 1 April, not to 31
    March."""
    officer = admin_eido("PEN")
    clock(london(2027, 3, 20))
    panel = meeting("PEN", date=datetime.date(2027, 4, 8), start_time="10:00")
    on_agenda(submitted_gap("PEN"), panel, officer)
    clock(london(2027, 4, 1, 0, 30))
    client.force_login(officer)
    edit = reverse("pei_workflow_meeting_modeladmin_edit", args=[panel.pk])

    def move_to(day):
        form = {
            "district": district("PEN").pk,
            "kind": "resource_panel",
            "date": day.isoformat(),
            "start_time": "10:00",
            "location": "Nelson Town Hall",
            "notes": "",
            "change_reason": "The room was double-booked.",
        }
        return client.post(edit, form)

    refused = move_to(YEAR_END)
    assert "so you cannot move it to a date in the past" in text(refused)
    assert Meeting.objects.get(pk=panel.pk).date == datetime.date(2027, 4, 8)
    assert move_to(YEAR_START).status_code == 302
    assert Meeting.objects.get(pk=panel.pk).date == YEAR_START


# The synthetic casework keeps the same rule.


@pytest.mark.parametrize(
    "now",
    [
        pytest.param(london(2027, 4, 1), id="1 April"),
        pytest.param(london(2027, 6, 1), id="1 June, three financial years back"),
    ],
)
def test_synthetic_spot_purchases_are_charged_to_their_meetings_year_which_has_a_budget(clock, now):
    """Each synthetic spot purchase is charged to the financial year of its meeting, and
    that year has a budget, in each of the three financial years the casework spans."""
    clock(now)
    generate_casework(300)

    purchases = list(SpotPurchase.objects.select_related("gap__meeting"))
    budgets = set(SpotPurchaseBudget.objects.values_list("district_id", "financial_year"))
    assert len({purchase.financial_year for purchase in purchases}) >= 2
    for purchase in purchases:
        assert purchase.financial_year == financial_year_of(purchase.gap.meeting.date)
        assert (purchase.district_id, purchase.financial_year) in budgets
