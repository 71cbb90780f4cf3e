import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.pei_site.subprocesses import PRODUCTION_NEEDS, production_env, run_python

ROOT = Path(__file__).resolve().parents[2]


def read_settings(module: str, env: dict[str, str], *names: str) -> subprocess.CompletedProcess:
    """Import a settings module in a fresh interpreter with only the given environment."""
    code = (
        "import importlib, json, sys;"
        f"s = importlib.import_module('pei_site.settings.{module}');"
        f"print(json.dumps({{n: str(getattr(s, n)) for n in {list(names)!r}}}))"
    )
    clean_env = {"PATH": os.environ["PATH"], **env}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean_env, capture_output=True, text=True
    )


def test_sqlite_is_the_default_database():
    """Without DATABASE_URL the site runs on an SQLite file."""
    result = read_settings("dev", {}, "DATABASES")
    assert result.returncode == 0, result.stderr
    assert "sqlite3" in json.loads(result.stdout)["DATABASES"]


def test_database_url_switches_to_postgresql():
    """DATABASE_URL, when set, chooses the database."""
    env = {"DATABASE_URL": "postgres://pei@db.example.org:5432/pei"}
    result = read_settings("dev", env, "DATABASES")
    assert result.returncode == 0, result.stderr
    databases = json.loads(result.stdout)["DATABASES"]
    assert "postgresql" in databases and "db.example.org" in databases


def test_production_refuses_to_start_without_a_secret_key():
    """Production settings need SECRET_KEY from the environment; there is no default."""
    result = read_settings("production", {}, "DEBUG")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_takes_the_secret_key_and_turns_debug_off():
    """With SECRET_KEY set, production starts with DEBUG off and no demo accounts."""
    env = {**PRODUCTION_NEEDS, "DEBUG": "1"}
    result = read_settings("production", env, "DEBUG", "PEI_ALLOW_DEMO_ACCOUNTS", "SECRET_KEY")
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values == {"DEBUG": "False", "PEI_ALLOW_DEMO_ACCOUNTS": "False", "SECRET_KEY": "x" * 60}


def test_production_refuses_to_start_without_a_shared_cache():
    """Without REDIS_URL each process would count its own rate limits: production stops."""
    result = read_settings("production", {**PRODUCTION_NEEDS, "REDIS_URL": ""}, "CACHES")
    assert result.returncode != 0
    assert "Set REDIS_URL to the shared Redis cache" in result.stderr


def test_production_refuses_to_start_without_a_mail_server():
    """Without EMAIL_HOST, Django would write each email, status links and all, to the log."""
    result = read_settings("production", {**PRODUCTION_NEEDS, "EMAIL_HOST": ""}, "EMAIL_BACKEND")
    assert result.returncode != 0
    assert "Set EMAIL_HOST to the mail server" in result.stderr


def test_the_shared_cache_gives_up_on_a_redis_that_stops_answering_in_seconds():
    result = read_settings("production", PRODUCTION_NEEDS, "CACHES")
    assert result.returncode == 0, result.stderr
    options = ast.literal_eval(json.loads(result.stdout)["CACHES"])["default"]["OPTIONS"]
    assert options == {"socket_connect_timeout": 2, "socket_timeout": 5}


def test_trusted_proxy_hops_come_from_the_environment():
    """PEI_TRUSTED_PROXY_HOPS is a count, 0 (REMOTE_ADDR only) unless set."""
    unset = read_settings("dev", {}, "PEI_TRUSTED_PROXY_HOPS")
    two = read_settings("dev", {"PEI_TRUSTED_PROXY_HOPS": "2"}, "PEI_TRUSTED_PROXY_HOPS")
    assert json.loads(unset.stdout) == {"PEI_TRUSTED_PROXY_HOPS": "0"}, unset.stderr
    assert json.loads(two.stdout) == {"PEI_TRUSTED_PROXY_HOPS": "2"}, two.stderr


@pytest.mark.parametrize("value", ["-1", "one", "1.5", "²"])
def test_trusted_proxy_hops_that_are_not_a_whole_number_stop_the_site(value):
    """A count that cannot be read is refused, naming the variable, rather than guessed."""
    result = read_settings("dev", {"PEI_TRUSTED_PROXY_HOPS": value}, "DEBUG")
    assert result.returncode != 0
    assert "PEI_TRUSTED_PROXY_HOPS must be a whole number" in result.stderr


def test_the_old_trusted_proxy_header_setting_is_refused_with_its_replacement_named():
    """PEI_TRUSTED_PROXY_HEADER is not silently ignored (every client behind the load
    balancer would share one limit): the site stops and names PEI_TRUSTED_PROXY_HOPS."""
    env = {"PEI_TRUSTED_PROXY_HEADER": "HTTP_X_FORWARDED_FOR"}
    result = read_settings("dev", env, "DEBUG")
    assert result.returncode != 0
    assert "PEI_TRUSTED_PROXY_HEADER is no longer read" in result.stderr
    assert "PEI_TRUSTED_PROXY_HOPS" in result.stderr


