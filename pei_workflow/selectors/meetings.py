"""What a meeting holds (its agenda) and what a budget has spent, read in one query each."""

from decimal import Decimal

from django.db.models import (
    BooleanField,
    Count,
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce

from ..choices import MeetingKind
from ..models import (
    CafEscalation,
    GapInService,
    Meeting,
    SpotPurchase,
    SpotPurchaseBudget,
)
from ..states import CafState, GapState

# An item reopened after its meeting is back in review: it is no longer on that agenda.
_NOT_ON_AGENDA_STATES = ("new", "submitted", "in_review", "information_requested")
_MONEY = DecimalField(max_digits=12, decimal_places=2)


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
