"""The spot-purchase budgets and panel maximum screens: spend and what is left, shown without
a query per budget; county leads set them; a budget never drops below its spend."""

import html
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pei_workflow.models import District, SpotPurchase, SpotPurchaseBudget
from tests.factories import (
    admin_county_lead,
    admin_eido,
    admin_panel_member,
    budget,
    district,
    submitted_gap,
)

pytestmark = pytest.mark.django_db


def url(model, action, *args):
    return reverse(f"pei_workflow_{model}_modeladmin_{action}", args=args)


def text(response) -> str:
    """The page as a person reads it (entities such as &#x27; unescaped)."""
    return html.unescape(response.content.decode())


#: A district's repeated-need rule as its edit form sends it, unchanged.
RULE = {"repeated_need_count": "3", "repeated_need_months": "12"}


def spend(target, amount, purchase_for="Taxi fares to a youth club."):
    """A spot purchase from the budget, as a panel decision writes it."""
    return SpotPurchase.objects.create(
        district=target.district,
        financial_year=target.financial_year,
        gap=submitted_gap(target.district.code),
        amount=Decimal(amount),
        purchase_for=purchase_for,
    )


def budget_form(place, year, amount):
    return {
        "district": place.pk,
        "financial_year": year,
        "amount": amount,
        "change_reason": "The Trust Board agreed it.",
    }


def test_the_list_shows_each_budgets_spend_and_what_is_left(client):
    """Pendle's £5,000.00 budget with £300.00 and £450.50 spent shows £750.50 spent and
    £4,249.50 left; a budget with no spend shows £0.00 spent."""
    this_year = budget("PEN", "5000.00")
    spend(this_year, "300.00")
    spend(this_year, "450.50")
    budget("PEN", "2000.00", year=this_year.financial_year + 1)
    client.force_login(admin_eido("PEN"))
    page = text(client.get(url("spotpurchasebudget", "index")))
    year = this_year.financial_year
    assert f"{year} to {year + 1}" in page
    assert "£5,000.00" in page
    assert "£750.50" in page
    assert "£4,249.50" in page
    assert "£2,000.00" in page
    assert "£0.00" in page


def test_the_budget_list_costs_the_same_queries_for_2_budgets_as_for_12(client):
    """The list's spend and what is left come from one query, not one per budget."""
    client.force_login(admin_county_lead())
    for year in range(2020, 2022):
        spend(budget("PEN", "1000.00", year=year), "10.00")
    client.get(url("spotpurchasebudget", "index"))  # warm per-process caches
    with CaptureQueriesContext(connection) as small:
        client.get(url("spotpurchasebudget", "index"))
    for year in range(2022, 2032):
        spend(budget("BUR", "1000.00", year=year), "10.00")
    with CaptureQueriesContext(connection) as large:
        response = client.get(url("spotpurchasebudget", "index"))
    assert text(response).count("£990.00") == 12
    assert len(small) == len(large)


def test_a_county_lead_sets_a_budget(client):
    """A county lead sets Pendle's budget for a financial year."""
    client.force_login(admin_county_lead())
    response = client.post(
        url("spotpurchasebudget", "create"), budget_form(district("PEN"), 2027, "6000.00")
    )
    assert response.status_code == 302
    created = SpotPurchaseBudget.objects.get()
    assert (created.district.code, created.financial_year) == ("PEN", 2027)
    assert created.amount == Decimal("6000.00")


def test_the_form_explains_the_financial_year(client):
    """The year field says which year a number means."""
    client.force_login(admin_county_lead())
    page = text(client.get(url("spotpurchasebudget", "create")))
    assert "2026 means 1 April 2026 to 31 March 2027." in page


def test_a_budget_cannot_be_reduced_below_its_spend(client):
    """Cutting Pendle's budget below the £700.00 already spent is refused with the figure,
    and the budget is unchanged."""
    target = budget("PEN", "5000.00")
    spend(target, "700.00")
    client.force_login(admin_county_lead())
    response = client.post(
        url("spotpurchasebudget", "edit", target.pk),
        budget_form(target.district, target.financial_year, "600.00"),
    )
    assert response.status_code == 200
    assert (
        f"Pendle has already spent £700.00 of its budget for {target.year_label}, so the "
        "budget cannot be less than £700.00."
    ) in text(response)
    assert SpotPurchaseBudget.objects.get(pk=target.pk).amount == Decimal("5000.00")


def test_a_budget_can_be_reduced_to_its_spend(client):
    """A budget may come down to exactly what has been spent."""
    target = budget("PEN", "5000.00")
    spend(target, "700.00")
    client.force_login(admin_county_lead())
    response = client.post(
        url("spotpurchasebudget", "edit", target.pk),
        budget_form(target.district, target.financial_year, "700.00"),
    )
    assert response.status_code == 302
    assert SpotPurchaseBudget.objects.get(pk=target.pk).amount == Decimal("700.00")


def test_a_spent_budget_keeps_its_district_and_year(client):
    """A budget with spend cannot be moved to another year, which would orphan the spend."""
    target = budget("PEN", "5000.00")
    spend(target, "700.00")
    client.force_login(admin_county_lead())
    response = client.post(
        url("spotpurchasebudget", "edit", target.pk),
        budget_form(target.district, target.financial_year + 1, "5000.00"),
    )
    assert "so its district and year cannot change" in text(response)
    assert SpotPurchaseBudget.objects.get(pk=target.pk).financial_year == target.financial_year


