from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from ..blocks import TEXT_FEATURES, GuidanceStreamBlock

NEWS_PER_PAGE = 10


class NewsIndexPage(RoutablePageMixin, Page):
    """News and events, newest first, with an RSS feed at feed/."""

    intro = RichTextField(features=TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["guidance_pages.HomePage"]
    subpage_types = ["guidance_pages.NewsPage"]
    max_count = 1

    class Meta:
        verbose_name = "news index page"

    def news_items(self):
        """Live stories, newest first, less any story with a view restriction of its own.

        Restrictions on this page or above it are checked when it is served (feed included),
        so only the stories' own need excluding: a subquery does that without the extra query
        that ``public()`` makes, which keeps the news list inside its query budget.
        """
        return (
            NewsPage.objects.live()
            .child_of(self)
            .exclude(pk__in=PageViewRestriction.objects.values("page_id"))
            .order_by("-date", "-pk")
        )

    @path("")
    def index_route(self, request):
        from page_serving.fragments import kept_value

        paginator = Paginator(_Stories(self), NEWS_PER_PAGE)
        # Counted once per generation: a page of the list is then kept (page_part in the
        # template), so a list drawn again reads no story.
        paginator.count = kept_value(
            request, ("news count", self.pk), lambda: self.news_items().count()
        )
        try:
            news_page = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            news_page = paginator.page(1)
        except EmptyPage:
            from django.http import Http404

            raise Http404("No such page of news") from None
        return self.render(request, context_overrides={"news_page": news_page})

    @path("feed/")
    def feed_route(self, request):
        from page_serving.fragments import kept_response

        from ..feeds import NewsFeed

        # Kept per generation; its links are absolute, made from the address it was asked at.
        vary = ("news feed", self.pk, request.scheme, request.get_host())
        return kept_response(request, vary, lambda: NewsFeed(self)(request))


class _Stories:
    """`news_items()` as the paginator sees it, made only when a page of it is read: not
    while that page of the list is kept."""

    ordered = True

    def __init__(self, index: NewsIndexPage):
        self.index = index

    def __getitem__(self, part):
        return SimpleLazyObject(lambda: self.index.news_items()[part])


class NewsPage(Page):
    """A news story or an event notice, such as a training day."""

    date = models.DateField("date published", default=timezone.localdate)
    summary = models.CharField(max_length=300, help_text="Shown in the news list and the feed.")
    body = StreamField(GuidanceStreamBlock())

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    parent_page_types = ["guidance_pages.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "news page"
