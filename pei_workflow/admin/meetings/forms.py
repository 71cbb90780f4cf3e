"""The admin forms for meetings, panel members, budgets and the panel maximum. Each offers
only what the signed-in person may choose and parses what they typed; the rules live in the
services the views call (`pei_workflow.services.meetings`, `set_budget`), which say in plain
words why a change is refused."""

from django.db.models import Q

from ...models import PanelMember
from ...selectors import districts_visible_to
from ...services.budgets import EARLIEST_YEAR, LATEST_YEAR
from ..reasons import ChangeReasonForm


class MeetingForm(ChangeReasonForm):
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


class PanelMemberForm(ChangeReasonForm):
    """A member of one of the person's districts."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _offer_own_districts(self)


class BudgetForm(ChangeReasonForm):
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

    def _get_validation_exclusions(self):
        # Leave "one budget per district and year" to `set_budget`, which says it in plain
        # words (and again if two people set the same budget at once): the model's own check
        # of its unique constraint, which the form would run first, is skipped when one of its
        # fields is excluded. The year is still parsed by its form field and checked again by
        # the service's `full_clean()`.
        return super()._get_validation_exclusions() | {"financial_year"}
