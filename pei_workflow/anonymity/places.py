"""Home addresses and schools: the places that point to one family.

Street addresses
    A house number and a street, in the forms people use: "12 Acacia Avenue", "lives at 22 oak
    street", "Flat 6, 19 Ribble Bank Gardens", the number after the street ("on Oak Street at
    number 22", "Lime Street, no. 40", "number 14 on Church Lane"), and Lancashire's street
    words (Brow, Fold, Clough, Croft, Rise, Bank, Parade, Meadow, Mews, Gardens, Nook, Hey...).
    A street with someone living on it ("the family live on Booth Street") is refused too. A
    street named for another reason ("the shop on Manchester Road", "the Whalley Road flood")
    is allowed: it names a street, not a home. In lower case only the unmistakable street
    words count ("22 oak street", not "2 very close friends"), and only after "at", "of",
    "to" and the like. Phrases such as "2 Family Court hearings" or "3 food bank parcels" are
    not addresses.

Schools
    DESIGN.md lists school names among what a submission must never hold. A name before
    "Primary", "Junior", "Infants", "High", "Grammar", "School", "Academy" or "College", or
    with a church's marks ("St John's CE Primary", "Holy Trinity primary", "Our Lady and St
    Anselm's RC Primary", "st mary's catholic primary"), is refused. What is not a school's
    name is allowed: "a local primary school", "the high school", "Forest School sessions",
    "the Virtual School", "a Burnley high school". "College" and "Academy" also name further
    education colleges and sports academies ("an ESOL class at Nelson and Colne College"), so
    they count only when the text says a child attends ("Year 8 at Pendle Vale College",
    "excluded from Shuttleworth College"). A name stays inside its sentence ("diagnosed by the
    GP. School staff..." names no school), and a word capitalised only because it starts the
    sentence ("Asked school nurses", "Family and school need advice") is no evidence of a name
    unless it is a known place or name ("Burnley High School") or the school word after it is
    capitalised too ("Walverden Primary have raised concerns").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .gazetteer import GIVEN_NAMES, SURNAMES
from .text import Word, sentence_ends_between, word_set
from .vocabulary import KIN_WORDS, PEOPLES_AND_FAITHS, PLACES

_STREET_WORDS = (
    r"street|st|road|rd|avenue|ave|lane|ln|close|drive|dr|way|court|ct|crescent|cres|grove"
    r"|place|pl|terrace|gardens|gdns|walk|row|hill|view|square|sq|mews|brow|fold|clough"
    r"|croft|rise|bank|parade|meadow|meadows|green|gate|fields|vale|nook|heights|mount"
    r"|chase|dene|wynd|hey|heys|side|bottoms|brook|park|boulevard|promenade|approach|end"
)
# In lower case these are words first and streets second ("a food bank", "the car park").
_NOT_STREETS_IN_LOWER_CASE = frozenset(
    ["bank", "park", "green", "side", "end", "mount", "fields", "st", "dr"]
)
_NOT_STREET_NAMES = frozenset(
    ["very", "really", "quite", "so", "too", "extra", "more", "most", "less"]
)
_STREET_WORD_SET = frozenset(_STREET_WORDS.split("|"))
# A house number and the words after it; which of them is the street word is looked up after.
# Starting with the digit (not a look-behind) lets the pattern skip quickly to each number.
_NUMBER_AND_WORDS = re.compile(
    r"[0-9]{1,4}[A-Za-z]?,?[ \t]+(?P<words>[A-Za-z][\w'-]*(?:[ \t]+[A-Za-z][\w'-]*){1,3})"
)
# The street's own words are capitalised in these: "on Oak Street at number 22".
_CAPITALISED_WORDS = r"(?P<words>(?:[A-Z][\w'-]*[ \t]+){1,3}?)"
_STREET_THEN_NUMBER = re.compile(
    rf"\b{_CAPITALISED_WORDS}(?P<suffix>(?i:{_STREET_WORDS}))\b\.?[ \t,]*"
    r"(?i:(?:at[ \t]+)?(?:number|no\b\.?|num\b|#))[ \t]*[0-9]{1,4}[A-Za-z]?\b"
)
_NUMBER_ON_STREET = re.compile(
    r"(?i:\b(?:number|no\b\.?)[ \t]*[0-9]{1,4}[A-Za-z]?[ \t]+(?:on|in|of))[ \t]+"
    rf"{_CAPITALISED_WORDS}(?P<suffix>(?i:{_STREET_WORDS}))\b"
)
_LIVING_ON_STREET = re.compile(
    r"(?i:\b(?:live[sd]?|living|staying|stays|resides?|residing|moved|moving"
    r"|address(?:[ \t]+is)?)[ \t:]+(?:(?:on|at|in|to|into)[ \t]+)?)"
    rf"{_CAPITALISED_WORDS}(?P<suffix>(?i:{_STREET_WORDS}))\b"
)
_PLACE_WORDS = re.compile(r"(?:\b(?:at|of|from|to|on|in|into|address|is)[ \t:,]*|^)$", re.I)
_UNITS = word_set(
    """
    minute minutes min mins hour hours mile miles km metre metres yard yards second seconds
    day days week weeks month months year years times time step steps storey star
    """
)
# Capitalised phrases that end in a street word but are not streets.
_NOT_A_STREET = (
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
    "food bank",
    "baby bank",
    "clothes bank",
    "uniform bank",
    "hygiene bank",
    "toy bank",
    "furniture bank",
    "school bank",
    "bank holiday",
    "play park",
    "skate park",
    "country park",
    "theme park",
    "car park",
)


# "£12 Park Road" is not a house number; nor is the end of "1.5" or "10/12".
_NOT_BEFORE_A_HOUSE_NUMBER = frozenset("0123456789£$.,:/" + "abcdefghijklmnopqrstuvwxyz")
_NOT_BEFORE_A_HOUSE_NUMBER |= frozenset(
    character.upper() for character in "abcdefghijklmnopqrstuvwxyz"
)
_HOUSE_NUMBER_HINT = re.compile(r"(?i:\b(?:number|no\b\.?|num\b|#))[ \t]*[0-9]")
_LIVING_HINTS = ("liv", "stay", "resid", "moved", "moving", "address")


def find_street_addresses(text: str) -> Iterator[int]:
    for match in _NUMBER_AND_WORDS.finditer(text):
        start = match.start()
        if start and text[start - 1] in _NOT_BEFORE_A_HOUSE_NUMBER:
            continue
        words = match.group("words").split()
        for position in range(1, len(words)):
            if words[position].lower() in _STREET_WORD_SET:
                street = (words[:position], words[position])
                if _is_a_street(*street) and (
                    _is_title_case(*street) or _lower_case_after_a_place_word(text, start, *street)
                ):
                    yield start
                break
    # The other patterns start at any capitalised word, so they run only when their key words
    # are there: a house number said in words, or someone living somewhere.
    patterns = []
    if _HOUSE_NUMBER_HINT.search(text):
        patterns += [_STREET_THEN_NUMBER, _NUMBER_ON_STREET]
    lowered = text.lower()
    if any(hint in lowered for hint in _LIVING_HINTS):
        patterns.append(_LIVING_ON_STREET)
    for pattern in patterns:
        for match in pattern.finditer(text):
            street = (match.group("words").split(), match.group("suffix"))
            if _is_a_street(*street) and _is_title_case(*street):
                yield match.start()


def _is_a_street(words: list[str], suffix: str) -> bool:
    if words[0].lower() in _UNITS or words[-1].lower() in _UNITS:
        return False
    phrase = " ".join([*words, suffix]).lower()
    return not phrase.endswith(_NOT_A_STREET)


def _is_title_case(words: list[str], suffix: str) -> bool:
    return all(word[0].isupper() for word in [*words, suffix])


def _lower_case_after_a_place_word(text: str, start: int, words: list[str], suffix: str) -> bool:
    return (
        all(word.islower() for word in [*words, suffix])
        and suffix not in _NOT_STREETS_IN_LOWER_CASE
        and not any(word in _NOT_STREET_NAMES for word in words)
        and bool(_PLACE_WORDS.search(text[max(0, start - 12) : start]))
    )


# --- Schools --------------------------------------------------------------------------------

_SCHOOL_TYPES = frozenset(
    ["primary", "junior", "juniors", "infant", "infants", "high", "grammar", "school"]
)
_ATTENDED_ONLY = frozenset({"college", "academy"})
# A church's marks make a name of what follows: "St John's", "Holy Trinity", "Our Lady", "CE".
_CHURCH_MARKS = frozenset(
    ["st", "saint", "holy", "lady", "christ", "sacred", "blessed", "ce", "rc"]
)
# Words that describe a school without naming it.
_DESCRIPTIONS = word_set(
    """
    a an the local new old nearest same other different previous current former her his
    their our my your this that all most many both which what whose any no every primary
    secondary high junior infant infants middle grammar special community free faith church
    independent private state mainstream village boarding catholic methodist anglican
    comprehensive nursery alternative specialist residential day sixth form girls boys sen
    send semh sebd pru ap mld sld pmld asd ebd ehcp
    """
)
# Before "School", these make an activity or a service, not a school: "Forest School".
_ACTIVITIES = word_set(
    """
    forest sunday summer holiday saturday breakfast virtual hospital mosque madrassa driving
    dance music art arts football swimming language supplementary home drama theatre stage
    """
)
# Lower-case words that can stand inside a school's name: "C of E", "Our Lady and St Anselm's",
# "st mary's catholic primary".
_JOINING_WORDS = frozenset(["of", "and", "le", "de", "upon"])
_CHURCH_WORDS = frozenset(["catholic", "methodist", "anglican", "church", "community"])
_STOPS_BEFORE = frozenset(["a", "an", "any", "another", "each", "every", "one", "some", "several"])
_ATTENDING = re.compile(
    r"\b(?:attend\w*|pupil|student|y(?:ea)?r[ \t]?[0-9]{1,2}|y[0-9]{1,2}|reception|on[ \t]+roll"
    r"|exclu\w+|transferr?\w*|moved|started|starting|goes|left|senco|head|teacher|tutor"
    r"|enrolled)\b",
    re.IGNORECASE,
)


def find_schools(text: str, words: list[Word]) -> Iterator[int]:
    for index, word in enumerate(words):
        kind = word.key
        if kind not in _SCHOOL_TYPES and kind not in _ATTENDED_ONLY:
            continue
        if word.possessive or (kind == "high" and not _capitalised_or_before_school(words, index)):
            continue
        first = _start_of_name(text, words, index)
        if first is None:
            continue
        if first > 0 and words[first - 1].key in _STOPS_BEFORE and not words[first - 1].shouting:
            continue
        start = words[first].start
        if kind in _ATTENDED_ONLY and not _ATTENDING.search(text, max(0, start - 60), start):
            continue
        yield start


def _capitalised_or_before_school(words: list[Word], index: int) -> bool:
    word = words[index]
    following = words[index + 1] if index + 1 < len(words) else None
    return word.capitalised or word.shouting or bool(following and following.key == "school")


def _start_of_name(text: str, words: list[Word], index: int) -> int | None:
    """The index of the first word of the school's name before words[index], if it has one."""
    first = index
    for position in range(index - 1, max(-1, index - 8), -1):
        word = words[position]
        if words[first].start - word.end > 3:
            break
        if sentence_ends_between(text, word, words[first]) and word.key != "st":
            break  # "St. Mary's" is one name; "by the GP. School staff" is two sentences
        previous = words[position - 1] if position > 0 else None
        if (
            word.capitalised
            or word.shouting
            or word.key in _JOINING_WORDS
            or word.key in _CHURCH_MARKS
            or word.key in _CHURCH_WORDS
            or word.key in PLACES
            or (previous is not None and previous.key in _CHURCH_MARKS)
        ):
            first = position
        else:
            break
    while first < index and words[first].key in _JOINING_WORDS:
        first += 1
    name = words[first:index]
    if not name or name[-1].key in _ACTIVITIES:
        return None
    keys = {word.key for word in name}
    if keys & _CHURCH_MARKS or {"c", "e"} <= keys:
        return first
    for word in name:
        if word.key in _DESCRIPTIONS or word.key in PEOPLES_AND_FAITHS:
            continue
        if word.shouting or word.key in PLACES:
            return first
        if word.capitalised and (
            not word.sentence_start or _names_a_school_at_a_sentence_start(word, name, words[index])
        ):
            return first
    return None


def _names_a_school_at_a_sentence_start(word: Word, name: list[Word], kind: Word) -> bool:
    # A sentence's first word is capitalised whatever it is ("Asked school nurses"), so it
    # is a name only if it is one we know, or "Primary" or "School" right after it is
    # capitalised where nothing makes it so ("Walverden Primary have raised concerns"). A
    # name list's word that is also a relative ("Nan", "Nana") is the relative here: "Nan
    # and school are both worried".
    if (word.key in GIVEN_NAMES or word.key in SURNAMES) and word.key not in KIN_WORDS:
        return True
    return name == [word] and (kind.capitalised or kind.shouting) and not kind.sentence_start
