"""What a report counts: the submissions of its districts that the reader may have reported
to them (`selectors.reported_submissions`), in its period."""

from dataclasses import dataclass, field
from functools import cached_property

from django.contrib.contenttypes.models import ContentType

from ..models import CafEscalation, GapInService, TransitionLog
from ..selectors import report_districts_visible_to, reported_submissions
from .periods import Period

KINDS = (GapInService, CafEscalation)


@dataclass
class Scope:
    user: object
    asked_district_ids: tuple[int, ...]
    period: Period
    county: bool = False
    #: Figures two sections share, counted once (see `themes.theme_counts`).
    shared: dict = field(default_factory=dict, repr=False)

    @cached_property
    def districts(self) -> list:
        """The districts asked for that the reader may read reports of (all of them, or the
        report is refused before it is built)."""
        visible = report_districts_visible_to(self.user)
        return list(visible.filter(pk__in=self.asked_district_ids).order_by("name"))

    @cached_property
    def district_ids(self) -> list[int]:
        return [district.pk for district in self.districts]

    @cached_property
    def previous(self) -> Period:
        return self.period.previous()

    def submissions(self, model):
        return reported_submissions(self.user, model, self.district_ids)

    def sent(self, model, period: Period | None = None):
        """The submissions of `model` sent in the period (or in `period`)."""
        start, after = (period or self.period).bounds()
        return self.submissions(model).filter(submitted_at__gte=start, submitted_at__lt=after)

    def closed(self, model):
        start, after = self.period.bounds()
        return self.submissions(model).filter(closed_at__gte=start, closed_at__lt=after)

    def steps(self, model):
        """The review history rows of the submissions counted, of `model`."""
        return TransitionLog.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=self.submissions(model).values("pk"),
        )
