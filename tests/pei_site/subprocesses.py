"""Running the site's code in a fresh interpreter with only a chosen environment, as a
server would start it: settings are read once, at start, so each case needs its own process."""

import os
import secrets
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
import redis

ROOT = Path(__file__).resolve().parents[2]
# Redis database 13 is the tests' own; they flush it and nothing else.
TEST_REDIS_URL = "redis://127.0.0.1:6379/13"
#: The least the production settings need to start. Nothing here connects to the mail server.
PRODUCTION_NEEDS = {
    "SECRET_KEY": "x" * 60,
    "REDIS_URL": TEST_REDIS_URL,
    "EMAIL_HOST": "smtp.pei.example",
}


def production_env(**overrides: str | None) -> dict[str, str]:
    """The README's production environment, with a fresh long random SECRET_KEY; an override
    of None leaves that variable out."""
    env = {
        "DJANGO_SETTINGS_MODULE": "pei_site.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "REDIS_URL": TEST_REDIS_URL,
        "ALLOWED_HOSTS": "pei.lancashire.example",
        "CSRF_TRUSTED_ORIGINS": "https://pei.lancashire.example",
        "WAGTAILADMIN_BASE_URL": "https://pei.lancashire.example",
        "EMAIL_HOST": "smtp.pei.example",
    }
    env.update(overrides)
    return {name: value for name, value in env.items() if value is not None}


def run_python(env: dict[str, str], code: str) -> subprocess.CompletedProcess:
    """Run `code` after `django.setup()` under `env` (and nothing else but PATH)."""
    return _run([sys.executable, "-c", f"import django; django.setup()\n{code}"], env)


def run_manage(env: dict[str, str], *arguments: str) -> subprocess.CompletedProcess:
    return _run([sys.executable, "manage.py", *arguments], env)


def _run(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        command,
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@contextmanager
def empty_redis(url: str):
    """A client of the Redis database at `url`, emptied before and after; the test is
    skipped only when Redis is not answering."""
    client = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=5)
    try:
        client.ping()
    except (redis.ConnectionError, redis.TimeoutError):
        pytest.skip(f"Redis is not answering at {url} (CI starts it: see .ci/run)")
    client.flushdb()
    try:
        yield client
    finally:
        client.flushdb()
        client.close()
