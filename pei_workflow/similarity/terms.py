"""The words a gap is looked for by: its own answers, lower-cased, with the words that say
nothing about the need left out, and a few words staff use for the same thing added.

Both database backends stem what this gives them (PostgreSQL's `english` configuration and
SQLite's porter tokenizer), so "bereaved" meets "bereavement" and "counsellor" meets
"counselling" without a stemmer here. The terms are joined with OR, so two practitioners who
describe one need in different words still meet on the words they share.
"""

import re

# Only letters and digits: what both full-text query languages read as a plain term, so no
# answer can write query syntax (quotes, operators, brackets) into the search.
_WORD = re.compile(r"[a-z0-9]+")

# English function words, and the words nearly every gap form uses whatever the need (a
# young person, their family, support, a service): on their own they make any two gaps look
# alike. And the markers redaction and the retention schedule leave ("[redacted]",
# "[removed]"), which would make every scrubbed gap like every other.
_STOP_WORDS = """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can cannot could did do does doing done down during each
    few for from further get got had has have having he her here hers herself him himself his
    how i if in into is it its itself just me more most my myself no nor not now of off on once
    only or other our ours out over own same she should so some such than that the their theirs
    them themselves then there these they this those through to too under until up very was we
    were what when where which while who whom why will with would you your yours yourself
    since still yet us one two three four five six seven eight nine ten may might must shall
    use used using able well back go going went make made much many like around
    young person people child children childs family families need needs needed support
    supported supporting service services help helped helping year years old
    redacted removed
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())

# Words staff and practitioners use for the same thing, each pair written from general
# knowledge of children's services. A gap's word brings in its partners, so "grief" finds
# "bereavement" and "CAMHS" finds "mental health".
_SYNONYMS = [
    ("grief", "bereavement", "bereaved", "loss"),
    ("died", "death", "bereavement"),
    ("camhs", "mental", "wellbeing"),
    ("counselling", "counsellor", "therapy", "therapist"),
    ("anxiety", "anxious", "worry", "worries"),
    ("respite", "break", "breaks", "childcare"),
    ("nursery", "childcare", "creche"),
    ("bus", "transport", "travel", "taxi"),
    ("esol", "english", "language", "interpreter"),
    ("autism", "autistic", "asd", "neurodiverse", "neurodivergent"),
    ("adhd", "neurodiverse", "neurodivergent"),
    ("send", "sen", "disability", "disabled"),
    ("carer", "caring", "carers"),
    ("domestic", "abuse", "violence"),
    ("asb", "antisocial"),
    ("youth", "teenagers", "teenager", "adolescents"),
    ("toddler", "baby", "infant", "preschool"),
    ("substance", "drugs", "alcohol"),
    ("housing", "homeless", "accommodation"),
    ("selfharm", "harm", "suicidal"),
]
SYNONYMS: dict[str, frozenset[str]] = {}
for _group in _SYNONYMS:
    for _word in _group:
        SYNONYMS[_word] = SYNONYMS.get(_word, frozenset()) | frozenset(_group) - {_word}

# Enough for the longest answers; more terms make the lookup slower, not better.
MAX_TERMS = 60


def terms_of(*texts: str) -> list[str]:
    """The distinct terms to look for, in the order they first appear, synonyms after."""
    own: dict[str, None] = {}
    for text in texts:
        for word in _WORD.findall((text or "").lower()):
            if word not in STOP_WORDS and len(word) > 1 and not word.isdigit():
                own.setdefault(word, None)
    added: dict[str, None] = {}
    for word in own:
        for partner in sorted(SYNONYMS.get(word, ())):
            if partner not in own:
                added.setdefault(partner, None)
    return [*own, *added][:MAX_TERMS]
