"""Who works where: giving people roles and districts, and taking them away.

The "People and districts" admin screen and the `pei_user` command both call these
functions, so both behave the same. Each role is a group (`pei_workflow.roles`). EIDOs and panel
members also have one `DistrictAssignment` per district, which is what scopes their casework
(`pei_workflow.selectors`); a person stays in the EIDOs or Panel members group exactly as
long as they have at least one district in that role.

`actor` is the person making the change. County leads (and superusers) may give and take away
the casework roles. Only a superuser may change a superuser's roles, and nothing here can make
anyone a superuser. `actor=None` means an operator at the server's command line, who is
trusted with every role.
"""

import secrets
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import models, transaction
from django.db.models import Q
from django.utils.text import capfirst
from wagtail.log_actions import log

from .. import roles
from ..labels import in_words
from ..models import District, DistrictAssignment, DistrictRole
from ..permissions import is_county_lead

__all__ = [
    "CASEWORK_ROLES",
    "DISTRICT_ROLES",
    "ROLE_GRANTED",
    "ROLE_REMOVED",
    "PersonRole",
    "RoleChange",
    "a_role",
    "can_set_up_people",
    "clean_email",
    "find_person",
    "grant_role",
    "remove_assignment",
    "remove_role",
]


class PersonRole(models.TextChoices):
    EIDO = "eido", "EIDO"
    PANEL_MEMBER = "panel_member", "Panel or Sub Group member"
    COUNTY_LEAD = "county_lead", "County lead"
    EDITOR = "editor", "Editor"
    APPROVER = "approver", "Guidance approver"


ROLE_GROUPS = {
    PersonRole.EIDO: roles.EIDOS,
    PersonRole.PANEL_MEMBER: roles.PANEL_MEMBERS,
    PersonRole.COUNTY_LEAD: roles.COUNTY_LEADS,
    PersonRole.EDITOR: roles.EDITORS,
    PersonRole.APPROVER: roles.GUIDANCE_APPROVERS,
}
#: The roles held per district; the others cover every district or the whole site.
DISTRICT_ROLES = {
    PersonRole.EIDO: DistrictRole.EIDO,
    PersonRole.PANEL_MEMBER: DistrictRole.PANEL_MEMBER,
}
#: The roles a county lead may give. Editors and approvers are set up by an operator.
CASEWORK_ROLES = (PersonRole.EIDO, PersonRole.PANEL_MEMBER, PersonRole.COUNTY_LEAD)
# How a sentence names someone in the role.
_A_ROLE = {
    PersonRole.EIDO: "an EIDO",
    PersonRole.PANEL_MEMBER: "a panel member",
    PersonRole.COUNTY_LEAD: "a county lead",
    PersonRole.EDITOR: "an editor",
    PersonRole.APPROVER: "a guidance approver",
}

#: The permission, held by the County leads group, to put people in districts.
SET_UP_PEOPLE_PERMISSION = "pei_workflow.add_districtassignment"
# Wagtail log actions, written against the person (see Reports > Site history).
ROLE_GRANTED = "pei_workflow.role_granted"
ROLE_REMOVED = "pei_workflow.role_removed"
# Usernames are the email address, and the username field holds at most this many characters.
_MAX_EMAIL_LENGTH = 150


def can_set_up_people(user) -> bool:
    """County leads and superusers: people who work in every district and hold the
    permission to put people in districts."""
    return (
        bool(user and user.is_authenticated and user.is_active)
        and is_county_lead(user)
        and user.has_perm(SET_UP_PEOPLE_PERMISSION)
    )


def a_role(role) -> str:
    """How a sentence names someone in the role: "an EIDO", "a county lead"."""
    return _A_ROLE[PersonRole(role)]


def _in_districts(districts) -> str:
    names = sorted(district.name for district in districts)
    return f" for {in_words(names)}" if names else ""


