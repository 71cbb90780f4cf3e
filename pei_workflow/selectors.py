"""Things that read casework data. `visible_to` is the one rule for who sees which submission:
every list, view, search, export, report and history page starts from it."""

from django.db.models import Model, QuerySet

from .models import District, DistrictAssignment, DistrictRole

ALL_DISTRICTS_PERMISSION = "pei_workflow.work_in_all_districts"


def districts_visible_to(user) -> QuerySet[District]:
    """The districts whose submissions this person may see.

    County leads (and superusers) see every district; an EIDO sees the districts they are
    assigned to; everyone else sees none.
    """
    if not user or not user.is_authenticated or not user.is_active:
        return District.objects.none()
    if user.has_perm(ALL_DISTRICTS_PERMISSION):
        return District.objects.all()
    return District.objects.filter(
        assignments__user=user, assignments__role=DistrictRole.EIDO
    ).distinct()


def visible_to(user, submissions: type[Model] | QuerySet) -> QuerySet:
    """The submissions (of a model, or narrowed from a queryset) that this person may see."""
    queryset = submissions.objects.all() if isinstance(submissions, type) else submissions
    if not user or not user.is_authenticated or not user.is_active:
        return queryset.none()
    if user.has_perm(ALL_DISTRICTS_PERMISSION):
        return queryset
    return queryset.filter(
        district__in=DistrictAssignment.objects.filter(user=user, role=DistrictRole.EIDO).values(
            "district"
        )
    )
