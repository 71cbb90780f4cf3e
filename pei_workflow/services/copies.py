"""Every copy of a submission's text, and the one function that scrubs them all.

A detail that slipped past the anonymity guard is not only in its answer: every version keeps
it, a correction's reason or an information request may quote it, an email may wait in the
queue with it, and log entries keep labels and data. `remove_everywhere` scrubs all of them;
`redaction.redact` (a person's decision) and `retention` (the schedule) both use it, so a new
place that holds a submission's text is added here, once. It covers:

- the live row and every historical row: every text column, not only the field named (a
  passage may have been copied), change reasons included;
- the rows that belong to it (a gap's spot purchases), and their history if they have one;
- its review history (TransitionLog): each comment and every string in each row's data;
- the durable task queue (django-tasks-db), every row about it, queued or finished: a
  finished row keeps its arguments until `prune_db_task_results` removes it;
- log entries about it in any log model built on Wagtail's `BaseLogEntry`: label and data;
- the search index, if the model is indexed. Submissions are not (the admin searches the
  reference column), so there is nothing to update there.

Nothing caches a submission's text, so there is no cache to drop: the shared cache holds the
workflow pictures (drawn from the state machine and a state name), the forms' rate-limit
counters and sent-form markers, and exports are built on each request.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.db.models.functions import Cast
from django_tasks_db.models import DBTaskResult
from simple_history.exceptions import NotHistoricalModelError
from simple_history.utils import get_history_model_for_model
from wagtail.models.audit_log import BaseLogEntry
from wagtail.search import index

from ..models import Submission, TransitionLog

#: The shortest passage that may be redacted: a letter or two would take every word apart.
MIN_PASSAGE_LENGTH = 3
# Text columns that identify rather than describe: never rewritten.
KEPT_AS_WRITTEN = frozenset({"reference", "status_token_hash"})


def words(text: str) -> str:
    return " ".join((text or "").split())


def _pattern_of(passage: str) -> str:
    """A passage as a pattern: any run of spaces for each space, and no letter or digit
    touching either end that is a letter or digit."""
    pattern = r"\s+".join(map(re.escape, passage.split()))
    before = r"(?<!\w)" if re.match(r"\w", passage) else ""
    after = r"(?!\w)" if re.search(r"\w$", passage) else ""
    return f"{before}{pattern}{after}"


class Scrubber:
    """Finds and replaces a set of passages, in any case and however their spaces fall across
    lines; the longest first, so a passage inside a longer one leaves nothing behind. A
    passage is whole words: "Amy" is taken out of "Amy's" but "pen" leaves "happened" alone.
    The strings in `keep` (the submission's reference) are never rewritten."""

    def __init__(self, passages: Iterable[str], marker: str, keep: Iterable[str] = ()):
        wanted = {words(p) for p in passages}
        wanted = {p for p in wanted if len(p) >= MIN_PASSAGE_LENGTH and p.lower() not in marker}
        self.marker = marker
        self._pattern = self._keep = None
        if wanted:
            alternatives = (_pattern_of(p) for p in sorted(wanted, key=len, reverse=True))
            self._pattern = re.compile("|".join(alternatives), re.IGNORECASE)
        kept = sorted({k for k in keep if k}, key=len, reverse=True)
        if kept:
            self._keep = re.compile("(" + "|".join(map(re.escape, kept)) + ")")

    def __bool__(self) -> bool:
        return self._pattern is not None

    def found_in(self, value) -> bool:
        return bool(self._pattern and isinstance(value, str) and self._pattern.search(value))

    def text(self, value):
        if not self._pattern or not isinstance(value, str) or not value:
            return value
        if self._keep is None:
            return self._pattern.sub(self.marker, value)
        # re.split with a group keeps the kept strings at the odd positions.
        parts = self._keep.split(value)
        return "".join(
            part if index % 2 else self._pattern.sub(self.marker, part)
            for index, part in enumerate(parts)
        )

    def json(self, value):
        """Every string in a JSON value (keys are the code's own and are left alone)."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self.json(item) for item in value]
        if isinstance(value, dict):
            return {key: self.json(item) for key, item in value.items()}
        return value


@dataclass(frozen=True)
class Removal:
    """What to take out of one submission. `fields` are replaced whole by `marker` in the live
    row and every version; `passages` are replaced wherever they appear about it; `comments`
    replaces every review-history comment whole, `data_keys` those values of its data, and
    `related_text` the text of the rows that belong to it."""

    marker: str
    fields: tuple[str, ...] = ()
    passages: tuple[str, ...] = ()
    comments: bool = False
    data_keys: frozenset[str] = frozenset()
    related_text: bool = False


@dataclass
class Removed:
    """How many rows each kind of copy changed."""

    submission: int = 0
    versions: int = 0
    review_history: int = 0
    related: int = 0
    tasks: int = 0
    log_entries: int = 0

    def summary(self) -> str:
        """The places changed, in words: "the submission, 3 earlier versions"."""
        said = ["the submission"] if self.submission else []
        for count, one, many in (
            (self.versions, "earlier version", "earlier versions"),
            (self.review_history, "review history entry", "review history entries"),
            (self.related, "spot purchase", "spot purchases"),
            (self.tasks, "queued email", "queued emails"),
            (self.log_entries, "log entry", "log entries"),
        ):
            if count:
                said.append(f"{count} {one if count == 1 else many}")
        return ", ".join(said) if said else "nothing"


def text_columns(model: type[models.Model]) -> list[str]:
    """The columns of a model that hold words: text and char fields without choices."""
    return [
        f.attname
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField)
        and not f.choices
        and not f.primary_key
        and f.name not in KEPT_AS_WRITTEN
    ]


def _fit(model: type[models.Model], name: str, value: str) -> str:
    # The marker can be longer than what it replaces; a char column must still take it.
    limit = getattr(model._meta.get_field(name), "max_length", None)
    return value[:limit] if limit and isinstance(value, str) else value


def _scrub_instance(row, *, whole, scrubber: Scrubber, marker: str) -> set[str]:
    """Rewrite one row's text in memory; the names of the columns it changed."""
    model, changed = type(row), set()
    for name in text_columns(model):
        value = getattr(row, name)
        if not value:
            continue
        new = marker if name in whole else scrubber.text(value)
        new = _fit(model, name, new)
        if new != value:
            setattr(row, name, new)
            changed.add(name)
    return changed


def _scrub_rows(rows: models.QuerySet, *, whole, scrubber: Scrubber, marker: str) -> int:
    changed, columns = [], set()
    for row in rows.iterator():
        touched = _scrub_instance(row, whole=whole, scrubber=scrubber, marker=marker)
        if touched:
            changed.append(row)
            columns |= touched
    if changed:
        rows.model._base_manager.bulk_update(changed, sorted(columns), batch_size=200)
    return len(changed)


def history_rows(submission: Submission) -> models.QuerySet:
    """Every historical row of a submission, of any age."""
    return type(submission).history.model._base_manager.filter(id=submission.pk)


def review_history_rows(submission: Submission) -> models.QuerySet[TransitionLog]:
    content_type = ContentType.objects.get_for_model(submission)
    return TransitionLog.objects.filter(content_type=content_type, object_id=submission.pk)


def _related_querysets(submission: Submission):
    """The rows that belong to the submission (a gap's spot purchases) and their history."""
    for relation in type(submission)._meta.related_objects:
        if not relation.one_to_many:
            continue
        related = relation.related_model
        yield related._base_manager.filter(**{relation.field.name: submission})
        try:
            historical = get_history_model_for_model(related)
        except NotHistoricalModelError:
            continue
        yield historical._base_manager.filter(**{relation.field.attname: submission.pk})


def _scrub_review_history(submission, removal: Removal, scrubber: Scrubber) -> int:
    changed = []
    for log in review_history_rows(submission).iterator():
        comment = log.comment
        if removal.comments and comment:
            comment = removal.marker
        comment = scrubber.text(comment)
        data = {
            key: removal.marker if key in removal.data_keys and value else scrubber.json(value)
            for key, value in (log.data or {}).items()
        }
        if comment != log.comment or data != log.data:
            log.comment, log.data = comment, data
            changed.append(log)
    TransitionLog.objects.bulk_update(changed, ["comment", "data"], batch_size=200)
    return len(changed)


def _is_about(args_kwargs, submission: Submission) -> bool:
    """Whether a task's arguments name this submission: its model and id (every casework
    task), or its reference (the emails, in `about`)."""
    kwargs = (args_kwargs or {}).get("kwargs") or {}
    label = submission._meta.label_lower
    if kwargs.get("model_label") == label and kwargs.get("pk") == submission.pk:
        return True
    return bool(submission.reference) and submission.reference in strings(args_kwargs)


def strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    if isinstance(value, dict):
        return [s for item in value.values() for s in strings(item)]
    return []


def _scrub_tasks(submission: Submission, scrubber: Scrubber) -> int:
    if not scrubber:
        return 0
    named = Q(args_text__contains=submission._meta.label_lower)
    if submission.reference:
        named |= Q(args_text__contains=submission.reference)
    candidates = DBTaskResult.objects.annotate(
        args_text=Cast("args_kwargs", models.TextField())
    ).filter(named)
    count = 0
    for task in candidates.iterator():
        if not _is_about(task.args_kwargs, submission):
            continue
        args_kwargs = scrubber.json(task.args_kwargs)
        return_value = scrubber.json(task.return_value)
        traceback = scrubber.text(task.traceback)
        if (args_kwargs, return_value, traceback) != (
            task.args_kwargs,
            task.return_value,
            task.traceback,
        ):
            DBTaskResult.objects.filter(pk=task.pk).update(
                args_kwargs=args_kwargs, return_value=return_value, traceback=traceback
            )
            count += 1
    return count


def log_entry_models() -> list[type[BaseLogEntry]]:
    """Every log model that records actions on objects by content type and id."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, BaseLogEntry)
        and {"content_type", "object_id"} <= {f.name for f in model._meta.concrete_fields}
    ]


def _scrub_log_entries(submission: Submission, scrubber: Scrubber) -> int:
    content_type = ContentType.objects.get_for_model(submission)
    count = 0
    for model in log_entry_models():
        rows = model._base_manager.filter(content_type=content_type, object_id=str(submission.pk))
        for entry in rows.iterator():
            label, data = scrubber.text(entry.label), scrubber.json(entry.data)
            if (label, data) != (entry.label, entry.data):
                model._base_manager.filter(pk=entry.pk).update(label=label, data=data)
                count += 1
    return count


def remove_everywhere(locked: Submission, removal: Removal, *, reason: str, actor=None) -> Removed:
    """Take `removal` out of a submission locked by the caller's transaction and out of every
    copy of it (see the module's docstring), then save the submission with `reason` as its new
    version's change reason. No `full_clean`: the marker may be longer than what it replaced,
    and a redaction must never fail for that."""
    scrubber = Scrubber(removal.passages, removal.marker, keep=[locked.reference])
    whole, marker = set(removal.fields), removal.marker
    removed = Removed()
    removed.versions = _scrub_rows(
        history_rows(locked), whole=whole, scrubber=scrubber, marker=marker
    )
    for rows in _related_querysets(locked):
        related_whole = set(text_columns(rows.model)) if removal.related_text else set()
        removed.related += _scrub_rows(rows, whole=related_whole, scrubber=scrubber, marker=marker)
    removed.review_history = _scrub_review_history(locked, removal, scrubber)
    removed.tasks = _scrub_tasks(locked, scrubber)
    removed.log_entries = _scrub_log_entries(locked, scrubber)
    removed.submission = int(
        bool(_scrub_instance(locked, whole=whole, scrubber=scrubber, marker=marker))
    )
    locked._change_reason = reason
    if actor is not None and actor.is_authenticated:
        locked._history_user = actor
    locked.save()
    if isinstance(locked, index.Indexed):
        index.insert_or_update_object(locked)
    return removed


def former_values(submission: Submission, fields: Iterable[str]) -> list[str]:
    """Every value the fields have held, now or in any version: the copies to look for."""
    fields = list(fields)
    if not fields:
        return []
    values = {getattr(submission, name) for name in fields}
    for row in history_rows(submission).values_list(*fields):
        values.update(row)
    return sorted(v for v in values if isinstance(v, str) and v.strip())


def review_history_texts(submission: Submission) -> list[str]:
    """Every comment and data string of the review history: where a passage may be."""
    texts = []
    for comment, data in review_history_rows(submission).values_list("comment", "data"):
        texts.append(comment)
        texts.extend(strings(data))
    return texts
