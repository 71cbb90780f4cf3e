"""A submission's history for staff: every version (who, when, why, which fields changed)
interleaved with the review history, and a comparison of any two versions, field by field,
with long text compared word by word.

The screens only read: they answer GET (and HEAD) and nothing else, so no view can change or
delete a version. They read only the query parameters they declare (`from`, `to`); anything
else, or a version the submission does not have, is a 400."""

from dataclasses import dataclass

from django.core.exceptions import BadRequest
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from ... import audit
from ...labels import field_label, state_label
from ...models import Submission
from ...versions import Version, changes_between, versions_of
from ..urls import compare_url, history_url, inspect_url
from .actions import visible_submission_or_404
from .answers import display_value
from .timeline import timeline

COMPARE_PARAMETERS = frozenset({"from", "to"})


@dataclass(frozen=True)
class HistoryRow:
    """One line of the history: a version, or a row of the review history."""

    when: object
    version: Version | None = None
    review: object = None


def _rows(submission: Submission, versions: list[Version]) -> list[HistoryRow]:
    rows = [HistoryRow(when=v.when, version=v) for v in versions]
    rows += [HistoryRow(when=entry.log.created_at, review=entry) for entry in timeline(submission)]
    # Newest first; a step and the version it saved share a moment, the step reads first.
    return sorted(rows, key=lambda row: (row.when, row.review is not None), reverse=True)


@require_safe
def history_view(request, model_name: str, pk: int):
    submission = visible_submission_or_404(request.user, model_name, pk)
    if set(request.GET):
        raise BadRequest("This page takes no query parameters.")
    versions = versions_of(submission)
    model = type(submission)
    context = {
        "submission": submission,
        "rows": _rows(submission, versions),
        "versions": versions,
        "labels": {name: field_label(model, name) for v in versions for name in v.changed},
        "back_url": inspect_url(submission),
        "compare_url": compare_url(submission),
    }
    audit.record_view(request, submission, audit.HISTORY)
    return TemplateResponse(request, "pei_workflow/admin/history.html", context)


def _version_number(request, name: str, count: int, default: int) -> int:
    raw = request.GET.get(name)
    if raw is None:
        return default
    if not raw.isdigit() or not 1 <= int(raw) <= count:
        raise BadRequest(f"Choose versions between 1 and {count} to compare.")
    return int(raw)


def _shown(record, model, name: str, value) -> str:
    """A value as the comparison shows it: choices by label, dates and money as people
    write them; a related record by its name."""
    if name == "state":
        return state_label(model, value)
    text, _long = display_value(record, name)
    return text


@require_safe
def compare_view(request, model_name: str, pk: int):
    submission = visible_submission_or_404(request.user, model_name, pk)
    if set(request.GET) - COMPARE_PARAMETERS:
        raise BadRequest("This page reads only the two version numbers, “from” and “to”.")
    versions = versions_of(submission)
    count = len(versions)
    if count == 0:
        raise BadRequest("This submission has no versions to compare.")
    older_number = _version_number(request, "from", count, max(count - 1, 1))
    newer_number = _version_number(request, "to", count, count)
    older, newer = sorted((older_number, newer_number))
    older_version, newer_version = versions[older - 1], versions[newer - 1]
    model = type(submission)
    changes = [
        {
            "label": field_label(model, change.name),
            "old": _shown(older_version.record, model, change.name, change.old),
            "new": _shown(newer_version.record, model, change.name, change.new),
            "words": change.words,
        }
        for change in changes_between(older_version, newer_version)
    ]
    context = {
        "submission": submission,
        "older": older_version,
        "newer": newer_version,
        "versions": versions,
        "changes": changes,
        "back_url": history_url(submission),
        "compare_url": compare_url(submission),
    }
    audit.record_view(
        request,
        submission,
        audit.DIFF,
        data={"versions": [older_version.record.history_id, newer_version.record.history_id]},
    )
    return TemplateResponse(request, "pei_workflow/admin/compare.html", context)
