"""Things that read casework data. `visible_to` is the one rule for who sees which submission:
every list, view, search, export, report and history page starts from it."""

from django.db.models import Model, QuerySet

from .models import District, DistrictAssignment, DistrictRole, Meeting
from .permissions import ALL_DISTRICTS_PERMISSION, is_county_lead

__all__ = [
    "ALL_DISTRICTS_PERMISSION",
    "districts_visible_to",
    "meeting_districts_visible_to",
    "meetings_visible_to",
    "visible_to",
]


def _active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def _assigned_districts(user, roles) -> QuerySet[District]:
    return District.objects.filter(
        pk__in=DistrictAssignment.objects.filter(user=user, role__in=roles).values("district")
    )


def districts_visible_to(user) -> QuerySet[District]:
    """The districts whose submissions this person may see.

    County leads (and superusers) see every district; an EIDO sees the districts they are
    assigned to; everyone else sees none.
    """
    if not _active(user):
        return District.objects.none()
    if is_county_lead(user):
        return District.objects.all()
    return _assigned_districts(user, [DistrictRole.EIDO])


def visible_district_ids(user) -> frozenset[int]:
    """The ids of `districts_visible_to(user)`, read once per request: the answer is kept on
    the user object, which Django makes afresh for each request. For a check repeated per
    row of a list; anything that changes assignments reads `districts_visible_to` instead."""
    cached = getattr(user, "_pei_visible_district_ids", None)
    if cached is None:
        cached = frozenset(districts_visible_to(user).values_list("pk", flat=True))
        if user is not None:
            user._pei_visible_district_ids = cached
    return cached


def visible_to(user, submissions: type[Model] | QuerySet) -> QuerySet:
    """The submissions (of a model, or narrowed from a queryset) that this person may see."""
    queryset = submissions.objects.all() if isinstance(submissions, type) else submissions
    if not _active(user):
        return queryset.none()
    if is_county_lead(user):
        return queryset
    return queryset.filter(
        district__in=DistrictAssignment.objects.filter(user=user, role=DistrictRole.EIDO).values(
            "district"
        )
    )


def meeting_districts_visible_to(user) -> QuerySet[District]:
    """The districts whose meetings, agendas and decisions this person may read: an EIDO's
    and a panel or Sub Group member's own districts, and every district for a county lead.
    Agendas show anonymised summaries only, never the practitioner's details."""
    if not _active(user):
        return District.objects.none()
    if is_county_lead(user):
        return District.objects.all()
    return _assigned_districts(user, [DistrictRole.EIDO, DistrictRole.PANEL_MEMBER])


def meetings_visible_to(user, meetings: QuerySet | None = None) -> QuerySet[Meeting]:
    """The meetings (optionally narrowed from a queryset) this person may read."""
    queryset = Meeting.objects.all() if meetings is None else meetings
    if not _active(user):
        return queryset.none()
    if is_county_lead(user):
        return queryset
    return queryset.filter(district__in=meeting_districts_visible_to(user))


# The service directory and CYPP priorities in the admin (appended by the directory area).


def services_visible_to(user, services: QuerySet | None = None) -> QuerySet:
    """The directory services (optionally narrowed from a queryset) this person may manage in
    the admin: those covering at least one of `districts_visible_to(user)`, every service for a
    county lead. Public readers see published services through the directory page instead.

    The district test is a subquery rather than a join, so that a service covering two of the
    person's districts appears once and annotations such as `with_times_missed` stay right.
    """
    from .models import Service

    queryset = Service.objects.all() if services is None else services
    if not _active(user):
        return queryset.none()
    if is_county_lead(user):
        return queryset
    coverage = Service.districts.through.objects.filter(district__in=districts_visible_to(user))
    return queryset.filter(pk__in=coverage.values("service"))


def priorities_visible_to(user, priorities: QuerySet | None = None) -> QuerySet:
    """The CYPP priorities (optionally narrowed from a queryset) this person may manage: those
    of `districts_visible_to(user)`."""
    from .models import Priority

    queryset = Priority.objects.all() if priorities is None else priorities
    if not _active(user):
        return queryset.none()
    if is_county_lead(user):
        return queryset
    return queryset.filter(district__in=districts_visible_to(user))


# Meetings, agendas, panel membership and budgets in the admin (appended by the meetings area).

from decimal import Decimal  # noqa: E402

