"""Pieces every guidance page type shares: review dates, site-wide settings, menus."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page

REVIEW_INTERVAL_DAYS = 365


def default_review_by() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=REVIEW_INTERVAL_DAYS)


class ReviewableMixin(models.Model):
    """Who keeps a page accurate and when they must next check it.

    The review date is for editors only: a page past its date is still published, and the
    admin dashboard lists it as overdue.
    """

    content_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The person responsible for keeping this page accurate.",
    )
    review_by = models.DateField(
        default=default_review_by,
        help_text="The date by which the owner must check this page is still right.",
    )

    review_panels = [
        MultiFieldPanel(
            [FieldPanel("content_owner"), FieldPanel("review_by")],
            heading="Keeping this page current",
        )
    ]

    class Meta:
        abstract = True


@register_setting(icon="cog")
class SiteChrome(BaseSiteSetting):
    """The pages linked from every page's footer, chosen by editors."""

    accessibility_statement = models.ForeignKey(
        Page, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    privacy_notice = models.ForeignKey(
        Page, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    contact_page = models.ForeignKey(
        Page, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    footer_text = models.CharField(
        max_length=300,
        blank=True,
        help_text="A short line shown at the bottom of every page.",
    )

    select_related = ["accessibility_statement", "privacy_notice", "contact_page"]

    panels = [
        FieldPanel("accessibility_statement"),
        FieldPanel("privacy_notice"),
        FieldPanel("contact_page"),
        FieldPanel("footer_text"),
    ]

    class Meta:
        verbose_name = "footer and site links"

    @classmethod
    def read_for(cls, site) -> "SiteChrome":
        """The site's settings, or empty ones if none are saved yet. Unlike `for_site`, which
        saves a row the first time, reading a page writes nothing: a row saved would start a
        new generation of every kept page (pei_site/page_changes.py)."""
        found = cls.objects.select_related(*cls.select_related).filter(site=site).first()
        return found or cls(site=site)
