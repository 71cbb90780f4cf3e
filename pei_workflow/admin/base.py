"""The one base every casework admin screen stands on: casework, meetings and budgets, the
directory, and people and districts.

wagtail-modeladmin's list view turns every query parameter it does not know into a database
filter, relation hops included (`?district__assignments__user__password__startswith=pbkdf2`),
so a list can be made to answer yes or no about anything the database holds. Every screen
here is built on `ScopedModelAdmin`, which owns, once for all of them:

- the rows: each screen's selector (`visible_to` and its siblings) gives the queryset of its
  list, inspect, edit, delete and export views, and any other address answers 404;
- the query string: a list reads only the parameters it declares (its filters, the search
  box, the ordering, the page and the export); anything else, and any value of a declared
  parameter that the list does not offer, answers 400 before a query is run on the data;
- refusals: one 403 page (`refused`), one 400 page (`bad_request`) and one 404 rule
  (`scoped_object_or_404`);
- who may do what: `ScopedPermissionHelper`, from the district ids a person may read and
  change, which each screen narrows only where its rules differ.
"""

import re
from collections.abc import Callable

from django.contrib.admin.utils import unquote
from django.core.exceptions import (
    ImproperlyConfigured,
    PermissionDenied,
    SuspiciousOperation,
    ValidationError,
)
from django.core.paginator import InvalidPage
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.text import capfirst
from wagtail_modeladmin.helpers import DjangoORMSearchHandler, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import IndexView

from ..models import District
from ..selectors import (
    districts_visible_to,
    meeting_district_ids,
    meeting_districts_visible_to,
    visible_district_ids,
)
from ..services.meetings import MAY_NOT_CHANGE
from . import urls
from .export import SafeExportIndexView
from .filters import DeclaredFilter, choice_filter

# The longest search a list accepts: a reference is 17 characters, a name rarely 60.
MAX_SEARCH_LENGTH = 200
_ORDERING = re.compile(r"-?\d{1,3}(?:\.-?\d{1,3})*")


# Refusals: one page for "you may not", one for "this address makes no sense", one 404 rule.


def refused(
    request,
    reason: str,
    *,
    back_url: str = "",
    back_label: str = "Go back",
    advice: str = "",
    subject: str = "",
    heading: str = "",
) -> TemplateResponse:
    """403: the page every screen answers a refusal with, saying why and that nothing has
    changed. Wagtail would redirect to the dashboard instead, which hides the refusal from
    people and tests."""
    return _problem_page(
        request,
        status=403,
        title="You cannot do this",
        reason=reason,
        advice=advice,
        back_url=back_url,
        back_label=back_label,
        subject=subject,
        heading=heading,
    )


LIST_ADVICE = "Use the filters, search box and column headings on the list instead."


def bad_request(
    request,
    reason: str,
    *,
    back_url: str = "",
    title: str = "This list cannot show that",
    advice: str = LIST_ADVICE,
    status: int = 400,
    back_label: str = "Go to the list",
) -> TemplateResponse:
    """400: a list asked for something it does not offer (or, with its own `title`, `advice`
    and `back_label`, a change asked of a list could not be made, or another screen was
    asked for something it does not offer; 409 when the cases moved on)."""
    return _problem_page(
        request,
        status=status,
        title=title,
        reason=reason,
        advice=advice,
        back_url=back_url or request.path,
        back_label=back_label,
    )


def _problem_page(request, *, status: int, **context) -> TemplateResponse:
    context["back_url"] = context["back_url"] or urls.admin_home_url()
    # Most reasons from the workflow end by saying so already.
    context["says_nothing_changed"] = "Nothing has been changed" in context["reason"]
    return TemplateResponse(request, "pei_workflow/admin/refused.html", context, status=status)


