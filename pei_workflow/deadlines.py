"""Which open cases are overdue and which are due soon, read from their due dates
(`Submission.due_on`, see `services.due_dates`) against today in Lancashire.

A case is overdue once its due date has passed, and due soon when it is due today or within
the next DUE_SOON_WORKING_DAYS working days. The lists, the admin home and the daily
reminders all ask here, so they always agree."""

import datetime
from dataclasses import dataclass

from django.db import models
from django.db.models import Q
from django.utils import timezone

from .working_days import WorkingCalendar, calendar

DUE_SOON_WORKING_DAYS = 2


class DueMark(models.TextChoices):
    OVERDUE = "overdue", "Overdue"
    DUE_SOON = "due_soon", "Due soon"


@dataclass(frozen=True)
class DueMarks:
    """The marks as they stand on one day."""

    today: datetime.date
    soon_until: datetime.date

    def of(self, due_on: datetime.date | None) -> DueMark | None:
        if due_on is None:
            return None
        if due_on < self.today:
            return DueMark.OVERDUE
        if due_on <= self.soon_until:
            return DueMark.DUE_SOON
        return None

    def q(self, mark: str) -> Q:
        """The cases with `mark`, as a filter the database applies (on the due date's index)."""
        if mark == DueMark.OVERDUE:
            return Q(due_on__lt=self.today)
        if mark == DueMark.DUE_SOON:
            return Q(due_on__gte=self.today, due_on__lte=self.soon_until)
        raise ValueError(f"No such mark: {mark}")

    def marked(self) -> Q:
        """Overdue or due soon."""
        return Q(due_on__lte=self.soon_until)


def due_marks(
    today: datetime.date | None = None, working: WorkingCalendar | None = None
) -> DueMarks:
    """The marks for `today` (today in Lancashire by default). Reads the closure days (one
    query) unless given a calendar."""
    today = today or timezone.localdate()
    working = working or calendar()
    return DueMarks(today=today, soon_until=working.add(today, DUE_SOON_WORKING_DAYS))
