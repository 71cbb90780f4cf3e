"""The private sections of the site (pages with a view restriction), read once per generation.

Wagtail reads the restrictions afresh whenever it needs them: two queries before serving
every page (its ancestors, for aliases, then their restrictions) and one for each `public()`
list. A restriction added, changed or removed starts a new generation (`page_changes.py`),
as does a page made an alias or moved, so the answers can be kept per generation.
"""

from django.db.models import Q
from wagtail.models import PageViewRestriction

from .memo import Memo
from .page_cache import generation_for

_sections = Memo(size=1)


def private_sections(request) -> tuple[tuple[str, int], ...]:
    """(path, depth) of each page with a view restriction: it and its subpages are private."""
    return _sections.get_or_make(
        generation_for(request),
        "sections",
        lambda: tuple(
            PageViewRestriction.objects.values_list("page__path", "page__depth").distinct()
        ),
    )


def public(pages, request):
    """`pages.public()` without its query: the pages outside every private section."""
    private = Q(pk__in=[])
    for path, depth in private_sections(request):
        private |= Q(path__startswith=path, depth__gte=depth)
    return pages.exclude(private)


def known_unrestricted(page) -> None:
    """Tells Wagtail's check before serving (`get_view_restrictions`) that no restriction
    applies to this page, as found under this generation, so the check runs no query."""
    page.get_view_restrictions = PageViewRestriction.objects.none
