"""Creates one demo account per role, and some Pendle casework to try them on. Never for
production."""

import datetime
import secrets
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from pei_site import roles
from pei_workflow.choices import MeetingKind
from pei_workflow.demo_data import demo_data_refusal
from pei_workflow.models import (
    District,
    Meeting,
    PanelMember,
    SpotPurchaseBudget,
    financial_year_label,
    financial_year_of,
)
from pei_workflow.services.people import PersonRole, grant_role

# (username, first name, last name, role)
DEMO_ACCOUNTS = [
    ("editor", "Demo", "Editor", PersonRole.EDITOR),
    ("approver", "Demo", "Approver", PersonRole.APPROVER),
    ("eido", "Demo", "EIDO", PersonRole.EIDO),
    ("panel", "Demo", "Panel member", PersonRole.PANEL_MEMBER),
    ("countylead", "Demo", "County lead", PersonRole.COUNTY_LEAD),
]
GROUP_OF_ROLE = {
    PersonRole.EDITOR: roles.EDITORS,
    PersonRole.APPROVER: roles.GUIDANCE_APPROVERS,
    PersonRole.EIDO: roles.EIDOS,
    PersonRole.PANEL_MEMBER: roles.PANEL_MEMBERS,
    PersonRole.COUNTY_LEAD: roles.COUNTY_LEADS,
}
# The demo EIDO and panel member work in one district, so the casework screens show what a
# district-bound user sees; the demo casework is in the same district.
DEMO_DISTRICT_CODE = "PEN"
DEMO_BUDGET = Decimal("5000.00")
# (kind, days from today, location)
DEMO_MEETINGS = [
    (MeetingKind.RESOURCE_PANEL, 14, "Nelson Town Hall"),
    (MeetingKind.SUB_GROUP, 28, "Colne Library meeting room"),
]
# (name, agency, role on the panel, sits on)
DEMO_PANEL_MEMBERS = [
    ("Priya Shah", "Lancashire County Council", "Chair", MeetingKind.RESOURCE_PANEL),
    ("Tom Whittaker", "Pendle Leisure Trust", "", MeetingKind.RESOURCE_PANEL),
    ("Grace Okafor", "Community health visiting team", "", MeetingKind.RESOURCE_PANEL),
    ("Martin Hughes", "Lancashire Constabulary", "", MeetingKind.SUB_GROUP),
]


class Command(BaseCommand):
    help = (
        "Create one demo account per role (editor, approver, eido, panel, countylead) with "
        "a random password, shown once, and Pendle demo casework: a spot-purchase budget, "
        "two coming meetings and some panel members. Anything that already exists is left "
        "as it is."
    )

    def handle(self, *args, **options):
        refusal = demo_data_refusal("demo accounts")
        if refusal:
            raise CommandError(refusal)
        district = District.objects.filter(code=DEMO_DISTRICT_CODE).first()
        if district is None:
            raise CommandError(
                f"The district {DEMO_DISTRICT_CODE} does not exist. Run manage.py migrate first."
            )

        created = []
        with transaction.atomic():
            for username, first_name, last_name, role in DEMO_ACCOUNTS:
                password = self._ensure_account(username, first_name, last_name, role, district)
                if password:
                    created.append((username, GROUP_OF_ROLE[role], password))
            casework = self._ensure_casework(district)

        if created:
            self.stdout.write(
                "Demo accounts created. Note the passwords now: they are not shown again."
            )
            for username, group_name, password in created:
                self.stdout.write(f"  {username:<11} {group_name:<19} password: {password}")
        else:
            self.stdout.write("The demo accounts already exist. Their passwords have not changed.")
        if casework:
            self.stdout.write(f"Added to {district}: {', '.join(casework)}.")

    def _ensure_account(self, username, first_name, last_name, role, district) -> str | None:
        """Create the account if missing, give it its role through the same service the
        admin uses, and return its new password; None if the account existed."""
        user, was_created = get_user_model().objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@example.org",
                "first_name": first_name,
                "last_name": last_name,
            },
        )
        grant_role(
            actor=None,
            role=role,
            user=user,
            districts=[district] if role in (PersonRole.EIDO, PersonRole.PANEL_MEMBER) else [],
        )
        if not was_created:
            return None
        password = secrets.token_urlsafe(12)
        user.set_password(password)
        user.save(update_fields=["password"])
        return password

    def _ensure_casework(self, district) -> list[str]:
        """The district's budget for this financial year, a coming meeting of each kind and
        some panel members, each only if missing; returns what was added, in words."""
        added = []
        today = timezone.localdate()
        year = financial_year_of(today)
        _, made = SpotPurchaseBudget.objects.get_or_create(
            district=district, financial_year=year, defaults={"amount": DEMO_BUDGET}
        )
        if made:
            added.append(f"a £{DEMO_BUDGET:,.0f} budget for {financial_year_label(year)}")
        for kind, days_ahead, location in DEMO_MEETINGS:
            # Any coming meeting of the kind will do: a later run adds none, whatever the date.
            if not Meeting.objects.upcoming().filter(district=district, kind=kind).exists():
                meeting = Meeting.objects.create(
                    district=district,
                    kind=kind,
                    date=today + datetime.timedelta(days=days_ahead),
                    start_time=datetime.time(10, 0),
                    location=location,
                )
                added.append(f"a {meeting.get_kind_display()} meeting on {meeting.date:%-d %B}")
        members = 0
        for name, agency, role, body in DEMO_PANEL_MEMBERS:
            _, made = PanelMember.objects.get_or_create(
                district=district,
                name=name,
                defaults={"agency": agency, "role": role, "body": body},
            )
            members += made
        if members:
            added.append(f"{members} panel members")
        return added