@dataclass(frozen=True)
class RoleChange:
    """What one call did: the admin shows `describe()` as its message, the command prints it."""

    user: Any
    role: PersonRole
    granted: bool
    #: The districts asked for (empty for "all of them" on removal).
    requested: tuple[District, ...] = ()
    #: The districts actually added or removed.
    districts: tuple[District, ...] = ()
    #: Whether the person joined or left the role's group.
    group_changed: bool = False
    user_created: bool = False

    @property
    def changed(self) -> bool:
        return self.user_created or self.group_changed or bool(self.districts)

    def describe(self) -> str:
        """One sentence saying what was done, or that nothing changed."""
        who = self.user.email or self.user.get_username()
        a_role = _A_ROLE[self.role]
        if self.granted:
            if self.user_created:
                return (
                    f"Created an account for {who} and made them "
                    f"{a_role}{_in_districts(self.districts)}."
                )
            if self.changed:
                return f"Made {who} {a_role}{_in_districts(self.districts)}."
            return f"{who} is already {a_role}{_in_districts(self.requested)}. Nothing changed."
        if not self.changed:
            return f"{who} is not {a_role}{_in_districts(self.requested)}. Nothing changed."
        sentence = f"{who} is no longer {a_role}{_in_districts(self.districts)}."
        if self.group_changed and self.role in DISTRICT_ROLES:
            group = ROLE_GROUPS[self.role]
            sentence += f" With no district left, they have left the {group} group."
        return sentence


def _role(role) -> PersonRole:
    try:
        return PersonRole(role)
    except ValueError:
        known = ", ".join(PersonRole.values)
        raise ValidationError({"role": f"Choose a role: {known}."}) from None


def _check_actor(actor, role: PersonRole) -> None:
    """The operator (None) may give any role; a county lead only the casework roles."""
    if actor is None:
        return
    if not can_set_up_people(actor):
        raise PermissionDenied("Only a county lead can give people roles and districts.")
    if role not in CASEWORK_ROLES and not actor.is_superuser:
        raise PermissionDenied(
            "County leads give only the EIDO, panel member and county lead roles."
        )


def _check_person(actor, person) -> None:
    """Nobody but a superuser changes a superuser's roles."""
    if actor is not None and person.is_superuser and not actor.is_superuser:
        raise PermissionDenied("Only an administrator can change an administrator's roles.")


def _checked_districts(role: PersonRole, districts) -> tuple[District, ...]:
    districts = tuple(districts or ())
    if role in DISTRICT_ROLES and not districts:
        raise ValidationError({"districts": f"Choose at least one district for {_A_ROLE[role]}."})
    if role not in DISTRICT_ROLES and districts:
        where = "in every district" if role == PersonRole.COUNTY_LEAD else "on the whole site"
        raise ValidationError(
            {"districts": f"{capfirst(_A_ROLE[role])} works {where}: choose no district."}
        )
    return districts


def clean_email(email: str) -> str:
    """The address with its domain in lower case; ValidationError if it is not an address."""
    email = (email or "").strip()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError(
            {"email": "Enter an email address in the correct format, like name@example.org."}
        ) from None
    if len(email) > _MAX_EMAIL_LENGTH:
        raise ValidationError(
            {"email": f"Enter an email address of {_MAX_EMAIL_LENGTH} characters or fewer."}
        )
    return get_user_model().objects.normalize_email(email)


def find_person(email: str):
    """The one account with this (cleaned) email address as its email or username, or None.

    ValidationError if more than one account matches.
    """
    matches = list(
        get_user_model().objects.filter(Q(email__iexact=email) | Q(username__iexact=email))[:2]
    )
    if len(matches) > 1:
        raise ValidationError(
            {"email": f"More than one account uses {email}, so it is not clear who you mean."}
        )
    return matches[0] if matches else None


def _new_person(email: str, first_name: str, last_name: str):
    user = get_user_model()(
        username=email.lower(), email=email, first_name=first_name, last_name=last_name
    )
    # A long random password that nobody is told, rather than an unusable one: Django's
    # password reset skips accounts without a usable password, and "Forgotten password?" is
    # how a new person signs in for the first time.
    user.set_password(secrets.token_urlsafe(32))
    user.save()
    return user


def _group(role: PersonRole) -> Group:
    try:
        return Group.objects.get(name=ROLE_GROUPS[role])
    except Group.DoesNotExist:
        raise ImproperlyConfigured(
            f"The group {ROLE_GROUPS[role]!r} does not exist. Run manage.py migrate."
        ) from None


def _locked(user):
    """The person's row, locked, so that two changes to one person's roles run one after
    the other (otherwise two removals could each leave the other's district and the group)."""
    return get_user_model().objects.select_for_update().get(pk=user.pk)


def _fill_blank_names(person, first_name: str, last_name: str) -> None:
    """Names fill in an account's blank names; they never overwrite what is there."""
    changed = []
    if first_name.strip() and not person.first_name:
        person.first_name = first_name.strip()
        changed.append("first_name")
    if last_name.strip() and not person.last_name:
        person.last_name = last_name.strip()
        changed.append("last_name")
    if changed:
        person.save(update_fields=changed)


