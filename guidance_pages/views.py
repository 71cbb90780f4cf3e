import re

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Page

from page_serving import view_restrictions
from page_serving.fragments import kept_response

SEARCH_RESULTS_PER_PAGE = 10
SEARCH_QUERY_MAX_LENGTH = 200


def clean_search_query(text: str) -> str:
    """The words of a query, without punctuation: the full text backends read quotes and
    symbols as their own syntax, and a stray one must not turn a search into an error."""
    words = re.sub(r"[^\w\s]", " ", text[:SEARCH_QUERY_MAX_LENGTH]).split()
    return " ".join(words)


@require_GET
def search(request):
    """Search every live, public page of the site."""
    query = request.GET.get("q", "").strip()[:SEARCH_QUERY_MAX_LENGTH]
    words = clean_search_query(query)
    results_page = None
    if query:
        # Not .specific(): that costs a query per page type. Results show the title and the
        # search description, which every page has.
        pages = view_restrictions.public(Page.objects.live(), request)
        results = pages.search(words) if words else Page.objects.none()
        paginator = Paginator(results, SEARCH_RESULTS_PER_PAGE)
        try:
            results_page = paginator.page(request.GET.get("page", 1))
        except (PageNotAnInteger, EmptyPage):
            results_page = paginator.page(1)
    return render(
        request,
        "guidance_pages/search.html",
        {"search_query": query, "results_page": results_page},
    )


@require_GET
def sitemap(request):
    """Wagtail's sitemap, drawn once per generation: every live public page, the same for
    everyone. A page of it (`?p=`, on a site of more than 50,000 pages) is drawn each time."""
    if request.GET:
        return wagtail_sitemap(request)
    return kept_response(request, ("sitemap.xml",), lambda: wagtail_sitemap(request))


@require_GET
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /documents/",
        "Disallow: /search/",
        "Disallow: /status/",
        f"Sitemap: {sitemap_url}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without a request context: the failure may have come from the database or a
    # context processor, and this page must not fail too.
    return HttpResponseServerError(loader.get_template("500.html").render())
