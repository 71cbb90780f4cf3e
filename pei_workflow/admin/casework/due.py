"""The "Overdue" and "Due soon" marks of the casework lists and the admin home: words and an
icon, never colour alone, and the filter that finds them."""

import datetime

from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString

from ...deadlines import DueMark, DueMarks, due_marks
from ..filters import DeclaredFilter

ICONS = {DueMark.OVERDUE: "warning", DueMark.DUE_SOON: "time"}


def mark_html(mark: DueMark | None) -> SafeString:
    """The mark in words, after its icon (the icon is decoration: the words say it)."""
    if mark is None:
        return SafeString("")
    return format_html(
        '<span class="pei-due pei-due--{}"><svg class="icon icon-{}" aria-hidden="true">'
        '<use href="#icon-{}"></use></svg>{}</span>',
        mark.value,
        ICONS[mark],
        ICONS[mark],
        mark.label,
    )


def due_cell(due_on: datetime.date | None, marks: DueMarks) -> SafeString:
    """A list's "Due" cell: the mark, if any, then the date."""
    if due_on is None:
        return SafeString("&nbsp;")
    return format_html(
        '{} <time datetime="{}">{}</time>',
        mark_html(marks.of(due_on)),
        due_on.isoformat(),
        date_format(due_on),
    )


class DueFilter(DeclaredFilter):
    """Cases overdue, or due soon (today or within the next two working days)."""

    title = "due"
    parameter_name = "due"

    def lookups(self, request, model_admin):
        return [(mark.value, mark.label) for mark in DueMark]

    def apply(self, queryset, value):
        return queryset.filter(due_marks().q(value))
