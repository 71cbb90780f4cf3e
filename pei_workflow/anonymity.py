"""The anonymity guard: what keeps a submission from identifying a child, young person or family.

The Gap in Service and CAF escalation forms must never hold anything that identifies a child,
young person or family. Every free-text answer goes through `find_identifying_details` before
anything is stored; a form adds `identifying_details_message` as that field's error (or calls
`check_free_text`, which raises a `ValidationError`). The message names the field and the kind
of detail, never the matched text, so the detail cannot reach a log, an email or an error page.

The rules, and the choices behind them:

Postcodes
    A full UK postcode is refused, with or without the space and in any case ("BB9 7LJ",
    "bb97lj", "SW1A 1AA", "GIR 0AA"). The letters follow Royal Mail's rules, which keeps out
    shapes such as "Y7 8am". An outward code alone ("the BB9 area") is allowed: it covers
    thousands of homes and is how practitioners say where a need is. An inward part written as
    a lower-case ordinal ("Y7 1st term", "KS3 2nd year") is read as an ordinal, not a postcode.

NHS numbers
    Ten digits, together or grouped 3-3-4 with spaces or hyphens, whose Modulus 11 check digit
    is valid. Ten digits with a wrong check digit are not an NHS number (a purchase order, say)
    and are not refused as one; they are refused as a phone number only if they also look like
    one (starting 01, 02 or 07).

National Insurance numbers
    Two letters, six digits (together or in pairs) and an optional final letter A to D, in any
    case. With the final letter the shape is refused whatever the prefix: HMRC's own example
    "QQ 12 34 56 C" has an invalid prefix, and a mistyped real number still identifies someone.
    Without the final letter ("PO123456") the shape is common in other references, so it is
    refused only when the prefix is one HMRC issues (first letter not D, F, I, Q, U or V; second
    not D, F, I, O, Q, U or V; not BG, GB, KN, NK, NT, TN or ZZ).

Dates of birth
    A date is refused when it is presented as a date of birth. After "DOB", "D.O.B.", "date of
    birth" or "birth date" (within a few words in the same sentence), or just before one of them
    ("12/05/2014 (DOB)"), any date is refused, even a year alone. After "born" or "birthday",
    only linking words may come between ("born on", "born in early", "birthday is on the").
    Dates count in any common form: 12/05/2014, 12-05-2014, 12.05.14, 2014-05-12, 12 May 2014,
    12th of May, May 12th 2014, May 2014, 2014. A month alone ("born in May") is allowed.
    Dates without birth words are allowed, however full or recent: "CAF completed on 12 May
    2025" and "since March 2026" are the normal stuff of casework, and a bare date cannot be told
    apart from a meeting date.

Phone numbers
    UK numbers written nationally or internationally ("07700 900123", "+44 (0)7700 900123",
    "(01632) 960123", "020 7946 0000") are refused when they are landline (01, 02) or mobile (07)
    numbers. Non-geographic numbers (03, 08, 09) belong to organisations, such as a council
    contact centre or a helpline, and are allowed. The practitioner's own contact fields are
    separate and are not checked here.

Email addresses
    Any email address is refused in free text, even a work one: a school's address names the
    school.

Names
    A capitalised word, or initials and a word, after Mr, Mrs, Ms, Mx, Miss, Master or Dr ("Mrs
    Smith", "dr. Jones", "Master T Brown"). Titles match in any case except "Miss" and
    "Master", which must start with a capital because they are also ordinary words, and "MS",
    which is taken as an abbreviation ("MS Teams"). A title on its own, before a small word
    ("Mr and Mrs") or at the end of a sentence is allowed. "Dr Barnardo's" is allowed: it is
    the charity's old name, not a person. Also refused: "his name is Jack", "the child's first
    name: Amelia". There is no rule for "called X" or "named X": services and projects are
    introduced that way far more often than people.

Street addresses
    A house number followed by one or two capitalised words and a street word ("12 Acacia
    Avenue", "14 High Street", "27a Albert Rd"). A street name without a house number is
    allowed: it names a street, not a home. Phrases such as "2 Family Court hearings" are not
    addresses.

Text is normalised first (compatibility forms, any script's digits, dashes, curly apostrophes;
invisible characters removed), so "ＢＢ９ ７ＬＪ" or a postcode with a zero-width space in it is
still found. Every pattern is a plain regular expression whose repeats are bounded or cannot
overlap, so checking takes time in proportion to the length of the text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError

IDENTIFYING_DETAIL_CODE = "identifying_detail"

POSTCODE = "postcode"
NHS_NUMBER = "nhs_number"
NI_NUMBER = "ni_number"
DATE_OF_BIRTH = "date_of_birth"
PHONE_NUMBER = "phone_number"
EMAIL_ADDRESS = "email_address"
NAME = "name"
STREET_ADDRESS = "street_address"

DESCRIPTIONS = {
    POSTCODE: "a postcode",
    NHS_NUMBER: "an NHS number",
    NI_NUMBER: "a National Insurance number",
    DATE_OF_BIRTH: "a date of birth",
    PHONE_NUMBER: "a phone number",
    EMAIL_ADDRESS: "an email address",
    NAME: "a person's name",
    STREET_ADDRESS: "a house number and street",
}


@dataclass(frozen=True)
class Finding:
    """One kind of identifying detail found in a text.

    It deliberately holds no position or matched text, so that nothing built from it can
    repeat the detail.
    """

    kind: str
    description: str


def find_identifying_details(text: str | None) -> list[Finding]:
    """Return the kinds of identifying detail in `text`, one per kind, in order of appearance."""
    if not text:
        return []
    normalised = _normalise(text)
    first_seen: dict[str, int] = {}
    for kind, finder in _FINDERS:
        position = min(finder(normalised), default=None)
        if position is not None:
            first_seen[kind] = position
    ordered = sorted(first_seen, key=first_seen.__getitem__)
    return [Finding(kind=kind, description=DESCRIPTIONS[kind]) for kind in ordered]


def identifying_details_message(field_label: str, findings: Sequence[Finding]) -> str:
    """Return the error message for a field whose answer holds `findings`.

    The message names the field and the kinds of detail, never the detail itself.
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
    return (
        f"{label} must not include {listed}. "
        f"Remove {pronoun} so that no child, young person or family can be identified."
    )


