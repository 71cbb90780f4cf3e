"""The audit log: who did what, to which record, in which district, and when.

`AuditLogEntry` is the audit log: one row per event, each with the district it concerns (or
none: a sign-in, a theme). Its rows are written once and never changed or deleted: no view
could, and the model and its default querysets refuse to. They come from two places:

- `pei_workflow.audit`, for what Wagtail does not log itself: views of a submission,
  workflow steps, corrections, themes, redactions, downloads, sign-ins and sign-outs. These
  are the audit's own actions (`AUDIT_ACTIONS`).
- Wagtail's `log()`, whose registry (`pei_workflow.admin.audit` registers the models) sends
  a submission's entries here and every other casework record's, and a person's, to
  `RecordLogEntry`. Whatever logs them (wagtail-modeladmin's create, edit and delete views,
  or our services), Wagtail's actions stay `ModelLogEntry` rows as they always were (Site
  history, the tests and the district scoping in `admin.wagtail_screens` read them there),
  and each is copied here, with its district, in the same transaction.

No row holds a practitioner's details or a submission's free text: a submission is labelled
by its reference, and `data` holds only field labels, states, ids and district codes.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.log_actions import get_active_log_context
from wagtail.models import ModelLogEntry
from wagtail.models.audit_log import BaseLogEntry, BaseLogEntryManager, LogEntryQuerySet
from wagtail.models.audit_log import ModelLogEntryManager as WagtailModelLogEntryManager

from .caf import CafEscalation
from .directory import Service
from .districts import District
from .gaps import GapInService
from .projects import CommissionedProject, MonitoringReturn
from .submissions import Submission

# The audit's own actions (their words are registered in `admin.audit`).
VIEWED = "pei_workflow.view"
STEP = "pei_workflow.step"
CORRECTED = "pei_workflow.correct_answers"
THEMES_SET = "pei_workflow.set_themes"
REDACTED = "pei_workflow.redact"
EXPORTED = "pei_workflow.export"
SIGNED_IN = "pei_workflow.sign_in"
SIGN_IN_FAILED = "pei_workflow.sign_in_failed"
SIGNED_OUT = "pei_workflow.sign_out"
ASSIGNED = "pei_workflow.assign"
NOTE_ADDED = "pei_workflow.add_note"
SIGN_IN_UNLOCKED = "pei_workflow.unlock_sign_in"
# The second factor: set up, a code accepted or refused (data: which kind of code, never the
# code), a new set of backup codes, and a county lead's removal of someone's (data: why).
SECOND_FACTOR_SET_UP = "pei_workflow.set_up_second_factor"
SECOND_FACTOR_PASSED = "pei_workflow.second_factor"
SECOND_FACTOR_FAILED = "pei_workflow.second_factor_failed"
BACKUP_CODES_MADE = "pei_workflow.make_backup_codes"
SECOND_FACTOR_REMOVED = "pei_workflow.remove_second_factor"
SECOND_FACTOR_ACTIONS = frozenset(
    {SECOND_FACTOR_SET_UP, SECOND_FACTOR_PASSED, SECOND_FACTOR_FAILED, BACKUP_CODES_MADE}
    | {SECOND_FACTOR_REMOVED}
)
AUDIT_ACTIONS = frozenset(
    {VIEWED, STEP, CORRECTED, THEMES_SET, REDACTED, EXPORTED, SIGNED_IN, SIGN_IN_FAILED}
    | {SIGNED_OUT, ASSIGNED, NOTE_ADDED, SIGN_IN_UNLOCKED}
    | SECOND_FACTOR_ACTIONS
)

#: Why an audit log row cannot be changed.
APPEND_ONLY = "The audit log is kept as written: its entries cannot be changed or deleted."

# The keys of a Wagtail log entry's data that its audit copy keeps: the role changes' (a
# role, its label, district names, whether an account was made). Anything else a view might
# put there is left out, so that no free text reaches the audit log through a copy.
_COPIED_DATA = ("role", "role_label", "districts", "account_created")
_UNSET = object()


def district_id_of(instance) -> int | None:
    """The district a record belongs to, or None when it belongs to none or to several (a
    service or commissioned project covering more than one district, a theme, a person). A
    monitoring return belongs to its project's district."""
    if isinstance(instance, District):
        return instance.pk
    district_id = getattr(instance, "district_id", None)
    if district_id is not None:
        return district_id
    if isinstance(instance, MonitoringReturn):
        return district_id_of(instance.project)
    if isinstance(instance, Service | CommissionedProject) and instance.pk is not None:
        ids = [district.pk for district in instance.districts.all()]
        return ids[0] if len(ids) == 1 else None
    return None


