"""Retention (UK GDPR storage limitation): what the privacy notice promises, done on schedule.

After a case ends (closed, declined or withdrawn), the practitioner's contact details are kept
for `contact_details_years` and the free text for `free_text_years`, as `settings.PEI_RETENTION`
says; the privacy notice reads the same setting, so the two cannot disagree. Then they are
removed from the submission, every version of it and every copy (review-history comments,
queued emails, log entries) by the same code that redacts (`copies.remove_everywhere`), so one
piece of code scrubs every copy. What the reports need stays: district, route, barrier,
priority, age band, who is affected, the counts, CAF and TAC answers, the workforce, states,
dates, meetings, outcomes, amounts and themes, and the review history's steps and data.

- Contact details are the name, email and phone, and the job title and organisation: together
  those two single out one person ("the school nurse at ..."), and no report uses them. The
  workforce (a category such as health or education) stays, for reports.
- Free text is every text answer and the staff's notes (`redaction.redactable_fields`), every
  review-history comment (questions, answers, reasons), what a spot purchase buys, and the
  free-text values of the review history's data (a decision's message to the practitioner
  among them).

A case ended at its latest close, decline or withdrawal in the review history (so a reopened
case starts its clock again when it ends again); failing that, at `closed_at`. An ended case
with neither is left alone and reported, never guessed at.

Safe to run daily and twice: each run finds only what is due and still holds something to
remove, and does each submission in its own transaction, checked again under its lock.
"""

import datetime
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from ..models import PRACTITIONER_MESSAGE, CafEscalation, GapInService, Submission, TransitionLog
from ..states import ENDED_STATES
from .copies import (
    Removal,
    Removed,
    former_values,
    remove_everywhere,
    review_history_rows,
    text_columns,
)
from .redaction import redactable_fields

REMOVED = "[removed]"
CONTACT_DETAILS = ("practitioner_name", "job_title", "organisation", "email", "phone")
# Looked for in other text as well: the name, email and phone say who the practitioner is
# wherever they appear; a job title or organisation in an answer ("the school nurse") does not.
CONTACT_COPIES = ("practitioner_name", "email", "phone")
# The review history's data values that are free text; the rest are codes, names of meetings
# and services, amounts and counts, which reports read. A decision's or a closure's message
# to the practitioner is one (`PRACTITIONER_MESSAGE`).
FREE_TEXT_DATA_KEYS = frozenset({"purchase_for", "reason", "message", PRACTITIONER_MESSAGE})
# A free text is looked for elsewhere only if it has this many words: shorter ones ("Agreed",
# "Panel") are words, not copies, and would take apart the fixed wording around them.
COPY_MIN_WORDS = 3
ENDING_STEPS = ("close", "decline", "withdraw")
SUBMISSION_MODELS = (GapInService, CafEscalation)


@dataclass(frozen=True)
class RetentionPeriods:
    contact_details_years: int
    free_text_years: int


def retention_periods() -> RetentionPeriods:
    """The periods from `settings.PEI_RETENTION`, refused if they are not whole years."""
    setting = getattr(settings, "PEI_RETENTION", None)
    values = {}
    for name in ("contact_details_years", "free_text_years"):
        value = setting.get(name) if isinstance(setting, dict) else None
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ImproperlyConfigured(
                f"PEI_RETENTION['{name}'] must be a whole number of years, 1 or more."
            )
        values[name] = value
    return RetentionPeriods(**values)


def years_before(moment: datetime.datetime, years: int) -> datetime.datetime:
    """The same moment `years` earlier; 29 February becomes the 28th."""
    try:
        return moment.replace(year=moment.year - years)
    except ValueError:
        return moment.replace(year=moment.year - years, day=28)


def ended_cases(model: type[Submission]) -> models.QuerySet:
    """The model's ended cases, each with `ended_at` (None when nothing says when)."""
    ending = (
        TransitionLog.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id=OuterRef("pk"),
            to_state=OuterRef("state"),
            transition__in=ENDING_STEPS,
        )
        .order_by("-created_at", "-pk")
        .values("created_at")[:1]
    )
    return model.objects.filter(state__in=ENDED_STATES).annotate(
        ended_at=Coalesce(Subquery(ending), "closed_at")
    )


def _holds(fields) -> Q:
    """A row whose fields hold something not yet removed."""
    return reduce(or_, (~Q(**{f"{name}__in": ["", REMOVED]}) for name in fields))


def _still_held(model: type[Submission], fields, *, free_text: bool) -> Q:
    """Submissions that, in the live row or any version (and, for free text, in the review
    history or the rows that belong to them), still hold one of the fields."""
    history = model.history.model._base_manager.filter(id=OuterRef("pk")).filter(_holds(fields))
    held = _holds(fields) | Exists(history)
    if free_text:
        rows = TransitionLog.objects.filter(
            content_type=ContentType.objects.get_for_model(model), object_id=OuterRef("pk")
        )
        held |= Exists(rows.exclude(comment__in=["", REMOVED]))
        # A message to the practitioner is kept in a row's data, not its comment.
        messages = rows.filter(data__has_key=PRACTITIONER_MESSAGE).exclude(
            **{f"data__{PRACTITIONER_MESSAGE}__in": ["", REMOVED]}
        )
        held |= Exists(messages)
        for relation in model._meta.related_objects:
            columns = text_columns(relation.related_model) if relation.one_to_many else []
            if columns:
                rows = relation.related_model._base_manager.filter(
                    **{relation.field.name: OuterRef("pk")}
                )
                held |= Exists(rows.filter(_holds(columns)))
    return held


