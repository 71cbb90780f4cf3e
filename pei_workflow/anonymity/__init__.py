"""The anonymity guard: what keeps a submission from identifying a child, young person or family.

The Gap in Service and CAF escalation forms, and every free text staff write, must never hold
anything that identifies a child, young person or family. Every free-text answer goes through
`find_identifying_details` before anything is stored; a form adds
`identifying_details_message` as that field's error (or calls `check_free_text`, which raises
a `ValidationError`). The message names the field and the kind of detail, never the matched
text, so the detail cannot reach a log, an email or an error page, and says how to write the
same thing without it.

Each kind of detail has its own module, whose docstring gives its rules and the choices
behind them:

- `names`: people's names, with or without a title, initials with an age (the gazetteer of
  names is `gazetteer`, the names that are everyday words `everyday_words`);
- `places`: house numbers and streets, and schools;
- `dates`: dates of birth;
- `numbers`: postcodes, NHS numbers and National Insurance numbers;
- `contact`: phone numbers and email addresses, disguised ones too;
- `case_ids`: Unique Pupil Numbers and case-system person ids (Mosaic, LCS, EHM...);
- `allow`: the short list of things that look like names or numbers but are not (children's
  programmes, books, ISBNs, durations), blanked out before any rule reads the text.

Text is normalised first (`text`): compatibility forms, any script's digits, dashes, curly
apostrophes; invisible characters removed. Every pattern is a regular expression whose repeats
are bounded or cannot overlap, so checking takes time in proportion to the length of the text,
and patterns that would be tried at every letter start at a digit or run only near their key
words; the whole guard stays under a millisecond on a 600-character answer (see
bench/anonymity.py). Its recall and false-positive rate are measured on a corpus of casework
sentences in tests/pei_workflow/anonymity_corpus/.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from django.core.exceptions import ValidationError

from .allow import allowed_spans
from .case_ids import find_case_system_ids
from .contact import address_spans, find_email_addresses, find_phone_numbers
from .dates import find_dates_of_birth
from .messages import (
    CASE_SYSTEM_ID,
    DATE_OF_BIRTH,
    DESCRIPTIONS,
    EMAIL_ADDRESS,
    NAME,
    NHS_NUMBER,
    NI_NUMBER,
    PHONE_NUMBER,
    POSTCODE,
    SCHOOL,
    STREET_ADDRESS,
    SUGGESTIONS,
    Finding,
    identifying_details_message,
)
from .names import find_names
from .numbers import find_nhs_numbers, find_ni_numbers, find_postcodes, is_valid_nhs_number
from .places import find_schools, find_street_addresses
from .text import Word, blank_out, normalise, words_of, words_outside

__all__ = [
    "CASE_SYSTEM_ID",
    "DATE_OF_BIRTH",
    "DESCRIPTIONS",
    "EMAIL_ADDRESS",
    "IDENTIFYING_DETAIL_CODE",
    "NAME",
    "NHS_NUMBER",
    "NI_NUMBER",
    "PHONE_NUMBER",
    "POSTCODE",
    "SCHOOL",
    "STREET_ADDRESS",
    "SUGGESTIONS",
    "Finding",
    "check_free_text",
    "find_identifying_details",
    "identifying_details_message",
    "is_valid_nhs_number",
]

IDENTIFYING_DETAIL_CODE = "identifying_detail"

_Finder = Callable[[str, list[Word]], Iterator[int]]
_FINDERS: tuple[tuple[str, _Finder], ...] = (
    (POSTCODE, lambda text, words: find_postcodes(text)),
    (NHS_NUMBER, lambda text, words: find_nhs_numbers(text)),
    (NI_NUMBER, lambda text, words: find_ni_numbers(text)),
    (DATE_OF_BIRTH, lambda text, words: find_dates_of_birth(text)),
    (PHONE_NUMBER, lambda text, words: find_phone_numbers(text)),
    (EMAIL_ADDRESS, lambda text, words: find_email_addresses(text)),
    (CASE_SYSTEM_ID, lambda text, words: find_case_system_ids(text)),
)
# These read the prose, with email and web addresses blanked out: "jane.smith@example.com"
# is an email address, not a person called Jane.
_PROSE_FINDERS: tuple[tuple[str, _Finder], ...] = (
    (NAME, find_names),
    (STREET_ADDRESS, lambda text, words: find_street_addresses(text)),
    (SCHOOL, find_schools),
)


def find_identifying_details(text: str | None) -> list[Finding]:
    """Return the kinds of identifying detail in `text`, one per kind, in order of appearance."""
    if not text:
        return []
    normalised = normalise(text)
    words = words_of(normalised)
    allowed = allowed_spans(normalised, words)
    readable = blank_out(normalised, allowed)
    addresses = address_spans(readable)
    prose = blank_out(readable, addresses)
    words = words_outside(words, prose)
    first_seen: dict[str, int] = {}
    for finders, text_read in ((_FINDERS, readable), (_PROSE_FINDERS, prose)):
        for kind, finder in finders:
            position = min(finder(text_read, words), default=None)
            if position is not None:
                first_seen[kind] = position
    ordered = sorted(first_seen, key=first_seen.__getitem__)
    return [Finding(kind=kind, description=DESCRIPTIONS[kind]) for kind in ordered]


def check_free_text(value: str | None, field_label: str) -> None:
    """Raise `ValidationError` (code "identifying_detail") if `value` identifies anyone."""
    findings = find_identifying_details(value)
    if findings:
        raise ValidationError(
            identifying_details_message(field_label, findings), code=IDENTIFYING_DETAIL_CODE
        )
