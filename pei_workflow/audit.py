"""Recording the audit log: who did what, to which record, in which district, and when.

Each function writes one `AuditLogEntry` (one INSERT), in the caller's transaction, through
the manager's `write` (Wagtail's `BaseLogEntryManager.log_action`, where
`wagtail.log_actions.log()` ends once it has chosen the log model). Every action is
registered with Wagtail (`admin.audit`), so that Wagtail accepts it and an entry's message
reads in words in Site history and on the Audit log report.

The API:

- `record(actor, action, instance, district=..., data=None)`: a staff action on a record.
  `district` defaults to the record's own (`models.audit.district_id_of`); `data` may hold
  field names or labels, states, ids and district codes, never free text or a
  practitioner's details (the entry is labelled by the record's reference or name).
  For example, the redaction service: `record(actor, REDACTED, submission,
  data={"field": "unmet_need", "versions": 3})`.
- `record_view(request, instance, what=PAGE, data=None)`: someone looked at a submission's
  page (`PAGE`), its history (`HISTORY`) or a comparison of two of its versions (`DIFF`,
  with `data={"versions": [a, b]}`, the version ids). Call it once the view has decided to
  show the page, so that a refused view records nothing.
- `record_export(request, model, export_format, district=None, data=None)`: a list was
  downloaded; `record_report_view(request, model, label, district=None, data=None)`: a
  report was read. `list_filters(request)` gives the `data` for either.
- Sign-ins, failed sign-ins and sign-outs are recorded by `connect_signals()`, which the
  app's `ready()` calls.

Changes Wagtail logs itself (`log()` of a meeting, member, budget, district, service, theme,
priority, assignment, person or submission, from wagtail-modeladmin's views or our
services) are copied to the audit log as they are written (see `models.audit`): nothing
here needs calling for them.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed

from .models import AuditLogEntry

# The actions this module writes, defined beside the model (their words are registered in
# `admin.audit`), and named here for callers.
from .models.audit import (  # noqa: F401
    ASSIGNED,
    AUDIT_ACTIONS,
    BACKUP_CODES_MADE,
    CORRECTED,
    EXPORTED,
    NOTE_ADDED,
    REDACTED,
    SECOND_FACTOR_FAILED,
    SECOND_FACTOR_PASSED,
    SECOND_FACTOR_REMOVED,
    SECOND_FACTOR_SET_UP,
    SIGN_IN_FAILED,
    SIGN_IN_UNLOCKED,
    SIGNED_IN,
    SIGNED_OUT,
    STEP,
    THEMES_SET,
    VIEWED,
)

#: What `record_view` was shown.
PAGE = "page"
HISTORY = "history"
DIFF = "diff"
SCREENS = (PAGE, HISTORY, DIFF)
#: What `record_report_view` was shown.
REPORT = "report"

#: The label of a failed sign-in to no account: what was typed is not kept (see
#: `_record_failed_sign_in`).
NO_SUCH_ACCOUNT = "No such account"

_DEFAULT = object()


def _person(user):
    """The user to record as the actor: None for nobody signed in (the practitioner through
    their status link, or the system)."""
    return user if user is not None and user.is_authenticated else None


def record(actor, action: str, instance, district=_DEFAULT, data: dict | None = None):
    """Record a staff action on one record (see the module's docstring)."""
    kwargs = {} if district is _DEFAULT else {"district": district}
    return AuditLogEntry.objects.write(
        instance, action, user=_person(actor), data=data or {}, **kwargs
    )


def record_many(actor, action: str, instances, data) -> list:
    """Record the same staff action on each of `instances` (submissions of one model) in one
    INSERT; `data(instance)` gives each entry's data, under the same rule as `record`'s."""
    return AuditLogEntry.objects.write_many(instances, action, user=_person(actor), data=data)


def step_data(step: str, from_state: str, submission, actor) -> dict:
    """What a workflow step's entry holds: the step and the two states, and whether the
    practitioner took it (no actor: through their status link). Not the step's comment or
    its data, which may hold free text."""
    data = {"step": step, "from_state": from_state, "to_state": submission.state}
    if _person(actor) is None:
        data["by"] = "practitioner"
    return data


def themes_data(themes) -> dict:
    """What a change of themes' entry holds: the themes' ids and names (county-wide labels)."""
    themes = sorted(themes, key=lambda theme: theme.name)
    return {"themes": [theme.name for theme in themes], "theme_ids": [t.pk for t in themes]}


def record_view(request, instance, what: str = PAGE, data: dict | None = None):
    """Record that the person signed in looked at `instance` (a submission, or a
    commissioned project's page): its `what`."""
    if what not in SCREENS:
        raise ValueError(f"record_view: `what` is one of {SCREENS}, not {what!r}")
    return record(request.user, VIEWED, instance, data={"screen": what, **(data or {})})


def record_report_view(request, model, label: str, district=None, data: dict | None = None):
    """Record that the person signed in looked at a report about `model` (the Audit log
    report, say), with its filters in `data` (see `list_filters`)."""
    return AuditLogEntry.objects.write_about(
        model,
        VIEWED,
        label=label,
        user=_person(request.user),
        district=district,
        data={"screen": REPORT, **(data or {})},
    )


def record_export(request, model, export_format: str, district=None, data: dict | None = None):
    """Record that the person signed in downloaded a list of `model` (CSV or XLSX).
    `district` is the one district the list held, if it held only one."""
    return AuditLogEntry.objects.write_about(
        model,
        EXPORTED,
        label=f"{str(model._meta.verbose_name_plural).capitalize()} ({export_format.upper()})",
        user=_person(request.user),
        district=district,
        data={"format": export_format, **(data or {})},
    )


def list_filters(request, *, leave_out=("export",), search="q") -> dict:
    """What a downloaded list was filtered by, for `record_export`: each query parameter's
    values (the lists read only the parameters they declare, and only the values their
    filters offer: ids, choices, dates), and whether it was searched, without the words
    searched for, which are free text."""
    skipped = {*leave_out, search, "p", "_w_filter_fragment"}
    filters = {
        name: request.GET.getlist(name) for name in sorted(request.GET) if name not in skipped
    }
    return {"filters": filters, "searched": bool(request.GET.get(search, "").strip())}


# Signing in and out. These are Django's own signals for exactly these events; each
# receiver only writes its entry.


def _record_sign_in(sender, request, user, **kwargs):
    record(user, SIGNED_IN, user, district=None)


def _record_sign_out(sender, request, user, **kwargs):
    if user is not None and user.is_authenticated:
        record(user, SIGNED_OUT, user, district=None)


def _record_failed_sign_in(sender, credentials, request=None, **kwargs):
    """A failed sign-in, against the account whose username was typed, if there is one.

    Django has already masked the password. What was typed as the username is never kept:
    people type their password into the username box, and even a keyed hash (HMAC) of that
    would let anyone holding the database and the secret key test guesses against it. An
    existing account's username is not secret, so an attempt on an account is recorded
    against it (the entry names the account, not who tried); an attempt on no account is
    recorded as such, with nothing of what was typed.
    """
    users = get_user_model()
    typed = credentials.get(users.USERNAME_FIELD) or credentials.get("username")
    account = (
        users._default_manager.filter(**{users.USERNAME_FIELD: typed}).first() if typed else None
    )
    if account is not None:
        record(None, SIGN_IN_FAILED, account, district=None)
    else:
        AuditLogEntry.objects.write_about(users, SIGN_IN_FAILED, label=NO_SUCH_ACCOUNT)


def connect_signals() -> None:
    """Record every sign-in, failed sign-in and sign-out (called once, from `ready()`)."""
    user_logged_in.connect(_record_sign_in, dispatch_uid="pei_workflow.audit.sign_in")
    user_logged_out.connect(_record_sign_out, dispatch_uid="pei_workflow.audit.sign_out")
    user_login_failed.connect(
        _record_failed_sign_in, dispatch_uid="pei_workflow.audit.sign_in_failed"
    )
