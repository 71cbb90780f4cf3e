"""Things that read casework data. `visible_to` is the one rule for who sees which submission:
every list, view, search, export, report and history page starts from it. The other
`*_visible_to` functions scope the rest of the casework admin the same way, by district."""

import datetime
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    BooleanField,
    Count,
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    Max,
    Model,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Coalesce

from .choices import MeetingKind, MonitoringOutcome, PanelOutcome, SubGroupAgreement, YesNo
from .models import (
    AuditLogEntry,
    CafEscalation,
    ClosureDay,
    CommissionedProject,
    District,
    DistrictAssignment,
    DistrictRole,
    GapInService,
    Meeting,
    MessageTemplate,
    PanelMember,
    Priority,
    ResponseTarget,
    Service,
    SpotPurchase,
    SpotPurchaseBudget,
    Submission,
    TransitionLog,
)
from .models.history import ASSIGNMENT_ROWS
from .models.messages import MESSAGE_IN_DATA_STEPS, PRACTITIONER_MESSAGE
from .permissions import ALL_DISTRICTS_PERMISSION, is_county_lead, is_signed_in
from .states import CafState, GapState

__all__ = [
    "ALL_DISTRICTS_PERMISSION",
    "PRACTITIONER_COMMENT_STEPS",
    "agenda_items",
    "audit_entries_visible_to",
    "budgets_visible_to",
    "closure_days_visible_to",
    "decode_history_data",
    "districts_visible_to",
    "items_waiting_on",
    "last_review_step",
    "latest_step_is",
    "meeting_district_ids",
    "meeting_districts_visible_to",
    "meetings_visible_to",
    "message_templates_offered",
    "message_templates_visible_to",
    "panel_members_visible_to",
    "priorities_visible_to",
    "report_district_ids",
    "report_districts_visible_to",
    "reported_submissions",
    "projects_visible_to",
    "review_history",
    "services_visible_to",
    "targets_visible_to",
    "visible_district_ids",
    "visible_to",
    "with_agenda_sizes",
    "with_spend",
]

# An item reopened after its meeting is back in review: it is no longer on that agenda.
_NOT_ON_AGENDA_STATES = ("new", "submitted", "in_review", "information_requested")
_MONEY = DecimalField(max_digits=12, decimal_places=2)


def _assigned_districts(user, roles) -> QuerySet[District]:
    return District.objects.filter(
        pk__in=DistrictAssignment.objects.filter(user=user, role__in=roles).values("district")
    )


def districts_visible_to(user) -> QuerySet[District]:
    """The districts whose submissions this person may see, and whose casework they may
    change.

    County leads (and superusers) see every district; an EIDO sees the districts they are
    assigned to; everyone else sees none.
    """
    if not is_signed_in(user):
        return District.objects.none()
    if is_county_lead(user):
        return District.objects.all()
    return _assigned_districts(user, [DistrictRole.EIDO])


def meeting_districts_visible_to(user) -> QuerySet[District]:
    """The districts whose meetings, agendas and decisions this person may read: an EIDO's
    and a panel or Sub Group member's own districts, and every district for a county lead.
    Agendas show anonymised summaries only, never the practitioner's details."""
    if not is_signed_in(user):
        return District.objects.none()
    if is_county_lead(user):
        return District.objects.all()
    return _assigned_districts(user, [DistrictRole.EIDO, DistrictRole.PANEL_MEMBER])


def _ids_once_per_request(user, key: str, districts) -> frozenset[int]:
    # Kept on the user object, which Django makes afresh for each request.
    cache = getattr(user, "_pei_district_ids", None)
    if cache is None:
        cache = {}
        if user is not None:
            user._pei_district_ids = cache
    if key not in cache:
        cache[key] = frozenset(districts(user).values_list("pk", flat=True))
    return cache[key]


def visible_district_ids(user) -> frozenset[int]:
    """The ids of `districts_visible_to(user)`, read once per request. For a check repeated
    per row of a list; anything that changes assignments reads `districts_visible_to`."""
    return _ids_once_per_request(user, "casework", districts_visible_to)


def meeting_district_ids(user) -> frozenset[int]:
    """The ids of `meeting_districts_visible_to(user)`, read once per request."""
    return _ids_once_per_request(user, "meetings", meeting_districts_visible_to)


