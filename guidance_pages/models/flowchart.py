from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import TEXT_FEATURES, FlowchartStreamBlock
from .base import ReviewableMixin


class FlowchartPage(ReviewableMixin, Page):
    """The escalation path drawn from structured steps that editors edit as text.

    The steps render as one ordered list: a diagram to the eye, and the same steps in order
    to a screen reader, with each branch a link to the step it leads to.
    """

    intro = RichTextField(features=TEXT_FEATURES, blank=True)
    steps = StreamField(FlowchartStreamBlock())
    summary = models.CharField(max_length=300, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("intro"),
        FieldPanel("steps"),
    ]
    settings_panels = Page.settings_panels + ReviewableMixin.review_panels
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("intro"),
        index.SearchField("steps"),
    ]

    parent_page_types = ["guidance_pages.HomePage", "guidance_pages.GuidancePage"]
    subpage_types = []

    class Meta:
        verbose_name = "flowchart page"

    def flow(self) -> list[dict]:
        """The steps in order, numbered, with each pointer resolved to the step it names."""
        numbers = {child.value["key"]: n for n, child in enumerate(self.steps, start=1)}
        titles = {
            child.value["key"]: child.value.get("title") or child.value.get("question")
            for child in self.steps
        }

        def target(key):
            if not key or key not in numbers:
                return None
            return {"key": key, "number": numbers[key], "title": titles[key]}

        flow = []
        for number, child in enumerate(self.steps, start=1):
            value = child.value
            step = {
                "kind": child.block_type,
                "key": value["key"],
                "number": number,
                "title": value.get("title") or value.get("question"),
                "text": value.get("text", ""),
                "next": None,
                "branches": [],
            }
            if child.block_type == "box":
                step["next"] = target(value["next"])
            elif child.block_type == "decision":
                step["branches"] = [
                    {"answer": branch["answer"], "target": target(branch["goes_to"])}
                    for branch in value["branches"]
                ]
            flow.append(step)
        return flow