def check_free_text(value: str | None, field_label: str) -> None:
    """Raise `ValidationError` (code "identifying_detail") if `value` identifies anyone."""
    findings = find_identifying_details(value)
    if findings:
        raise ValidationError(
            identifying_details_message(field_label, findings), code=IDENTIFYING_DETAIL_CODE
        )


# --- Normalisation --------------------------------------------------------------------------

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_APOSTROPHES = "\u2018\u2019\u02bc\u2032"
_TRANSLATION = {ord(dash): "-" for dash in _DASHES} | {ord(mark): "'" for mark in _APOSTROPHES}


def _normalise(text: str) -> str:
    # Someone pasting from a document, or trying to slip past the check, should not defeat it
    # with full-width letters, Arabic-Indic digits, typographic dashes or zero-width spaces.
    text = unicodedata.normalize("NFKC", text).translate(_TRANSLATION)
    characters = []
    for character in text:
        if unicodedata.category(character) == "Cf":
            continue
        digit = unicodedata.decimal(character, None)
        characters.append(
            str(digit) if digit is not None and not character.isascii() else character
        )
    return "".join(characters)


# --- Postcodes ------------------------------------------------------------------------------

_POSTCODE = re.compile(
    r"\b(?:GIR[ \t-]{0,2}0AA"
    r"|(?:[A-PR-UWYZ][0-9][0-9A-HJKPS-UW]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9ABEHMNPRV-Y]?)"
    r"[ \t-]{0,2}(?P<inward>[0-9][ABD-HJLNP-UW-Z]{2}))\b",
    re.IGNORECASE,
)
_LOWER_CASE_ORDINAL = re.compile(r"[0-9](?:st|nd|rd|th)")


def _find_postcodes(text: str) -> Iterator[int]:
    for match in _POSTCODE.finditer(text):
        inward = match.group("inward")
        if inward and _LOWER_CASE_ORDINAL.fullmatch(inward):
            continue
        yield match.start()


# --- NHS numbers ----------------------------------------------------------------------------

_NHS_NUMBER = re.compile(r"(?<![0-9])[0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{4}(?![0-9])")


