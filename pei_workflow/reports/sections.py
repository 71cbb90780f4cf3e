"""A report section: a table of figures, the sentence that says what they show, and what the
chart draws from the table."""

from dataclasses import dataclass, field

#: A chart shows this many bars at most; its table always has every row.
CHART_ROWS = 15


@dataclass
class Section:
    """One section of a report.

    `rows` are lists: the row's label, then one value per column after the first. `charted`
    are the indexes (into a row) of the values the chart draws as bars, `target` the index
    of a value drawn as a marker against them (a budget), if any.
    """

    key: str
    heading: str
    finding: str
    note: str
    columns: list[str]
    rows: list[list]
    charted: tuple[int, ...] = (1,)
    target: int | None = None
    unit: str = ""
    money: frozenset[int] = field(default_factory=frozenset)

    @property
    def series(self) -> list[str]:
        return [self.columns[index] for index in self.charted]

    def chart_rows(self) -> list[tuple[str, tuple, object]]:
        """(label, values, target) for each bar group the chart draws."""
        return [
            (
                str(row[0]),
                tuple(row[index] or 0 for index in self.charted),
                row[self.target] if self.target is not None else None,
            )
            for row in self.rows[:CHART_ROWS]
        ]

    @property
    def chart_is_cut(self) -> bool:
        return len(self.rows) > CHART_ROWS


def choice_rows(choices, *counts: dict, keep_empty: bool = True) -> list[list]:
    """A row per choice (label, then its count in each of `counts`), largest first; ties in
    the choices' own order. Choices no one picked are kept unless `keep_empty` is false."""
    rows = [[label, *(found.get(value, 0) for found in counts)] for value, label in choices.choices]
    if not keep_empty:
        rows = [row for row in rows if any(row[1:])]
    return sorted(rows, key=lambda row: -sum(row[1:]))


def largest_finding(rows: list[list], what: str, how: str, *, total: int | None = None) -> str:
    """ "Most gaps in service came by route “X”: 40 of 120." or that there were none."""
    total = sum(sum(row[1:]) for row in rows) if total is None else total
    if not total or not rows or not sum(rows[0][1:]):
        return f"No {what} in this period."
    top = rows[0]
    return f"Most {what} {how} “{top[0]}”: {sum(top[1:]):,} of {total:,}."
