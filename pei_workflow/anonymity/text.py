"""Text as the guard reads it: normalised, with allowed phrases blanked out, split into words.

Every finder reads the same prepared text, so a trick that defeats one (full-width letters,
Arabic-Indic digits, a zero-width space inside a postcode) defeats none.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_APOSTROPHES = "\u2018\u2019\u02bc\u2032\u0060\u00b4"
_TRANSLATION = {ord(dash): "-" for dash in _DASHES} | {ord(mark): "'" for mark in _APOSTROPHES}

#: What an allowed phrase is replaced with: one character per character, so positions hold,
#: and one that no pattern reads as a letter, digit, space or separator.
BLANK = "\u2591"


_ASCII = frozenset(map(chr, range(128)))
_TRANSLATION_CHARACTERS = frozenset(map(chr, _TRANSLATION))


def word_set(text: str) -> frozenset[str]:
    """The words of a block of text, as a set: how the guard's word lists are written."""
    return frozenset(text.split())


def word_list(text: str) -> list[str]:
    """The words of a block of text, in order."""
    return text.split()


def normalise(text: str) -> str:
    """Compatibility forms folded, any script's digits as ASCII, dashes and apostrophes plain,
    invisible characters removed."""
    # Someone pasting from a document, or trying to slip past the check, should not defeat it
    # with full-width letters, Arabic-Indic digits, typographic dashes or zero-width spaces.
    if text.isascii():
        return text
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    # Only the few characters outside ASCII need looking at, however long the text.
    changes = {}
    for character in set(text).difference(_ASCII):
        if character in _TRANSLATION_CHARACTERS:
            changes[ord(character)] = _TRANSLATION[ord(character)]
        elif unicodedata.category(character) == "Cf":
            changes[ord(character)] = None
        elif (digit := unicodedata.decimal(character, None)) is not None:
            changes[ord(character)] = str(digit)
    return text.translate(changes) if changes else text


def blank_out(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each (start, end) span replaced by BLANK characters of the same length."""
    if not spans:
        return text
    pieces, last = [], 0
    for start, end in sorted(spans):
        start = max(start, last)
        if end <= start:
            continue
        pieces.append(text[last:start])
        pieces.append(BLANK * (end - start))
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def fold(word: str) -> str:
    """A word lower-cased with its accents taken off, as the gazetteer keeps names."""
    word = word.lower()
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# A word is letters, with inner apostrophes and hyphens: "O'Neill", "Ruby-Mae", "St". Latin
# letters only (accented ones too, "Michał", "Ştefan"): the gazetteer holds names in Latin
# script, and a narrow class is read twice as fast as any letter of any script.
_LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_WORD = re.compile(rf"[{_LETTER}]+(?:['-][{_LETTER}]+)*")
_SENTENCE_END = frozenset(".!?:;\n•*" + BLANK)
_OPENING = frozenset(" \t\"'([{-")


class Word(NamedTuple):
    """One word of the text and what the name rules need to know about it."""

    text: str
    start: int
    end: int
    key: str  # folded, with any possessive "'s" taken off
    possessive: bool
    capitalised: bool  # first letter upper case and not all upper case
    shouting: bool  # all upper case, two letters or more
    sentence_start: bool  # a capital here is expected, so it is no evidence of a name (only
    # worked out for words that start with a capital)


def words_of(text: str) -> list[Word]:
    """The words of `text`, in order."""
    found = []
    append = found.append
    make = tuple.__new__  # a NamedTuple's own constructor is a Python call: this is not
    for match in _WORD.finditer(text):
        word = match.group()
        start, end = match.span()
        possessive = word[-2:] in ("'s", "'S")
        key = (word[:-2] if possessive else word).lower()
        if not key.isascii():
            key = fold(key)
        if word[0].isupper():
            shouting = len(word) > 1 and word.isupper()
            append(
                make(
                    Word,
                    (
                        word,
                        start,
                        end,
                        key,
                        possessive,
                        not shouting,
                        shouting,
                        _starts_sentence(text, start),
                    ),
                )
            )
        else:
            append(make(Word, (word, start, end, key, possessive, False, False, False)))
    return found


def words_outside(words: list[Word], blanked: str) -> list[Word]:
    """The words that `blank_out` left untouched in `blanked`."""
    if BLANK not in blanked:
        return words
    return [word for word in words if BLANK not in blanked[word.start : word.end]]


def _starts_sentence(text: str, position: int) -> bool:
    index = position - 1
    while index >= 0 and text[index] in _OPENING:
        index -= 1
    return index < 0 or text[index] in _SENTENCE_END


def between(text: str, first: Word, second: Word) -> str:
    """The characters between two words."""
    return text[first.end : second.start]


def sentence_ends_between(text: str, first: Word, second: Word) -> bool:
    """Whether a sentence ends between two words ("...by the GP. School staff...")."""
    return not _SENTENCE_END.isdisjoint(text[first.end : second.start])
