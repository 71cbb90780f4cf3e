"""Postcodes, NHS numbers and National Insurance numbers, however they are spaced.

Postcodes
    A full postcode whose area is one of Royal Mail's 124 postcode areas ("BB", "PR", "FY",
    "LA", "L", "M" ...), in any case, with up to two spaces or hyphens between the outward and
    inward parts and a space allowed inside either ("BB10 3QW", "bb103qw", "BB10 3 QW",
    "BB 10 3QW"). Knowing the areas keeps out shapes such as "Y7 8am" and "KS3 2nd". An outward
    code alone ("the BB9 area") is allowed: it covers thousands of homes and is how
    practitioners say where a need is. An inward part written as a lower-case ordinal ("LA1
    1st") is read as an ordinal.

NHS numbers
    Ten digits with a valid Modulus 11 check digit (python-stdnum's `stdnum.gb.nhs`), written
    together or in up to four groups split by spaces or hyphens ("943 476 5919", "NHS 401 023
    213 7", "4019 161 461"). Ten digits with a wrong check digit are not an NHS number (a
    purchase order, say).

National Insurance numbers
    Two letters and six digits, together or in pairs split by spaces, dots or hyphens, and an
    optional final letter A to D ("QQ 12 34 56 C", "NI QQ-12-34-56-A", "ab123456c"). With the
    final letter the shape is refused whatever the prefix: HMRC's own example uses "QQ", and a
    mistyped real number still identifies someone. Without it ("PO123456") the shape is common
    in other references, so it is refused only when the prefix is one HMRC issues and it is
    written in capitals or labelled as a National Insurance number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stdnum.gb import nhs

from .runs import digit_windows
from .text import word_list

_AREAS = word_list(
    """
    AB AL BA BB BD BF BH BL BN BR BS BT BX CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL
    DN DT DY EC EH EN EX FK FY GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY
    LA LD LE LL LN LS LU ME MK ML NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM SA SE
    SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB WA WC WD WF WN WR WS WV
    YO ZE B E G L M N S W
    """
)
_POSTCODE_AREAS = frozenset(_AREAS)
# The pattern starts at the district's digit and the area letters are looked up before it: a
# pattern starting with letters would be tried at every letter of the text.
_DISTRICT_AND_INWARD = re.compile(
    r"[0-9][0-9A-Za-z]?[ \t-]{0,2}(?P<sector>[0-9])[ \t]?"
    r"(?P<unit>[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2})(?![0-9A-Za-z])"
)
_GIR = re.compile(r"\bGIR[ \t-]{0,2}0AA\b", re.IGNORECASE)
_LOWER_CASE_ORDINAL = re.compile(r"[0-9][ \t]?(?:st|nd|rd|th)")


def find_postcodes(text: str) -> Iterator[int]:
    for match in _DISTRICT_AND_INWARD.finditer(text):
        start = _start_of_area(text, match.start())
        if start is None:
            continue
        if _LOWER_CASE_ORDINAL.fullmatch(text, match.start("sector"), match.end()):
            continue
        yield start
    if "gir" in text.lower():
        for match in _GIR.finditer(text):
            yield match.start()


def _start_of_area(text: str, district: int) -> int | None:
    """Where the postcode area before `district` starts, if one of Royal Mail's is there."""
    end = district - 1 if district and text[district - 1] in " \t" else district
    for length in (2, 1):
        start = end - length
        if start < 0:
            continue
        area = text[start:end]
        if area.isalpha() and area.isascii() and (start == 0 or not text[start - 1].isalnum()):
            return start if area.upper() in _POSTCODE_AREAS else None
    return None


def is_valid_nhs_number(digits: str) -> bool:
    """Return whether ten digits carry a valid NHS Modulus 11 check digit."""
    return len(digits) == 10 and digits.isdigit() and nhs.is_valid(digits)


def find_nhs_numbers(text: str) -> Iterator[int]:
    for start, digits in digit_windows(text, lengths=(10,), max_groups=4):
        if is_valid_nhs_number(digits):
            yield start


_NI_NUMBER = re.compile(
    r"\b(?P<prefix>[A-Z]{2})[ .-]?[0-9]{2}[ .-]?[0-9]{2}[ .-]?[0-9]{2}"
    r"(?:[ .-]?(?P<suffix>[A-D]))?\b",
    re.IGNORECASE,
)
_NI_LABEL = re.compile(r"\b(?:ni|nino|national[ \t]+insurance)\b", re.IGNORECASE)
_NI_PREFIX_NEVER_ISSUED = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})


def _is_issued_ni_prefix(prefix: str) -> bool:
    prefix = prefix.upper()
    return (
        prefix[0] not in "DFIQUV"
        and prefix[1] not in "DFIOQUV"
        and prefix not in _NI_PREFIX_NEVER_ISSUED
    )


_SIX_DIGITS = re.compile(r"[0-9]{2}[ .-]?[0-9]{2}[ .-]?[0-9]{2}")


def find_ni_numbers(text: str) -> Iterator[int]:
    if not _SIX_DIGITS.search(text):
        return
    for match in _NI_NUMBER.finditer(text):
        prefix = match.group("prefix")
        if (
            match.group("suffix")
            or _is_issued_ni_prefix(prefix)
            and (
                prefix.isupper()
                or _NI_LABEL.search(text, max(0, match.start() - 40), match.start())
            )
        ):
            yield match.start()