def _in_districts(user, queryset: QuerySet, districts, *, path: str = "district") -> QuerySet:
    """The rows of `queryset` in the districts `districts(user)` gives: none for someone not
    signed in, all for a county lead."""
    if not is_signed_in(user):
        return queryset.none()
    if is_county_lead(user):
        return queryset
    return queryset.filter(**{f"{path}__in": districts(user)})


def visible_to(user, submissions: type[Model] | QuerySet) -> QuerySet:
    """The submissions (of a model, or narrowed from a queryset) that this person may see."""
    queryset = submissions.objects.all() if isinstance(submissions, type) else submissions
    return _in_districts(user, queryset, districts_visible_to)


def report_districts_visible_to(user) -> QuerySet[District]:
    """The districts whose reports this person may read: those whose meetings they read
    (`meeting_districts_visible_to`). A report holds counts, sums and the names of themes,
    services and priorities, never a submission's answers or who sent it, so the panel and
    Sub Group members who read a district's agendas read its reports too."""
    return meeting_districts_visible_to(user)


def report_district_ids(user) -> frozenset[int]:
    """The ids of `report_districts_visible_to(user)`, read once per request."""
    return meeting_district_ids(user)


def reported_submissions(user, model: type[Submission], district_ids: Iterable[int]) -> QuerySet:
    """The sent submissions of `model` in the districts given that a report for this person
    counts: those of `district_ids` among `report_districts_visible_to(user)`. Every figure
    of every report starts from here."""
    queryset = model.objects.exclude(state="new").filter(district_id__in=list(district_ids))
    return _in_districts(user, queryset, report_districts_visible_to)


def meetings_visible_to(user, meetings: QuerySet | None = None) -> QuerySet[Meeting]:
    """The meetings (optionally narrowed from a queryset) this person may read."""
    queryset = Meeting.objects.all() if meetings is None else meetings
    return _in_districts(user, queryset, meeting_districts_visible_to)


def services_visible_to(user, services: QuerySet | None = None) -> QuerySet:
    """The directory services (optionally narrowed from a queryset) this person may manage in
    the admin: those covering at least one of `districts_visible_to(user)`, every service for a
    county lead. Public readers see published services through the directory page instead.

    The district test is a subquery rather than a join, so that a service covering two of the
    person's districts appears once and annotations such as `with_times_missed` stay right.
    """
    queryset = Service.objects.all() if services is None else services
    if not is_signed_in(user):
        return queryset.none()
    if is_county_lead(user):
        return queryset
    coverage = Service.districts.through.objects.filter(district__in=districts_visible_to(user))
    return queryset.filter(pk__in=coverage.values("service"))


def projects_visible_to(user, projects: QuerySet | None = None) -> QuerySet:
    """The commissioned projects (optionally narrowed from a queryset) this person may read:
    those covering at least one of `meeting_districts_visible_to(user)` (an EIDO's and a panel
    or Sub Group member's own districts), every project for a county lead. Who may change one
    is the admin's permission helper's question, from `districts_visible_to`. A subquery, as
    for services, so a project of two of the person's districts appears once."""
    queryset = CommissionedProject.objects.all() if projects is None else projects
    if not is_signed_in(user):
        return queryset.none()
    if is_county_lead(user):
        return queryset
    coverage = CommissionedProject.districts.through.objects.filter(
        district__in=meeting_districts_visible_to(user)
    )
    return queryset.filter(pk__in=coverage.values("commissionedproject"))


def priorities_visible_to(user, priorities: QuerySet | None = None) -> QuerySet:
    """The CYPP priorities (optionally narrowed from a queryset) this person may manage: those
    of `districts_visible_to(user)`."""
    queryset = Priority.objects.all() if priorities is None else priorities
    return _in_districts(user, queryset, districts_visible_to)


def panel_members_visible_to(user, members: QuerySet | None = None) -> QuerySet[PanelMember]:
    """The Resource Panel and Sub Group members (optionally narrowed from a queryset) this
    person may read: those of `meeting_districts_visible_to(user)`."""
    queryset = PanelMember.objects.all() if members is None else members
    return _in_districts(user, queryset, meeting_districts_visible_to)


def budgets_visible_to(user, budgets: QuerySet | None = None) -> QuerySet[SpotPurchaseBudget]:
    """The spot-purchase budgets (optionally narrowed from a queryset) this person may read,
    those of `meeting_districts_visible_to(user)`, each with its spend (see `with_spend`)."""
    queryset = SpotPurchaseBudget.objects.all() if budgets is None else budgets
    return with_spend(_in_districts(user, queryset, meeting_districts_visible_to))


