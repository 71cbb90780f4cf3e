"""Resource Panel and Sub Group meetings, and the people who sit on them."""

from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from ..choices import MeetingKind


class PanelMember(models.Model):
    """A member of a district's Resource Panel or Sub Group. Members are listed, not given
    accounts: those who read agendas in the admin are users assigned as panel members."""

    district = models.ForeignKey(
        "pei_workflow.District", on_delete=models.CASCADE, related_name="panel_members"
    )
    body = models.CharField("sits on", max_length=16, choices=MeetingKind.choices)
    name = models.CharField(max_length=120)
    agency = models.CharField(max_length=160)
    role = models.CharField(max_length=120, blank=True)
    is_active = models.BooleanField("still a member", default=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["district__name", "body", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.agency})"


class MeetingQuerySet(models.QuerySet):
    def upcoming(self):
        return self.filter(date__gte=timezone.localdate())

    def hears(self, submission):
        """Meetings that can hear this submission: its district, the right kind."""
        return self.filter(district_id=submission.district_id, kind=submission.meeting_kind)


class Meeting(models.Model):
    """One Resource Panel or Sub Group meeting of a district. Its agenda is the submissions
    added to it."""

    district = models.ForeignKey(
        "pei_workflow.District", on_delete=models.PROTECT, related_name="meetings"
    )
    kind = models.CharField(max_length=16, choices=MeetingKind.choices)
    date = models.DateField()
    start_time = models.TimeField(null=True, blank=True)
    location = models.CharField(max_length=200, blank=True)
    members_present = models.ManyToManyField(
        PanelMember, related_name="meetings_attended", blank=True
    )
    apologies = models.ManyToManyField(PanelMember, related_name="meetings_missed", blank=True)
    notes = models.TextField(blank=True)

    # Who came and who sent apologies are part of each version: a decision's quorum is
    # checked against them.
    history = HistoricalRecords(m2m_fields=[members_present, apologies])

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["date", "start_time", "pk"]
        indexes = [models.Index(fields=["district", "kind", "date"])]

    def __str__(self) -> str:
        return f"{self.district} {self.get_kind_display()}, {self.date:%-d %B %Y}"

    @property
    def is_past(self) -> bool:
        return self.date < timezone.localdate()
