"""The admin forms for meetings, panel members, budgets and the panel maximum. Each offers
only what the signed-in person may choose, and says in plain words why a change is refused."""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm

from ...choices import MeetingKind
from ...models import PanelMember, financial_year_label
from ...selectors import districts_visible_to, items_waiting_on
from ...services import check_budget_change

EARLIEST_YEAR = 2000
LATEST_YEAR = 2100


def _names(members) -> str:
    names = [m.name for m in members]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


class MeetingForm(WagtailAdminModelForm):
    """A meeting of one of the person's districts, with members present and apologies chosen
    from that district's members of the body that meets."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _offer_own_districts(self)
        self.fields["kind"].label = "Kind of meeting"
        members = PanelMember.objects.filter(
            district__in=districts_visible_to(self.for_user)
        ).select_related("district")
        if self.instance.pk:
            members = members.filter(district=self.instance.district_id, body=self.instance.kind)
            # Someone who has since left still shows against the meetings they came to.
            chosen = Q(meetings_attended=self.instance) | Q(meetings_missed=self.instance)
            members = members.filter(Q(is_active=True) | chosen).distinct()
        else:
            members = members.filter(is_active=True)
        spans_bodies = len({(m.district_id, m.body) for m in members}) > 1
        for name in ("members_present", "apologies"):
            field = self.fields[name]
            field.queryset = members
            if spans_bodies:
                field.label_from_instance = _member_with_body

    def clean(self):
        cleaned = super().clean()
        district, kind = cleaned.get("district"), cleaned.get("kind")
        present = list(cleaned.get("members_present") or [])
        apologies = list(cleaned.get("apologies") or [])
        if district and kind:
            body = f"{district} {MeetingKind(kind).label}"
            for name, members in (("members_present", present), ("apologies", apologies)):
                outsiders = [m for m in members if m.district_id != district.pk or m.body != kind]
                if outsiders:
                    verb = "is" if len(outsiders) == 1 else "are"
                    self.add_error(
                        name,
                        f"{_names(outsiders)} {verb} not a member of the {body}. "
                        f"Choose members of the {body} only.",
                    )
        both = [m for m in present if m in apologies]
        if both:
            self.add_error(
                "apologies",
                f"{_names(both)} cannot be both present and sending apologies. "
                "Untick them in one of the two lists.",
            )
        if self.instance.pk:
            self._check_agenda_stays_valid(cleaned)
        return cleaned

    def _check_agenda_stays_valid(self, cleaned):
        # The agenda's items were checked against this meeting's district, kind and date when
        # they were added; an edit must not make that check untrue behind their backs.
        meeting = self.instance
        has_items = meeting.gaps.exists() or meeting.caf_escalations.exists()
        for name, label in (("district", "district"), ("kind", "kind of meeting")):
            value = cleaned.get(name)
            current = meeting.district if name == "district" else meeting.kind
            if has_items and value is not None and value != current:
                self.add_error(
                    name,
                    f"This meeting has items on its agenda, so you cannot change its {label}.",
                )
        date = cleaned.get("date")
        if date and date != meeting.date and date < timezone.localdate():
            waiting = items_waiting_on(meeting)
            if waiting:
                items = "1 item is" if waiting == 1 else f"{waiting} items are"
                self.add_error(
                    "date",
                    f"{items} waiting on this meeting's agenda, so you cannot move it to a "
                    "date in the past. Choose today or a later date, or record the decisions "
                    "first.",
                )


def _member_with_body(member: PanelMember) -> str:
    return f"{member.name} ({member.agency}), {member.district} {member.get_body_display()}"


def _offer_own_districts(form) -> None:
    """Offer only the districts this person works in; choose it for them if there is one."""
    districts = districts_visible_to(form.for_user)
    form.fields["district"].queryset = districts
    if not form.instance.pk and len(own := list(districts[:2])) == 1:
        # The bound form's own initial data (empty for a new object) beats a field's initial.
        form.initial.setdefault("district", own[0].pk)
        if form.initial["district"] is None:
            form.initial["district"] = own[0].pk


class PanelMemberForm(WagtailAdminModelForm):
    """A member of one of the person's districts."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _offer_own_districts(self)

    def clean(self):
        cleaned = super().clean()
        member = self.instance
        moved = member.pk and (
            cleaned.get("district") not in (None, member.district)
            or cleaned.get("body") not in (None, member.body)
        )
        if moved and (member.meetings_attended.exists() or member.meetings_missed.exists()):
            raise ValidationError(
                f"{member.name} is recorded at meetings of the {member.district} "
                f"{member.get_body_display()}, so their district and body cannot change. "
                "Untick “still a member” and add them again for the other body instead."
            )
        return cleaned


class BudgetForm(WagtailAdminModelForm):
    """A district's spot-purchase budget for one financial year: one per district and year,
    never less than has been spent."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _offer_own_districts(self)
        year = self.fields["financial_year"]
        year.label = "Financial year"
        year.help_text = "The year it starts in: 2026 means 1 April 2026 to 31 March 2027."
        year.min_value, year.max_value = EARLIEST_YEAR, LATEST_YEAR
        self.fields["amount"].label = "Budget, in pounds"

    def clean_financial_year(self):
        year = self.cleaned_data["financial_year"]
        if year is None or not EARLIEST_YEAR <= year <= LATEST_YEAR:
            raise ValidationError("Enter the year the financial year starts in, like 2026.")
        return year

    def clean(self):
        cleaned = super().clean()
        district, year = cleaned.get("district"), cleaned.get("financial_year")
        if district is None or year is None:
            return cleaned
        others = type(self.instance).objects.filter(district=district, financial_year=year)
        if others.exclude(pk=self.instance.pk).exists():
            self.add_error(
                "financial_year",
                f"{district} already has a budget for {financial_year_label(year)}. "
                "Change that one instead.",
            )
            return cleaned
        self.check_budget_change(cleaned, lock=False)
        return cleaned

    def check_budget_change(self, cleaned=None, *, lock=True):
        """Ask the budget rules (`pei_workflow.services.check_budget_change`) about this change
        and put any refusal on the form. The budget views ask again, with the budget row
        locked, just before saving."""
        cleaned = self.cleaned_data if cleaned is None else cleaned
        district, year, amount = (cleaned.get(k) for k in ("district", "financial_year", "amount"))
        if district is None or year is None or amount is None:
            return
        try:
            check_budget_change(
                budget=self.instance,
                district=district,
                financial_year=year,
                amount=amount,
                lock=lock,
            )
        except ValidationError as refused:
            self.add_error(None, refused)
