"""The county's thematic issues: the themes that come up in more than one district, ranked by
how many districts they come from. What the Trust Board acts on."""

from collections import defaultdict

from django.db.models import Count

from .scope import KINDS, Scope
from .sections import Section


def theme_counts(scope: Scope, model) -> dict[tuple[str | None, str], int]:
    """How many submissions of `model` sent in the period had each theme in each district
    (theme None: those with no theme), in one query, shared by the sections that need it."""
    key = ("themes", model)
    if key not in scope.shared:
        found = (
            scope.sent(model)
            .order_by()
            .values("themes__name", "district__name")
            .annotate(n=Count("pk"))
        )
        scope.shared[key] = {(r["themes__name"], r["district__name"]): r["n"] for r in found}
    return scope.shared[key]


def themes_across_districts(scope: Scope) -> Section:
    by_theme = defaultdict(lambda: defaultdict(int))
    for model in KINDS:
        for (theme, district), n in theme_counts(scope, model).items():
            if theme is not None:
                by_theme[theme][district] += n
    rows = []
    for theme, districts in by_theme.items():
        listed = sorted(districts.items(), key=lambda item: (-item[1], item[0]))
        rows.append(
            [
                theme,
                len(districts),
                sum(districts.values()),
                ", ".join(f"{name} ({n:,})" for name, n in listed),
            ]
        )
    rows.sort(key=lambda row: (-row[1], -row[2], row[0]))
    recurring = [row for row in rows if row[1] > 1]
    if recurring:
        top = recurring[0]
        finding = (
            f"{len(recurring):,} themes came up in more than one district; "
            f"“{top[0]}” in the most: {top[1]} districts."
        )
    else:
        finding = "No theme came up in more than one district in this period."
    return Section(
        "thematic_issues",
        "Thematic issues across the county",
        finding,
        "Themes of the gaps in service and CAF escalations sent in the period, ranked by the "
        "number of districts they came from, then by how many submissions had them.",
        ["Theme", "Districts", "Submissions", "Districts it came from"],
        rows,
        charted=(1,),
    )
