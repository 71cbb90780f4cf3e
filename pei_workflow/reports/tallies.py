"""How many submissions sent in the period have each value of each answer, state and
outcome, counted in one pass over the table per kind of submission (one conditional count
per value) rather than one query per question: at 100,000 submissions each pass is a scan,
and a report needs the answers to many questions."""

from collections import Counter

from django.db.models import Count, Q

from ..models import CafEscalation, GapInService
from .scope import Scope

#: The fields tallied for each kind: each value of its choices is counted.
TALLIED = {
    GapInService: (
        "route",
        "barrier",
        "workforce",
        "state",
        "panel_outcome",
        "sub_group_agreement",
    ),
    CafEscalation: ("workforce", "state", "sub_group_agreement", "escalation_type"),
}
#: Pairs of fields whose values are counted together: CAF escalations by type and by whether
#: they may have county-wide implications.
CROSSED = {CafEscalation: (("escalation_type", "county_implications"),)}


def _choices(model, name: str) -> list:
    return [value for value, _ in model._meta.get_field(name).choices]


def tallies(scope: Scope, model) -> dict:
    """{field: Counter(value → n)} and {(field, field): Counter((value, value) → n)} for the
    submissions of `model` sent in the period, shared by every section that reads them."""
    key = ("tallies", model)
    if key in scope.shared:
        return scope.shared[key]
    wanted = {}
    for name in TALLIED[model]:
        for index, value in enumerate(_choices(model, name)):
            wanted[f"{name}__{index}"] = ((name,), (value,))
    for pair in CROSSED.get(model, ()):
        first, second = (_choices(model, name) for name in pair)
        for i, a in enumerate(first):
            for j, b in enumerate(second):
                wanted[f"{pair[0]}__{pair[1]}__{i}_{j}"] = (pair, (a, b))
    counted = scope.sent(model).aggregate(
        **{
            alias: Count("pk", filter=Q(**dict(zip(names, values, strict=True))))
            for alias, (names, values) in wanted.items()
        }
    )
    found: dict = {}
    for alias, (names, values) in wanted.items():
        into = found.setdefault(names[0] if len(names) == 1 else names, Counter())
        into[values[0] if len(values) == 1 else values] = counted[alias]
    scope.shared[key] = found
    return found
