"""The site's search: every live public page that matches a reader's words, best first.

What a set of words finds changes only when the pages do, and every such change starts a
new generation (page_serving). So each process works a search out once per generation for
each set of words it is asked, in one query, and keeps what the results page shows of
each page (its title, address and description), the least asked first to go. Nothing
here depends on who asks: the private sections are left out for everyone, and a page is
reached through its own view restriction check as usual.
"""

import re
from dataclasses import dataclass

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.core.paginator import Page as ResultsPage
from wagtail.models import Page

from page_serving import routing, view_restrictions
from page_serving.memo import Memo
from page_serving.page_cache import generation_for

RESULTS_PER_PAGE = 10
QUERY_MAX_LENGTH = 200
#: The most results a search lists; past these it says there are more. With a title, an
#: address and a description each, KEPT_SEARCHES of them stay within a few megabytes.
MOST_RESULTS = 200
KEPT_SEARCHES = 100

_kept = Memo(size=KEPT_SEARCHES)


@dataclass(frozen=True)
class Result:
    title: str
    url: str
    description: str


@dataclass(frozen=True)
class Found:
    results: tuple[Result, ...]
    #: More pages matched than MOST_RESULTS.
    more: bool = False


def search_words(text: str) -> str:
    """The words of a query, without punctuation: the full text backends read quotes and
    symbols as their own syntax, and a stray one must not turn a search into an error."""
    words = re.sub(r"[^\w\s]", " ", text[:QUERY_MAX_LENGTH]).split()
    return " ".join(words)


def found(request, words: str) -> Found:
    """What `words` find on the request's site, as this generation's pages stand."""
    if not words:
        return Found(results=())
    site = routing.site_for(request)
    key = (site.pk if site else None, words)
    return _kept.get_or_make(generation_for(request), key, lambda: _search(request, words))


def _search(request, words: str) -> Found:
    # Not .specific(): that costs a query per page type. The results show the title and the
    # search description, which every page has (a guidance page's summary fills it).
    pages = view_restrictions.public(Page.objects.live(), request)
    # One query: a slice, where a paginator would count the matches first.
    matches = list(pages.search(words)[: MOST_RESULTS + 1])
    results = []
    for page in matches[:MOST_RESULTS]:
        url = page.get_url(request)
        if url is not None:  # None: outside every site, so nobody can reach it
            results.append(Result(page.title, url, page.search_description))
    return Found(results=tuple(results), more=len(matches) > MOST_RESULTS)


def results_page(found: Found, number) -> ResultsPage:
    """The page of results asked for (`?page=`), or the first if that is not one."""
    paginator = Paginator(found.results, RESULTS_PER_PAGE)
    try:
        return paginator.page(number)
    except (PageNotAnInteger, EmptyPage):
        return paginator.page(1)
