"""Status link tokens never reach a log: Django's request warnings, runserver's access log and
gunicorn's access log all show /status/[redacted]/ instead."""

import datetime
import io
import logging
import types

import pytest
from django.conf import settings
from django.core.servers.basehttp import WSGIRequestHandler
from django.urls import reverse
from gunicorn.config import Config

from pei_forms.logging import RedactStatusTokens, redact_status_tokens
from pei_site.gunicorn_logging import RedactingLogger
from pei_workflow.services import submit_gap_in_service
from pei_workflow.tokens import issue_status_token
from tests.factories import gap_answers

TOKEN = "Zq3xT0k3n-Looks_Real-0123456789abcdefghijkl"


@pytest.fixture
def log_output():
    """Everything the site's configured log handlers write, as one string buffer."""
    buffer = io.StringIO()
    handlers = {
        handler
        for name in ("", "django", "django.server")
        for handler in logging.getLogger(name).handlers
        if isinstance(handler, logging.StreamHandler)
    }
    assert handlers, "no log handlers are configured"
    previous = {handler: handler.setStream(buffer) for handler in handlers}
    yield buffer
    for handler, stream in previous.items():
        handler.setStream(stream)


@pytest.fixture
def gap_token(db):
    return issue_status_token(submit_gap_in_service(answers=gap_answers()))


def runserver_access_log(request_line: str, status: str) -> None:
    """Log one request exactly as runserver's request handler does."""
    handler = types.SimpleNamespace(request=None, log_date_time_string=lambda: "25/Nov/2026")
    WSGIRequestHandler.log_message(handler, '"%s" %s %s', request_line, status, "2048")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Not Found: /status/{TOKEN}/", "Not Found: /status/[redacted]/"),
        (
            f"GET /status/{TOKEN}/withdraw/?a=1 HTTP/1.1",
            "GET /status/[redacted]/withdraw/?a=1 HTTP/1.1",
        ),
        (f"https://pei.example.org/status/{TOKEN}", "https://pei.example.org/status/[redacted]"),
        (f"next=%2Fstatus%2F{TOKEN}%2F", "next=%2Fstatus%2F[redacted]%2F"),
        ("POST /status/resend/ HTTP/1.1", "POST /status/resend/ HTTP/1.1"),
        ("GET /status/resend/sent/ HTTP/1.1", "GET /status/resend/sent/ HTTP/1.1"),
        ("The status of the case changed", "The status of the case changed"),
    ],
)
def test_the_token_in_a_status_path_is_redacted_and_nothing_else(text, expected):
    """Only the token part of /status/<token> paths changes; the resend pages do not."""
    assert redact_status_tokens(text) == expected


def test_the_filter_redacts_message_and_arguments_and_keeps_the_record():
    """The filter cleans a record's msg and its tuple or dict args, and never drops it."""
    record = logging.LogRecord(
        "x",
        logging.WARNING,
        __file__,
        1,
        f"Seen /status/{TOKEN}/ and %s",
        (f"/status/{TOKEN}/",),
        None,
    )
    assert RedactStatusTokens().filter(record) is True
    assert TOKEN not in record.getMessage()
    named = logging.LogRecord("x", logging.INFO, __file__, 1, "%(path)s", None, None)
    named.args = {"path": f"/status/{TOKEN}/", "size": 10}
    RedactStatusTokens().filter(named)
    assert named.getMessage() == "/status/[redacted]/"


def test_every_configured_log_handler_has_the_filter():
    """A handler added to LOGGING without the filter would leak tokens."""
    for name, handler in settings.LOGGING["handlers"].items():
        assert "redact_status_tokens" in handler.get("filters", []), name


@pytest.mark.django_db
def test_a_404_status_request_logs_no_token(client, log_output):
    """Django's "Not Found" warning for a wrong link shows the path without the token."""
    response = client.get(reverse("pei_forms:status", args=[TOKEN]))
    assert response.status_code == 404
    logged = log_output.getvalue()
    assert "Not Found: /status/[redacted]/" in logged
    assert TOKEN not in logged


def test_a_200_status_request_logs_no_token(client, gap_token, log_output):
    """Opening a working link logs nothing from Django, and runserver's access line for it
    shows the path without the token."""
    url = reverse("pei_forms:status", args=[gap_token])
    assert client.get(url).status_code == 200
    runserver_access_log(f"GET {url} HTTP/1.1", "200")
    logged = log_output.getvalue()
    assert '"GET /status/[redacted]/ HTTP/1.1" 200 2048' in logged
    assert gap_token not in logged


def test_runserver_logs_a_404_without_the_token(log_output):
    """runserver's warning line for a wrong link is redacted too."""
    runserver_access_log(f"GET /status/{TOKEN}/withdraw/ HTTP/1.1", "404")
    logged = log_output.getvalue()
    assert "/status/[redacted]/withdraw/" in logged
    assert TOKEN not in logged


@pytest.mark.parametrize("status", ["200 OK", "404 Not Found"])
def test_gunicorn_access_log_shows_no_token(caplog, status):
    """With RedactingLogger, gunicorn's access line (request line, path, query and referrer)
    holds no token."""
    cfg = Config()
    cfg.set("accesslog", "-")
    cfg.set("access_log_format", '%(r)s %(s)s %(U)s %(q)s "%(f)s" %({raw_uri}e)s')
    gunicorn_logger = RedactingLogger(cfg)
    access_log = logging.getLogger("gunicorn.access")
    access_log.addHandler(caplog.handler)
    try:
        environ = {
            "REQUEST_METHOD": "GET",
            "RAW_URI": f"/status/{TOKEN}/?from=/status/{TOKEN}/",
            "PATH_INFO": f"/status/{TOKEN}/",
            "QUERY_STRING": f"from=/status/{TOKEN}/",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_REFERER": f"https://pei.example.org/status/{TOKEN}/withdraw/",
            "REMOTE_ADDR": "192.0.2.1",
            "raw_uri": f"/status/{TOKEN}/",
        }
        response = types.SimpleNamespace(status=status, headers=[], sent=2048)
        gunicorn_logger.access(response, [], environ, datetime.timedelta(milliseconds=12))
    finally:
        access_log.removeHandler(caplog.handler)
    logged = caplog.text
    assert f"GET /status/[redacted]/?from=/status/[redacted]/ HTTP/1.1 {status[:3]}" in logged
    assert "https://pei.example.org/status/[redacted]/withdraw/" in logged
    assert TOKEN not in logged


def test_gunicorn_error_log_shows_no_token(caplog):
    """A worker error that names the request does not show the token."""
    gunicorn_logger = RedactingLogger(Config())
    gunicorn_logger.error_log.addHandler(caplog.handler)
    try:
        gunicorn_logger.error("Error handling request %s", f"/status/{TOKEN}/")
    finally:
        gunicorn_logger.error_log.removeHandler(caplog.handler)
    assert "Error handling request /status/[redacted]/" in caplog.text
    assert TOKEN not in caplog.text
