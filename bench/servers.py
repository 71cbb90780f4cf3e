"""Throwaway sites for the benchmarks that drive real servers (bench/throughput.py and
bench/load.py): the production settings' environment for a site in a temporary folder,
manage.py and Python run in it, and gunicorns started, waited for and stopped.

Everything listens on 127.0.0.1 only, and every server is started by the benchmark that stops
it."""

import json
import os
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))


def site_env(folder: Path, *, redis_url: str, **overrides: str) -> dict:
    """The production settings for a site whose files live in `folder`, with the shared cache
    at `redis_url`: SQLite in the folder unless DATABASE_URL is set (in the environment or
    in `overrides`), plain HTTP on 127.0.0.1."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pei_site.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "REDIS_URL": redis_url,
        # Production needs a mail server to start; emails stay queued (no worker runs).
        "EMAIL_HOST": "127.0.0.1",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "SQLITE_PATH": str(folder / "site.sqlite3"),
        "STATIC_ROOT": str(folder / "static"),
        "MEDIA_ROOT": str(folder / "media"),
        "PEI_TRUSTED_PROXY_HOPS": "0",
        **overrides,
    }


def manage(env: dict, *args: str) -> str:
    return subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout


def django_json(env: dict, expression: str, *, imports: str = ""):
    """The value of a Python expression, evaluated after django.setup() in a fresh process
    under `env` and handed back as JSON: the benchmark itself never loads the site's code."""
    code = (
        "import json, sys; sys.path.insert(0, '.'); import django; django.setup()\n"
        f"{imports}\nprint(json.dumps({expression}))"
    )
    out = subprocess.run(
        [PYTHON, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def sample_urls(env: dict) -> list[tuple[str, str]]:
    """bench.pages.sample_urls() of the site under `env`: one address per public page type."""
    pairs = django_json(env, "sample_urls()", imports="from bench.pages import sample_urls")
    return [tuple(pair) for pair in pairs]


def start(env: dict, app: str, port: int, log: Path, *, workers: int = 2) -> subprocess.Popen:
    """A gunicorn serving `app` on 127.0.0.1:`port`, once it answers; its errors go to `log`."""
    return wait_until_answering(launch(env, app, port, log, workers=workers), port, log)


def launch(env: dict, app: str, port: int, log: Path, *, workers: int = 2) -> subprocess.Popen:
    """A gunicorn starting to serve `app` on 127.0.0.1:`port`; its errors go to `log`."""
    command = [GUNICORN, app, "--workers", str(workers), "--bind", f"127.0.0.1:{port}"]
    return subprocess.Popen(
        [*command, "--log-level", "error"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log.open("ab"),
    )


def wait_until_answering(server: subprocess.Popen, port: int, log: Path) -> subprocess.Popen:
    """`server` once its home page answers 200; SystemExit, with its last errors, if it
    has not within 20 seconds."""
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)  # noqa: S310
            return server
        except OSError:  # not yet listening, or not yet answering 200
            time.sleep(0.2)
    stop([server])
    tail = log.read_text(errors="replace").strip().splitlines()[-3:]
    raise SystemExit(f"the gunicorn on port {port} did not answer: {' / '.join(tail)}")


def stop(servers) -> None:
    """Stop each gunicorn (and its workers), waiting for them; kill any that hang."""
    for server in servers:
        if server.poll() is None:
            server.terminate()
    for server in servers:
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def fetch(port: int, path: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as answer:  # noqa: S310
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()
