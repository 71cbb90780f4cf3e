"""Themes that tag casework, and the directory of local services that can meet a need."""

import uuid

from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Count, Q
from simple_history.models import HistoricalRecords

from ..choices import WaitingList


class Theme(models.Model):
    """A subject that gaps keep coming back to, such as bereavement or transport. EIDOs tag
    submissions with themes so that repeated gaps show up as thematic issues."""

    name = models.CharField(max_length=80, unique=True)
    description = models.CharField(max_length=300, blank=True)
    is_active = models.BooleanField(
        default=True, help_text="Only active themes can be given to a submission."
    )
    # The theme's id as a term of the open data's taxonomy (pei_workflow.openreferral). A
    # stored UUID, not one derived from the name, so that renaming a theme keeps its id.
    open_referral_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ServiceQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def with_times_missed(self):
        """Annotate `times_missed`: how many gaps this service was the answer to, when the
        practitioner did not know it met the need. A high count means the service needs
        publicity."""
        return self.annotate(
            times_missed=Count(
                "answered_gaps",
                filter=Q(answered_gaps__service_unknown_to_practitioner=True),
                distinct=True,
            )
        )


class Service(models.Model):
    """A local service in the Resource Panel's "one stop shop". Public readers browse the
    directory; an EIDO chooses a service from it when signposting a gap."""

    name = models.CharField(max_length=160)
    districts = models.ManyToManyField(
        "pei_workflow.District",
        related_name="services",
        help_text="The districts the service covers.",
    )
    themes = models.ManyToManyField(Theme, related_name="services", blank=True)
    offers = models.TextField("what it offers", validators=[MaxLengthValidator(2000)])
    who_for = models.TextField("who it is for", validators=[MaxLengthValidator(1000)])
    how_to_refer = models.TextField(validators=[MaxLengthValidator(1000)])
    waiting_list = models.CharField(
        max_length=16, choices=WaitingList.choices, default=WaitingList.NONE
    )
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=40, blank=True)
    website = models.URLField(blank=True)
    is_published = models.BooleanField(
        "show in the public directory",
        default=True,
        help_text="Untick to hide a service that has closed. EIDOs can still see it.",
    )
    updated_at = models.DateTimeField(auto_now=True)
    # The service's id in the Open Referral open data (pei_workflow.openreferral): a UUID, as
    # HSDS asks, that never changes and says nothing about how many services there are.
    open_referral_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    # The districts a service covers decide where it can be offered: part of each version.
    history = HistoricalRecords(m2m_fields=[districts, themes])

    objects = ServiceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
