"""`manage.py pei_user EMAIL --role ROLE [--district CODE ...]`: an operator sets a person up
in one step, through the same service as the admin's People and districts screen."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError

from pei_site import roles
from pei_workflow.models import DistrictAssignment, GapInService
from pei_workflow.permissions import is_county_lead
from pei_workflow.selectors import meeting_districts_visible_to, visible_to
from tests.factories import UserFactory, submitted_gap

pytestmark = pytest.mark.django_db

PROJECT_DIR = Path(__file__).resolve().parents[2]
EMAIL = "sam.taylor@example.org"
ALL_CODES = "BUR, CHO, FYL, HYN, LAN, PEN, PRE, RIB, ROS, SRI, WLA, WYR"


def pei_user(*args) -> str:
    out = StringIO()
    call_command("pei_user", *args, stdout=out)
    return out.getvalue()


def person(email: str = EMAIL):
    return get_user_model().objects.get(email__iexact=email)


def groups_of(user) -> list[str]:
    return sorted(user.groups.values_list("name", flat=True))


def districts_of(user, role: str) -> list[str]:
    return sorted(
        DistrictAssignment.objects.filter(user=user, role=role).values_list(
            "district__code", flat=True
        )
    )


def everything() -> dict:
    """Every account, group membership and district assignment, to show nothing changed."""
    User = get_user_model()
    return {
        "users": sorted(User.objects.values_list("username", "email")),
        "memberships": sorted(User.groups.through.objects.values_list("user_id", "group_id")),
        "assignments": sorted(
            DistrictAssignment.objects.values_list("user_id", "district_id", "role")
        ),
    }


def test_a_new_eido_gets_an_account_the_group_and_their_districts_in_any_case():
    """District codes work in any case; the account's username is its email address."""
    output = pei_user(EMAIL, "--role", "eido", "--district", "pen", "Bur")

    user = person()
    assert user.username == EMAIL
    assert groups_of(user) == [roles.EIDOS]
    assert districts_of(user, "eido") == ["BUR", "PEN"]
    assert output.strip().count("\n") == 0
    assert output.startswith(f"Created an account for {EMAIL} and made them an EIDO for ")
    assert "Burnley and Pendle" in output


def test_the_new_eido_sees_their_districts_submissions_only():
    """The assignment is what scopes casework: the new EIDO sees Pendle's gaps, not Burnley's."""
    pendle, burnley = submitted_gap("PEN"), submitted_gap("BUR")

    pei_user(EMAIL, "--role", "eido", "--district", "PEN")

    assert list(visible_to(person(), GapInService)) == [pendle]
    assert burnley not in visible_to(person(), GapInService)


def test_a_new_person_is_told_how_to_set_a_password_and_can_reset_it():
    """The output names "Forgotten password?" and changepassword, and the reset form really
    finds the new account (Django's skips accounts without a usable password)."""
    output = pei_user(EMAIL, "--role", "panel_member", "--district", "PEN")

    assert "Forgotten password?" in output
    assert f"manage.py changepassword {EMAIL}" in output
    assert list(PasswordResetForm().get_users(EMAIL)) == [person()]


@pytest.mark.parametrize(
    "role, district_args, group",
    [
        ("eido", ["--district", "PEN"], roles.EIDOS),
        ("panel_member", ["--district", "PEN"], roles.PANEL_MEMBERS),
        ("county_lead", [], roles.COUNTY_LEADS),
        ("editor", [], roles.EDITORS),
        ("approver", [], roles.GUIDANCE_APPROVERS),
    ],
)
def test_each_role_puts_the_person_in_its_group(role, district_args, group):
    """Every role works, and puts the person in exactly that role's group."""
    pei_user(EMAIL, "--role", role, *district_args)

    user = person()
    assert groups_of(user) == [group]
    assert not user.is_superuser
    assert not user.is_staff


def test_a_panel_member_reads_their_districts_meetings():
    """A panel member's district is the one whose agendas they read."""
    pei_user(EMAIL, "--role", "panel_member", "--district", "PEN")

    assert [d.code for d in meeting_districts_visible_to(person())] == ["PEN"]
    assert districts_of(person(), "panel_member") == ["PEN"]


def test_a_county_lead_works_in_every_district():
    """The county lead role needs no district: it covers all twelve."""
    pei_user(EMAIL, "--role", "county_lead")

    assert is_county_lead(person())
    assert not DistrictAssignment.objects.filter(user=person()).exists()


def test_names_fill_in_a_new_account():
    """--first-name and --last-name give a new account its name."""
    pei_user(EMAIL, "--role", "editor", "--first-name", "Sam", "--last-name", "Taylor")

    assert person().get_full_name() == "Sam Taylor"


def test_a_second_run_changes_nothing_and_says_so():
    """Running the same command again adds nothing and says nothing changed."""
    pei_user(EMAIL, "--role", "eido", "--district", "PEN")
    before = everything()

    output = pei_user(EMAIL, "--role", "eido", "--district", "PEN")

    assert everything() == before
    assert output.strip() == f"{EMAIL} is already an EIDO for Pendle. Nothing changed."


