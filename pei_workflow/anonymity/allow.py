"""What looks like a name or a number but is not: blanked out before any rule reads the text.

The list is short on purpose, and each entry is here because practitioners cannot avoid it:

Children's programmes, characters and books
    What a practitioner used in a session, or what a child loves: "Mr Men books", "Makaton
    (Mr Tumble) sessions", "Peppa Pig", "Harry Potter books". They carry titles and given
    names but name no one in the family.
People and charities whose names are services
    "Marie Curie nurses", "the Dolly Parton Imagination Library", "Marcus Rashford's
    campaign". (Organisations that end in a word such as "House", "Trust" or "Foundation" need
    no entry: the name rules read them as organisations.)
ISBNs
    A book's number is ten or thirteen digits, like an NHS or phone number; an ISBN with a
    valid check digit (python-stdnum) is a book.
Durations and distances as names
    "a 15 Minute Walk", "a 45 Minute Drive": a number and a street word, not an address.

Anything blanked out is replaced character for character, so no rule can join what was
before it to what was after it.
"""

from __future__ import annotations

import re
from collections import defaultdict

from stdnum import isbn

from .text import Word

_PHRASES = """
    mr men | little miss | mr tumble | something special | mr bloom | mr maker | mr benn
    | mr bean | mr stink | mr gum | mr potato head | mrs brown's boys | dr seuss | doctor who
    | dr who | peppa pig | george pig | ben and holly | ben & holly | fireman sam
    | postman pat | bob the builder | thomas the tank engine | thomas and friends
    | sarah and duck | charlie and lola | hey duggee | iggle piggle | horrid henry
    | peter rabbit | winnie the pooh | paddington bear | paddington | harry potter
    | tom gates | tracy beaker | biff, chip and kipper | biff and chip | alex rider
    | the gruffalo | room on the broom | julia donaldson | roald dahl | david walliams
    | jacqueline wilson | michael rosen | marie curie | florence nightingale | dolly parton
    | marcus rashford | joe wicks | captain tom | ronald mcdonald | webster-stratton
    | webster stratton | mary seacole | anna freud | dr barnardo's | dr barnardos
    | dr. barnardo's | barnardo's | barnardos
"""


def _phrase_patterns() -> dict[str, list[re.Pattern]]:
    patterns: dict[str, list[re.Pattern]] = defaultdict(list)
    for phrase in _PHRASES.split("|"):
        words = phrase.split()
        pattern = r"[ \t]+".join(re.escape(word) for word in words)
        first = words[0].rstrip(".,").lower().removesuffix("'s")
        patterns[first].append(re.compile(rf"{pattern}(?![\w])", re.IGNORECASE))
    return dict(patterns)


# Looked up by their first word, so that only a text holding one pays for the check.
_PHRASES_BY_FIRST_WORD = _phrase_patterns()

_ISBN = re.compile(
    r"\b(?:ISBN(?:-13)?:?[ \t]*)?(?P<number>97[89](?:[ -]?[0-9]){10})\b", re.IGNORECASE
)
_ISBN_10_AFTER_LABEL = re.compile(
    r"\bISBN(?:-10)?:?[ \t]*(?P<number>[0-9](?:[ -]?[0-9]){8}[ -]?[0-9Xx])\b", re.IGNORECASE
)

_DURATION = re.compile(
    r"[0-9]{1,3}[ \t-]*(?:minutes?|mins?|hours?|hrs?|miles?|km|seconds?|days?|weeks?)"
    r"[ \t-]+(?:walk|drive|run|ride|journey|trip|jog|cycle)s?\b",
    re.IGNORECASE,
)


def allowed_spans(text: str, words: list[Word]) -> list[tuple[int, int]]:
    """Where `text` holds an allowed phrase, an ISBN or a duration."""
    spans = []
    for word in words:
        for pattern in _PHRASES_BY_FIRST_WORD.get(word.key, ()):
            match = pattern.match(text, word.start)
            if match:
                spans.append(match.span())
                break
    if "97" in text or "isbn" in text.lower():
        for pattern in (_ISBN, _ISBN_10_AFTER_LABEL):
            for match in pattern.finditer(text):
                if isbn.is_valid(match.group("number")):
                    spans.append(match.span())
    spans.extend(match.span() for match in _DURATION.finditer(text))
    return spans
