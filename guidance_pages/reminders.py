"""The daily reminder to each guidance page's owner of their pages due for review within a
month (`review.DUE_SOON_DAYS`) or already overdue: one email per owner, saying which pages,
their review dates and where to edit them. This module only writes the reminders; the daily
command in `pei_site` sends them, once a day, with the casework's."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.urls import reverse

from .review import DUE_SOON_DAYS, pages_due_for_review


@dataclass(frozen=True)
class ReviewReminder:
    owner: object
    subject: str
    body: str


def _edit_url(page) -> str:
    path = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def review_reminders(*, today: datetime.date) -> list[ReviewReminder]:
    """One reminder for each active owner (with an email address) of a live page whose
    review date has passed or falls within DUE_SOON_DAYS of `today`. Pages without an owner
    are left to the dashboard's review panel."""
    due = pages_due_for_review(today=today)
    pages = defaultdict(lambda: {"overdue": [], "due_soon": []})
    for group in ("overdue", "due_soon"):
        for page in getattr(due, group):
            if page.content_owner_id is not None:
                pages[page.content_owner_id][group].append(
                    {"title": page.title, "review_by": page.review_by, "url": _edit_url(page)}
                )
    owners = (
        get_user_model()
        .objects.filter(pk__in=list(pages), is_active=True)
        .exclude(email="")
        .order_by("pk")
    )
    reminders = []
    for owner in owners:
        theirs = pages[owner.pk]
        overdue, soon = len(theirs["overdue"]), len(theirs["due_soon"])
        body = render_to_string(
            "guidance_pages/email/review_reminder.txt",
            {"today": today, "days": DUE_SOON_DAYS, **theirs},
        )
        reminders.append(
            ReviewReminder(
                owner=owner,
                subject=f"Pages to review: {overdue} overdue, {soon} due within a month",
                body=body,
            )
        )
    return reminders
