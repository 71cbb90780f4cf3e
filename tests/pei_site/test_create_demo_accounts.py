"""`manage.py create_demo_accounts`: one account per role, a random password shown once."""

import os
import re
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from pei_site import roles

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
        "SECRET_KEY": "a-test-secret-key-for-this-subprocess-only",
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


@pytest.mark.django_db
def test_the_demo_eido_works_in_pendle_and_sees_only_pendle():
    """The demo EIDO is assigned to Pendle, so the casework screens show Pendle's cases."""
    from pei_workflow.selectors import districts_visible_to

    call_command("create_demo_accounts", stdout=StringIO())
    eido = get_user_model().objects.get(username="eido")
    assert [d.code for d in districts_visible_to(eido)] == ["PEN"]
    countylead = get_user_model().objects.get(username="countylead")
    assert districts_visible_to(countylead).count() == 12
