"""The "Waiting for you" panel on the admin home: what an EIDO (or a county lead) should pick
up next. Its queries are fixed in number, however many submissions and meetings there are."""

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Count, F, IntegerField, OuterRef, Subquery, Value, Window
from django.db.models.functions import Coalesce
from wagtail.admin.ui.components import Component

from ...labels import SUBMISSION_MODELS
from ...models import CafEscalation, GapInService, Meeting
from ...selectors import districts_visible_to, latest_step_is, visible_district_ids, visible_to
from ...states import ENDED_STATES, CafState, GapState
from .. import urls

#: How many submissions of each kind each list shows; the rest are counted.
LIMIT = 10
AGENDA_STATES = {"gaps": GapState.ON_PANEL_AGENDA, "caf_escalations": CafState.ON_SUB_GROUP_AGENDA}


@dataclass(frozen=True)
class WaitingItem:
    reference: str
    kind: str
    district: str
    submitted_at: datetime | None
    url: str


@dataclass(frozen=True)
class WaitingList:
    items: list[WaitingItem]
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.items)


@dataclass(frozen=True)
class NextMeeting:
    name: str
    district: str
    date: date
    items: int
    url: str


def _waiting(user, narrow) -> WaitingList:
    """The oldest few of each kind of submission `narrow` leaves of those this person sees,
    and how many there are in all: one query per kind, the count a window over the same
    rows, so nothing is counted twice."""
    items, total = [], 0
    for model in SUBMISSION_MODELS.values():
        rows = list(
            narrow(visible_to(user, model))
            .select_related("district")
            .only("reference", "district__name", "submitted_at")
            .annotate(waiting=Window(Count("pk")))
            .order_by("submitted_at", "pk")[:LIMIT]
        )
        total += rows[0].waiting if rows else 0
        for submission in rows:
            items.append(
                WaitingItem(
                    reference=submission.reference,
                    kind=str(model.kind.label),
                    district=submission.district.name,
                    submitted_at=submission.submitted_at,
                    url=urls.inspect_url(submission),
                )
            )
    items.sort(key=lambda item: (item.submitted_at is None, item.submitted_at or ""))
    return WaitingList(items=items, total=total)


def received(user) -> WaitingList:
    """Sent by a practitioner, and nobody has started a review yet."""
    return _waiting(user, lambda submissions: submissions.filter(state="submitted"))


def information_provided(user) -> WaitingList:
    """Being reviewed, and the practitioner has just answered the EIDO's question."""
    return _waiting(
        user,
        lambda submissions: latest_step_is(
            submissions.filter(state="in_review"), "provide_information"
        ),
    )


def _open(submissions):
    return submissions.exclude(state__in=[*ENDED_STATES, "new"])


def my_cases(user) -> WaitingList:
    """Open cases assigned to this person."""
    return _waiting(user, lambda submissions: _open(submissions).filter(assigned_to=user))


def not_yet_assigned(user) -> WaitingList:
    """Open cases of this person's districts that nobody has taken yet."""
    return _waiting(user, lambda submissions: _open(submissions).filter(assigned_to__isnull=True))


def _items_on_agenda(relation: str):
    model = Meeting._meta.get_field(relation).related_model
    counts = (
        model.objects.filter(meeting=OuterRef("pk"), state=AGENDA_STATES[relation])
        .order_by()
        .values("meeting")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), Value(0))


def next_meetings(user) -> list[NextMeeting]:
    """For each district whose casework this person sees, the next meeting of each kind, with
    the number of items on its agenda."""
    next_date = (
        Meeting.objects.upcoming()
        .filter(district=OuterRef("district"), kind=OuterRef("kind"))
        .order_by("date")
        .values("date")[:1]
    )
    meetings = (
        Meeting.objects.upcoming()
        .filter(district__in=districts_visible_to(user))
        .annotate(next_date=Subquery(next_date))
        .filter(date=F("next_date"))
        .annotate(items=_items_on_agenda("gaps") + _items_on_agenda("caf_escalations"))
        .select_related("district")
        .order_by("date", "district__name", "kind")
    )
    return [
        NextMeeting(
            name=f"{m.district.name} {m.get_kind_display()}",
            district=m.district.name,
            date=m.date,
            items=m.items,
            url=urls.agenda_url(m),
        )
        for m in meetings
    ]


class WaitingForYouPanel(Component):
    """The admin home panel for people who work on casework."""

    name = "pei_waiting_for_you"
    template_name = "pei_workflow/admin/dashboard_panel.html"
    order = 50

    class Media:
        css = {"all": ["pei_workflow/admin/casework.css"]}

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        return {
            "my_cases": my_cases(self.user),
            "not_yet_assigned": not_yet_assigned(self.user),
            "received": received(self.user),
            "information_provided": information_provided(self.user),
            "meetings": next_meetings(self.user),
            "gap_list_url": urls.screen_url(GapInService),
            "caf_list_url": urls.screen_url(CafEscalation),
        }


def add_waiting_for_you_panel(request, panels) -> None:
    """The `construct_homepage_panels` hook: only for people who see some casework."""
    if visible_district_ids(request.user):
        panels.append(WaitingForYouPanel(request.user))
