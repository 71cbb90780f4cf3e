"""HSDS's page: the header every list answer carries, then its `contents`.

The page is asked for by number and size (the view has checked both). A page past the last is
an empty page rather than an error, so that a directory reading page after page stops on
`last_page` or `empty` either way. HSDS describes `size` as the number of entities in the
current page, so it is the length of `contents`, not the size asked for.
"""

from dataclasses import dataclass

from django.db.models import QuerySet


@dataclass(frozen=True)
class Page:
    items: list
    number: int
    per_page: int
    total_items: int

    @property
    def total_pages(self) -> int:
        return -(-self.total_items // self.per_page)

    def header(self) -> dict:
        return {
            "total_items": self.total_items,
            "total_pages": self.total_pages,
            "page_number": self.number,
            "size": len(self.items),
            "first_page": self.number == 1,
            "last_page": self.number >= self.total_pages,
            "empty": not self.items,
        }


def page_of(queryset: QuerySet, *, number: int, per_page: int) -> Page:
    """One page of the queryset: a count, then the page's rows (and their prefetches)."""
    total = queryset.count()
    start = (number - 1) * per_page
    items = list(queryset[start : start + per_page]) if start < total else []
    return Page(items=items, number=number, per_page=per_page, total_items=total)
