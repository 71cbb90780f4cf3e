"""Identifiers from the systems that hold a child's records.

Unique Pupil Numbers
    A UPN is thirteen characters: a check letter, the three-digit local authority number
    (888 is Lancashire), the school's four-digit DfE number, two digits for the year and three
    for the serial (a temporary UPN ends in a letter). One with a valid check letter and a
    known authority (python-stdnum's `stdnum.gb.upn`) is refused wherever it is; after "UPN"
    or "unique pupil number" the shape alone is refused, as a mistyped UPN still points to a
    pupil.

Case-system person ids
    Children's social care and Early Help record a child under a number: Mosaic and
    Liquidlogic's LCS and EHM ("Mosaic ID 1234567", "LCS person id: 8765432", "Liquidlogic ref
    2233445"), as do Eclipse, CareFirst, ControCC and GP systems (EMIS, SystmOne). Five to ten
    digits (perhaps after a few letters) close after the system's name, or after "person",
    "client", "child" or "case" with "ID", "number" or "ref", are refused. Mentioning a system
    without a number ("recorded on Mosaic") is fine, and so are the service's own references
    ("GAP-PEN-2026-0007") and years, which have four digits.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stdnum.gb import upn

_UPN_SHAPE = re.compile(
    r"\b[A-Z][ \t]?[0-9]{3}[ \t]?[0-9]{4}[ \t]?[0-9]{2}[ \t]?[0-9]{2}[0-9A-Z]\b", re.IGNORECASE
)
_UPN_LABEL = re.compile(r"\b(?:upn|unique[ \t]+pupil[ \t]+(?:number|no\b\.?|ref))", re.IGNORECASE)

_SYSTEM = (
    r"mosaic|lcs|liquid[ \t-]?logic|ehm|eclipse|care[ \t-]?first|controcc|emis|systm[ \t]?one"
    r"|upn|uln|unique[ \t]+(?:pupil|learner)[ \t]+(?:number|no)"
)
_RECORD = (
    r"(?:person|client|child|children|child's|case|pupil|learner|family|record|service[ \t]user)"
    r"[ \t]+(?:id|number|no\b\.?|ref(?:erence)?|num)"
)
_CASE_SYSTEM_ID = re.compile(
    rf"\b(?:{_SYSTEM}|{_RECORD})\b[^.;!?\n0-9£$]{{0,30}}?(?<![\w/-])"
    r"(?P<id>[A-Z]{0,3}[0-9]{5,10})(?![\w/-]|\.[0-9])",
    re.IGNORECASE,
)


_FIVE_DIGITS = re.compile(r"[0-9]{5}")


def find_case_system_ids(text: str) -> Iterator[int]:
    # Every identifier here has five digits in a row; most casework has none.
    if not _FIVE_DIGITS.search(text):
        return
    for match in _UPN_SHAPE.finditer(text):
        if upn.is_valid(match.group().replace(" ", "")) or _UPN_LABEL.search(
            text, max(0, match.start() - 40), match.start()
        ):
            yield match.start()
    for match in _CASE_SYSTEM_ID.finditer(text):
        yield match.start()
