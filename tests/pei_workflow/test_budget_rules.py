"""The rules for setting spot-purchase budgets, met by calling `set_budget` directly, as a
command or another screen would: no form, no view. The race with a Resource Panel decision
runs on PostgreSQL, where row locks are real."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection
from django.urls import reverse
from wagtail.models import ModelLogEntry

from pei_workflow import services
from pei_workflow.models import SpotPurchase, SpotPurchaseBudget, financial_year_of
from pei_workflow.services import budgets as budget_rules
from pei_workflow.services import set_budget
from tests.factories import (
    admin_county_lead,
    budget,
    county_lead,
    district,
    eido,
    meeting,
    panel_member,
    submitted_gap,
)
from tests.pei_workflow.test_concurrency import Overlap, without_row_locks  # noqa: F401

YEAR = 2026


def spend(target: SpotPurchaseBudget, amount: str) -> SpotPurchase:
    """A spot purchase from the budget, as a panel decision writes it."""
    return SpotPurchase.objects.create(
        district=target.district,
        financial_year=target.financial_year,
        gap=submitted_gap(target.district.code),
        amount=Decimal(amount),
        purchase_for="Taxi fares to a youth club.",
    )


def amount_of(target: SpotPurchaseBudget) -> Decimal:
    return SpotPurchaseBudget.objects.get(pk=target.pk).amount


@pytest.mark.django_db
def test_a_county_lead_sets_a_budget_with_its_history_and_log_entry():
    """The budget is saved; its history names the county lead and why, and Site history
    shows a create by them."""
    lead = county_lead()
    saved = set_budget(actor=lead, district=district("PEN"), financial_year=YEAR, amount="6000")
    assert (saved.district.code, saved.financial_year, saved.amount) == ("PEN", YEAR, 6000)
    history = saved.history.get()
    assert (history.history_user, history.history_change_reason) == (lead, "Budget set")
    entry = ModelLogEntry.objects.get(object_id=str(saved.pk))
    assert (entry.action, entry.user, entry.content_changed) == ("wagtail.create", lead, True)


@pytest.mark.django_db
def test_changing_a_budget_is_logged_as_an_edit():
    """A change is an edit in Site history and "Budget changed" in the field history."""
    lead = county_lead()
    target = budget("PEN", "5000.00", year=YEAR)
    set_budget(
        actor=lead,
        budget=target,
        reason="The Trust Board agreed a new budget.",
        district=target.district,
        financial_year=YEAR,
        amount="5500",
    )
    assert amount_of(target) == Decimal("5500.00")
    assert target.history.latest().history_change_reason == "The Trust Board agreed a new budget."
    entry = ModelLogEntry.objects.get(object_id=str(target.pk))
    assert (entry.action, entry.user) == ("wagtail.edit", lead)


@pytest.mark.django_db
def test_a_budget_cannot_be_set_below_what_has_been_spent():
    """With £700.00 spent, £600.00 is refused with the figure; the budget stays."""
    target = budget("PEN", "5000.00", year=YEAR)
    spend(target, "700.00")
    with pytest.raises(ValidationError) as refused:
        set_budget(
            actor=county_lead(),
            budget=target,
            reason="The Trust Board agreed a new budget.",
            district=target.district,
            financial_year=YEAR,
            amount=Decimal("600.00"),
        )
    assert refused.value.message_dict["amount"] == [
        "Pendle has already spent £700.00 of its budget for 2026 to 2027, so the budget "
        "cannot be less than £700.00."
    ]
    assert amount_of(target) == Decimal("5000.00")


@pytest.mark.django_db
def test_a_budget_can_come_down_to_exactly_what_has_been_spent():
    """The spend itself is allowed."""
    target = budget("PEN", "5000.00", year=YEAR)
    spend(target, "700.00")
    set_budget(
        actor=county_lead(),
        budget=target,
        reason="The Trust Board agreed a new budget.",
        district=target.district,
        financial_year=YEAR,
        amount=Decimal("700.00"),
    )
    assert amount_of(target) == Decimal("700.00")


@pytest.mark.django_db
def test_a_spent_budget_keeps_its_district_and_year():
    """Moving a budget that has been spent from to another year is refused."""
    target = budget("PEN", "5000.00", year=YEAR)
    spend(target, "10.00")
    with pytest.raises(ValidationError) as refused:
        set_budget(
            actor=county_lead(),
            budget=target,
            reason="The Trust Board agreed a new budget.",
            district=target.district,
            financial_year=YEAR + 1,
            amount=Decimal("5000.00"),
        )
    assert "so its district and year cannot change" in " ".join(refused.value.messages)
    assert SpotPurchaseBudget.objects.get(pk=target.pk).financial_year == YEAR


@pytest.mark.django_db
def test_a_second_budget_for_the_same_district_and_year_is_refused():
    """One budget per district and year: a second is refused on the year, in plain words."""
    budget("PEN", "5000.00", year=YEAR)
    with pytest.raises(ValidationError) as refused:
        set_budget(actor=county_lead(), district=district("PEN"), financial_year=YEAR, amount="100")
    assert refused.value.message_dict["financial_year"] == [
        "Pendle already has a budget for 2026 to 2027. Change that one instead."
    ]
    assert SpotPurchaseBudget.objects.count() == 1


@pytest.mark.django_db
def test_a_budget_set_by_someone_else_a_moment_ago_is_refused_in_plain_words(monkeypatch):
    """If the database refuses a duplicate that the check did not yet see, the refusal is
    on the year, saying a budget was set a moment ago, and nothing is saved."""

    def too_late(*args, **kwargs):
        raise IntegrityError("UNIQUE constraint failed")

    monkeypatch.setattr(SpotPurchaseBudget, "save", too_late)
    with pytest.raises(ValidationError) as refused:
        set_budget(actor=county_lead(), district=district("PEN"), financial_year=YEAR, amount="100")
    assert refused.value.message_dict["financial_year"] == [
        "A budget for that district and year was set a moment ago. Change that one instead."
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("year", [1999, 2101, None])
def test_a_year_out_of_range_is_refused(year):
    """The year is the one the financial year starts in, between 2000 and 2100."""
    with pytest.raises(ValidationError) as refused:
        set_budget(actor=county_lead(), district=district("PEN"), financial_year=year, amount="100")
    assert refused.value.message_dict["financial_year"] == [
        "Enter the year the financial year starts in, like 2026."
    ]


@pytest.mark.django_db
def test_a_negative_budget_is_refused():
    """A budget is a sum of money, zero or more."""
    with pytest.raises(ValidationError) as refused:
        set_budget(actor=county_lead(), district=district("PEN"), financial_year=YEAR, amount=-1)
    assert list(refused.value.message_dict) == ["amount"]
    assert not SpotPurchaseBudget.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["eido", "panel_member", "nobody"])
def test_only_a_county_lead_sets_budgets(who):
    """An EIDO of the district, a panel member and an anonymous caller are refused with
    PermissionDenied, for a new budget and a change, and nothing changes."""
    actor = {"eido": lambda: eido("PEN"), "panel_member": lambda: panel_member("PEN")}.get(
        who, lambda: None
    )()
    target = budget("PEN", "5000.00", year=YEAR)
    with pytest.raises(PermissionDenied):
        set_budget(
            actor=actor,
            budget=target,
            reason="The Trust Board agreed a new budget.",
            district=target.district,
            financial_year=YEAR,
            amount=1,
        )
    with pytest.raises(PermissionDenied):
        set_budget(actor=actor, district=district("BUR"), financial_year=YEAR, amount=1)
    assert amount_of(target) == Decimal("5000.00")
    assert SpotPurchaseBudget.objects.count() == 1


# The race with a Resource Panel decision (PostgreSQL).

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks are only real there"
)
# Threads need committed data (see test_concurrency).
committed = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def racing_budget_cut(monkeypatch):
    """A £500 spot purchase from Pendle's £1,000 budget while a county lead cuts the budget
    to £200: the decision holds the budget's lock first."""
    overlap = Overlap()
    monkeypatch.setattr(budget_rules, "budget_position", overlap.hold(budget_rules.budget_position))
    panel = meeting("PEN")
    target = budget("PEN", "1000.00", year=financial_year_of(panel.date))
    officer, lead = eido("PEN"), county_lead()
    gap = services.start_review(submission=submitted_gap("PEN"), actor=officer)
    gap = services.add_to_agenda(submission=gap, actor=officer, meeting=panel)
    results = overlap.run(
        lambda: services.record_panel_decision(
            submission=gap,
            actor=officer,
            outcome="spot_purchase",
            amount=Decimal("500.00"),
            purchase_for="Transport for a term",
        ),
        lambda: set_budget(
            actor=lead,
            budget=target,
            reason="The Trust Board agreed a new budget.",
            district=target.district,
            financial_year=target.financial_year,
            amount=Decimal("200.00"),
        ),
    )
    return overlap, target, results


