import functools

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from page_serving import view_restrictions

from ..blocks import BODY_FEATURES, CallToActionBlock, GuidanceStreamBlock


class HomePage(Page):
    """The front door: what PEI is, the two ways in, and the latest news."""

    intro = RichTextField(features=BODY_FEATURES, help_text="What PEI is, in a sentence or two.")
    calls_to_action = StreamField(
        [("call_to_action", CallToActionBlock())],
        blank=True,
        help_text="The routes in for practitioners, such as reporting a gap in services.",
    )
    body = StreamField(GuidanceStreamBlock(), blank=True)
    news_heading = models.CharField(max_length=80, default="Latest news")

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("calls_to_action"),
        FieldPanel("body"),
        FieldPanel("news_heading"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        from .news import NewsPage

        context = super().get_context(request, *args, **kwargs)

        def latest_news():
            stories = NewsPage.objects.live().descendant_of(self)
            return view_restrictions.public(stories, request).order_by("-date", "-pk")[:3]

        # Read when the template first asks: not at all while the page's content is kept
        # (page_part in the template).
        context["latest_news"] = functools.cache(latest_news)
        return context
