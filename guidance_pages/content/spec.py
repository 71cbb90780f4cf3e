"""What the loader needs to know about each page: its type, place, title and texts."""

from collections.abc import Callable
from dataclasses import dataclass

from wagtail.models import Page


class Links:
    """Finds the pages that texts link to, by slug.

    While pages are first being laid down, a page may link to one that does not exist yet.
    The loader then passes a stand-in page id, and builds the texts again with the real ids
    once every page exists, before anything is published.
    """

    def __init__(self, page_ids: dict[str, int], stand_in_id: int | None = None):
        self.page_ids = page_ids
        self.stand_in_id = stand_in_id

    def id(self, slug: str) -> int:
        """The id of the page with this slug."""
        if slug in self.page_ids:
            return self.page_ids[slug]
        if self.stand_in_id is not None:
            return self.stand_in_id
        raise LookupError(f"The content links to a page '{slug}' that the loader did not make.")

    def a(self, slug: str, link_text: str) -> str:
        """A rich text link to the page with this slug."""
        return f'<a linktype="page" id="{self.id(slug)}">{link_text}</a>'


@dataclass(frozen=True)
class PageSpec:
    """One page the loader makes if it is missing.

    build(links) returns the page's fields other than title and slug. parent is the slug of
    the page it sits under (None for the home page's children).
    """

    model: type[Page]
    slug: str
    title: str
    build: Callable[[Links], dict]
    parent: str | None = None
    show_in_menus: bool = False