def targets_visible_to(user) -> QuerySet[ResponseTarget]:
    """The response-time targets this person may read: those of the districts whose meetings
    they read (`meeting_districts_visible_to`). Only county leads change them."""
    return _in_districts(user, ResponseTarget.objects.all(), meeting_districts_visible_to)


def closure_days_visible_to(user) -> QuerySet[ClosureDay]:
    """Closure days hold for every district: anyone who reads some district's casework or
    meetings reads them all."""
    if not meeting_district_ids(user):
        return ClosureDay.objects.none()
    return ClosureDay.objects.all()


def audit_entries_visible_to(user, entries: QuerySet | None = None) -> QuerySet[AuditLogEntry]:
    """The audit log entries (optionally narrowed from a queryset) this person may read.

    - County leads and superusers: every entry, of every district and of none.
    - An EIDO: the entries of `districts_visible_to(user)`, whoever wrote them. An entry of no
      single district (a theme, a service covering several districts, a county-wide export)
      is county leads' only.
    - Entries about people and their district assignments (sign-ins, failed sign-ins,
      sign-outs, role changes, accounts): only people who set people up
      (`can_set_up_people`), whatever their district.
    - Panel and Sub Group members, and everyone else: none. They read agendas; who did what
      to a case is not theirs to see.
    """
    # services.people imports this module (through the services package): imported here.
    from .services.people import can_set_up_people

    queryset = AuditLogEntry.objects.all() if entries is None else entries
    if not is_signed_in(user):
        return queryset.none()
    if not is_county_lead(user):
        queryset = queryset.filter(district__in=districts_visible_to(user))
    if not can_set_up_people(user):
        people = ContentType.objects.get_for_models(get_user_model(), DistrictAssignment)
        queryset = queryset.exclude(content_type__in=list(people.values()))
    return queryset


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


# The review history. Every screen that reads a submission's review history (the staff
# timeline, an agenda's decisions, the practitioner's status page, the "Waiting for you"
# panel) reads it here, and its structured data is decoded here once.

#: The steps whose comment is written for the practitioner: the EIDO's question and the
#: reason for declining. Every other comment in the history is for staff only.
PRACTITIONER_COMMENT_STEPS = frozenset({"request_information", "decline"})

# What each data key the services write holds, decoded from its JSON form. A value that no
# longer decodes (a choice since renamed) is kept as written.
_CHOICE_KEYS = {
    "outcome": PanelOutcome,
    "agreement": SubGroupAgreement,
    "caf_in_place": YesNo,
}
# Closing records the monitoring outcome under the same key as a panel's outcome.
_CHOICE_KEYS_BY_STEP = {"close": {"outcome": MonitoringOutcome}}


def _decoded(choices, value):
    return choices(value) if value in choices.values else value


def _decoded_amount(value):
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return value


def _decoded_date(value):
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return value


def decode_history_data(transition: str, data: dict | None) -> dict:
    """A review history row's `data` with its values as Python values: choices as their
    TextChoices members (PanelOutcome, SubGroupAgreement, YesNo, and MonitoringOutcome for a
    close), `amount` as a Decimal, `meeting_date` as a date; the rest as written, in the
    order written."""
    choices = {**_CHOICE_KEYS, **_CHOICE_KEYS_BY_STEP.get(transition, {})}
    decoded = {}
    for key, value in (data or {}).items():
        if key in choices and isinstance(value, str):
            value = _decoded(choices[key], value)
        elif key == "amount" and value not in (None, ""):
            value = _decoded_amount(value)
        elif key == "meeting_date" and value:
            value = _decoded_date(value)
        decoded[key] = value
    return decoded


def _history_rows(model: type[Submission]) -> QuerySet[TransitionLog]:
    return TransitionLog.objects.filter(content_type=ContentType.objects.get_for_model(model))


