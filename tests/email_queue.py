"""Shared helpers for tests that send email through the durable queue."""

import smtplib
from io import StringIO
from unittest import mock

from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command


class FailingEmailBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPConnectError(421, "Service not available")


FAILING_EMAIL_BACKEND = f"{__name__}.FailingEmailBackend"


def run_email_worker():
    """Drain the durable queue once, as `manage.py db_worker` does, inside the test's
    transaction. The worker closes any connection it finds inside a transaction (right for a
    long-running process); on PostgreSQL that would end the test's own, so it is kept open."""
    with mock.patch(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    ):
        call_command(
            "db_worker",
            "--backend",
            "durable",
            "--queue-name",
            "*",
            "--batch",
            "--no-startup-delay",
            verbosity=0,
            stdout=StringIO(),
        )
