"""The audit log in Wagtail: which log model each record's entries go to, the words of each
action, and the Audit log report (Reports > Audit log; see `audit_report`).

- `log()` of a submission goes to `AuditLogEntry`, with its district (Wagtail's own actions,
  such as `wagtail.edit`, are kept as model log entries too, as they were). Every other
  casework record's, and a person's, go to `RecordLogEntry`: Wagtail's `ModelLogEntry` as
  before (Site history and the tests read it), copied to the audit log as it is written.
  See `models.audit`.
- Each action `pei_workflow.audit` writes is registered here, so that Wagtail accepts it
  (a log entry with an unregistered action fails validation) and says it in words.
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist
from django.urls import path, reverse
from simple_history.models import HistoricalChanges
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from .. import audit
from ..choices import SecondFactorRemoval
from ..labels import field_label, history_label, state_label
from ..models import AuditLogEntry, RecordLogEntry, Submission
from .audit_report import AUDIT_LOG, AUDIT_LOG_RESULTS, AuditLogView, may_read_audit_log

# The casework app's own log models and bookkeeping rows are never logged themselves.
_NOT_LOGGED = {"auditlogentry", "recordlogentry", "transitionlog", "referencesequence"}


def audit_log_url() -> str:
    return reverse(AUDIT_LOG)


@hooks.register("register_admin_urls")
def register_audit_log_urls():
    return [
        path("reports/audit-log/", AuditLogView.as_view(), name=AUDIT_LOG),
        path(
            "reports/audit-log/results/",
            AuditLogView.as_view(results_only=True),
            name=AUDIT_LOG_RESULTS,
        ),
    ]


class AuditLogMenuItem(MenuItem):
    def is_shown(self, request):
        return may_read_audit_log(request.user)


@hooks.register("register_reports_menu_item")
def register_audit_log_menu_item():
    return AuditLogMenuItem(
        "Audit log", audit_log_url(), name="audit-log", icon_name="list-ul", order=1100
    )


def _record_models():
    """Every casework model but the submissions (and the log's own), and people."""
    casework = [
        model
        for model in apps.get_app_config("pei_workflow").get_models()
        if model._meta.model_name not in _NOT_LOGGED
        and not issubclass(model, Submission)
        and not issubclass(model, HistoricalChanges)
    ]
    return [*casework, get_user_model()]


def _model_of(log_entry):
    return log_entry.content_type.model_class() if log_entry.content_type_id else None


class Viewed(LogFormatter):
    label = "View a submission or report"
    screens = {
        audit.PAGE: "Viewed its page",
        audit.HISTORY: "Viewed its history",
        audit.DIFF: "Compared two of its versions",
        audit.REPORT: "Read the report",
    }

    def format_message(self, log_entry):
        return self.screens.get(log_entry.data.get("screen"), "Viewed it")


class Step(LogFormatter):
    label = "Workflow step"

    def format_message(self, log_entry):
        data, model = log_entry.data, _model_of(log_entry)
        sentence = history_label(data.get("step", ""))
        if model is not None and data.get("from_state") and data.get("to_state"):
            before, after = (
                state_label(model, data["from_state"]),
                state_label(model, data["to_state"]),
            )
            sentence += f": {before} to {after}"
        if data.get("by") == "practitioner":
            sentence += " (by the practitioner, through their status link)"
        return sentence


class Corrected(LogFormatter):
    label = "Correct answers"

    def format_message(self, log_entry):
        return "Corrected " + ", ".join(log_entry.data.get("fields") or ["answers"])


class ThemesSet(LogFormatter):
    label = "Change themes"

    def format_message(self, log_entry):
        themes = log_entry.data.get("themes") or []
        return f"Themes set to {', '.join(themes)}" if themes else "Themes taken off"


class Assigned(LogFormatter):
    label = "Assign a case"

    def format_message(self, log_entry):
        if not log_entry.data.get("assignee_id"):
            return "Assignment taken off"
        return f"Assigned to {log_entry.data.get('assignee') or 'a member of staff'}"


class NoteAdded(LogFormatter):
    label = "Add a note"

    def format_message(self, log_entry):
        return "Added a note (the text is in the review history)"


class Redacted(LogFormatter):
    label = "Redact"

    def format_message(self, log_entry):
        name, model = log_entry.data.get("field", ""), _model_of(log_entry)
        try:
            return f"Redacted {field_label(model, name)}"
        except (FieldDoesNotExist, AttributeError):  # a field since renamed, or no model
            return f"Redacted {name.replace('_', ' ') or 'a field'}"


class Exported(LogFormatter):
    label = "Download a list"

    def format_message(self, log_entry):
        return f"Downloaded as {str(log_entry.data.get('format', '')).upper() or 'a file'}"


#: How each kind of second-factor code is named in the audit log's words.
_CODE_KINDS = {"app": "a code from their app", "backup": "a backup code"}


class SecondFactorPassed(LogFormatter):
    label = "Second factor"

    def format_message(self, log_entry):
        kind = _CODE_KINDS.get(log_entry.data.get("kind"), "a code")
        return f"Signed in with {kind}"


class SecondFactorFailed(LogFormatter):
    label = "Wrong second-factor code"

    def format_message(self, log_entry):
        kind = _CODE_KINDS.get(log_entry.data.get("kind"), "a code")
        during = " while setting up" if log_entry.data.get("step") == "set_up" else ""
        if log_entry.data.get("waiting"):
            return f"Tried {kind} too soon after wrong ones{during}"
        return f"Gave {kind} that was not right{during}"


class SecondFactorRemoved(LogFormatter):
    label = "Remove a second factor"

    def format_message(self, log_entry):
        reason = log_entry.data.get("reason", "")
        try:
            why = SecondFactorRemoval(reason).label
        except ValueError:  # a reason since taken off the list
            why = reason.replace("_", " ")
        message = f"Removed their second factor: {why[0].lower()}{why[1:]}"
        ended = log_entry.data.get("sessions_ended")  # not kept before sessions were ended
        if ended is None:
            return message
        return f"{message}. Signed out of {ended} session{'' if ended == 1 else 's'}"


@hooks.register("register_log_actions")
def register_audit_log_actions(actions):
    actions.register_model(Submission, AuditLogEntry)
    for model in _record_models():
        actions.register_model(model, RecordLogEntry)

    for action, formatter in (
        (audit.VIEWED, Viewed),
        (audit.STEP, Step),
        (audit.CORRECTED, Corrected),
        (audit.THEMES_SET, ThemesSet),
        (audit.REDACTED, Redacted),
        (audit.EXPORTED, Exported),
        (audit.ASSIGNED, Assigned),
        (audit.NOTE_ADDED, NoteAdded),
        (audit.SECOND_FACTOR_PASSED, SecondFactorPassed),
        (audit.SECOND_FACTOR_FAILED, SecondFactorFailed),
        (audit.SECOND_FACTOR_REMOVED, SecondFactorRemoved),
    ):
        actions.register_action(action)(formatter)
    actions.register_action(audit.SIGNED_IN, "Sign in", "Signed in")
    actions.register_action(audit.SIGN_IN_FAILED, "Failed sign-in", "Failed to sign in")
    actions.register_action(audit.SIGNED_OUT, "Sign out", "Signed out")
    actions.register_action(audit.SIGN_IN_UNLOCKED, "Unlock sign-in", "Unlocked signing in")
    actions.register_action(
        audit.SECOND_FACTOR_SET_UP, "Set up a second factor", "Set up their second factor"
    )
    actions.register_action(
        audit.BACKUP_CODES_MADE, "Make backup codes", "Made a new set of backup codes"
    )
