"""Phone numbers and email addresses, as written and as disguised.

Phone numbers
    UK numbers written nationally or internationally, in up to four groups however they are
    spaced ("07700 900123", "07 700 900 456", "0 7700 900 333", "+44 (0)7700 900123",
    "(01254) 496 011", "0044 7700 900 222"), refused when they are landline (01, 02) or mobile
    (07) numbers. Non-geographic numbers (03, 08, 09) belong to organisations, such as a
    council contact centre or a helpline, and are allowed. The practitioner's own contact
    fields are separate and are not checked here.

Email addresses
    Any email address is refused in free text, even a work one: a school's address names the
    school. So are the disguised forms people use to get past a filter or a spam harvester:
    "name [at] example.com", "name(at)example(dot)com", "name @ example . com", "name at
    example dot co dot uk". A bare "at" with a real dot ("sjones at example.org") is read as an
    address unless the words before it introduce a website ("details at lancashire.gov.uk").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .runs import digit_windows
from .text import word_set

# Landlines start 01 or 02 and mobiles 07; 03, 08 and 09 numbers belong to organisations.
_PERSONAL_NUMBER_RANGES = ("1", "2", "7")

_INTERNATIONAL = re.compile(
    r"(?:\+|00)(?<![0-9A-Za-z]00)[ \t]?44[ \t]?(?:\(0\)[ \t]?)?"
    r"(?P<number>[1-9](?:[ \t()-]{0,2}[0-9]){8,9})(?![0-9])"
)


def find_phone_numbers(text: str) -> Iterator[int]:
    for match in _INTERNATIONAL.finditer(text):
        if match.group("number").startswith(_PERSONAL_NUMBER_RANGES):
            yield match.start()
    for start, digits in digit_windows(text, lengths=(10, 11), max_groups=4, first_digit="0"):
        if digits[1] in _PERSONAL_NUMBER_RANGES and not _follows_country_code(text, start):
            yield start


def _follows_country_code(text: str, start: int) -> bool:
    # "0044 20 7946 0000" is found above; its "0044 20 7946" must not be read again here.
    return text[max(0, start - 1) : start] == "+"


# The look-behind lets a match start only at the beginning of a run of address characters, so
# a long run without "@" is scanned once, not once per character.
_EMAIL_ADDRESS = re.compile(r"(?<![\w.%+'-])[\w.%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")

# The "at" of an address, disguised or not: "[at]", "(at)", " @ ", " at ".
_AT = re.compile(r"[\[({<][ \t]*at[ \t]*[\])}>]|@|(?<=[ \t])at(?=[ \t])", re.IGNORECASE)
_DOT = r"(?:[ \t]*(?:[\[({<][ \t]*dot[ \t]*[\])}>]|\.)[ \t]*|[ \t]+dot[ \t]+)"
_LABEL = r"[A-Za-z0-9-]{1,63}"
_DOMAIN = re.compile(rf"{_LABEL}(?:{_DOT}{_LABEL}){{1,4}}(?![\w])", re.IGNORECASE)
_LOCAL_CHARACTERS = frozenset(".%+'-_")
_TOP_LEVEL_DOMAINS = word_set(
    """
    com org net uk co gov nhs ac sch edu info me io biz eu ie pl ro sk cz pk in de fr
    """
)
_MAIL_PROVIDERS = word_set(
    """
    gmail googlemail hotmail outlook live yahoo icloud me aol btinternet sky virginmedia
    talktalk protonmail msn mail
    """
)
# Words that come before "at" and a web address in ordinary text: "available at nhs.uk".
_WEBSITE_WORDS = word_set(
    """
    available online information info details detail more advice help found here website
    site page visit go see look apply book register us them it this that there
    """
)


def find_email_addresses(text: str) -> Iterator[int]:
    for start, _ in email_spans(text):
        yield start


@lru_cache(maxsize=8)
def email_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` holds an email address, written plainly or disguised. (Cached: the email
    finder and the blanking of addresses before the name rules read the same text.)"""
    spans = [match.span() for match in _EMAIL_ADDRESS.finditer(text)] if "@" in text else []
    for at in _ats(text):
        domain = _DOMAIN.match(text, _skip_spaces_forward(text, at.end()))
        local_end = _skip_spaces_back(text, at.start())
        local_start = _start_of_local_part(text, local_end)
        if not domain or local_start == local_end:
            continue
        labels = [
            label
            for label in re.split(r"[^a-z0-9-]+", domain.group().lower())
            if label and label != "dot"
        ]
        if len(labels) < 2 or labels[-1] not in _TOP_LEVEL_DOMAINS:
            continue
        if at.group().strip().lower() == "at" and not _looks_like_an_address(
            text[local_start:local_end], labels, domain.group()
        ):
            continue
        spans.append((local_start, domain.end()))
    return spans


_AT_HINTS = ("@", " at ", "[at", "(at", "{at", "<at", " at\t", "\tat ")


def _ats(text: str) -> Iterator[re.Match]:
    # Found with str.find, which is far quicker than trying the pattern at every character.
    lowered = text.lower()
    positions = set()
    for hint in _AT_HINTS:
        index = lowered.find(hint)
        while index != -1:
            positions.add(index + 1 if hint[0] in " \t" else index)
            index = lowered.find(hint, index + 1)
    for position in sorted(positions):
        match = _AT.match(text, position)
        if match:
            yield match


def _skip_spaces_forward(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t":
        position += 1
    return position


def _skip_spaces_back(text: str, position: int) -> int:
    while position > 0 and text[position - 1] in " \t":
        position -= 1
    return position


def _start_of_local_part(text: str, end: int) -> int:
    start = end
    while start > 0 and end - start < 64:
        character = text[start - 1]
        if not (character.isalnum() or character in _LOCAL_CHARACTERS):
            break
        start -= 1
    return start


# Web addresses are not refused, but their words are no one's name: "www.winstonswish.org".
_WEB_ADDRESS = re.compile(
    r"\b(?:https?://|www\.)[^\s]{1,200}|\b[\w-]{1,63}(?:\.[\w-]{1,63}){0,4}"
    r"\.(?:com|org|net|uk|co|info|io)\b(?:/[^\s]{0,200})?",
    re.IGNORECASE,
)
_WEB_ADDRESS_HINT = re.compile(r"://|www\.|\.(?:com|org|net|uk|co|info|io)\b", re.IGNORECASE)


def address_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` holds an email or web address, so the name rules can leave them alone."""
    spans = list(email_spans(text))
    if _WEB_ADDRESS_HINT.search(text):
        spans.extend(match.span() for match in _WEB_ADDRESS.finditer(text))
    return spans


def _looks_like_an_address(local: str, labels: list[str], domain: str) -> bool:
    # "sjones at example.org" or "name at example dot com", but not "details at nhs.uk".
    if re.search(r"[ \t]dot[ \t]", domain, re.IGNORECASE):
        return True
    if labels[0] == "www":
        return False
    if re.search(r"[._0-9+]", local) or labels[0] in _MAIL_PROVIDERS:
        return True
    return local.lower() not in _WEBSITE_WORDS