def _pk(district) -> int | None:
    return getattr(district, "pk", district)


class AuditLogQuerySet(LogEntryQuerySet):
    def update(self, **kwargs):
        raise ValidationError(APPEND_ONLY)

    def delete(self):
        raise ValidationError(APPEND_ONLY)


class AuditLogEntryManager(BaseLogEntryManager):
    def get_queryset(self):
        return AuditLogQuerySet(self.model, using=self._db)

    def get_instance_title(self, instance):
        # A submission is named by its reference alone, whatever `__str__` says one day.
        if isinstance(instance, Submission):
            return instance.reference
        return super().get_instance_title(instance)

    def write(self, instance, action, *, district=_UNSET, **kwargs):
        """One audit log row about `instance` (one INSERT, through Wagtail's
        `BaseLogEntryManager.log_action`): its id, and the district given or its own."""
        kwargs["object_id"] = str(instance.pk)
        kwargs.setdefault("uuid", get_active_log_context().uuid)
        district_id = district_id_of(instance) if district is _UNSET else _pk(district)
        return super().log_action(instance, action, district_id=district_id, **kwargs)

    def write_many(self, instances, action, *, user, data) -> list:
        """One row about each of `instances` (records of one model), the same action by the
        same person, in one INSERT: what a bulk change writes. `data(instance)` gives each
        row's data. Each row is the row `write` would make, but for Wagtail's revision and
        content-changed flags, which no bulk change of a submission sets."""
        if action not in AUDIT_ACTIONS:
            raise ValueError(f"write_many: {action!r} is not one of the audit's own actions")
        instances = list(instances)
        if not instances:
            return []
        content_type = ContentType.objects.get_for_model(instances[0], for_concrete_model=False)
        now, uuid = timezone.now(), get_active_log_context().uuid
        return self.bulk_create(
            [
                self.model(
                    content_type=content_type,
                    object_id=str(instance.pk),
                    label=self.get_instance_title(instance),
                    action=action,
                    timestamp=now,
                    uuid=uuid,
                    user=user,
                    district_id=district_id_of(instance),
                    data=data(instance),
                )
                for instance in instances
            ]
        )

    def write_about(self, model, action, *, label, user=None, district=None, data=None):
        """One row about a kind of record rather than one (the download of a list, a sign-in
        to no known account): the model's type, no object id."""
        return self.create(
            content_type=ContentType.objects.get_for_model(model),
            object_id="",
            label=label,
            action=action,
            timestamp=timezone.now(),
            uuid=get_active_log_context().uuid,
            user=user,
            district_id=_pk(district),
            data=data or {},
        )

    def log_action(self, instance, action, **kwargs):
        """What Wagtail's `log()` of a submission calls. The audit's own actions are written
        here only; any other (Wagtail's `wagtail.edit` and the like) is kept as a model log
        entry as well, as before this log existed (see the module's docstring)."""
        if action in AUDIT_ACTIONS:
            return self.write(instance, action, **kwargs)
        return RecordLogEntry.objects.log_action(instance, action, **kwargs)

    def for_instance(self, instance):
        return self.filter(
            content_type=ContentType.objects.get_for_model(instance, for_concrete_model=False),
            object_id=str(instance.pk),
        )

    def viewable_by_user(self, user):
        """What Wagtail's Site history (its list, filters and exports) shows of the audit log
        to this person: the audit's own entries about a submission (views, steps,
        corrections, themes, redactions), under the district rule
        (`selectors.audit_entries_visible_to`). The copies of Wagtail's entries are listed
        there once already, as model log entries; sign-ins and downloads are on the Audit
        log report only."""
        from ..selectors import audit_entries_visible_to  # selectors import these models

        submission_types = ContentType.objects.get_for_models(GapInService, CafEscalation)
        own = self.filter(
            content_type__in=list(submission_types.values()), action__in=AUDIT_ACTIONS
        ).exclude(object_id="")
        return audit_entries_visible_to(user, own)


