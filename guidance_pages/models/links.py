from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import TEXT_FEATURES, LinkGroupBlock
from .base import ReviewableMixin


class LinksPage(ReviewableMixin, Page):
    """Useful links, in groups, each with a line saying what the reader will find there."""

    summary = models.CharField(max_length=300, blank=True)
    intro = RichTextField(features=TEXT_FEATURES, blank=True)
    groups = StreamField([("group", LinkGroupBlock())])

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("intro"),
        FieldPanel("groups"),
    ]
    settings_panels = Page.settings_panels + ReviewableMixin.review_panels
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("intro"),
        index.SearchField("groups"),
    ]

    parent_page_types = ["guidance_pages.HomePage", "guidance_pages.GuidancePage"]
    subpage_types = []

    class Meta:
        verbose_name = "links page"