@on_postgresql
@committed
def test_a_budget_cut_while_a_decision_spends_waits_and_is_refused(monkeypatch):
    """The county lead's cut waits for the decision's lock, then sees its £500 spend and is
    refused; the budget never ends up below what has been spent."""
    overlap, target, (decided, cut) = racing_budget_cut(monkeypatch)
    assert overlap.second_was_blocked
    assert not isinstance(decided, Exception)
    assert isinstance(cut, ValidationError)
    assert "cannot be less than £500.00" in " ".join(cut.messages)
    assert amount_of(target) == Decimal("1000.00")
    assert target.spent() == Decimal("500.00")


@on_postgresql
@committed
def test_without_row_locks_a_budget_cut_would_leave_it_below_its_spend(
    monkeypatch,
    without_row_locks,  # noqa: F811
):
    """Without the lock, the same overlap saves a £200 budget with £500 spent from it."""
    overlap, target, (decided, cut) = racing_budget_cut(monkeypatch)
    assert not overlap.second_was_blocked
    assert not isinstance(decided, Exception) and not isinstance(cut, Exception)
    assert amount_of(target) == Decimal("200.00") < target.spent()


@pytest.mark.django_db
def test_the_admin_screen_writes_one_log_entry_by_the_signed_in_county_lead(client):
    """Setting a budget on the screen goes through `set_budget`: one create in Site history,
    by the person signed in, as wagtail-modeladmin's own view wrote it."""
    lead = admin_county_lead()
    client.force_login(lead)
    form = {"district": district("PEN").pk, "financial_year": YEAR, "amount": "6000.00"}
    response = client.post(reverse("pei_workflow_spotpurchasebudget_modeladmin_create"), form)
    assert response.status_code == 302
    saved = SpotPurchaseBudget.objects.get()
    entries = ModelLogEntry.objects.filter(object_id=str(saved.pk))
    assert [(e.action, e.user) for e in entries] == [("wagtail.create", lead)]
    assert saved.history.get().history_change_reason == "Budget set"
