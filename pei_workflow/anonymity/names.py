"""People's names, with or without a title, in the ways practitioners write them.

A word is a given name or a surname if the gazetteer holds it (see `gazetteer`). Many names
are also everyday words ("May", "Grace", "Jack", "Amber", "Hall"; see `everyday_words`), and a
capital at the start of a sentence is no evidence of a name, so those words count as names
only with more evidence. A name is refused when it is:

- a title and a name, in any case: "Mrs Smith", "mr ahmed", "MR O'NEILL", "Dr A Patel". "Miss"
  and "Master" count only with a capital, as they are ordinary words, and "MS" is taken as an
  abbreviation ("MS Teams"). "Mr Men" and the like are on the allow-list (see `allow`).
- a given name and a surname: "Ellie Thompson", "her dad, Imran Hussain", "ellie thompson". A
  given name that is an everyday word needs a surname that is not ("Grace Taylor", but not
  "Grace Church" or "Summer Holiday").
- a given name said to be one: "called Alfie", "known as Ellie", "her name is Maisie", "the
  child's first name: Amelia".
- a given name after a relationship: "son Tyler (6)", "daughter, Ruby", "mum (Sarah)", "nan
  pat", "the child, R.T.". Here an everyday-word name counts too ("daughter Grace").
- a name with an age: "Kayden (8)", "Ruby-Mae Hargreaves, 4", "R.T., aged 9", "J.B. aged 14".
- a given name on its own that is not an everyday word: "Jayden is 14", "We have worked with
  Dylan since September", "spoke with sophie's dad".
- a surname for the household: "the Hussain family".

What is not a person's name: a name that begins an organisation, a place or a building
("Derian House", "Victoria Park", "Lucy Faithfull Foundation", "Winston's Wish"), a saint or a
royal ("St Mary's", "Prince's Trust"), a place ("moved to Nelson"), a nationality, language or
faith ("a Christian youth group", "the Roma families"), a month or a day ("in May").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from .everyday_words import EVERYDAY_WORDS
from .gazetteer import GIVEN_NAMES, SURNAMES
from .text import Word, word_set
from .vocabulary import (
    DAYS,
    FESTIVALS,
    FUNCTION_WORDS,
    KIN_WORDS,
    MONTHS,
    NOT_A_NAME,
    NOT_A_PERSON_BEFORE,
    ORGANISATION_NOUNS,
    PEOPLES_AND_FAITHS,
    PLACES,
    TITLES,
)

_NEVER_A_NAME = FUNCTION_WORDS | MONTHS | DAYS | FESTIVALS | PEOPLES_AND_FAITHS | NOT_A_NAME
# Given names that are never taken alone: everyday words, places, and words that are never a
# name in casework.
_NOT_ALONE = EVERYDAY_WORDS | PLACES | _NEVER_A_NAME | ORGANISATION_NOUNS | TITLES
_DISTINCT_GIVEN_NAMES = GIVEN_NAMES - _NOT_ALONE
_DISTINCT_SURNAMES = SURNAMES - _NOT_ALONE
# Organisations still named after a person, written with a title.
_ORGANISATION_NAMES = frozenset({"barnardo", "barnardos"})
_NOT_AFTER_A_TITLE = _NEVER_A_NAME | TITLES
_HOUSEHOLD_WORDS = frozenset(["family", "household", "children", "twins", "boys", "girls"])


def _is_given(key: str) -> bool:
    # A double-barrelled given name is one if each part is: "Ruby-Mae", "Jean-Paul".
    if key in GIVEN_NAMES:
        return True
    parts = key.split("-")
    return len(parts) > 1 and all(part in GIVEN_NAMES for part in parts)


def _is_distinct_given(key: str) -> bool:
    if key in _DISTINCT_GIVEN_NAMES:
        return True
    parts = key.split("-")
    return (
        len(parts) > 1
        and all(part in GIVEN_NAMES for part in parts)
        and any(part in _DISTINCT_GIVEN_NAMES for part in parts)
    )


# An age just after a name: "Kayden (8)", "Ruby-Mae Hargreaves, 4,", "R.T., aged 9".
_AGE_AFTER = re.compile(
    r"[ \t]*(?:,[ \t]*|\([ \t]*)?(?:aged?[ \t]*)?[0-9]{1,2}(?:[ \t]*(?:years?|yrs?|y/?o|months?))?"
    r"(?:[ \t]*(?:years?|yrs?)[ \t]+old)?[ \t]*(?:[),;:]|\.(?![0-9])|$)",
    re.IGNORECASE,
)
# An age said in words: "Kayden, aged 8", "Skye, 12 years old".
_AGE_WORDS_AFTER = re.compile(
    r"[ \t]*,?[ \t]*\(?[ \t]*(?:aged?[ \t]*[0-9]|[0-9]{1,2}[ \t]*(?:years?|yrs?)[ \t]+old)",
    re.IGNORECASE,
)
# Between a relationship and a name: "son Tyler", "mum (Sarah)", "dad, Imran", "Son: Harry".
_RELATION_GAP = re.compile(
    r"[ \t]*(?:[,:(-][ \t]*|[ \t]-[ \t]*)?(?:(?:is|was|called|named)[ \t]+)?", re.IGNORECASE
)
_BETWEEN_TITLE_AND_NAME = re.compile(r"\.?(?:[ \t]{1,3}[A-Z]\.?){0,2}[ \t]{1,3}")
_BETWEEN_GIVEN_AND_SURNAME = re.compile(r"[ \t]{1,2}(?:[A-Z]\.?[ \t]{1,2})?")
# What says the next word is a name: "her name is", "name:", "called", "known as".
_STATED_NAME = re.compile(
    r"\b(?P<said>(?:first|last|full|middle|given|family|real|preferred|sur|fore)?[ \t]?name"
    r"(?:[ \t]+(?:is|was)|[ \t]*[:=-])|name's|by[ \t]+the[ \t]+name[ \t]+of)"
    r"|\b(?:called|named|nicknamed|known[ \t]+as|goes[ \t]+by(?![ \t]+the[ \t]+name)"
    r"|calls[ \t]+(?:him|her|them)sel(?:f|ves))\b",
    re.IGNORECASE,
)
_STATED_NAME_HINTS = ("name", "called", "known as", "goes by", "calls ")
_INITIALS = re.compile(r"\b(?:[A-Z]\.[ \t]?){2,3}(?![\w])|\b[A-Z]{2,3}\b(?=[ \t]*,?[ \t]*\(?aged?)")
# Abbreviations that stand before an age and are not initials.
_NOT_INITIALS = word_set(
    """
    YP CYP LAC CLA CIN CP CPP SEN UASC ASD ASC PRU TAF TAC CAF EHA SW HV GP DV DA MH LD OT
    ED KS CSE CCE CSA DSL FSW LP YOT YJS SLT PEI LA NHS ICB MP DWP UC PIP DLA EP EY CAB
    """
)
_CHILD_BEFORE_INITIALS = re.compile(
    r"\b(?:child|pupil|boy|girl|young[ \t]+person|son|daughter|sibling|baby)[ \t]*[,:(]?[ \t]*$",
    re.IGNORECASE,
)
_CAPITALISED_AHEAD = re.compile(r"(?:[ \t]+(?:[A-Z][\w'-]*|of|and|for|the|&)){1,4}")


def find_names(text: str, words: list[Word]) -> Iterator[int]:
    yield from _find_initials(text)
    yield from _find_stated_names(text, words)
    last = len(words) - 1
    for index, word in enumerate(words):
        key = word.key
        following = words[index + 1] if index < last else None
        if key in TITLES:
            if _titles_a_name(text, word, words, index):
                yield word.start
        elif key in KIN_WORDS:
            if following and _names_a_relation(text, word, following):
                yield following.start
        elif word.capitalised or word.shouting:
            previous = words[index - 1] if index else None
            if _is_a_capitalised_name(text, word, previous, following):
                yield word.start
        elif _is_distinct_given(key):
            # "jayden is 14", "spoke with sophie's dad", "ellie thompson".
            yield word.start


def _find_initials(text: str) -> Iterator[int]:
    if "." not in text and "age" not in text:
        return
    for match in _INITIALS.finditer(text):
        initials = match.group()
        if "." not in initials and initials in _NOT_INITIALS:
            continue
        if (
            _AGE_AFTER.match(text, match.end())
            or _AGE_WORDS_AFTER.match(text, match.end())
            or "." in initials
            and _CHILD_BEFORE_INITIALS.search(text, max(0, match.start() - 30), match.start())
        ):
            yield match.start()


def _find_stated_names(text: str, words: list[Word]) -> Iterator[int]:
    lowered = text.lower()
    if not any(hint in lowered for hint in _STATED_NAME_HINTS):
        return
    starts = [word.start for word in words]
    for match in _STATED_NAME.finditer(text):
        index = bisect_left(starts, match.end())
        if index >= len(words) or not re.fullmatch(
            r"[ \t]*[\"']?[ \t]*", text[match.end() : words[index].start]
        ):
            continue
        name = words[index]
        if name.key in _NEVER_A_NAME or name.key in PLACES or _begins_an_organisation(text, name):
            continue
        if match.group("said"):
            # "her name is Maisie": whatever follows is the name.
            if name.capitalised or _is_given(name.key):
                yield name.start
        elif _is_distinct_given(name.key) or (name.capitalised and _age_follows(text, name)):
            # "a group called Rainbows": services are introduced this way as often as people.
            yield name.start


def _titles_a_name(text: str, title: Word, words: list[Word], index: int) -> bool:
    if title.key in {"miss", "master"} and not title.text[0].isupper():
        return False  # "they miss school", "a master's degree"
    position = index + 1
    # Up to two initials may stand between the title and the name: "Master T Brown".
    while position < len(words) and position - index <= 3 and len(words[position].text) == 1:
        position += 1
    if position >= len(words):
        return False
    name = words[position]
    if not _BETWEEN_TITLE_AND_NAME.fullmatch(text, title.end, name.start):
        return False
    if name.key in _ORGANISATION_NAMES or name.key in _NOT_AFTER_A_TITLE:
        return False
    if title.text == "MS":  # "MS Teams", multiple sclerosis
        return name.key in _DISTINCT_SURNAMES or name.key in _DISTINCT_GIVEN_NAMES
    if name.capitalised or name.shouting or title.key in {"mr", "mrs", "mx", "mister"}:
        # Nothing but a name follows "mr" or "mrs", in any case: "mr ahmed".
        return True
    # "dr" is also "doctor" ("the dr appointment"): a lower-case word must be a known name.
    return name.key in _DISTINCT_SURNAMES or name.key in _DISTINCT_GIVEN_NAMES


def _names_a_relation(text: str, relation: Word, name: Word) -> bool:
    if not _RELATION_GAP.fullmatch(text, relation.end, name.start):
        return False
    if name.key in _NEVER_A_NAME or name.key in PLACES or name.shouting:
        return False
    if name.capitalised:
        named = _is_given(name.key) or _age_follows(text, name)
    else:
        named = _is_distinct_given(name.key)
    return named and not _begins_an_organisation(text, name)


def _is_a_capitalised_name(
    text: str, word: Word, previous: Word | None, following: Word | None
) -> bool:
    key = word.key
    given = _is_given(key)
    if (
        given
        and following
        and _full_name(text, word, following)
        or word.capitalised
        and key in _DISTINCT_SURNAMES
        and _household(previous, following)
    ):
        named = True
    elif word.shouting:
        return False
    elif given:
        # "Jayden is 14"; a name that is also an everyday word needs an age: "Grace (6)".
        named = _is_distinct_given(key) or (
            key not in _NEVER_A_NAME and key not in PLACES and _age_follows(text, word)
        )
    else:
        # "Kayden, aged 8": a capitalised word said to have an age is a name.
        named = bool(_AGE_WORDS_AFTER.match(text, word.end)) and not (
            key in _NEVER_A_NAME
            or key in PLACES
            or key in ORGANISATION_NOUNS
            or (previous is not None and previous.capitalised and not word.sentence_start)
        )
    if not named:
        return False
    if previous and previous.key in NOT_A_PERSON_BEFORE and previous.end + 2 >= word.start:
        return False  # "St Mary's", "Prince Albert"
    return not _begins_an_organisation(text, word)


def _full_name(text: str, given: Word, surname: Word) -> bool:
    if not _BETWEEN_GIVEN_AND_SURNAME.fullmatch(text, given.end, surname.start):
        return False
    if surname.key in _NEVER_A_NAME or surname.key in ORGANISATION_NOUNS:
        return False
    if given.shouting:
        return surname.shouting and _is_distinct_given(given.key) and surname.key in SURNAMES
    if not (surname.capitalised or surname.shouting):
        return False
    if _is_distinct_given(given.key):
        return surname.key not in PLACES or surname.key in SURNAMES
    # "Grace Taylor", but not "Grace Church" or "May Day".
    return surname.key in _DISTINCT_SURNAMES and given.key not in MONTHS


def _household(previous: Word | None, following: Word | None) -> bool:
    # "the Hussain family", "the Khan household".
    return (
        previous is not None
        and previous.key == "the"
        and following is not None
        and following.key in _HOUSEHOLD_WORDS
    )


def _begins_an_organisation(text: str, word: Word) -> bool:
    """Whether `word` starts a capitalised phrase that ends as an organisation or a place:
    "Derian House", "Ronald McDonald House", "Winston's Wish", "Lucy Faithfull Foundation"."""
    if word.possessive and re.match(r"[ \t]+[A-Z]", text[word.end : word.end + 3]):
        return True
    match = _CAPITALISED_AHEAD.match(text, word.end)
    if not match:
        return False
    nouns = [part.lower().removesuffix("'s") for part in match.group().split()]
    return any(noun in ORGANISATION_NOUNS for noun in nouns)


def _age_follows(text: str, word: Word) -> bool:
    return bool(_AGE_AFTER.match(text, word.end) or _AGE_WORDS_AFTER.match(text, word.end))