def is_valid_nhs_number(digits: str) -> bool:
    """Return whether ten digits carry a valid NHS Modulus 11 check digit."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    weights = range(10, 1, -1)
    total = sum(int(digit) * weight for digit, weight in zip(digits[:9], weights, strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def _find_nhs_numbers(text: str) -> Iterator[int]:
    for match in _NHS_NUMBER.finditer(text):
        if is_valid_nhs_number(re.sub(r"[ -]", "", match.group())):
            yield match.start()


# --- National Insurance numbers -------------------------------------------------------------

_NI_NUMBER = re.compile(
    r"\b(?P<prefix>[A-Z]{2})[ ]?[0-9]{2}[ ]?[0-9]{2}[ ]?[0-9]{2}(?:[ ]?(?P<suffix>[A-D]))?\b",
    re.IGNORECASE,
)
_NI_PREFIX_NEVER_ISSUED = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})


def _is_issued_ni_prefix(prefix: str) -> bool:
    prefix = prefix.upper()
    return (
        prefix[0] not in "DFIQUV"
        and prefix[1] not in "DFIOQUV"
        and prefix not in _NI_PREFIX_NEVER_ISSUED
    )


def _find_ni_numbers(text: str) -> Iterator[int]:
    for match in _NI_NUMBER.finditer(text):
        if match.group("suffix") or _is_issued_ni_prefix(match.group("prefix")):
            yield match.start()


# --- Dates of birth -------------------------------------------------------------------------

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_DAY = r"[0-3]?[0-9](?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)[0-9]{2}"
_DATE = (
    r"(?:"
    rf"[0-3]?[0-9][/.-][01]?[0-9][/.-](?:{_YEAR}|[0-9]{{2}})\b"
    rf"|[0-3]?[0-9][ ][01]?[0-9][ ]{_YEAR}\b"
    rf"|{_YEAR}[/.-][01]?[0-9][/.-][0-3]?[0-9]\b"
    rf"|{_DAY}(?:[ \t]+of)?[ \t]+{_MONTH}(?:,?[ \t]+(?:{_YEAR}|'[0-9]{{2}})\b)?"
    rf"|{_MONTH}[ \t]+{_DAY}\b(?:,?[ \t]+{_YEAR}\b)?"
    rf"|{_MONTH},?[ \t]+{_YEAR}\b"
    rf"|{_YEAR}\b"
    r")"
)
_STRONG_BIRTH_WORDS = (
    r"(?:\bdob\b|\bd\.[ ]?o\.[ ]?b\b\.?|\bd/o/b\b|\bdate[ \t-]+of[ \t-]+birth\b"
    r"|\bbirth[ \t-]?date\b)"
)
# "born" and "birthday" are common in ordinary sentences ("born and raised here", "a birthday
# party in March"), so only these linking words may stand between them and the date.
_LINKING_WORDS = (
    r"(?:(?:on|in|at|is|was|of|the|during|around|about|circa|approximately|approx"
    r"|early|late|mid|spring|summer|autumn|winter)\b|c\.|approx\.)"
)
_WEAK_BIRTH_WORDS = r"(?:(?<![\w-])born\b|\bbirth[ ]?day\b)"
_DATE_OF_BIRTH = re.compile(
    rf"{_STRONG_BIRTH_WORDS}[ \t]*[:(-]?[^.;!?\n]{{0,25}}?(?<![0-9])\b{_DATE}"
    rf"|{_WEAK_BIRTH_WORDS}(?:[ \t]*[:-]|[ \t]+{_LINKING_WORDS}){{0,4}}[ \t]*\b{_DATE}"
    rf"|(?<![0-9])\b{_DATE}[ \t]*[(:,-]?[ \t]*{_STRONG_BIRTH_WORDS}",
    re.IGNORECASE,
)


def _find_dates_of_birth(text: str) -> Iterator[int]:
    for match in _DATE_OF_BIRTH.finditer(text):
        yield match.start()


# --- Phone numbers --------------------------------------------------------------------------

_PHONE_NUMBER = re.compile(
    r"(?<![0-9A-Za-z+])(?:"
    r"(?:\+|00)[ ]?44[ ]?(?:\(0\)[ ]?)?(?P<international>[1-9][0-9](?:[ -]?[0-9]){7,8})"
    r"|\(?0(?P<national>[1-9][0-9]\)?(?:[ )-]{0,2}[0-9]){7,8})"
    r")(?![0-9])"
)
# Landlines start 01 or 02 and mobiles 07; 03, 08 and 09 numbers belong to organisations.
_PERSONAL_NUMBER_RANGES = ("1", "2", "7")


def _find_phone_numbers(text: str) -> Iterator[int]:
    for match in _PHONE_NUMBER.finditer(text):
        number = match.group("international") or match.group("national")
        if number.startswith(_PERSONAL_NUMBER_RANGES):
            yield match.start()


# --- Email addresses ------------------------------------------------------------------------

# The look-behind lets a match start only at the beginning of a run of address characters, so
# a long run without "@" is scanned once, not once per character.
_EMAIL_ADDRESS = re.compile(r"(?<![\w.%+'-])[\w.%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def _find_email_addresses(text: str) -> Iterator[int]:
    for match in _EMAIL_ADDRESS.finditer(text):
        yield match.start()


# --- Names ----------------------------------------------------------------------------------

_TITLED_NAME = re.compile(
    r"\b(?P<title>(?i:mrs|mr|ms|mx|dr)|Miss|Master)\b\.?[ \t]{1,3}"
    r"(?P<initials>(?:[A-Z]\.?[ \t]{1,3}){0,2})(?P<word>[^\W\d_][\w'-]*)"
)
# Capitalised words that often follow a title and are not a name: the start of the next
# sentence, the other half of "Mr and Mrs", or a word that turns "Master" into a noun.
_NOT_A_NAME_WORDS = """
    A An And As At But By For From He Her Here His How I If In Is It Its Mr Mrs Ms Mx Miss
    Master Dr My No Not Of On Or Our She So That The Their Then There These They This To Was
    We When Where Which Who With You Your Class Classes Degree Plan Key Copy
