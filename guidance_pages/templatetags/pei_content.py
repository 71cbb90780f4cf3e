"""Small helpers for rendering page content: phone links, pagination, the flowchart."""

import re

from django import template
from django.core.paginator import Page as PaginatorPage

register = template.Library()


@register.filter
def tel_href(phone: str) -> str:
    """A ``tel:`` URL for a phone number as people write it, such as "01772 123 456"."""
    return "tel:" + re.sub(r"[^\d+]", "", phone or "")


@register.filter
def in_sentence(text: str) -> str:
    """Lower-case the first letter so an answer reads inside a sentence ("If yes:"), leaving
    a first word in capitals alone ("If CAF problem:")."""
    first_word = text.split(" ", 1)[0]
    if not text or (len(first_word) > 1 and first_word.isupper()):
        return text
    return text[0].lower() + text[1:]


@register.filter
def flows_on(step: dict) -> bool:
    """Whether a flowchart step leads straight to the step after it in the list.

    Only then is a connector arrow drawn below it; other jumps are shown by their links.
    """
    following = step["number"] + 1
    if step.get("next"):
        return step["next"]["number"] == following
    return any(
        branch["target"] and branch["target"]["number"] == following
        for branch in step.get("branches", [])
    )


def page_href(request, number: int) -> str:
    """The current URL with ``page`` set, keeping the rest of the query (such as ``q``)."""
    params = request.GET.copy()
    if number == 1:
        params.pop("page", None)
    else:
        params["page"] = number
    encoded = params.urlencode()
    return f"{request.path}?{encoded}" if encoded else request.path


@register.inclusion_tag("components/pagination.html", takes_context=True)
def pagination(context, page_obj: PaginatorPage | None):
    """GOV.UK pagination for a Django paginator page: first, last, and neighbours of current."""
    if page_obj is None or page_obj.paginator.num_pages < 2:
        return {"show": False}
    request = context["request"]
    paginator = page_obj.paginator
    items = []
    for number in paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1):
        if number == paginator.ELLIPSIS:
            items.append({"ellipsis": True})
        else:
            items.append(
                {
                    "number": number,
                    "href": page_href(request, number),
                    "current": number == page_obj.number,
                }
            )
    return {
        "show": True,
        "items": items,
        "previous_href": (
            page_href(request, page_obj.previous_page_number()) if page_obj.has_previous() else ""
        ),
        "next_href": (
            page_href(request, page_obj.next_page_number()) if page_obj.has_next() else ""
        ),
    }
