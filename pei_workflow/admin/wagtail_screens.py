"""Wagtail's own screens, scoped by district like the casework admin.

The casework admin writes Wagtail log entries (`ModelLogEntry`) when a meeting, panel member,
budget, district, service, theme or priority is created, changed or deleted, and when someone
is given a role or has one taken away. Wagtail shows a log entry to anyone with any permission
on its model, so without this module a Pendle EIDO would read, in Reports > Site history (its
list, its filters and its CSV and XLSX exports), the entries about Burnley's meetings and
members.

Where each of Wagtail's screens stands:

- Site history (`/admin/reports/site-history/`, its `results/` and `?export=`): every row, and
  the choices of its user, type and action filters, come from
  `ModelLogEntry.objects.viewable_by_user(user)` (see wagtail/admin/views/reports/
  audit_logging.py). Wagtail has no hook for that queryset, and the `register_admin_urls`
  hook cannot replace the report, because those URLs come after Wagtail's own (wagtail/admin/
  urls/__init__.py). So this module narrows `viewable_by_user` itself, keeping Wagtail's rule
  and taking away what `log_entries_visible_to` hides: one narrowing that every part of the
  report shares.
- History of a casework record: the casework screens turn wagtail-modeladmin's history view
  off (`history_view_enabled = False`), so there is none. Wagtail's user history asks for a
  permission on users that no casework role has.
- Snippet history: no casework model is a snippet (only the guidance's EIDO contacts are).
- Admin search (`/admin/pages/search/`) and its search areas (pages, images, documents,
  users) find no casework record, and the workflow reports list page and snippet workflows
  only; casework has its own states. They stay as Wagtail makes them.

A log entry keeps its label (the record's `__str__`) after the record is deleted. A
submission's label is its reference only.

The audit log (`models.AuditLogEntry`, see `models.audit` and `admin.audit`) is another log
model that Site history lists. These model log entries are still written as before (their
log model for casework records and people, `RecordLogEntry`, is a proxy of `ModelLogEntry`
that lists nothing of its own, so Site history shows each row once) and each is copied to the
audit log with its district. Of the audit log, Site history shows the audit's own entries
about submissions (views, steps, corrections, themes), scoped by
`selectors.audit_entries_visible_to`; everything else in it is on Reports > Audit log.
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from wagtail.models.audit_log import ModelLogEntryManager

from ..models import (
    CafEscalation,
    CommissionedProject,
    District,
    DistrictAssignment,
    GapInService,
    Meeting,
    MonitoringReturn,
    PanelMember,
    Priority,
    Service,
    SpotPurchaseBudget,
    Theme,
)
from ..permissions import is_county_lead
from ..selectors import (
    budgets_visible_to,
    meeting_districts_visible_to,
    meetings_visible_to,
    panel_members_visible_to,
    priorities_visible_to,
    projects_visible_to,
    services_visible_to,
    visible_to,
)
from ..services.people import ROLE_GRANTED, ROLE_REMOVED, can_set_up_people

__all__ = ["log_entries_visible_to"]

#: The log actions written against a person when their roles change.
ROLE_ACTIONS = (ROLE_GRANTED, ROLE_REMOVED)

#: Casework models shared by the whole county: their entries stay as Wagtail shows them.
COUNTY_WIDE_MODELS = (Theme,)


def _visible_rows(user) -> dict:
    """For each district-scoped casework model, the rows this person may see, from the same
    selectors as the casework screens: an entry about any other row, including one deleted
    since, is hidden."""
    return {
        District: meeting_districts_visible_to(user),
        Meeting: meetings_visible_to(user),
        PanelMember: panel_members_visible_to(user),
        SpotPurchaseBudget: budgets_visible_to(user),
        Service: services_visible_to(user),
        Priority: priorities_visible_to(user),
        GapInService: visible_to(user, GapInService),
        CafEscalation: visible_to(user, CafEscalation),
        CommissionedProject: projects_visible_to(user),
        MonitoringReturn: MonitoringReturn.objects.filter(project__in=projects_visible_to(user)),
    }


def _object_ids(rows: QuerySet) -> QuerySet:
    """The primary keys of `rows` as a log entry stores them (text), as a subquery."""
    return rows.order_by().annotate(log_object_id=Cast("pk", CharField())).values("log_object_id")


def _content_type_ids(*models) -> list[int]:
    # Django caches content types: after the first request this costs no query.
    found = ContentType.objects.get_for_models(*models)
    return [found[model].pk for model in models]


def _people_entries() -> Q:
    """Role changes, logged against the person, and entries about district assignments."""
    user_type, assignment_type = _content_type_ids(get_user_model(), DistrictAssignment)
    return Q(content_type_id=user_type, action__in=ROLE_ACTIONS) | Q(
        content_type_id=assignment_type
    )


def log_entries_visible_to(user, entries: QuerySet) -> QuerySet:
    """Narrow `entries` (model log entries Wagtail would show this person) to those about
    records the person may see under the casework rules.

    - County leads and superusers: every district's entries.
    - Anyone else: an entry about a district, meeting, panel member or budget only if the row
      is in one of their meeting districts (`meeting_district_ids`); about a service or a
      CYPP priority, if `services_visible_to` or `priorities_visible_to` gives it; about a
      submission, if `visible_to` gives it; about a commissioned project or one of its
      monitoring returns, if `projects_visible_to` gives the project. Themes are
      county-wide: as Wagtail shows them.
      Any other casework model (district assignments, spot purchases, ...) is county leads'
      only, and so is every entry about a record deleted since (the entries record no
      district).
    - Role changes, logged against the person, and district assignments: only people who
      set people up (`can_set_up_people`).
    """
    if getattr(user, "is_superuser", False):
        return entries
    allowed = Q()
    if not is_county_lead(user):
        scoped = [
            model
            for model in apps.get_app_config("pei_workflow").get_models()
            if model not in COUNTY_WIDE_MODELS
        ]
        allowed = ~Q(content_type_id__in=_content_type_ids(*scoped))
        for model, rows in _visible_rows(user).items():
            (type_id,) = _content_type_ids(model)
            allowed |= Q(content_type_id=type_id, object_id__in=_object_ids(rows))
    if not can_set_up_people(user):
        allowed &= ~_people_entries()
    return entries.filter(allowed) if allowed else entries


_wagtail_viewable_by_user = ModelLogEntryManager.viewable_by_user


def _viewable_by_user(self, user):
    """Wagtail's rule (`ModelLogEntryManager.viewable_by_user`), narrowed by the casework
    rules. County leads also see role changes: the people they set up are users, on whom they
    have no Django permission, so Wagtail alone would show those entries to superusers only."""
    entries = log_entries_visible_to(user, _wagtail_viewable_by_user(self, user))
    if can_set_up_people(user) and not user.is_superuser:
        entries = entries | self.filter(_people_entries())
    return entries


_viewable_by_user.casework_scoped = True

if not getattr(ModelLogEntryManager.viewable_by_user, "casework_scoped", False):
    ModelLogEntryManager.viewable_by_user = _viewable_by_user
