"""Creates one demo account per role, for trying the site out. Never for production."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from pei_site import roles
from pei_workflow.models import District, DistrictAssignment, DistrictRole

# (username, first name, last name, group)
DEMO_ACCOUNTS = [
    ("editor", "Demo", "Editor", roles.EDITORS),
    ("approver", "Demo", "Approver", roles.GUIDANCE_APPROVERS),
    ("eido", "Demo", "EIDO", roles.EIDOS),
    ("panel", "Demo", "Panel member", roles.PANEL_MEMBERS),
    ("countylead", "Demo", "County lead", roles.COUNTY_LEADS),
]
# The demo EIDO and panel member work in one district, so the casework screens show
# what a district-bound user sees.
DEMO_DISTRICT_CODE = "PEN"
DEMO_DISTRICT_ROLES = {"eido": DistrictRole.EIDO, "panel": DistrictRole.PANEL_MEMBER}


class Command(BaseCommand):
    help = (
        "Create one demo account per role (editor, approver, eido, panel, countylead) with "
        "a random password, shown once. Accounts that already exist are left as they are."
    )

    def handle(self, *args, **options):
        if not getattr(settings, "PEI_ALLOW_DEMO_ACCOUNTS", False):
            raise CommandError(
                "Demo accounts are switched off in these settings (PEI_ALLOW_DEMO_ACCOUNTS)."
            )

        created = []
        with transaction.atomic():
            for username, first_name, last_name, group_name in DEMO_ACCOUNTS:
                password = self._ensure_account(username, first_name, last_name, group_name)
                if password:
                    created.append((username, group_name, password))

        if not created:
            self.stdout.write("The demo accounts already exist. Their passwords have not changed.")
            return

        self.stdout.write(
            "Demo accounts created. Note the passwords now: they are not shown again."
        )
        for username, group_name, password in created:
            self.stdout.write(f"  {username:<11} {group_name:<19} password: {password}")

    def _ensure_account(self, username, first_name, last_name, group_name) -> str | None:
        """Create the account if missing and return its new password; None if it existed."""
        try:
            group = Group.objects.get(name=group_name)
        except Group.DoesNotExist as error:
            raise CommandError(
                f"The group {group_name!r} does not exist. Run manage.py migrate first."
            ) from error
        user, was_created = get_user_model().objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@example.org",
                "first_name": first_name,
                "last_name": last_name,
            },
        )
        user.groups.add(group)
        if username in DEMO_DISTRICT_ROLES:
            district = District.objects.filter(code=DEMO_DISTRICT_CODE).first()
            if district is not None:
                DistrictAssignment.objects.get_or_create(
                    user=user, district=district, role=DEMO_DISTRICT_ROLES[username]
                )
        if not was_created:
            return None
        password = secrets.token_urlsafe(12)
        user.set_password(password)
        user.save(update_fields=["password"])
        return password
