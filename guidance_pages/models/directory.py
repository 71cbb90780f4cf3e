import functools

from django.db import models
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, Site
from wagtail.search import index

from ..blocks import TEXT_FEATURES
from ..service_directory import DirectorySearch, results_page, search_options
from .base import ReviewableMixin, SiteChrome

SERVICES_PER_PAGE = 20


class ServiceDirectoryPage(ReviewableMixin, Page):
    """The Resource Panel's "one stop shop": the published local services that can meet a
    need, searchable by words, district and theme with a plain form that needs no JavaScript.

    Editors own the title and the texts above the list; EIDOs and county leads keep the
    services themselves in the admin (Directory > Services), so a change there shows here at
    once, without a page revision.
    """

    summary = models.CharField(
        max_length=300,
        blank=True,
        help_text="One or two sentences shown under the title and in search results.",
    )
    intro = RichTextField(
        features=TEXT_FEATURES,
        blank=True,
        help_text="What the directory is for and when to use it. The list follows.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("intro"),
        HelpPanel(
            content=(
                "<p>The services listed below the introduction are not edited here. EIDOs "
                "and county leads keep them in Directory &gt; Services.</p>"
            ),
            heading="The list of services",
        ),
    ]
    settings_panels = Page.settings_panels + ReviewableMixin.review_panels
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("intro"),
    ]

    parent_page_types = ["guidance_pages.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "service directory"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Each is read when the template first asks: not at all while the directory without
        # a search is kept as a part of the page (page_part in the template).
        options = functools.cache(search_options)
        search = functools.cache(lambda: DirectorySearch.from_query(request.GET, *options()))
        context.update(
            search=search,
            districts=lambda: options()[0],
            themes=lambda: options()[1],
            results_page=functools.cache(
                lambda: results_page(search(), request.GET.get("page"), SERVICES_PER_PAGE)
            ),
            contact_page=lambda: SiteChrome.read_for(Site.find_for_request(request)).contact_page,
            # Any query at all is the reader's own, and its pages' links keep it.
            searched=bool(request.GET),
        )
        return context
