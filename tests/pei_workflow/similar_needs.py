"""Needs for the similarity tests: two descriptions of one need, a different need, and the
synthetic casework's other needs as a background none of which is like the first."""

from pei_workflow.synthetic.texts import GAP_TEXTS

GRIEF = {
    "unmet_need": "Bereavement counselling for a boy of nine whose father died in the spring.",
    "what_has_been_tried": "The school's learning mentor; the local grief charity has a long wait.",
    "barrier": "waiting_list",
    "age_band": "5_10",
}
GRIEF_AGAIN = {
    "unmet_need": "A bereaved boy aged eight needs counselling after his father's death.",
    "what_has_been_tried": "Time with his class teacher; the counselling charity's wait is long.",
    "barrier": "waiting_list",
    "age_band": "5_10",
}
BUS = {
    "unmet_need": "Transport to college for a student in a village with no bus on Sundays.",
    "what_has_been_tried": "A bus pass was looked at, but no route fits the timetable.",
    "barrier": "distance",
    "age_band": "16_19",
}


# The one other need of the synthetic casework that the model scores at the threshold
# against GRIEF (0.52: a support worker for a young parent, "a group course was offered"):
# a known near miss, left out so that these tests are about the rules, not about it.
NEAR_MISS = "Support for a young parent who left care last year."


def other_needs() -> list[dict]:
    """Answers about every other kind of need, from the synthetic casework's words."""
    return [
        {"unmet_need": need, "what_has_been_tried": tried}
        for theme, (needs, tried, _, _) in GAP_TEXTS.items()
        if theme != "Bereavement"
        for need in needs
        if need != NEAR_MISS
    ]


def one_of_each_other_need() -> list[dict]:
    """One need of every other kind: a background in which no two needs are alike."""
    return [
        {"unmet_need": needs[0], "what_has_been_tried": tried}
        for theme, (needs, tried, _, _) in GAP_TEXTS.items()
        if theme != "Bereavement"
    ]
