"""List filters and the inspect, create and edit views the meetings and budgets screens add
to wagtail-modeladmin's own."""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.text import capfirst
from wagtail.admin import messages
from wagtail_modeladmin.views import CreateView, EditView, InspectView

from ...models import SpotPurchase, SpotPurchaseBudget, financial_year_label, pounds
from ...selectors import visible_district_ids, with_spend
from ...services import save_meeting, save_panel_member, set_budget
from ...services.records import CHANGE_REASON
from .. import urls
from ..base import add_service_errors
from ..filters import DeclaredFilter


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


class ServiceFormMixin:
    """A create or edit view whose form only parses what was typed: `save_with_service`
    hands the values to the service that holds the rules, and the service's refusal goes
    back on the form. The service locks, checks, saves, and writes the history and Wagtail's
    log entry, so the view does none of that; its PermissionDenied is the admin's 403 page."""

    def save_with_service(self, form, existing):
        """Call the service with the form's values; `existing` is None for a new object."""
        raise NotImplementedError

    def form_valid(self, form):
        existing = form.instance if form.instance.pk else None
        try:
            self.instance = self.save_with_service(form, existing)
        except ValidationError as refused:
            add_service_errors(form, refused)
            return self.form_invalid(form)
        messages.success(
            self.request,
            self.get_success_message(self.instance),
            buttons=self.get_success_message_buttons(self.instance),
        )
        return redirect(self.get_success_url())


class BudgetFormMixin(ServiceFormMixin):
    """Budgets are set by `pei_workflow.services.set_budget`, which locks the budget row (as
    a Resource Panel decision does while it spends) and checks the budget still covers what
    has been spent."""

    def save_with_service(self, form, existing):
        data = form.cleaned_data
        return set_budget(
            actor=self.request.user,
            budget=existing,
            district=data["district"],
            financial_year=data["financial_year"],
            amount=data["amount"],
            reason=data.get(CHANGE_REASON, ""),
        )


class BudgetCreateView(BudgetFormMixin, CreateView):
    pass


class BudgetEditView(BudgetFormMixin, EditView):
    pass


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


class PanelMemberFormMixin(ServiceFormMixin):
    """Members are saved by `pei_workflow.services.save_panel_member`: a member recorded at a
    meeting keeps their district and body."""

    def save_with_service(self, form, existing):
        data = form.cleaned_data
        return save_panel_member(
            actor=self.request.user,
            member=existing,
            district=data["district"],
            body=data["body"],
            name=data["name"],
            agency=data["agency"],
            role=data.get("role", ""),
            is_active=data.get("is_active", False),
            reason=data.get(CHANGE_REASON, ""),
        )


class PanelMemberCreateView(PanelMemberFormMixin, CreateView):
    pass


class PanelMemberEditView(PanelMemberFormMixin, EditView):
    pass
