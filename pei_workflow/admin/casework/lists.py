"""The casework lists at 100,000 submissions: a search by reference that uses the indexed
column, and a page that reads only the columns it shows and draws its rows in one template
loop. The rows are still the selector's (`visible_to`); the filters, ordering, counts and
pagination are the scoped list's (`base.ScopedIndexView`)."""

import operator
from functools import reduce

from django.contrib.admin.templatetags.admin_list import result_headers
from django.contrib.admin.utils import display_for_field
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Q
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from wagtail_modeladmin.helpers import DjangoORMSearchHandler

from ...deadlines import due_marks
from ...models import reference_part, reference_start
from ...models.roles import person_label
from ...repeated_needs import repeated_need_ids
from ...services.caseload import caseholders_offered_to
from .. import urls
from ..base import ScopedIndexView
from .due import due_cell


class ReferenceSearchHandler(DjangoORMSearchHandler):
    """Search as modeladmin does (every word must appear in one of the search fields, in any
    case), but on the reference as it is written, in capitals: a word that is the start of a
    reference (`reference_start`: GAP-PEN, GAP-PEN-2026, a whole reference) by a prefix
    match on the reference's index; any other part of one (`reference_part`, such as 0042)
    anywhere in it, without changing the case of every reference first. Both find what
    modeladmin's search in any case finds; any other word is searched as modeladmin does."""

    def search_queryset(self, queryset, search_term, **kwargs):
        if not search_term or "reference" not in self.search_fields:
            return super().search_queryset(queryset, search_term, **kwargs)
        for word in search_term.split():
            start, part = reference_start(word), reference_part(word)
            if start:
                queryset = queryset.filter(reference__startswith=start)
                continue
            lookups = [
                Q(reference__contains=part)
                if field == "reference" and part
                else Q(**{f"{field}__icontains": word})
                for field in self.search_fields
            ]
            queryset = queryset.filter(reduce(operator.or_, lookups))
        return queryset


#: The id of a list's "assign the ticked cases" form, which each row's box belongs to.
BULK_FORM_ID = "pei-bulk-assign"

#: The gaps list's column that marks a repeated need, worked out for the page at once.
REPEATED_NEED = "repeated_need"
REPEATED_NEED_MARK = mark_safe('<strong class="pei-repeated">Repeated need</strong>')


class SubmissionIndexView(ScopedIndexView):
    """The list of gaps or CAF escalations.

    Its page reads only the columns it shows (the export still reads every answer), and its
    rows are drawn in one loop (`rows`) with the same markup as modeladmin's, which renders
    two templates for every cell and asks the button helper for each row's buttons. A
    submission's only button is Inspect, and every row of the list is one the person may
    inspect (the rows are `visible_to` them), so it is the same for each row but its address.
    """

    #: The columns of the related rows the list's own columns show.
    RELATED_COLUMNS = {
        "district": ("name",),
        "assigned_to": ("first_name", "last_name", "username"),
    }

    def get_queryset(self, request=None):
        queryset = super().get_queryset(request)
        if self.export in self.FORMATS:
            return queryset
        related = [name for name in self.list_display if name in self.RELATED_COLUMNS]
        shown = [
            name for name in self.list_display if name not in related and name != REPEATED_NEED
        ]
        columns = [f"{name}__{column}" for name in related for column in self.RELATED_COLUMNS[name]]
        return queryset.select_related(None).select_related(*related).only(*shown, *columns)

    def get_ordering_field(self, field_name):
        # By the person's name, not the order their accounts were made in.
        if field_name == "assigned_to":
            return "assigned_to__last_name"
        return super().get_ordering_field(field_name)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["result_headers"] = list(result_headers(self))
        context["rows"] = self.rows(context["object_list"])
        context["bulk_assign_url"] = urls.bulk_assign_url(self.model)
        context["bulk_assignees"] = [
            (person.pk, person_label(person))
            for person in caseholders_offered_to(self.request.user)
        ]
        return context

    def rows(self, objects) -> list:
        """Each row of the page as HTML: the reference, a link to the submission, with its
        Inspect button, then the other columns as modeladmin shows them."""
        first, *rest = self.list_display
        inspect = self.url_helper.get_action_url("inspect", 0).removesuffix("0/")
        title = f"Inspect this {self.verbose_name}"
        objects = list(objects)
        cells = [self._cell(name, objects) for name in rest]
        rows = []
        for number, obj in enumerate(objects):
            url = f"{inspect}{obj.pk}/"
            rows.append(
                format_html(
                    '<tr class="{}" data-object-pk="{}"><td class="pei-select">{}</td>'
                    '<td class="field-{} title">'
                    '<div class="title-wrapper"><a href="{}" title="{}">{}</a></div>'
                    '<ul class="actions"><li><a href="{}" class="button button-secondary '
                    'button-small" title="{}">Inspect</a></li></ul></td>{}</tr>',
                    "even" if number % 2 else "odd",
                    obj.pk,
                    self._tick_box(obj, getattr(obj, first)),
                    first,
                    url,
                    title,
                    getattr(obj, first),
                    url,
                    title,
                    format_html_join("", '<td class="{}">{}</td>', (cell(obj) for cell in cells)),
                )
            )
        return rows

    @staticmethod
    def _tick_box(obj, reference) -> str:
        """The box that puts a case in the list's assignment form: only an open case can be
        assigned, so an ended one has none."""
        if not obj.is_active_case:
            return ""
        return format_html(
            '<input type="checkbox" name="selected" value="{}" form="{}" aria-label="Select {}">',
            obj.pk,
            BULK_FORM_ID,
            reference,
        )

    def _cell(self, name: str, objects: list):
        """How one column shows a row: (its classes, its text), as modeladmin's
        `items_for_result` shows a field."""
        if name == REPEATED_NEED:
            repeated = repeated_need_ids(objects)  # for the whole page at once

            def mark(obj):
                return f"field-{name}", REPEATED_NEED_MARK if obj.pk in repeated else ""

            return mark
        field = self.model._meta.get_field(name)
        empty = self.model_admin.get_empty_value_display(name)
        nowrap = isinstance(field, models.DateField | models.TimeField | models.ForeignKey)
        classes = f"field-{name} title" + (" nowrap" if nowrap else "")
        if name == "due_on":
            marks = due_marks()  # read once for the page

            def cell(obj):
                return classes, due_cell(obj.due_on, marks)

            return cell
        if field.choices:
            labels = dict(field.flatchoices)

            def show(obj):
                return labels.get(getattr(obj, name), empty)
        elif isinstance(field, models.ForeignKey) and field.related_model is get_user_model():

            def show(obj):
                person = getattr(obj, name)
                return empty if person is None else person_label(person)
        elif isinstance(field, models.ForeignKey):

            def show(obj):
                related = getattr(obj, name)
                return empty if related is None else related
        else:

            def show(obj):
                return display_for_field(getattr(obj, name), field, empty)

        def cell(obj):
            text = show(obj)
            return classes, mark_safe("&nbsp;") if str(text) == "" else text

        return cell