"""
_NOT_A_NAME = frozenset(_NOT_A_NAME_WORDS.split())
# Organisations still named after a person, written with a title.
_ORGANISATION_NAMES = frozenset({"Barnardo's", "Barnardos"})

_STATED_NAME = re.compile(
    r"(?i:\b(?:his|her|their|(?:child|person|son|daughter|baby|mum|mother|dad|father|parent"
    r"|carer|brother|sister|sibling)'?s)"
    r"(?:[ \t]+(?:first|last|full|middle|given|family|real|preferred))?"
    r"[ \t]+(?:name|surname|forename)(?:[ \t]+(?:is|was)|[ \t]*:))"
    r"[ \t]*(?P<word>[A-Z][\w'-]*)"
)


def _find_names(text: str) -> Iterator[int]:
    for match in _TITLED_NAME.finditer(text):
        word = match.group("word")
        if match.group("title") == "MS" or not word[0].isupper():
            continue
        if not match.group("initials") and (word in _NOT_A_NAME or word in _ORGANISATION_NAMES):
            continue
        yield match.start()
    for match in _STATED_NAME.finditer(text):
        if match.group("word") not in _NOT_A_NAME:
            yield match.start()


# --- Street addresses -----------------------------------------------------------------------

_STREET_ADDRESS = re.compile(
    r"(?<![0-9£$.,])\b[0-9]{1,4}[A-Za-z]?,?[ \t]+"
    r"(?P<words>(?:[A-Z][A-Za-z'-]*[ \t]+){1,2})"
    r"(?P<suffix>(?i:street|st|road|rd|avenue|ave|lane|ln|close|drive|dr|way|court|ct"
    r"|crescent|cres|grove|place|pl|terrace|gardens|gdns|walk|row|hill|view|square|sq|mews))\b"
)
# Capitalised phrases that end in a street word but are not streets.
_NOT_A_STREET = frozenset(
    {
        "family court",
        "youth court",
        "crown court",
        "county court",
        "high court",
        "magistrates court",
        "magistrates' court",
        "coroner's court",
        "community gardens",
        "safe place",
        "safe places",
        "mile walk",
    }
)


def _find_street_addresses(text: str) -> Iterator[int]:
    for match in _STREET_ADDRESS.finditer(text):
        phrase = " ".join(match.group("words").split() + [match.group("suffix")]).lower()
        if any(phrase.endswith(words) for words in _NOT_A_STREET):
            continue
        yield match.start()


_FINDERS: tuple[tuple[str, Callable[[str], Iterator[int]]], ...] = (
    (POSTCODE, _find_postcodes),
    (NHS_NUMBER, _find_nhs_numbers),
    (NI_NUMBER, _find_ni_numbers),
    (DATE_OF_BIRTH, _find_dates_of_birth),
    (PHONE_NUMBER, _find_phone_numbers),
    (EMAIL_ADDRESS, _find_email_addresses),
    (NAME, _find_names),
    (STREET_ADDRESS, _find_street_addresses),
)
