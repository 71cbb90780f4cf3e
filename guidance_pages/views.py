from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from page_serving.fragments import kept_response

from . import site_search


@require_GET
def search(request):
    """Search every live, public page of the site."""
    query = request.GET.get("q", "").strip()[: site_search.QUERY_MAX_LENGTH]
    found = results_page = None
    if query:
        found = site_search.found(request, site_search.search_words(query))
        results_page = site_search.results_page(found, request.GET.get("page", 1))
    return render(
        request,
        "guidance_pages/search.html",
        {
            "search_query": query,
            "results_page": results_page,
            "more_results": found is not None and found.more,
            "most_results": site_search.MOST_RESULTS,
        },
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
