"""List filters and the inspect, create and edit views the meetings and budgets screens add
to wagtail-modeladmin's own."""

from django.contrib.admin import SimpleListFilter
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from wagtail_modeladmin.views import CreateView, EditView, InspectView

from ...models import SpotPurchase, SpotPurchaseBudget, financial_year_label, pounds
from ...selectors import meeting_districts_visible_to, visible_district_ids, with_spend


class ReadableDistrictFilter(SimpleListFilter):
    """Filter by district, offering only the districts this person may read."""

    title = "district"
    parameter_name = "district"

    def lookups(self, request, model_admin):
        return [(str(d.pk), d.name) for d in meeting_districts_visible_to(request.user)]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(**{model_district_path(queryset.model): value})
        return queryset


def model_district_path(model) -> str:
    """How a model names its district: a district is its own."""
    return "pk" if model._meta.model_name == "district" else "district_id"


class WhenFilter(SimpleListFilter):
    """Meetings still to come (today included) or already held."""

    title = "when"
    parameter_name = "when"

    def lookups(self, request, model_admin):
        return [("upcoming", "Today or later"), ("past", "Before today")]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "upcoming":
            return queryset.filter(date__gte=today)
        if self.value() == "past":
            return queryset.filter(date__lt=today)
        return queryset


class FinancialYearFilter(SimpleListFilter):
    """Filter budgets by financial year, named as people say it: "2026 to 2027"."""

    title = "financial year"
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = model_admin.get_queryset(request).order_by("-financial_year")
        years = years.values_list("financial_year", flat=True).distinct()
        return [(str(year), financial_year_label(year)) for year in years]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(financial_year=value)
        return queryset


class LabelledInspectView(InspectView):
    """An inspect view whose labels start with a capital letter, like the forms'."""

    def get_field_label(self, field_name, field=None):
        return capfirst(super().get_field_label(field_name, field))


class MeetingInspectView(LabelledInspectView):
    """A meeting's details, a link to its agenda, and why it cannot be deleted if it cannot."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = self.instance
        context["agenda_url"] = reverse("pei_workflow_agenda", kwargs={"pk": meeting.pk})
        context["kept_for_its_agenda"] = self.permission_helper.user_can_edit_obj(
            self.request.user, meeting
        ) and (meeting.gaps.exists() or meeting.caf_escalations.exists())
        return context


class BudgetInspectView(InspectView):
    """A budget with its spend to date, what is left, and every spot purchase made from it."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        budget = with_spend(SpotPurchaseBudget.objects.filter(pk=self.instance.pk)).get()
        purchases = SpotPurchase.objects.filter(
            district_id=budget.district_id, financial_year=budget.financial_year
        ).select_related("gap")
        # Only those who see the district's casework may follow a reference to the case.
        casework = budget.district_id in visible_district_ids(self.request.user)
        gap_url = "pei_workflow_gapinservice_modeladmin_inspect"
        rows = [
            {
                "reference": purchase.gap.reference,
                "url": reverse(gap_url, args=[purchase.gap_id]) if casework else "",
                "amount": pounds(purchase.amount),
                "purchase_for": purchase.purchase_for,
                "agreed_at": purchase.agreed_at,
            }
            for purchase in purchases.order_by("agreed_at", "pk")
        ]
        context.update(
            {
                "budget_district": budget.district,
                "year_label": financial_year_label(budget.financial_year),
                "budget_amount": pounds(budget.amount),
                "spent": pounds(budget.spent_to_date),
                "left": pounds(budget.left),
                "purchases": rows,
            }
        )
        return context


class _Refused(Exception):
    """The spend check failed under the lock: leave the transaction without saving."""


class LockedBudgetMixin:
    """Save a budget only after checking, with its row locked, that it still covers what has
    been spent. A Resource Panel decision locks the same row while it spends (see
    `pei_workflow.services.budgets`), so the two take turns and neither can overspend."""

    def form_valid(self, form):
        try:
            with transaction.atomic():
                if form.instance.pk:
                    SpotPurchaseBudget.objects.select_for_update().get(pk=form.instance.pk)
                form.check_budget_change()
                if form.errors:
                    raise _Refused
                return super().form_valid(form)
        except _Refused:
            pass
        except IntegrityError:
            # Someone else set this district's budget for the year at the same moment.
            form.add_error(
                "financial_year",
                "A budget for that district and year was set a moment ago. Change that one "
                "instead.",
            )
        return self.form_invalid(form)


class BudgetCreateView(LockedBudgetMixin, CreateView):
    pass


class BudgetEditView(LockedBudgetMixin, EditView):
    pass
