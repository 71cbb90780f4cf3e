"""Saving a record that is not a submission (a meeting, a panel member, a budget) the way
the admin's own create and edit views save one: validated, with its field history
(django-simple-history: who and why) and Wagtail's log entry (Reports > Site history)."""

from django.db import models
from wagtail.log_actions import log

from .inputs import required_text

#: The Wagtail log actions wagtail-modeladmin's create and edit views write.
CREATED = "wagtail.create"
EDITED = "wagtail.edit"


#: The form field that asks why a record is changed.
CHANGE_REASON = "change_reason"


def change_reason(reason: str, *, created: bool, added: str) -> str:
    """Why a record is saved, for its history. A change needs a reason, so that every version
    says why it was made; a new record may have one, and is otherwise saved as `added`."""
    if created and not (reason or "").strip():
        return added
    return required_text(
        reason,
        field=CHANGE_REASON,
        label="The reason for the change",
        message="Enter why you are making this change. It is kept in the record's history.",
    )


def field_values(instance: models.Model, fields, many_to_many=()) -> dict:
    """The values of a record's fields (and the ids of its many-to-many relations), to tell
    afterwards whether an edit changed anything."""
    values = {name: getattr(instance, name) for name in fields}
    if instance.pk:
        for name in many_to_many:
            values[name] = set(getattr(instance, name).values_list("pk", flat=True))
    return values


def save_record(instance: models.Model, *, actor, reason: str) -> None:
    """`full_clean()` and save, in the caller's transaction, with the history's user and
    reason."""
    instance.full_clean()
    instance._change_reason = reason
    if actor is not None and actor.is_authenticated:
        instance._history_user = actor
    instance.save()


def log_saved(instance: models.Model, *, actor, created: bool, changed: bool = True) -> None:
    """Wagtail's log entry for a record created or edited, as wagtail-modeladmin writes it."""
    log(
        instance=instance,
        action=CREATED if created else EDITED,
        user=actor if actor is not None and actor.is_authenticated else None,
        content_changed=created or changed,
    )