def grant_role(
    *,
    actor,
    role: str,
    user=None,
    email: str = "",
    first_name: str = "",
    last_name: str = "",
    districts=(),
) -> RoleChange:
    """Give a person a role (and, for EIDOs and panel members, districts), in one transaction.

    The person is `user`, or the account with `email`, or a new account for `email` (its
    username is the address; it has a random password nobody knows, so the person signs in
    the first time through "Forgotten password?"). Giving what someone already has changes
    nothing. Raises PermissionDenied if `actor` may not, ValidationError keyed by role, user,
    email or districts if the input is wrong.
    """
    role = _role(role)
    _check_actor(actor, role)
    districts = _checked_districts(role, districts)
    if user is not None and email:
        raise ValidationError({"email": "Choose a person or enter an email address, not both."})
    if user is None and not email:
        raise ValidationError(
            {"user": "Choose a person, or enter the email address of someone new."}
        )
    if user is None:
        email = clean_email(email)
        user = find_person(email)

    with transaction.atomic():
        created = user is None
        if created:
            person = _new_person(email, first_name.strip(), last_name.strip())
        else:
            person = _locked(user)
            _check_person(actor, person)
            _fill_blank_names(person, first_name, last_name)
        group = _group(role)
        joined = not person.groups.filter(pk=group.pk).exists()
        person.groups.add(group)
        added = []
        for district in districts:
            assignment = DistrictAssignment(
                user=person, district=district, role=DISTRICT_ROLES[role]
            )
            if DistrictAssignment.objects.filter(
                user=person, district=district, role=assignment.role
            ).exists():
                continue
            _with_history(assignment, actor, f"Given the {role.label} role")
            assignment.save()
            added.append(district)
        change = RoleChange(
            user=person,
            role=role,
            granted=True,
            requested=districts,
            districts=tuple(added),
            group_changed=joined,
            user_created=created,
        )
        if change.changed:
            _log(change, actor)
    return change


def remove_role(*, actor, user, role: str, districts=None) -> RoleChange:
    """Take a role away from a person: for EIDOs and panel members, the given districts (or,
    with `districts=None`, all of them), and the group once no district is left.

    A county lead cannot take the county lead role from themselves, so that someone is always
    left to set people up. Raises as `grant_role` does.
    """
    role = _role(role)
    _check_actor(actor, role)
    if role not in DISTRICT_ROLES:
        _checked_districts(role, districts)
    requested = tuple(districts) if districts is not None else ()

    with transaction.atomic():
        person = _locked(user)
        _check_person(actor, person)
        if actor is not None and person.pk == actor.pk and role == PersonRole.COUNTY_LEAD:
            raise ValidationError(
                {
                    "user": "You cannot remove yourself from the county leads. "
                    "Ask another county lead."
                }
            )
        group = _group(role)
        in_group = person.groups.filter(pk=group.pk).exists()
        removed = ()
        keeps_group = False
        if role in DISTRICT_ROLES:
            assignments = DistrictAssignment.objects.filter(user=person, role=DISTRICT_ROLES[role])
            if districts is not None:
                assignments = assignments.filter(district__in=requested)
            removed = []
            for assignment in assignments.select_related("district"):
                _with_history(assignment, actor, f"The {role.label} role taken away")
                assignment.delete()
                removed.append(assignment.district)
            removed = tuple(removed)
            keeps_group = DistrictAssignment.objects.filter(
                user=person, role=DISTRICT_ROLES[role]
            ).exists()
        if not keeps_group:
            person.groups.remove(group)
        change = RoleChange(
            user=person,
            role=role,
            granted=False,
            requested=requested,
            districts=removed,
            group_changed=in_group and not keeps_group,
        )
        if change.changed:
            _log(change, actor)
    return change


def remove_assignment(*, actor, assignment: DistrictAssignment) -> RoleChange:
    """Take one district away from an EIDO or panel member (and the group, if it was their
    last district in that role)."""
    return remove_role(
        actor=actor,
        user=assignment.user,
        role=assignment.role,
        districts=[assignment.district],
    )


def _with_history(assignment: DistrictAssignment, actor, reason: str) -> None:
    """Who gave or took away a district role, and why, for the assignment's field history."""
    assignment._change_reason = reason
    if actor is not None and actor.is_authenticated:
        assignment._history_user = actor


def _log(change: RoleChange, actor) -> None:
    log(
        instance=change.user,
        action=ROLE_GRANTED if change.granted else ROLE_REMOVED,
        user=actor,
        data={
            "role": change.role.value,
            "role_label": change.role.label,
            "districts": sorted(district.name for district in change.districts),
            "account_created": change.user_created,
        },
    )
