"""List filters and the inspect, create and edit views the meetings and budgets screens add
to wagtail-modeladmin's own."""

from django.utils import timezone
from django.utils.text import capfirst
from wagtail_modeladmin.views import CreateView, EditView, InspectView

from ...models import SpotPurchase, SpotPurchaseBudget, financial_year_label, pounds
from ...selectors import visible_district_ids, with_spend
from ...services import save_meeting, save_panel_member, set_budget
from ...services.records import CHANGE_REASON
from .. import urls
from ..filters import DeclaredFilter
from ..service_views import ServiceFormMixin, service_views


class WhenFilter(DeclaredFilter):
    """Meetings still to come (today included) or already held."""

    title = "when"
    parameter_name = "when"

    def lookups(self, request, model_admin):
        return [("upcoming", "Today or later"), ("past", "Before today")]

    def apply(self, queryset, value):
        today = timezone.localdate()
        if value == "upcoming":
            return queryset.filter(date__gte=today)
        return queryset.filter(date__lt=today)


class FinancialYearFilter(DeclaredFilter):
    """Filter budgets by financial year, named as people say it: "2026 to 2027"."""

    title = "financial year"
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = model_admin.get_queryset(request).order_by("-financial_year")
        years = years.values_list("financial_year", flat=True).distinct()
        return [(str(year), financial_year_label(year)) for year in years]

    def apply(self, queryset, value):
        return queryset.filter(financial_year=value)


class LabelledInspectView(InspectView):
    """An inspect view whose labels start with a capital letter, like the forms'."""

    def get_field_label(self, field_name, field=None):
        return capfirst(super().get_field_label(field_name, field))


class MeetingInspectView(LabelledInspectView):
    """A meeting's details, a link to its agenda, and why it cannot be deleted if it cannot."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = self.instance
        context["agenda_url"] = urls.agenda_url(meeting)
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
        rows = [
            {
                "reference": purchase.gap.reference,
                "url": urls.inspect_url(purchase.gap) if casework else "",
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


# Budgets are set by `services.set_budget`, which locks the budget row (as a Resource Panel
# decision does while it spends) and checks the budget still covers what has been spent.
BudgetCreateView, BudgetEditView = service_views(
    set_budget, record="budget", fields=("district", "financial_year", "amount")
)


class MeetingFormMixin(ServiceFormMixin):
    """Meetings are saved by `pei_workflow.services.save_meeting`, which holds the rules for
    who may be recorded as present or sending apologies and what an agenda needs kept."""

    def save_with_service(self, form, existing):
        data = form.cleaned_data
        return save_meeting(
            actor=self.request.user,
            meeting=existing,
            district=data["district"],
            kind=data["kind"],
            date=data["date"],
            start_time=data.get("start_time"),
            location=data.get("location", ""),
            notes=data.get("notes", ""),
            members_present=data.get("members_present") or (),
            apologies=data.get("apologies") or (),
            reason=data.get(CHANGE_REASON, ""),
        )


class MeetingCreateView(MeetingFormMixin, CreateView):
    pass


class MeetingEditView(MeetingFormMixin, EditView):
    pass


# Members are saved by `services.save_panel_member`: a member recorded at a meeting keeps
# their district and body.
PanelMemberCreateView, PanelMemberEditView = service_views(
    save_panel_member,
    record="member",
    fields=("district", "body", "name", "agency", "role", "is_active"),
    defaults={"role": "", "is_active": False},
)
