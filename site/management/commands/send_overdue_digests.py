"""`manage.py send_overdue_digests [--date YYYY-MM-DD] [--dry-run]`: the daily reminders.

Run once each working morning (see the README for the cron line). It emails each person
their casework cases overdue and due soon, each county lead a county summary, and each
guidance page's owner their pages due for review within a month or overdue. Nobody with
nothing due is emailed, and a second run on the same day sends nothing again: each reminder
is recorded as it is queued (`pei_workflow.digests.send_digests`). It lives here because it
wires the casework and the guidance pages together.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from guidance_pages.reminders import review_reminders
from pei_workflow.digests import (
    Digest,
    casework_digests,
    not_yet_sent,
    send_digests,
)
from pei_workflow.models import DigestKind


def page_review_digests(day: datetime.date) -> list[Digest]:
    return [
        Digest(
            recipient=reminder.owner,
            kind=DigestKind.PAGE_REVIEWS,
            subject=reminder.subject,
            body=reminder.body,
            about="pages due for review",
        )
        for reminder in review_reminders(today=day)
    ]


class Command(BaseCommand):
    help = (
        "Email each person their cases overdue and due soon, each county lead a county "
        "summary, and each page owner their pages due for review. Safe to run more than once "
        "a day: what was sent that day is not sent again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            default="",
            metavar="YYYY-MM-DD",
            help="The day to send for (today by default), to run a missed day again.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be sent, and send nothing."
        )

    def handle(self, *args, date="", dry_run=False, **options):
        day = self._day(date)
        digests = casework_digests(day) + page_review_digests(day)
        if dry_run:
            for digest in not_yet_sent(digests, day=day):
                self.stdout.write(f"Would send: {self._line(digest)}")
            return
        sent = send_digests(digests, day=day)
        for digest in sent:
            self.stdout.write(f"Sent: {self._line(digest)}")
        self.stdout.write(f"{len(sent)} reminder{'' if len(sent) == 1 else 's'} for {day}.")

    @staticmethod
    def _day(value: str) -> datetime.date:
        today = timezone.localdate()
        if not value:
            return today
        try:
            day = datetime.date.fromisoformat(value)
        except ValueError:
            raise CommandError(f"--date must be a date like 2026-05-11, not “{value}”.") from None
        if day > today:
            raise CommandError("--date cannot be in the future.")
        return day

    @staticmethod
    def _line(digest: Digest) -> str:
        return f"{digest.recipient.get_username()}: {digest.subject}"