def contact_details_due(model: type[Submission], cutoff) -> models.QuerySet:
    """Cases that ended at or before `cutoff` and still hold the practitioner's details."""
    return ended_cases(model).filter(
        Q(ended_at__lte=cutoff), _still_held(model, CONTACT_DETAILS, free_text=False)
    )


def free_text_due(model: type[Submission], cutoff) -> models.QuerySet:
    """Cases that ended at or before `cutoff` and still hold free text somewhere."""
    fields = redactable_fields(model)
    return ended_cases(model).filter(
        Q(ended_at__lte=cutoff), _still_held(model, fields, free_text=True)
    )


@dataclass
class RetentionRun:
    """What a run did (or, for a dry run, would do), by reference."""

    periods: RetentionPeriods
    dry_run: bool
    contact_details: list[str] = field(default_factory=list)
    free_text: list[str] = field(default_factory=list)
    no_end_recorded: list[str] = field(default_factory=list)
    removed: Removed = field(default_factory=Removed)


def _free_text_removal(locked: Submission) -> Removal:
    fields = tuple(redactable_fields(type(locked)))
    texts = [*former_values(locked, fields)]
    for comment, data in review_history_rows(locked).values_list("comment", "data"):
        texts.append(comment)
        texts.extend(v for k, v in (data or {}).items() if k in FREE_TEXT_DATA_KEYS)
    copies = {t for t in texts if isinstance(t, str) and len(t.split()) >= COPY_MIN_WORDS}
    return Removal(
        marker=REMOVED,
        fields=fields,
        passages=tuple(sorted(copies)),
        comments=True,
        data_keys=FREE_TEXT_DATA_KEYS,
        related_text=True,
    )


def _contact_removal(locked: Submission) -> Removal:
    copies = [v for v in former_values(locked, CONTACT_COPIES) if v != REMOVED]
    return Removal(marker=REMOVED, fields=CONTACT_DETAILS, passages=tuple(copies))


def _both(first: Removal, second: Removal) -> Removal:
    return Removal(
        marker=REMOVED,
        fields=first.fields + second.fields,
        passages=first.passages + second.passages,
        comments=first.comments or second.comments,
        data_keys=first.data_keys | second.data_keys,
        related_text=first.related_text or second.related_text,
    )


def _apply_one(model, pk, *, contact_cutoff, text_cutoff, periods, run: RetentionRun) -> None:
    """Remove what is due from one submission, in its own unit, deciding again under its
    lock so that a run at the same time as another (or a reopening) does no harm."""
    with transaction.atomic():
        locked = model.objects.select_for_update().get(pk=pk)
        contact = contact_details_due(model, contact_cutoff).filter(pk=pk).exists()
        text = free_text_due(model, text_cutoff).filter(pk=pk).exists()
        removals, said = [], []
        if contact:
            removals.append(_contact_removal(locked))
            said.append(f"contact details {periods.contact_details_years} years")
        if text:
            removals.append(_free_text_removal(locked))
            said.append(f"free text {periods.free_text_years} years")
        if not removals:
            return
        removal = reduce(_both, removals)
        removed = remove_everywhere(
            locked,
            removal,
            reason=f"Retention: removed {' and '.join(said)} after the case ended",
        )
    if contact:
        run.contact_details.append(locked.reference)
    if text:
        run.free_text.append(locked.reference)
    for name in ("submission", "versions", "review_history", "related", "tasks", "log_entries"):
        setattr(run.removed, name, getattr(run.removed, name) + getattr(removed, name))


def apply_retention(*, now: datetime.datetime | None = None, dry_run: bool = False) -> RetentionRun:
    """Remove the contact details and the free text of every case whose period has passed.
    With `dry_run`, only say which cases that would be; nothing changes."""
    periods = retention_periods()
    now = now or timezone.now()
    contact_cutoff = years_before(now, periods.contact_details_years)
    text_cutoff = years_before(now, periods.free_text_years)
    run = RetentionRun(periods=periods, dry_run=dry_run)
    for model in SUBMISSION_MODELS:
        unknown = ended_cases(model).filter(ended_at__isnull=True)
        run.no_end_recorded += unknown.values_list("reference", flat=True)
        contact = dict(contact_details_due(model, contact_cutoff).values_list("pk", "reference"))
        text = dict(free_text_due(model, text_cutoff).values_list("pk", "reference"))
        for pk in sorted(contact.keys() | text.keys()):
            if dry_run:
                if pk in contact:
                    run.contact_details.append(contact[pk])
                if pk in text:
                    run.free_text.append(text[pk])
                continue
            _apply_one(
                model,
                pk,
                contact_cutoff=contact_cutoff,
                text_cutoff=text_cutoff,
                periods=periods,
                run=run,
            )
    return run
