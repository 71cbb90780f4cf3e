"""Which identifying details are refused in which text, and the one check that refuses them.

The public forms, the EIDO's corrections, every workflow step and the meeting screens all call
`refuse_identifying_details`, so a practitioner and a member of staff meet the same guard and
get the same kind of message: it names the field and the kind of detail, never the text.
"""

from django.core.exceptions import ValidationError

from . import anonymity

#: Every kind the guard knows: applied to all free text about the case, whoever writes it.
ALL_DETAILS = None

#: The details that can only be about a person: checked in the practitioner's job title and
#: organisation. Names, schools, street addresses, phone numbers and email addresses are left
#: out there on purpose: a GP practice may be named after a doctor ("Dr Patel's surgery"), an
#: organisation may be a school or known by its street, and its phone and email are the
#: practitioner's own contact details, which the form asks for anyway.
PERSONAL_IDENTIFIERS = frozenset(
    {anonymity.POSTCODE, anonymity.NHS_NUMBER, anonymity.NI_NUMBER, anonymity.DATE_OF_BIRTH}
)

#: The practitioner's own name, email and phone: theirs to give, not checked.
NOT_CHECKED = frozenset()

#: The practitioner's answers that are not free text about the case but are checked all the
#: same, and how. Every other text answer (a TextField) is checked for every kind.
ANSWER_CHECKS = {
    "practitioner_name": NOT_CHECKED,
    "email": NOT_CHECKED,
    "phone": NOT_CHECKED,
    "job_title": PERSONAL_IDENTIFIERS,
    "organisation": PERSONAL_IDENTIFIERS,
}


#: The text of records staff keep that many people read, checked for every kind, as the
#: case's own text is: a theme is shown on every case tagged with it and in the reports, a
#: priority on the public Gap form. By model (`_meta.label_lower`).
RECORD_TEXTS = {
    "pei_workflow.theme": ("name", "description"),
    "pei_workflow.priority": ("title",),
}


def identifying_details_in(value: str | None, kinds=ALL_DETAILS) -> list[anonymity.Finding]:
    """The kinds of identifying detail in `value`, limited to `kinds` (all kinds by default)."""
    if not value or kinds == NOT_CHECKED:
        return []
    findings = anonymity.find_identifying_details(value)
    if kinds is not ALL_DETAILS:
        findings = [finding for finding in findings if finding.kind in kinds]
    return findings


def refuse_identifying_details(
    value: str | None, *, label: str, field: str | None = None, kinds=ALL_DETAILS
) -> None:
    """Raise ValidationError (code "identifying_detail") if `value` holds an identifying
    detail of one of `kinds`. With `field`, the error is keyed by it, so a form shows the
    message beside the field; `label` is how the message names it."""
    findings = identifying_details_in(value, kinds)
    if not findings:
        return
    error = ValidationError(
        anonymity.identifying_details_message(label, findings),
        code=anonymity.IDENTIFYING_DETAIL_CODE,
    )
    raise ValidationError({field: error}) if field else error


def refuse_identifying_details_in_record(instance) -> None:
    """Raise ValidationError, keyed by each field it names, if a text of `instance` that
    RECORD_TEXTS lists holds an identifying detail."""
    errors = {}
    for name in RECORD_TEXTS.get(instance._meta.label_lower, ()):
        label = f"The {instance._meta.get_field(name).verbose_name}"
        try:
            refuse_identifying_details(getattr(instance, name), label=label, field=name)
        except ValidationError as refused:
            errors.update(refused.error_dict)
    if errors:
        raise ValidationError(errors)
