"""The kinds of identifying detail, and what the person writing is told about each.

The message names the field and the kinds of detail, never the detail itself, so it cannot
reach a log, an email or an error page; then it says how to write the same thing without it,
in plain words, one suggestion per kind found.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

POSTCODE = "postcode"
NHS_NUMBER = "nhs_number"
NI_NUMBER = "ni_number"
DATE_OF_BIRTH = "date_of_birth"
PHONE_NUMBER = "phone_number"
EMAIL_ADDRESS = "email_address"
NAME = "name"
STREET_ADDRESS = "street_address"
SCHOOL = "school"
CASE_SYSTEM_ID = "case_system_id"

DESCRIPTIONS = {
    POSTCODE: "a postcode",
    NHS_NUMBER: "an NHS number",
    NI_NUMBER: "a National Insurance number",
    DATE_OF_BIRTH: "a date of birth",
    PHONE_NUMBER: "a phone number",
    EMAIL_ADDRESS: "an email address",
    NAME: "a person's name",
    STREET_ADDRESS: "a house number and street",
    SCHOOL: "the name of a school",
    CASE_SYSTEM_ID: "a case record or pupil number",
}

#: How to say the same thing without the detail, for each kind.
SUGGESTIONS = {
    POSTCODE: "Give the town or area instead, such as 'Nelson' or 'the BB9 area'.",
    NHS_NUMBER: "Leave the number out: the panel does not need it.",
    NI_NUMBER: "Leave the number out: the panel does not need it.",
    DATE_OF_BIRTH: "Give an age or a school year instead, such as 'aged 9' or 'in Year 4'.",
    PHONE_NUMBER: "Leave it out: the panel contacts the practitioner, never the family.",
    EMAIL_ADDRESS: "Leave it out: the panel contacts the practitioner, never the family.",
    NAME: "Say who the person is instead, such as 'the mother' or 'a 9-year-old boy', "
    "rather than their name.",
    STREET_ADDRESS: "Give the town or area instead, such as 'a street in Nelson'.",
    SCHOOL: "Say what kind of school it is instead, such as 'a church school in Burnley'.",
    CASE_SYSTEM_ID: "Leave the number out: say 'known to children's social care' if it matters.",
}


@dataclass(frozen=True)
class Finding:
    """One kind of identifying detail found in a text.

    It deliberately holds no position or matched text, so that nothing built from it can
    repeat the detail.
    """

    kind: str
    description: str


def identifying_details_message(field_label: str, findings: Sequence[Finding]) -> str:
    """Return the error message for a field whose answer holds `findings`.

    The message names the field and the kinds of detail, never the detail itself, and says
    how to write it instead.
    """
    if not findings:
        raise ValueError("A message needs at least one finding.")
    descriptions = [finding.description for finding in findings]
    if len(descriptions) == 1:
        listed = descriptions[0]
    else:
        listed = ", ".join(descriptions[:-1]) + " or " + descriptions[-1]
    label = field_label.strip()
    label = label[:1].upper() + label[1:]
    pronoun = "it" if len(descriptions) == 1 else "them"
    suggestions = []
    for finding in findings:
        suggestion = SUGGESTIONS.get(finding.kind)
        if suggestion and suggestion not in suggestions:
            suggestions.append(suggestion)
    return " ".join(
        [
            f"{label} must not include {listed}.",
            f"Remove {pronoun} so that no child, young person or family can be identified.",
            *suggestions,
        ]
    )
