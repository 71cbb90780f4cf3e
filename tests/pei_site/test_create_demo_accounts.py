"""`manage.py create_demo_accounts`: one account per role, a random password shown once, and
some Pendle casework (a budget, two coming meetings, panel members) to try them on."""

import datetime
import os
import re
import subprocess
import sys
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from pei_site import roles
from pei_workflow.models import Meeting, PanelMember, SpotPurchaseBudget, financial_year_of
from pei_workflow.selectors import districts_visible_to, meeting_districts_visible_to
from pei_workflow.services.people import ROLE_GRANTED
from tests.factories import meeting
from tests.pei_site.subprocesses import PRODUCTION_NEEDS

pytestmark = pytest.mark.django_db

PROJECT_DIR = Path(__file__).resolve().parents[2]
EXPECTED = {
    "editor": roles.EDITORS,
    "approver": roles.GUIDANCE_APPROVERS,
    "eido": roles.EIDOS,
    "panel": roles.PANEL_MEMBERS,
    "countylead": roles.COUNTY_LEADS,
}
PASSWORD_LINE = re.compile(r"^\s+(?P<username>\S+)\s.*password: (?P<password>\S+)$", re.M)


def run_command() -> str:
    out = StringIO()
    call_command("create_demo_accounts", stdout=out)
    return out.getvalue()


def passwords_in(output: str) -> dict[str, str]:
    return {m["username"]: m["password"] for m in PASSWORD_LINE.finditer(output)}


def test_creates_one_account_per_role_in_its_group():
    """Each demo user exists, with an example.org address, a name, and its role's group only."""
    run_command()

    users = get_user_model().objects.filter(username__in=EXPECTED)
    assert {user.username: [g.name for g in user.groups.all()] for user in users} == {
        username: [group] for username, group in EXPECTED.items()
    }
    for user in users:
        assert user.email == f"{user.username}@example.org"
        assert user.first_name and user.last_name
        assert not user.is_superuser


def test_prints_each_new_password_once_and_it_works():
    """The output shows each account's password exactly once, and it is the real password."""
    output = run_command()

    passwords = passwords_in(output)
    assert set(passwords) == set(EXPECTED)
    for username, password in passwords.items():
        assert output.count(password) == 1
        assert get_user_model().objects.get(username=username).check_password(password)


def test_passwords_are_random_not_fixed():
    """Two fresh runs give different passwords: nothing is hard-coded."""
    first = passwords_in(run_command())
    get_user_model().objects.filter(username__in=EXPECTED).delete()
    second = passwords_in(run_command())

    assert len(set(first.values())) == len(EXPECTED)
    assert not set(first.values()) & set(second.values())


def test_second_run_creates_nothing_and_prints_no_password():
    """Running it again duplicates nothing, keeps the passwords, and shows none."""
    first = passwords_in(run_command())
    user_count = get_user_model().objects.count()

    output = run_command()

    assert get_user_model().objects.count() == user_count
    assert "already exist" in output
    assert "password:" not in output
    for password in first.values():
        assert password not in output
    for username, password in first.items():
        assert get_user_model().objects.get(username=username).check_password(password)


def test_refuses_when_demo_accounts_are_switched_off(settings):
    """With PEI_ALLOW_DEMO_ACCOUNTS off it stops with an error and creates no account."""
    settings.PEI_ALLOW_DEMO_ACCOUNTS = False

    with pytest.raises(CommandError, match="PEI_ALLOW_DEMO_ACCOUNTS"):
        run_command()

    assert not get_user_model().objects.filter(username__in=EXPECTED).exists()


def test_production_settings_refuse_with_a_one_line_error_and_non_zero_exit(tmp_path):
    """Under production settings the command exits non-zero with one line on stderr."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pei_site.settings.production",
        # What production needs to start; this command refuses before using any of it.
        **PRODUCTION_NEEDS,
        "SQLITE_PATH": str(tmp_path / "unused.sqlite3"),
    }
    env.pop("DATABASE_URL", None)

    result = subprocess.run(
        [sys.executable, "manage.py", "create_demo_accounts"],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode != 0
    assert result.stdout == ""
    assert result.stderr.strip().count("\n") == 0
    assert "PEI_ALLOW_DEMO_ACCOUNTS" in result.stderr


@pytest.mark.parametrize("username", list(EXPECTED))
def test_each_demo_account_can_sign_in_to_the_admin(client, username):
    """Each demo user signs in at /admin/login/ with the printed password and sees the admin."""
    password = passwords_in(run_command())[username]

    response = client.post(
        "/admin/login/", {"username": username, "password": password, "next": "/admin/"}
    )
    assert response.status_code == 302
    assert response.url == "/admin/"

    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    assert dashboard.context["user"].username == username


def test_the_demo_eido_works_in_pendle_and_sees_only_pendle():
    """The demo EIDO is assigned to Pendle, so the casework screens show Pendle's cases."""
    call_command("create_demo_accounts", stdout=StringIO())
    eido = get_user_model().objects.get(username="eido")
    assert [d.code for d in districts_visible_to(eido)] == ["PEN"]
    countylead = get_user_model().objects.get(username="countylead")
    assert districts_visible_to(countylead).count() == 12


