from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import GuidanceStreamBlock, heading_anchor
from .base import ReviewableMixin


class GuidanceContentPage(ReviewableMixin, Page):
    """A page of guidance text with an on-page contents list built from its headings."""

    summary = models.CharField(
        max_length=300,
        blank=True,
        help_text="One or two sentences shown under the title and in search results.",
    )
    body = StreamField(GuidanceStreamBlock())

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    settings_panels = Page.settings_panels + ReviewableMixin.review_panels
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        # Search results show the search description; the summary is the natural default.
        if not self.search_description:
            self.search_description = self.summary

    def contents(self) -> list[dict]:
        """The section headings, in order, for the "Contents" list."""
        return [
            {"anchor": heading_anchor(block.value["text"]), "text": block.value["text"]}
            for block in self.body
            if block.block_type == "heading" and block.value["level"] == "h2"
        ]


class GuidancePage(GuidanceContentPage):
    """A page of the PEI guidance, such as what the Resource Panel does."""

    parent_page_types = ["guidance_pages.HomePage", "guidance_pages.GuidancePage"]
    subpage_types = ["guidance_pages.GuidancePage"]

    class Meta:
        verbose_name = "guidance page"


class AccessibilityStatementPage(GuidanceContentPage):
    """The statement the Public Sector Bodies Accessibility Regulations 2018 require."""

    parent_page_types = ["guidance_pages.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "accessibility statement"


class PrivacyNoticePage(GuidanceContentPage):
    """What the forms collect, why, for how long, and who sees it."""

    parent_page_types = ["guidance_pages.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "privacy notice"
