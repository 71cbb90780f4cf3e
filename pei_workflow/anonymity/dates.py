"""Dates of birth, however loosely they are written.

A date is refused when it is presented as a date of birth. Dates count in any common form:
12/05/2014, 5/6/2014, 12-05-2014, 12.05.14, 2014-05-12, 12 05 2014, 05062014, 12 May 2014,
12th of May, May 12th 2014, May 2014, 2014.

After "DOB", "D.O.B.", "d/o/b", "date of birth", "birth date" or "b." (within 40 characters in
the same sentence: "date of birth for the middle child: 5/6/2014"), or just before one of
them ("12/05/2014 (DOB)", "19/06/2014 is his date of birth"), any date is refused, even a year
alone. After "born" or "birthday", only linking words may stand before a year or a month
("born in 2012", "born early on 5/6/2014", "birthday is on the 12th of May"), and a full date
may follow a few other words ("born in Burnley on 30/09/2008").

Dates that are clearly not a birth date are allowed: after "DOB unknown", "DOB not given" or
"DOB withheld" the next date is the referral's, not the child's; and when another event stands
between the birth words and the date ("DOB not on the form, referred on 12/05/2026") the date
is that event's. Dates without birth words are allowed, however full or recent: "CAF
completed on 12 May 2025" and "since March 2026" are the normal stuff of casework, and a bare
date cannot be told apart from a meeting date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_DAY = r"[0-3]?[0-9](?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)[0-9]{2}"
_FULL_DATE = (
    r"(?:"
    rf"[0-3]?[0-9][ \t]?[/.-][ \t]?[01]?[0-9][ \t]?[/.-][ \t]?(?:{_YEAR}|[0-9]{{2}})\b"
    rf"|[0-3]?[0-9][ ][01]?[0-9][ ]{_YEAR}\b"
    rf"|[0-3][0-9][01][0-9]{_YEAR}\b"
    rf"|{_YEAR}[/.-][01]?[0-9][/.-][0-3]?[0-9]\b"
    rf"|{_DAY}(?:[ \t]+of)?[ \t]+{_MONTH}(?:,?[ \t]+(?:{_YEAR}|'[0-9]{{2}})\b)?"
    rf"|{_MONTH}[ \t]+{_DAY}\b(?:,?[ \t]+{_YEAR}\b)?"
    r")"
)
_DATE = rf"(?:{_FULL_DATE}|{_MONTH},?[ \t]+{_YEAR}\b|{_YEAR}\b)"

_STRONG_BIRTH_WORDS = (
    r"(?:\bdob\b|\bd\.[ ]?o\.[ ]?b\b\.?|\bd/o/b\b|\bdate[ \t-]+of[ \t-]+birth\b"
    r"|\bbirth[ \t-]?date\b)"
)
# "born" and "birthday" are common in ordinary sentences ("born and raised here", "a birthday
# party in March"), so only these linking words may stand between them and a year or month.
_LINKING_WORDS = (
    r"(?:(?:on|in|at|is|was|of|the|during|around|about|circa|approximately|approx"
    r"|early|late|mid|spring|summer|autumn|winter|her|his|their)\b|c\.|approx\.)"
)
_WEAK_BIRTH_WORDS = r"(?:(?<![\w-])born\b|\bbirth[ ]?day\b)"
_BEFORE_STRONG = r"(?:[ \t]*[(:,-]?[ \t]*(?:(?:is|was|as|his|her|their|the|child's)[ \t]+){0,3})"

# Each way of presenting a date of birth is its own pattern, starting with its birth words, so
# that none is tried at every character of the text.
_AFTER_STRONG_WORDS = re.compile(
    rf"{_STRONG_BIRTH_WORDS}(?P<gap>[ \t]*[:(-]?[^.;!?\n]{{0,40}}?)(?<![0-9])\b{_DATE}",
    re.IGNORECASE,
)
_AFTER_B = re.compile(rf"(?<![\w.])(?:b\.[ \t]*{_DATE}|B\.[ \t]*{_FULL_DATE})")
_AFTER_WEAK_WORDS = re.compile(
    rf"{_WEAK_BIRTH_WORDS}(?:(?:[ \t]*[:-]|[ \t]+{_LINKING_WORDS}){{0,4}}[ \t]*\b{_DATE}"
    rf"|(?P<gap>[^.;!?\n0-9]{{1,30}}?)(?<![0-9])\b{_FULL_DATE})",
    re.IGNORECASE,
)
_STRONG_WORDS = re.compile(_STRONG_BIRTH_WORDS, re.IGNORECASE)
_DATE_BEFORE = re.compile(rf"(?<![0-9])\b{_DATE}{_BEFORE_STRONG}\Z", re.IGNORECASE)
# What, after the birth words, says that the date near them is not the birth date.
_NO_BIRTH_DATE_GIVEN = (
    r"[ \t:(-]*(?:(?:is|was|are)[ \t]+)?(?:unknown|not[ \t]+known|n/?k\b"
    r"|not[ \t]+(?:given|recorded|provided|stated|disclosed|on)|withheld|unrecorded|redacted"
    r"|tbc|to[ \t]+follow)"
)
_NOT_THE_BIRTH_DATE = re.compile(
    rf"^{_NO_BIRTH_DATE_GIVEN}|\b(?:referr\w*|meeting|seen|visit\w*|review\w*|assess\w*"
    r"|appointment|received|completed|closed|opened|started|caf|tac|taf|panel|discharged|moved|due)\b",
    re.IGNORECASE,
)
_NO_BIRTH_DATE = re.compile(_NO_BIRTH_DATE_GIVEN, re.IGNORECASE)


_STRONG_HINTS = ("dob", "d.o", "d. o", "d/o", "birth")
_WEAK_HINTS = ("born", "birth")


def _near(lowered: str, hints: tuple[str, ...], before: int, after: int) -> list[tuple[int, int]]:
    """Stretches of the text around each birth word, merged where they overlap."""
    windows = []
    for hint in hints:
        index = lowered.find(hint)
        while index != -1:
            windows.append((max(0, index - before), min(len(lowered), index + after)))
            index = lowered.find(hint, index + 1)
    windows.sort()
    merged: list[tuple[int, int]] = []
    for start, end in windows:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def find_dates_of_birth(text: str) -> Iterator[int]:
    # Every rule needs a birth word, and most casework has none: the patterns run only on the
    # stretches of text around one, not along the whole text.
    lowered = text.lower()
    for pattern, hints in ((_AFTER_STRONG_WORDS, _STRONG_HINTS), (_AFTER_WEAK_WORDS, _WEAK_HINTS)):
        for start, end in _near(lowered, hints, 15, 90):
            for match in pattern.finditer(text, start, end):
                if not (match.group("gap") and _NOT_THE_BIRTH_DATE.search(match.group("gap"))):
                    yield match.start()
    if "b." in lowered:
        for match in _AFTER_B.finditer(text):
            yield match.start()
    for start, end in _near(lowered, _STRONG_HINTS, 70, 20):
        for match in _STRONG_WORDS.finditer(text, start, end):
            # "12/05/2014 (DOB)", "19/06/2014 is his date of birth"; not "12/05/2026, DOB unknown".
            before = _DATE_BEFORE.search(text, max(0, match.start() - 60), match.start())
            if before and not _NO_BIRTH_DATE.match(text, match.end()):
                yield before.start()