def review_history(
    submissions: Submission | QuerySet | Iterable[Submission],
    *,
    transitions: Iterable[str] | None = None,
    for_practitioner: bool = False,
) -> list[TransitionLog]:
    """The review history of a submission, or of several submissions of one model (a
    queryset or a list), oldest first, in one query. Callers pass submissions the person may
    see (`visible_to`); `transitions` keeps only those steps.

    Each row has `details`: its `data` decoded (`decode_history_data`). For the practitioner
    (`for_practitioner`) the rows hold only what their status page may show: the step and
    when, the comment only of the steps written for them (`PRACTITIONER_COMMENT_STEPS`),
    and `practitioner_message`, the message to them of a decision or a closure (empty for
    any other step); no staff names and no other data.
    """
    if isinstance(submissions, Submission):
        model, ids = type(submissions), [submissions.pk]
    elif isinstance(submissions, QuerySet):
        model, ids = submissions.model, submissions.order_by().values("pk")
    else:
        submissions = list(submissions)
        if not submissions:
            return []
        model, ids = type(submissions[0]), [submission.pk for submission in submissions]
    rows = _history_rows(model).filter(object_id__in=ids).order_by("created_at", "pk")
    if transitions is not None:
        rows = rows.filter(transition__in=list(transitions))
    if for_practitioner:
        # Of the data, only the message to the practitioner is read: the rest stays unread.
        rows = rows.only("object_id", "transition", "comment", "created_at").annotate(
            message_to_practitioner=KeyTextTransform(PRACTITIONER_MESSAGE, "data")
        )
    else:
        rows = rows.select_related("actor")
    history = list(rows)
    for row in history:
        if for_practitioner:
            if row.transition not in PRACTITIONER_COMMENT_STEPS:
                row.comment = ""
            in_data = row.transition in MESSAGE_IN_DATA_STEPS
            row.practitioner_message = (row.message_to_practitioner or "") if in_data else ""
            row.details = {}
        else:
            row.details = decode_history_data(row.transition, row.data)
    return history


def last_review_step(model: type[Submission]) -> Subquery:
    """The step of each submission's latest review history row, as a subquery on `pk`, to
    annotate a queryset of `model` with (a list stays one query however long it is)."""
    latest = _history_rows(model).filter(object_id=OuterRef("pk"))
    return Subquery(latest.order_by("-created_at", "-pk").values("transition")[:1])


def latest_step_is(submissions: QuerySet, transition: str) -> QuerySet:
    """The submissions of `submissions` whose latest review history row is `transition`,
    leaving out the rows that only say who has the case (`ASSIGNMENT_ROWS`).

    One grouped subquery over their history, run once: each submission's latest row is
    found by comparing the time of its latest row with that of its latest `transition` row,
    instead of a subquery per submission (`last_review_step`), which a list of thousands
    runs thousands of times. (Rows of one submission are written one at a time, the row
    locked, so two never share a time.)
    """
    model = submissions.model
    rows = _history_rows(model).filter(object_id__in=submissions.order_by().values("pk"))
    # Handing the case to someone after the step leaves it the latest step.
    steps = ~Q(transition__in=ASSIGNMENT_ROWS)
    latest = (
        rows.order_by()
        .values("object_id")
        .annotate(
            last=Max("created_at", filter=steps),
            step=Max("created_at", filter=Q(transition=transition)),
        )
        .filter(last=F("step"))
        .values("object_id")
    )
    return submissions.filter(pk__in=latest)


# Message templates: the texts an EIDO may start from when a step tells the practitioner
# something. A district's are its EIDOs' and the county leads'; the county defaults (no
# district) are read by every EIDO and changed by county leads.


def message_templates_visible_to(user) -> QuerySet[MessageTemplate]:
    """The templates this person may read: a county lead every one; an EIDO their
    districts' and the county defaults; anyone else none."""
    templates = MessageTemplate.objects.select_related("district")
    if not is_signed_in(user):
        return templates.none()
    if is_county_lead(user):
        return templates
    districts = districts_visible_to(user)
    if not districts.exists():
        return templates.none()
    return templates.filter(Q(district__in=districts) | Q(district__isnull=True))


def message_templates_offered(user, submission: Submission, step: str) -> list[MessageTemplate]:
    """The templates offered on this submission's form for `step`: its district's first,
    then the county defaults, each by name; never another district's, even to a county
    lead, and none to someone who may not see the submission."""
    if not visible_to(user, type(submission)).filter(pk=submission.pk).exists():
        return []
    templates = message_templates_visible_to(user).filter(
        Q(district=submission.district_id) | Q(district__isnull=True), step=step
    )
    return list(templates.order_by(F("district").asc(nulls_last=True), "name", "pk"))
