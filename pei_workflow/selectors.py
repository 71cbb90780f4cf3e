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
