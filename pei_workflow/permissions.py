"""Who may make which workflow step. Each is a django-fsm permission: a pure predicate of
the submission and the person, with no side effects.

- An EIDO acts on the submissions of the districts they are assigned to.
- A county lead (anyone with `work_in_all_districts`) does everything an EIDO does, for every
  district, and alone records Trust Board decisions and county responses.
- Panel and Sub Group members read; they make no step.
- The practitioner's own steps go through their status link, not an account.
"""

from django.contrib.auth import get_user_model

from .models.roles import DistrictAssignment, DistrictRole

ALL_DISTRICTS_PERMISSION = "pei_workflow.work_in_all_districts"
#: The authentication backend that holds users' permissions.
PERMISSIONS_BACKEND = "django.contrib.auth.backends.ModelBackend"


def is_signed_in(user) -> bool:
    """Signed in, with an account that is still active."""
    return bool(user and user.is_authenticated and user.is_active)


def is_county_lead(user) -> bool:
    return is_signed_in(user) and user.has_perm(ALL_DISTRICTS_PERMISSION)


def county_leads():
    """Every active county lead (superusers too, as `is_county_lead` counts them)."""
    # Named, as Django asks once there are several backends: axes' (first) holds no permissions.
    return get_user_model().objects.with_perm(
        ALL_DISTRICTS_PERMISSION, is_active=True, backend=PERMISSIONS_BACKEND
    )


def is_eido_for_district(user, district_id) -> bool:
    """Whether this person is an EIDO of the district (not counting county leads)."""
    return (
        is_signed_in(user)
        and DistrictAssignment.objects.filter(
            user=user, district_id=district_id, role=DistrictRole.EIDO
        ).exists()
    )


def can_moderate_districts(user, district_ids) -> bool:
    """Whether this person may act on the casework of every one of these districts: a county
    lead, or an EIDO of each."""
    wanted = set(district_ids)
    if is_county_lead(user):
        return True
    if not is_signed_in(user):
        return False
    held = DistrictAssignment.objects.filter(
        user=user, district_id__in=wanted, role=DistrictRole.EIDO
    ).values_list("district_id", flat=True)
    return set(held) == wanted


def can_moderate(submission, user) -> bool:
    """The submission's district EIDO, or a county lead."""
    return is_county_lead(user) or is_eido_for_district(user, submission.district_id)


def county_lead_only(submission, user) -> bool:
    return is_county_lead(user)


def practitioner_only(submission, user) -> bool:
    """No account may take this step: the practitioner takes it through their status link."""
    return False
