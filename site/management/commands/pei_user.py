"""`manage.py pei_user EMAIL --role ROLE [--district PEN ...]`: sets a person up in one step.

The operator's way to do what a county lead does on the admin's "People and districts"
screen, through the same service (`pei_workflow.services.people`). Every input is checked
before anything is written, and a bad one stops the command with one line on stderr.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from pei_workflow.models import District
from pei_workflow.services import people

ROLES = ", ".join(people.PersonRole.values)


class Command(BaseCommand):
    help = (
        "Give a person a role: eido or panel_member (with one or more --district codes), or "
        "county_lead, editor or approver (with none). Creates the account if there is none. "
        "With --remove, takes the role (or just those districts) away."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="The person's email address; also their username.")
        # Checked in handle() rather than with argparse choices, so that a wrong role gets
        # the same one-line error as every other bad input.
        parser.add_argument("--role", default="", help=f"One of: {ROLES}.")
        parser.add_argument(
            "--district",
            dest="districts",
            nargs="+",
            action="extend",
            default=[],
            metavar="CODE",
            help="District codes such as PEN or BUR, for eido and panel_member.",
        )
        parser.add_argument("--first-name", default="", help="Fills in a blank first name.")
        parser.add_argument("--last-name", default="", help="Fills in a blank last name.")
        parser.add_argument(
            "--remove",
            action="store_true",
            help="Take the role away: the districts given, or all of them if none is given.",
        )

    def handle(self, *args, email, role, districts, first_name, last_name, remove, **options):
        try:
            change = self._run(email, role, districts, first_name, last_name, remove)
        except ValidationError as error:
            raise CommandError(_one_line(error)) from None
        line = change.describe()
        if change.user_created:
            username = change.user.get_username()
            line += (
                " They cannot sign in until they set a password: they should choose "
                "“Forgotten password?” on the admin sign-in page, or an operator can set one "
                "with "
                f"manage.py changepassword {username}"
            )
        self.stdout.write(line)

    def _run(self, email, role, codes, first_name, last_name, remove):
        if not role:
            raise CommandError(f"Give a role with --role: {ROLES}.")
        if role not in people.PersonRole.values:
            raise CommandError(f"Unknown role {role!r}. Use one of: {ROLES}.")
        email = people.clean_email(email)
        districts = _districts(codes)
        if role in people.DISTRICT_ROLES and not districts and not remove:
            raise CommandError(
                f"The {role} role needs at least one --district, like --district PEN."
            )
        if role not in people.DISTRICT_ROLES and districts:
            every = " A county lead works in every district." if role == "county_lead" else ""
            raise CommandError(f"The {role} role takes no --district.{every}")
        if remove:
            user = people.find_person(email)
            if user is None:
                raise CommandError(f"No account uses {email}, so there is nothing to remove.")
            return people.remove_role(actor=None, user=user, role=role, districts=districts or None)
        return people.grant_role(
            actor=None,
            role=role,
            email=email,
            first_name=first_name,
            last_name=last_name,
            districts=districts,
        )


def _districts(codes: list[str]) -> list[District]:
    """The districts for the codes, in any case; CommandError naming the first unknown one."""
    by_code = {district.code: district for district in District.objects.all()}
    chosen = []
    for code in codes:
        district = by_code.get(code.strip().upper())
        if district is None:
            valid = ", ".join(sorted(by_code))
            raise CommandError(f"Unknown district code {code!r}. Valid codes: {valid}.")
        if district not in chosen:
            chosen.append(district)
    return chosen


def _one_line(error: ValidationError) -> str:
    """The messages of a ValidationError, as one line for the terminal."""
    return " ".join(" ".join(error.messages).split())
