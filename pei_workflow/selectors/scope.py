"""Who may see what: `visible_to` is the one rule for who sees which submission, and the
other `*_visible_to` functions scope the rest of the casework admin the same way, by
district."""

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    F,
    Model,
    Q,
    QuerySet,
)

from ..models import (
    AuditLogEntry,
    ClosureDay,
    CommissionedProject,
    District,
    DistrictAssignment,
    DistrictRole,
    Meeting,
    MessageTemplate,
    PanelMember,
    Priority,
    ResponseTarget,
    Service,
    SpotPurchaseBudget,
    Submission,
)
from ..permissions import is_county_lead, is_signed_in
from .meetings import with_spend


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
    from ..services.people import can_set_up_people

    queryset = AuditLogEntry.objects.all() if entries is None else entries
    if not is_signed_in(user):
        return queryset.none()
    if not is_county_lead(user):
        queryset = queryset.filter(district__in=districts_visible_to(user))
    if not can_set_up_people(user):
        people = ContentType.objects.get_for_models(get_user_model(), DistrictAssignment)
        queryset = queryset.exclude(content_type__in=list(people.values()))
    return queryset


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