class AuditLogEntry(BaseLogEntry):
    """One event in the audit log. `object_id` is blank for an entry about a kind of record
    (a download); `district` is null for one about no single district (a sign-in, a theme,
    a county-wide download), which only county leads see."""

    object_id = models.CharField(max_length=255, blank=True, db_index=True)
    district = models.ForeignKey(
        District, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = AuditLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = "audit log entry"
        verbose_name_plural = "audit log entries"
        indexes = [
            *BaseLogEntry.Meta.indexes,
            models.Index(fields=["district", "-timestamp"], name="pei_audit_district_time"),
        ]

    def __str__(self) -> str:
        return f"Audit log entry {self.pk}: {self.action} on {self.label}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError(APPEND_ONLY)
        # Wagtail's save runs full_clean, which reads each foreign key back (a query each)
        # before the INSERT. These values come from saved rows, so only the fields' own checks
        # and Wagtail's "is the action registered" check run: the INSERT is the one query.
        self.clean_fields(exclude=["content_type", "user", "revision", "district"])
        self.clean()
        return models.Model.save(self, *args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(APPEND_ONLY)

    @property
    def district_code(self) -> str:
        return self.district.code if self.district_id else ""

    @property
    def actor_label(self) -> str:
        """Who did it, in words: the person, or who acted without an account."""
        if self.user_id:
            return str(self.user_display_name)
        if self.data.get("by") == "practitioner":
            return "The practitioner (status link)"
        if self.action == SIGN_IN_FAILED:
            return "Not signed in"
        return "The system"


class RecordLogEntryManager(WagtailModelLogEntryManager):
    def log_action(self, instance, action, **kwargs):
        """Wagtail's model log entry, then its copy in the audit log, in the caller's
        transaction: both are written or neither."""
        district = kwargs.pop("district", _UNSET)
        entry = super().log_action(instance, action, **kwargs)
        data = {key: entry.data[key] for key in _COPIED_DATA if key in (entry.data or {})}
        if district is _UNSET and data.get("districts"):
            district, data["district_codes"] = _named_districts(data["districts"])
        AuditLogEntry.objects.write(
            instance,
            action,
            district=district,
            user_id=entry.user_id,
            uuid=entry.uuid,
            title=entry.label,
            timestamp=entry.timestamp,
            data=data,
            content_changed=entry.content_changed,
            deleted=entry.deleted,
        )
        return entry

    def viewable_by_user(self, user):
        # These rows are ModelLogEntry rows, which Site history lists already (scoped by
        # `admin.wagtail_screens`): listed again here they would appear twice.
        return self.none()


def _named_districts(names) -> tuple[District | None, list[str]]:
    """A role change names its districts: the one district (None for several), and the codes
    of all of them."""
    found = list(District.objects.filter(name__in=names).order_by("code"))
    return (found[0] if len(found) == 1 else None), [district.code for district in found]


class RecordLogEntry(ModelLogEntry):
    """Wagtail's model log entry for a casework record or a person (a proxy: the same rows),
    copied to the audit log as it is written (see the module's docstring)."""

    objects = RecordLogEntryManager()

    class Meta:
        proxy = True
        verbose_name = "model log entry"
        verbose_name_plural = "model log entries"
