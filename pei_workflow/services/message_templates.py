"""Saving a message template, and the message to the practitioner that a decision or a
closure may carry.

A district's templates are changed by its EIDOs and the county leads; the county defaults (no
district) by county leads only. A template's text is checked as any text staff write (the
anonymity guard) and its placeholders against the ones that exist
(`pei_workflow.placeholders`).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from ..models import PRACTITIONER_MESSAGE, District, MessageStep, MessageTemplate
from ..permissions import is_county_lead
from ..placeholders import placeholder_problems
from ..selectors import districts_visible_to
from .inputs import optional_text, required_text
from .records import field_values, log_saved

__all__ = [
    "MAY_NOT_CHANGE_TEMPLATE",
    "checked_practitioner_message",
    "message_data",
    "save_message_template",
]

#: Why someone is refused a change of a template.
MAY_NOT_CHANGE_TEMPLATE = (
    "Only a county lead can change the county's default templates, and only your district's "
    "EIDO or a county lead can change a district's."
)
TEMPLATE_FIELDS = ("district_id", "step", "name", "body")
MESSAGE_LABEL = "The message to the practitioner"


def may_change_template(actor, district_id: int | None) -> bool:
    """Whether the actor may add or change a template of this district (None: the county's
    default)."""
    if is_county_lead(actor):
        return True
    if district_id is None:
        return False
    return districts_visible_to(actor).filter(pk=district_id).exists()


def _checked_body(body: str) -> str:
    body = required_text(
        body, field="body", label="The text", message="Enter the text of the template."
    )
    problems = placeholder_problems(body)
    if problems:
        raise ValidationError({"body": problems})
    return body


def _checked_name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": "Enter a short name for the template."})
    limit = MessageTemplate._meta.get_field("name").max_length
    if len(name) > limit:
        raise ValidationError({"name": f"The name must be {limit} characters or fewer."})
    return optional_text(name, field="name", label="The name")


def _same_name(template: MessageTemplate) -> str:
    whose = "county default" if template.district_id is None else f"{template.district}"
    return (
        f"There is already a {whose} template called “{template.name}” for this step. "
        "Choose another name."
    )


def _check_unique(locked: MessageTemplate) -> None:
    same = MessageTemplate.objects.filter(
        district=locked.district_id, step=locked.step, name__iexact=locked.name
    ).exclude(pk=locked.pk)
    if same.exists():
        raise ValidationError({"name": _same_name(locked)})


def save_message_template(
    *,
    actor,
    template: MessageTemplate | None = None,
    step: str,
    name: str,
    body: str,
    district: District | None,
) -> MessageTemplate:
    """Add a message template, or change `template`.

    The actor is a county lead, or the EIDO of the template's district (before and after the
    change); a county default is a county lead's. The step is one whose text the
    practitioner reads; the name is short and the district's own; the text holds only the
    placeholders that exist ({reference}, {district}, {status_page}) in pairs of curly
    brackets, and no identifying detail. One unit of work, with an existing template's row
    locked; saved with Wagtail's log entry, which the audit log copies. Raises
    PermissionDenied if the actor may not, ValidationError keyed by field if a rule is
    broken; either way nothing changes."""
    if not districts_visible_to(actor).exists():
        raise PermissionDenied(MAY_NOT_CHANGE_TEMPLATE)
    errors = {}
    if step not in MessageStep.values:
        errors["step"] = ["Select the step the template is for."]
    try:
        name = _checked_name(name)
    except ValidationError as error:
        errors.update(error.message_dict)
    try:
        body = _checked_body(body)
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    district_id = district.pk if district is not None else None
    created = template is None or template.pk is None
    with transaction.atomic():
        if created:
            locked = MessageTemplate()
        else:
            locked = MessageTemplate.objects.select_for_update().get(pk=template.pk)
            if not may_change_template(actor, locked.district_id):
                raise PermissionDenied(MAY_NOT_CHANGE_TEMPLATE)
        if not may_change_template(actor, district_id):
            raise PermissionDenied(MAY_NOT_CHANGE_TEMPLATE)
        before = field_values(locked, TEMPLATE_FIELDS)
        locked.district, locked.step, locked.name, locked.body = district, step, name, body
        _check_unique(locked)
        locked.full_clean(validate_constraints=False)
        try:
            with transaction.atomic():
                locked.save()
        except IntegrityError:  # the same name saved by someone else a moment ago
            raise ValidationError({"name": _same_name(locked)}) from None
        log_saved(
            locked,
            actor=actor,
            created=created,
            changed=field_values(locked, TEMPLATE_FIELDS) != before,
        )
    return locked


def checked_practitioner_message(value: str) -> str:
    """A decision's or a closure's message to the practitioner, checked as any text staff
    write (empty is allowed: the message is optional)."""
    return optional_text(value, field=PRACTITIONER_MESSAGE, label=MESSAGE_LABEL)


def message_data(message: str) -> dict:
    """The review history data that keeps the message, if there is one."""
    return {PRACTITIONER_MESSAGE: message} if message else {}