PRINT_MAIL_CONNECTION = (
    "from django.core.mail import get_connection\n"
    "connection = get_connection()\n"
    "print(type(connection).__module__, connection.use_tls, connection.use_ssl)"
)


@pytest.mark.parametrize(
    ("switches", "connection"),
    [
        ({}, "django.core.mail.backends.smtp True False"),
        ({"EMAIL_USE_TLS": "1"}, "django.core.mail.backends.smtp True False"),
        ({"EMAIL_USE_TLS": "0"}, "django.core.mail.backends.smtp False False"),
        ({"EMAIL_USE_SSL": "1"}, "django.core.mail.backends.smtp False True"),
        ({"EMAIL_USE_SSL": "1", "EMAIL_USE_TLS": "0"}, "django.core.mail.backends.smtp False True"),
    ],
)
def test_production_mail_goes_over_tls_unless_switched_off(switches, connection):
    """Under production settings the mail connection uses STARTTLS by default; an explicit
    EMAIL_USE_TLS=0 turns it off, and EMAIL_USE_SSL=1 uses TLS from the first byte instead."""
    env = production_env(EMAIL_HOST="smtp.internal", EMAIL_PORT="587", **switches)
    result = run_python(env, PRINT_MAIL_CONNECTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == connection


def test_production_refuses_both_tls_and_ssl_for_mail():
    """Both ways at once cannot work; the site says so at start, not at the first email."""
    env = production_env(EMAIL_HOST="smtp.internal", EMAIL_USE_TLS="1", EMAIL_USE_SSL="1")
    result = run_python(env, PRINT_MAIL_CONNECTION)
    assert result.returncode != 0
    assert "Set EMAIL_USE_TLS or EMAIL_USE_SSL, not both" in result.stderr


def test_secret_key_fallbacks_are_a_comma_separated_list():
    """SECRET_KEY_FALLBACKS lists the old keys, most recent first, spaces ignored."""
    env = production_env(SECRET_KEY_FALLBACKS=" old-key-one , old-key-two ")
    result = run_python(
        env, "from django.conf import settings\nprint(settings.SECRET_KEY_FALLBACKS)"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['old-key-one', 'old-key-two']"


SIGN_A_SESSION_AND_A_VALUE = (
    "import json\n"
    "from django.contrib.sessions.backends.db import SessionStore\n"
    "from django.core import signing\n"
    "print(json.dumps([SessionStore().encode({'journey': 'gap'}), signing.dumps('link')]))"
)
READ_THEM_BACK = (
    "import json\n"
    "from django.contrib.sessions.backends.db import SessionStore\n"
    "from django.core import signing\n"
    "session, value = json.loads({signed!r})\n"
    "try:\n"
    "    value = signing.loads(value)\n"
    "except signing.BadSignature:\n"
    "    value = None\n"
    "print(json.dumps([SessionStore().decode(session), value]))"
)


def read_back_under(env, signed: str) -> list:
    result = run_python(env, READ_THEM_BACK.format(signed=signed))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_session_and_a_signed_value_survive_rotation_while_the_old_key_is_a_fallback():
    """After rotating SECRET_KEY, sessions (half-filled forms, staff sign-ins) and signed
    values made with the old key are still accepted while it is in SECRET_KEY_FALLBACKS,
    and only then."""
    old_env = production_env()
    made = run_python(old_env, SIGN_A_SESSION_AND_A_VALUE)
    assert made.returncode == 0, made.stderr
    signed = made.stdout.strip()

    rotated = production_env(SECRET_KEY_FALLBACKS=old_env["SECRET_KEY"])
    assert read_back_under(rotated, signed) == [{"journey": "gap"}, "link"]

    without_fallback = production_env()
    assert read_back_under(without_fallback, signed) == [{}, None]


def test_the_second_factor_is_required_in_production_and_not_in_development():
    """PEI_REQUIRE_SECOND_FACTOR: on in production, off in development and tests."""
    production = read_settings("production", production_env(), "PEI_REQUIRE_SECOND_FACTOR")
    assert production.returncode == 0, production.stderr
    assert json.loads(production.stdout)["PEI_REQUIRE_SECOND_FACTOR"] == "True"
    for module in ("dev", "test"):
        result = read_settings(module, {}, "PEI_REQUIRE_SECOND_FACTOR")
        assert json.loads(result.stdout)["PEI_REQUIRE_SECOND_FACTOR"] == "False", module