def demo_casework() -> dict:
    """Pendle's budgets, meetings and panel members, as plain data to compare."""
    return {
        "budgets": sorted(
            SpotPurchaseBudget.objects.values_list("district__code", "financial_year", "amount")
        ),
        "meetings": sorted(Meeting.objects.values_list("district__code", "kind", "date")),
        "members": sorted(PanelMember.objects.values_list("district__code", "name", "body")),
    }


def test_the_demo_panel_member_reads_pendles_meetings_only():
    """The demo panel member is assigned to Pendle as a panel member, and sees no submission."""
    run_command()

    panel = get_user_model().objects.get(username="panel")
    assert [d.code for d in meeting_districts_visible_to(panel)] == ["PEN"]
    assert not districts_visible_to(panel).exists()


def test_pendle_gets_a_5000_budget_for_this_financial_year():
    """The demo has a £5,000 Pendle spot-purchase budget for the current financial year."""
    run_command()

    budget = SpotPurchaseBudget.objects.get(district__code="PEN")
    assert budget.financial_year == financial_year_of(timezone.localdate())
    assert budget.amount == Decimal("5000.00")


def test_pendle_gets_a_coming_resource_panel_and_a_later_sub_group():
    """A Resource Panel in about two weeks and a Sub Group in about four, both in Pendle."""
    run_command()

    today = timezone.localdate()
    meetings = {m.kind: m for m in Meeting.objects.filter(district__code="PEN")}
    assert set(meetings) == {"resource_panel", "sub_group"}
    assert meetings["resource_panel"].date == today + datetime.timedelta(days=14)
    assert meetings["sub_group"].date == today + datetime.timedelta(days=28)
    assert all(m.location for m in meetings.values())


def test_pendle_gets_a_few_example_panel_members():
    """Three or four example panel members sit on Pendle's panel and sub group."""
    run_command()

    members = PanelMember.objects.filter(district__code="PEN")
    assert 3 <= members.count() <= 4
    assert {member.body for member in members} == {"resource_panel", "sub_group"}


def test_a_second_run_adds_no_casework():
    """Running it again adds no budget, meeting or panel member."""
    run_command()
    before = demo_casework()

    output = run_command()

    assert demo_casework() == before
    assert "Added to Pendle" not in output


def test_an_existing_coming_meeting_is_enough():
    """If Pendle already has a coming meeting of a kind, the demo adds none of that kind."""
    meeting("PEN", kind="resource_panel", days_ahead=3)

    run_command()

    assert Meeting.objects.filter(district__code="PEN", kind="resource_panel").count() == 1
    assert Meeting.objects.filter(district__code="PEN", kind="sub_group").count() == 1


def test_demo_roles_are_given_through_the_people_service():
    """Each demo account's role change is in the site history, as the admin's would be."""
    run_command()

    logged = ModelLogEntry.objects.filter(action=ROLE_GRANTED).values_list("label", flat=True)
    assert set(logged) == set(EXPECTED)


@pytest.mark.parametrize("name", ["pei", "lancashire_pei", "casework", "pei_production"])
def test_refuses_a_database_not_named_as_a_throwaway_one_even_under_development_settings(
    settings, name
):
    """manage.py without DJANGO_SETTINGS_MODULE reads the development settings: on a
    production host the database itself says no."""
    from django.db import connections

    database = connections["default"].settings_dict
    saved = dict(database)
    database.update(ENGINE="django.db.backends.postgresql", NAME=name)
    try:
        with pytest.raises(CommandError, match="throwaway database"):
            call_command("create_demo_accounts", stdout=StringIO())
        with pytest.raises(CommandError, match="throwaway database"):
            call_command("generate_casework", "10", "--no-progress", stdout=StringIO())
    finally:
        database.clear()
        database.update(saved)
    assert not get_user_model().objects.filter(username__in=EXPECTED).exists()


@pytest.mark.parametrize("name", ["test_pei", "pei_test", "pei_demo", "bench2", "pei-dev"])
def test_a_database_named_for_tests_demos_development_or_benchmarks_is_throwaway(name):
    from pei_workflow.demo_data import THROWAWAY_NAME

    assert THROWAWAY_NAME.search(name)