def test_an_existing_account_is_found_by_its_email_in_any_case():
    """An account that exists gains the role; no second account is made."""
    existing = UserFactory(username="staylor", email="Sam.Taylor@Example.org")

    output = pei_user("SAM.TAYLOR@example.org", "--role", "eido", "--district", "PEN")

    assert get_user_model().objects.count() == 1
    assert districts_of(existing, "eido") == ["PEN"]
    assert output.startswith("Made Sam.Taylor@Example.org an EIDO for Pendle.")
    assert "changepassword" not in output


def test_another_district_adds_to_the_ones_a_person_has():
    """A second district is added beside the first, not instead of it."""
    pei_user(EMAIL, "--role", "eido", "--district", "PEN")

    output = pei_user(EMAIL, "--role", "eido", "--district", "BUR")

    assert districts_of(person(), "eido") == ["BUR", "PEN"]
    assert output.strip() == f"Made {EMAIL} an EIDO for Burnley."


@pytest.mark.parametrize(
    "args, message",
    [
        (["--role", "boss"], "Unknown role 'boss'. Use one of: eido, panel_member, county_lead"),
        ([], "Give a role with --role: eido, panel_member, county_lead, editor, approver."),
        (
            ["--role", "eido", "--district", "PEN", "XYZ"],
            f"Unknown district code 'XYZ'. Valid codes: {ALL_CODES}.",
        ),
        (["--role", "eido"], "The eido role needs at least one --district"),
        (["--role", "panel_member"], "The panel_member role needs at least one --district"),
        (
            ["--role", "county_lead", "--district", "PEN"],
            "The county_lead role takes no --district. A county lead works in every district.",
        ),
        (["--role", "editor", "--district", "PEN"], "The editor role takes no --district"),
        (["--role", "approver", "--district", "PEN"], "The approver role takes no --district"),
    ],
    ids=[
        "unknown role",
        "no role",
        "unknown district",
        "eido without district",
        "panel member without district",
        "county lead with district",
        "editor with district",
        "approver with district",
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_nothing_changes(args, message):
    """Each bad input stops the command with its message, and no account or role is made."""
    before = everything()

    with pytest.raises(CommandError) as refused:
        pei_user(EMAIL, *args)

    assert message in str(refused.value)
    assert everything() == before


def test_an_invalid_email_address_is_refused_and_nothing_changes():
    """An email address that is not one is refused before anything is written."""
    before = everything()

    with pytest.raises(CommandError, match="Enter an email address in the correct format"):
        pei_user("sam.taylor-at-example", "--role", "eido", "--district", "PEN")

    assert everything() == before


def test_remove_takes_a_district_away_then_the_group_with_the_last_one():
    """--remove with a district takes only that one; the group goes with the last district."""
    pei_user(EMAIL, "--role", "eido", "--district", "PEN", "BUR")

    pei_user(EMAIL, "--role", "eido", "--district", "BUR", "--remove")
    assert districts_of(person(), "eido") == ["PEN"]
    assert groups_of(person()) == [roles.EIDOS]

    output = pei_user(EMAIL, "--role", "eido", "--remove")
    assert districts_of(person(), "eido") == []
    assert groups_of(person()) == []
    assert "they have left the EIDOs group" in output


def test_remove_takes_the_county_lead_role_away():
    """--remove takes away a role that has no districts."""
    pei_user(EMAIL, "--role", "county_lead")

    output = pei_user(EMAIL, "--role", "county_lead", "--remove")

    assert not is_county_lead(person())
    assert output.strip() == f"{EMAIL} is no longer a county lead."


def test_remove_for_someone_without_an_account_is_refused():
    """There is nothing to remove from an address nobody uses."""
    with pytest.raises(CommandError, match="No account uses nobody@example.org"):
        pei_user("nobody@example.org", "--role", "eido", "--remove")


def test_a_role_given_here_is_the_same_group_the_admin_uses():
    """The command uses the groups the migrations made, not groups of its own."""
    pei_user(EMAIL, "--role", "eido", "--district", "PEN")

    assert Group.objects.filter(name=roles.EIDOS).count() == 1
    assert person().groups.get() == Group.objects.get(name=roles.EIDOS)


def test_from_the_command_line_a_bad_role_is_one_line_on_stderr_and_exit_1(tmp_path):
    """Run as an operator would, an unknown role prints one line on stderr and exits 1."""
    env = {**os.environ, "SQLITE_PATH": str(tmp_path / "unused.sqlite3")}
    env.pop("DATABASE_URL", None)

    result = subprocess.run(
        [sys.executable, "manage.py", "pei_user", EMAIL, "--role", "boss"],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip().count("\n") == 0
    assert "Unknown role 'boss'" in result.stderr
