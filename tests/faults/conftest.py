"""Fixtures for the fault tests: real processes, a real SMTP server, Redis database 9."""

import subprocess
import sys

import pytest

from tests.faults.mail_server import MailServer
from tests.faults.processes import REDIS_URL, ROOT, Processes, site_env
from tests.pei_site.subprocesses import empty_redis


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/faults/" in str(item.fspath):
            item.add_marker(pytest.mark.faults)


@pytest.fixture
def shared_redis():
    """Redis database 9 (the production settings' shared cache), empty before and after."""
    with empty_redis(REDIS_URL) as client:
        yield client


@pytest.fixture
def processes(tmp_path, shared_redis):
    """Start the site's processes with this; they are stopped before the database is
    emptied (this fixture is set up after the test database, so it is torn down first)."""
    started = Processes(tmp_path)
    yield started
    started.stop_all()


@pytest.fixture
def mail_server(request):
    """A real SMTP server on the port the test module names (MAIL_PORT), down at first."""
    server = MailServer(request.module.MAIL_PORT)
    yield server
    server.down()


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    """The static files collected once, as production serves them (hashed names, a
    manifest): every page, the 500 page included, names them."""
    folder = tmp_path_factory.mktemp("faults-site")
    env = site_env(folder, redis_url=REDIS_URL)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    return folder / "static"


@pytest.fixture
def gap_page(home_page):
    """The Gap in Service form page, published under the home page."""
    from pei_forms.content import ensure_form_pages

    return ensure_form_pages(home_page)[0]
