"""A submission's versions, as its field history keeps them (django-simple-history), and what
changed between any two: field by field, and long text word by word.

Callers pass a submission the person may see (`selectors.visible_to`); this module reads
only that submission's history. Listing the versions is one query however many there are:
what each version changed is worked out in memory from the rows already read."""

import difflib
import re
from dataclasses import dataclass, field

from django.db import models

from .models import Submission

# Fields a person compares: the answers, the state, the decisions and the dates. The row's id
# and the last-changed time change on every save and say nothing of their own.
NOT_COMPARED = frozenset({"id", "updated_at"})

CREATED, CHANGED, DELETED = "+", "~", "-"
KIND_LABELS = {CREATED: "Sent", CHANGED: "Changed", DELETED: "Deleted"}


@dataclass(frozen=True)
class Version:
    """One saved version: its number (1 is the first), who saved it, when and why, and the
    names of the fields it changed from the version before."""

    number: int
    record: models.Model
    changed: tuple[str, ...] = ()

    @property
    def when(self):
        return self.record.history_date

    @property
    def who(self):
        return self.record.history_user

    @property
    def why(self) -> str:
        return self.record.history_change_reason or ""

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.record.history_type, "Changed")


def compared_fields(model: type[Submission]) -> list[str]:
    """The fields of a submission's versions that a comparison shows, in the model's order."""
    history = model.history.model
    tracked = {f.name for f in history.tracked_fields if f.editable}
    return [
        f.name
        for f in model._meta.concrete_fields
        if f.name in tracked and f.name not in NOT_COMPARED
    ]


def _changed(older, newer, names) -> tuple[str, ...]:
    if older is None:
        return ()
    return tuple(newer.diff_against(older, included_fields=names).changed_fields)


def versions_of(submission: Submission) -> list[Version]:
    """Every version of the submission, oldest first, numbered from 1, in one query."""
    names = compared_fields(type(submission))
    rows = list(
        submission.history.select_related("history_user").order_by("history_date", "history_id")
    )
    versions, previous = [], None
    for number, row in enumerate(rows, start=1):
        changed = _changed(previous, row, names)
        # Keep the model's order, not diff_against's alphabetical one.
        ordered = tuple(name for name in names if name in changed)
        versions.append(Version(number=number, record=row, changed=ordered))
        previous = row
    return versions


@dataclass(frozen=True)
class WordChange:
    """A run of words that is the same in both versions, or was deleted or inserted."""

    kind: str  # "same", "deleted" or "inserted"
    text: str


_WORDS = re.compile(r"\s+|\w+(?:['’]\w+)*|[^\w\s]")


def word_diff(old: str, new: str) -> list[WordChange]:
    """`old` turned into `new`, word by word: what stayed, what was deleted, what inserted."""
    before, after = _WORDS.findall(old or ""), _WORDS.findall(new or "")
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    changes = []
    for operation, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if operation == "equal":
            changes.append(WordChange("same", "".join(before[a_start:a_end])))
            continue
        if a_end > a_start:
            changes.append(WordChange("deleted", "".join(before[a_start:a_end])))
        if b_end > b_start:
            changes.append(WordChange("inserted", "".join(after[b_start:b_end])))
    return changes


@dataclass(frozen=True)
class FieldChange:
    """One field that differs between two versions; `words` is set for long text."""

    name: str
    old: object
    new: object
    words: list[WordChange] = field(default_factory=list)


def changes_between(older: Version, newer: Version) -> list[FieldChange]:
    """The fields that differ from `older` to `newer`, in the model's order, with a word
    diff of each long text."""
    model = newer.record.instance_type
    names = compared_fields(model)
    delta = newer.record.diff_against(older.record, included_fields=names)
    by_name = {change.field: change for change in delta.changes}
    changes = []
    for name in names:
        if name not in by_name:
            continue
        change = by_name[name]
        long_text = isinstance(model._meta.get_field(name), models.TextField)
        words = word_diff(change.old or "", change.new or "") if long_text else []
        changes.append(FieldChange(name=name, old=change.old, new=change.new, words=words))
    return changes