def add_service_errors(form, error: ValidationError) -> None:
    """Show a service's refusal on the form that asked for it: beside the field it names, or
    above the form."""
    if hasattr(error, "error_dict"):
        for name, messages in error.message_dict.items():
            form.add_error(name if name in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


def scoped_object_or_404(queryset: models.QuerySet, pk, what: str = ""):
    """The row of `queryset` with this primary key, or 404 whatever the reason (not there,
    not this person's, or not a key at all), so nobody learns whether another district's
    row exists."""
    what = what or str(queryset.model._meta.verbose_name)
    try:
        return get_object_or_404(queryset, pk=unquote(str(pk)))
    except (ValueError, TypeError, ValidationError) as error:
        raise Http404(f"No such {what}") from error


# Who may do what.


class ScopedPermissionHelper(PermissionHelper):
    """Who may use a screen, from the districts a person may read and those they may change.

    A person reads a row of a district in `read_ids(user)` and adds or changes one of a
    district in `change_ids(user)`; a county lead's ids are every district's. Screens narrow
    this where their rules differ (budgets are the county leads', a meeting with an agenda is
    never deleted). The lists ask these questions of every row, so each answer comes from ids
    read once per request, never a query per row.
    """

    read_ids: Callable[..., frozenset[int]] = staticmethod(meeting_district_ids)
    change_ids: Callable[..., frozenset[int]] = staticmethod(visible_district_ids)

    def district_ids_of(self, obj) -> set[int]:
        return {obj.district_id}

    def user_has_any_permissions(self, user):
        return bool(self.read_ids(user))

    def user_can_list(self, user):
        return self.user_has_any_permissions(user)

    def user_can_inspect_obj(self, user, obj):
        return bool(self.district_ids_of(obj) & self.read_ids(user))

    def user_can_create(self, user):
        return bool(self.change_ids(user))

    def user_can_edit_obj(self, user, obj):
        return bool(self.district_ids_of(obj) & self.change_ids(user))

    def user_can_delete_obj(self, user, obj):
        return self.user_can_edit_obj(user, obj)


# The list view.


class ScopedIndexView(SafeExportIndexView):
    """A list (and its CSV and XLSX exports) that reads only the parameters it declares."""

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_helper.user_can_list(request.user):
            raise PermissionDenied
        problem = self.query_problem(request)
        if problem:
            return bad_request(request, problem)
        return super().dispatch(request, *args, **kwargs)

    def declared_filters(self, request) -> list[type[DeclaredFilter]]:
        return list(self.model_admin.get_list_filter(request))

    def query_problem(self, request) -> str:
        """Why this query string cannot be answered, or "" when it can. The names are checked
        before anything is read from the database; the filters' values after, against what
        each filter offers this person."""
        filters = self.declared_filters(request)
        declared = {self.PAGE_VAR, self.ORDER_VAR}
        if self.model_admin.get_search_fields(request):
            declared.add(self.SEARCH_VAR)
        if self.model_admin.get_list_export(request):
            declared.add(self.EXPORT_VAR)
        declared |= {list_filter.parameter_name for list_filter in filters}
        for name in request.GET:
            if name not in declared:
                return f"This list cannot be filtered or sorted by “{name[:40]}”."
            if len(request.GET.getlist(name)) > 1:
                return f"Give “{name}” once only."

        query = request.GET
        if self.PAGE_VAR in query and not query[self.PAGE_VAR].isdigit():
            return "The page number must be a whole number."
        if self.ORDER_VAR in query and not self._ordering_is_offered(request, query):
            return "This list cannot be sorted that way."
        if len(query.get(self.SEARCH_VAR, "")) > MAX_SEARCH_LENGTH:
            return f"Search for {MAX_SEARCH_LENGTH} characters or fewer."
        if self.EXPORT_VAR in query and query[self.EXPORT_VAR] not in self.FORMATS:
            return "The list can be downloaded as CSV or XLSX only."
        for list_filter in filters:
            name = list_filter.parameter_name
            if name in query:
                spec = list_filter(request, {name: [query[name]]}, self.model, self.model_admin)
                if query[name] not in spec.offered_values():
                    return f"“{capfirst(str(spec.title))}” has no such choice."
        return ""

    def _ordering_is_offered(self, request, query) -> bool:
        value = query[self.ORDER_VAR]
        if not _ORDERING.fullmatch(value):
            return False
        columns = self.model_admin.get_list_display(request)
        return all(int(part.lstrip("-")) < len(columns) for part in value.split("."))

    def is_narrowed(self) -> bool:
        """Whether a filter or the search box leaves out some of the rows the person sees."""
        return bool(self.query) or any(spec.used_parameters for spec in self.filter_specs)

    def get_context_data(self, **kwargs):
        """modeladmin's context, counted once. Its own builds the queryset a second time and
        counts three times: every row the person sees ("out of"), the rows the filters and
        search leave, and the paginator's count of the same. Here the paginator's count is
        the only count. A narrowed list says how many it found, not "out of" how many: the
        total cost a count of every row the person sees (a county lead's 100,000) on each
        search, to print a number nobody searching needs.

        modeladmin's templates read `all_count` only as "the list has rows at all" (to show
        the filters, or "No gaps have been created yet"), so a narrowed list that found
        nothing asks the database whether any row exists, which stops at the first."""
        if self.is_pagemodel:
            return super().get_context_data(**kwargs)
        paginator = self.paginator_class(self.queryset, self.items_per_page)
        result_count = paginator.count
        all_count = result_count
        if self.is_narrowed() and not result_count:
            all_count = int(self.get_base_queryset().exists())
        try:
            page_obj = paginator.page(self.page_num)
        except InvalidPage:
            page_obj = paginator.page(1)
        context = {
            "view": self,
            "all_count": all_count,
            "result_count": result_count,
            "paginator": paginator,
            "page_obj": page_obj,
            "elided_page_range": paginator.get_elided_page_range(self.page_num),
            "object_list": page_obj.object_list,
            "user_can_create": self.permission_helper.user_can_create(self.request.user),
            "show_search": self.search_handler.show_search_form,
            **kwargs,
        }
        # Past modeladmin's IndexView, whose own get_context_data is replaced here.
        return super(IndexView, self).get_context_data(**context)

    def get_filters(self, request):
        filter_specs, has_filters, remaining, use_distinct = super().get_filters(request)
        if remaining:
            # Unreachable after `query_problem`; kept so that no later change can turn a
            # parameter back into a database filter.
            raise SuspiciousOperation("Undeclared list parameters")
        return filter_specs, has_filters, {}, use_distinct


# The screen.


class ScopedModelAdmin(ModelAdmin):
    """A screen whose every view shows a person only the rows its selector gives them.

    Subclasses give `selector(user)` (the rows this person may read, as a queryset), and may
    give `related` (joined in for the list and export), `district_path` (how a row names its
    district, for the district filter), `filter_districts` (the districts the filter offers),
    `refusal` (what a refused change says) and `no_access` (what a refused screen says).
    String entries of `list_filter` name fields with choices or booleans; they become
    declared filters.
    """

    permission_helper_class = ScopedPermissionHelper
    index_view_class = ScopedIndexView
    search_handler_class = DjangoORMSearchHandler
    inspect_view_enabled = True
    history_view_enabled = False
    add_to_settings_menu = False
    list_per_page = 50

    related: tuple[str, ...] = ()
    district_path = "district"
    refusal = MAY_NOT_CHANGE
    no_access = "Only EIDOs, county leads, and Resource Panel and Sub Group members can see this."
    advice = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.list_filter = tuple(
            choice_filter(self.model, entry) if isinstance(entry, str) else entry
            for entry in self.list_filter
        )
        if not issubclass(self.index_view_class, ScopedIndexView):
            raise ImproperlyConfigured(
                f"{type(self).__name__}'s list must be a ScopedIndexView: any other list "
                "turns unknown query parameters into database filters."
            )

    def selector(self, user) -> models.QuerySet:
        raise NotImplementedError

    def filter_districts(self, request) -> models.QuerySet[District]:
        """The districts the list's district filter offers: those the person may read."""
        return meeting_districts_visible_to(request.user)

    def get_queryset(self, request):
        rows = self.selector(request.user)
        return rows.select_related(*self.related) if self.related else rows

    # Every view: 404 for a row this person may not read, 403 for a refused view.

    def visible_or_404(self, request, instance_pk):
        return scoped_object_or_404(self.get_queryset(request), instance_pk)

    def _or_refused(self, request, view, *args, refusal: str = "", back_url: str = ""):
        try:
            return view(request, *args)
        except PermissionDenied:
            return refused(
                request,
                refusal or self.refusal,
                advice=self.advice,
                back_url=back_url or self.url_helper.index_url,
            )

    def index_view(self, request):
        # The list itself is refused, so "back" goes to the dashboard.
        return self._or_refused(
            request, super().index_view, refusal=self.no_access, back_url=urls.admin_home_url()
        )

    def create_view(self, request):
        return self._or_refused(request, super().create_view)

    def _instance_view(self, request, view, instance_pk):
        """The one rule for a row's address, on every screen: a row outside the person's
        selector answers 404, whoever they are, so nobody learns what another district
        holds; a view of their own row that they may not use answers 403."""
        self.visible_or_404(request, instance_pk)
        return self._or_refused(request, view, instance_pk)

    def inspect_view(self, request, instance_pk):
        return self._instance_view(request, super().inspect_view, instance_pk)

    def edit_view(self, request, instance_pk):
        return self._instance_view(request, super().edit_view, instance_pk)

    def delete_view(self, request, instance_pk):
        return self._instance_view(request, super().delete_view, instance_pk)


class CaseworkDistrictsMixin:
    """For screens read and changed under the casework rule (`districts_visible_to`): EIDOs
    of the district and county leads only."""

    def filter_districts(self, request):
        return districts_visible_to(request.user)
