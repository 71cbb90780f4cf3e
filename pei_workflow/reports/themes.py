"""The county's thematic issues: the themes that come up in more than one district, ranked by
how many districts they come from. What the Trust Board acts on."""

from collections import defaultdict

from django.db.models import Count

from .scope import KINDS, Scope
from .sections import Section


def themes_across_districts(scope: Scope) -> Section:
    by_theme = defaultdict(lambda: defaultdict(int))
    for model in KINDS:
        found = (
            scope.sent(model)
            .filter(themes__isnull=False)
            .order_by()
            .values("themes__name", "district__name")
            .annotate(n=Count("pk", distinct=True))
        )
        for row in found:
            by_theme[row["themes__name"]][row["district__name"]] += row["n"]
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
