"""The site's own processes for the fault tests: the email worker (`manage.py db_worker`) and
gunicorn, started as in production (bench/throughput.py's environment and start-up) against
the test database, Redis database 9 and a local SMTP port, all on 127.0.0.1."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from bench.servers import site_env
from bench.servers import start as start_gunicorn

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = "redis://127.0.0.1:6379/9"

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the fault tests share the test database with real server and worker processes, "
    "which needs PostgreSQL: set DATABASE_URL=postgres://postgres@127.0.0.1:5432/test",
)


def database_url(*, port: int | None = None) -> str:
    """The test database's address for another process, through `port` if given (a proxy).
    Without TLS, so that a proxy can read the statements."""
    db = connection.settings_dict
    user = db["USER"] or "postgres"
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    host = db["HOST"] or "127.0.0.1"
    return (
        f"postgres://{user}{password}@{host}:{port or db['PORT'] or 5432}/{db['NAME']}"
        "?sslmode=disable"
    )


def production_environment(folder: Path, *, smtp_port: int, database_port: int | None = None):
    """The production settings as the benchmarks set them (bench/servers.py), pointed at the test
    database, Redis database 9 and a plain-text SMTP server on `smtp_port`, with a one-second
    first retry so that a test sees the mail queue's retries within seconds."""
    env = site_env(folder, redis_url=REDIS_URL)
    env.update(
        DATABASE_URL=database_url(port=database_port),
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_port),
        EMAIL_USE_TLS="0",
        EMAIL_TIMEOUT="30",
        PEI_EMAIL_FIRST_RETRY_SECONDS="1",
        WAGTAILADMIN_BASE_URL="http://127.0.0.1",
    )
    return env


def run_manage(env: dict, *args: str) -> str:
    """Run a management command in its own process (as cron would); its standard output."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def wait_until(predicate, *, timeout: float, what: str) -> float:
    """Poll `predicate` until it is true; the seconds it took. Fails, naming `what`, after
    `timeout` seconds."""
    began = time.monotonic()
    while not predicate():
        if time.monotonic() - began > timeout:
            pytest.fail(f"{what}: not within {timeout} s")
        time.sleep(0.05)
    return time.monotonic() - began


class Processes:
    """The processes one test started, each stopped (by its own id) when the test ends,
    before the test database is emptied."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._started: list[subprocess.Popen] = []

    def email_worker(self, env: dict, name: str) -> subprocess.Popen:
        """`manage.py db_worker` as the README runs it, polling every 0.1 s."""
        log = (self.folder / f"{name}.log").open("ab")
        worker = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "db_worker",
                "--backend",
                "durable",
                "--queue-name",
                "*",
                "--interval",
                "0.1",
                "--no-startup-delay",
                "--worker-id",
                name,
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=log,
        )
        self._started.append(worker)
        return worker

    def gunicorn(self, env: dict, port: int) -> subprocess.Popen:
        """The site under gunicorn (2 sync workers), started when its home page answers."""
        server = start_gunicorn(env, "pei_site.wsgi", port, self.folder / "gunicorn.log")
        self._started.append(server)
        return server

    def kill(self, process: subprocess.Popen) -> None:
        """SIGKILL: no handler runs, no row is marked, the sockets just close."""
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

    def log(self, name: str) -> str:
        path = self.folder / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop_all(self) -> None:
        for process in self._started:
            if process.poll() is None:
                process.terminate()
        for process in self._started:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