from django.db.models import (  # noqa: E402
    BooleanField,
    Count,
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce  # noqa: E402

from .choices import MeetingKind  # noqa: E402
from .models import (  # noqa: E402
    CafEscalation,
    GapInService,
    PanelMember,
    SpotPurchase,
    SpotPurchaseBudget,
)
from .states import CafState, GapState  # noqa: E402

# An item reopened after its meeting is back in review: it is no longer on that agenda.
_NOT_ON_AGENDA_STATES = ("new", "submitted", "in_review", "information_requested")
_MONEY = DecimalField(max_digits=12, decimal_places=2)


def panel_members_visible_to(user, members: QuerySet | None = None) -> QuerySet[PanelMember]:
    """The Resource Panel and Sub Group members (optionally narrowed from a queryset) this
    person may read: those of `meeting_districts_visible_to(user)`."""
    queryset = PanelMember.objects.all() if members is None else members
    if not _active(user):
        return queryset.none()
    if is_county_lead(user):
        return queryset
    return queryset.filter(district__in=meeting_districts_visible_to(user))


def _agenda_model(meeting: Meeting):
    return GapInService if meeting.kind == MeetingKind.RESOURCE_PANEL else CafEscalation


def agenda_items(meeting: Meeting) -> QuerySet:
    """The submissions on a meeting's agenda, waiting or already heard, oldest first: gaps for
    a Resource Panel, CAF escalations for a Sub Group. What an agenda shows of them is fetched
    in a fixed number of queries, however many items there are."""
    model = _agenda_model(meeting)
    items = model.objects.filter(meeting=meeting).exclude(state__in=_NOT_ON_AGENDA_STATES)
    if model is GapInService:
        items = items.select_related("priority", "identified_service").prefetch_related(
            "themes", "spot_purchases"
        )
    else:
        items = items.prefetch_related("themes")
    return items.order_by("submitted_at", "pk")


def items_waiting_on(meeting: Meeting) -> int:
    """How many submissions wait on this meeting's agenda for a decision."""
    return (
        GapInService.objects.filter(meeting=meeting, state=GapState.ON_PANEL_AGENDA).count()
        + CafEscalation.objects.filter(meeting=meeting, state=CafState.ON_SUB_GROUP_AGENDA).count()
    )


def with_agenda_sizes(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """Annotate each meeting with `agenda_size` (the items its agenda shows) and `has_items`
    (whether any submission refers to it, which stops it being deleted), by subqueries, so a
    list of meetings costs the same number of queries however long it is."""

    def count_of(model):
        rows = (
            model.objects.filter(meeting=OuterRef("pk"))
            .exclude(state__in=_NOT_ON_AGENDA_STATES)
            .order_by()
            .values("meeting")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return Coalesce(Subquery(rows), Value(0))

    return meetings.annotate(
        agenda_size=count_of(GapInService) + count_of(CafEscalation),
        has_items=ExpressionWrapper(
            Exists(GapInService.objects.filter(meeting=OuterRef("pk")))
            | Exists(CafEscalation.objects.filter(meeting=OuterRef("pk"))),
            output_field=BooleanField(),
        ),
    )


def with_spend(budgets: QuerySet[SpotPurchaseBudget]) -> QuerySet[SpotPurchaseBudget]:
    """Annotate each budget with `spent_to_date` and `left`, by one subquery over the spot
    purchases of its district and financial year, not a query per budget."""
    spend = (
        SpotPurchase.objects.filter(
            district=OuterRef("district"), financial_year=OuterRef("financial_year")
        )
        .order_by()
        .values("district", "financial_year")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    return budgets.annotate(
        spent_to_date=Coalesce(
            Subquery(spend, output_field=_MONEY), Value(Decimal("0.00")), output_field=_MONEY
        )
    ).annotate(left=ExpressionWrapper(F("amount") - F("spent_to_date"), output_field=_MONEY))


def budgets_visible_to(user, budgets: QuerySet | None = None) -> QuerySet[SpotPurchaseBudget]:
    """The spot-purchase budgets (optionally narrowed from a queryset) this person may read,
    those of `meeting_districts_visible_to(user)`, each with its spend (see `with_spend`)."""
    queryset = SpotPurchaseBudget.objects.all() if budgets is None else budgets
    if not _active(user):
        return queryset.none()
    if not is_county_lead(user):
        queryset = queryset.filter(district__in=meeting_districts_visible_to(user))
    return with_spend(queryset)
