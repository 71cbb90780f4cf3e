"""Which published pages are due for review: the selector behind the admin dashboard panel."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from .models import REVIEWABLE_PAGE_TYPES

#: How far ahead the dashboard looks for pages coming up for review.
DUE_SOON_DAYS = 30


@dataclass
class ReviewDue:
    """Pages past their review date, and pages whose date falls in the next DUE_SOON_DAYS."""

    overdue: list = field(default_factory=list)
    due_soon: list = field(default_factory=list)


def pages_due_for_review(*, today: datetime.date | None = None) -> ReviewDue:
    """Live reviewable pages whose review date has passed or is within DUE_SOON_DAYS of today.

    A page is overdue when its review date is before today, and due soon from today up to and
    including today + DUE_SOON_DAYS. Each list is ordered by review date, then title. It costs
    one query per reviewable page type, with the owner fetched in the same query. A page that
    is not published is left out: nobody reads it, so it cannot mislead anyone.
    """
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=DUE_SOON_DAYS)

    pages = []
    for page_type in REVIEWABLE_PAGE_TYPES:
        pages.extend(
            page_type.objects.live()
            .filter(review_by__lte=horizon)
            .select_related("content_owner")
            .only(
                "id",
                "title",
                "review_by",
                "content_owner__username",
                "content_owner__first_name",
                "content_owner__last_name",
            )
        )
    pages.sort(key=lambda page: (page.review_by, page.title.lower(), page.pk))

    due = ReviewDue()
    for page in pages:
        (due.overdue if page.review_by < today else due.due_soon).append(page)
    return due