def test_a_second_budget_for_the_same_year_is_refused_in_plain_words(client):
    """There is one budget per district and year; a second says to change the first."""
    target = budget("PEN", "5000.00")
    client.force_login(admin_county_lead())
    response = client.post(
        url("spotpurchasebudget", "create"),
        budget_form(target.district, target.financial_year, "100.00"),
    )
    assert (
        f"Pendle already has a budget for {target.year_label}. Change that one instead."
    ) in text(response)
    assert SpotPurchaseBudget.objects.count() == 1


def test_a_spent_budget_cannot_be_deleted(client):
    """A budget that has been spent from has no delete, and a forced one is refused."""
    target = budget("PEN", "5000.00")
    spend(target, "10.00")
    client.force_login(admin_county_lead())
    assert url("spotpurchasebudget", "delete", target.pk) not in text(
        client.get(url("spotpurchasebudget", "index"))
    )
    assert client.post(url("spotpurchasebudget", "delete", target.pk)).status_code == 403
    assert SpotPurchaseBudget.objects.filter(pk=target.pk).exists()


def test_an_eido_cannot_set_a_budget_by_posting(client):
    """An EIDO's forced budget changes are refused with 403 and change nothing."""
    target = budget("PEN", "5000.00")
    client.force_login(admin_eido("PEN"))
    form = budget_form(target.district, target.financial_year, "9000.00")
    assert client.post(url("spotpurchasebudget", "edit", target.pk), form).status_code == 403
    assert client.post(url("spotpurchasebudget", "create"), form).status_code == 403
    assert SpotPurchaseBudget.objects.get().amount == Decimal("5000.00")


def test_a_budget_shows_its_spot_purchases(client):
    """A budget's page lists each spot purchase: gap reference, amount, what it buys, date;
    with spend to date and what is left."""
    target = budget("PEN", "1000.00")
    purchase = spend(target, "250.00", purchase_for="A term of swimming lessons.")
    client.force_login(admin_panel_member("PEN"))
    page = text(client.get(url("spotpurchasebudget", "inspect", target.pk)))
    assert purchase.gap.reference in page
    assert "£250.00" in page
    assert "A term of swimming lessons." in page
    assert "£750.00" in page
    # A panel member does not see casework, so the reference is not a link to it.
    assert url("gapinservice", "inspect", purchase.gap.pk) not in page


def test_an_eido_can_follow_a_spot_purchase_to_its_gap(client):
    """The district's EIDO sees each spot purchase's reference as a link to the gap."""
    target = budget("PEN", "1000.00")
    purchase = spend(target, "250.00")
    client.force_login(admin_eido("PEN"))
    page = text(client.get(url("spotpurchasebudget", "inspect", target.pk)))
    assert url("gapinservice", "inspect", purchase.gap.pk) in page


def test_a_county_lead_changes_a_districts_panel_maximum(client):
    """A county lead sets Pendle's panel maximum; EIDOs read it in the list."""
    client.force_login(admin_county_lead())
    response = client.post(
        url("district", "edit", district("PEN").pk),
        {**RULE, "panel_maximum": "400", "change_reason": "Agreed by the Sub Group."},
    )
    assert response.status_code == 302
    assert District.objects.get(code="PEN").panel_maximum == Decimal("400.00")
    client.force_login(admin_eido("PEN"))
    page = text(client.get(url("district", "index")))
    assert "£400.00" in page
    assert "Burnley" not in page


def test_an_eido_cannot_change_the_panel_maximum_by_posting(client):
    """An EIDO's forced change of the panel maximum is refused and changes nothing."""
    client.force_login(admin_eido("PEN"))
    pendle = district("PEN")
    response = client.post(
        url("district", "edit", pendle.pk),
        {**RULE, "panel_maximum": "9999", "change_reason": "Agreed by the Sub Group."},
    )
    assert response.status_code == 403
    assert District.objects.get(pk=pendle.pk).panel_maximum == Decimal("500.00")


def test_a_county_lead_sets_a_districts_rule_for_a_repeated_need(client):
    """Pendle's rule becomes five similar gaps in six months; the list says so."""
    client.force_login(admin_county_lead())
    response = client.post(
        url("district", "edit", district("PEN").pk),
        {
            "panel_maximum": "500",
            "repeated_need_count": "5",
            "repeated_need_months": "6",
            "change_reason": "Agreed by the Sub Group.",
        },
    )
    assert response.status_code == 302
    pendle = District.objects.get(code="PEN")
    assert (pendle.repeated_need_count, pendle.repeated_need_months) == (5, 6)
    assert pendle.history.first().history_change_reason == "Agreed by the Sub Group."
    page = text(client.get(url("district", "index")))
    assert "At least 5 similar gaps in the last 6 months" in page


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"repeated_need_count": "0"}, "greater than or equal to 1"),
        ({"repeated_need_months": "0"}, "greater than or equal to 1"),
        ({"repeated_need_months": "37"}, "less than or equal to 36"),
        ({"repeated_need_count": "three"}, "Enter a whole number"),
    ],
)
def test_a_rule_for_a_repeated_need_outside_its_range_is_refused_and_changes_nothing(
    client, answers, message
):
    client.force_login(admin_county_lead())
    pendle = district("PEN")
    response = client.post(
        url("district", "edit", pendle.pk),
        {
            **RULE,
            "panel_maximum": "500",
            "change_reason": "Agreed by the Sub Group.",
            **answers,
        },
    )
    assert response.status_code == 200
    assert message in text(response)
    pendle.refresh_from_db()
    assert (pendle.repeated_need_count, pendle.repeated_need_months) == (3, 12)
