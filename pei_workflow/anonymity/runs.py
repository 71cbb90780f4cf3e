"""Runs of digit groups, the raw material of phone and NHS numbers however they are spaced.

"07 700 900 456", "0770 090 0987" and "NHS 401 023 213 7" are the same numbers as
"07700900456" and "4010232137" with spaces in odd places. A run is groups of digits split by
one to three spaces, hyphens or brackets; a number is a window of consecutive groups. The
pattern cannot backtrack badly: a separator is never a digit, so a run is read once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

# Greedy and read left to right, a run always starts and ends at the edge of a number.
_RUN = re.compile(r"[0-9]+(?:[ \t()-]{1,3}[0-9]+)*")
_GROUP = re.compile(r"[0-9]+")


@lru_cache(maxsize=8)
def _runs(text: str) -> tuple[tuple[tuple[int, str], ...], ...]:
    # Phone and NHS numbers read the same runs: found once per text.
    return tuple(
        tuple(
            (run.start() + group.start(), group.group()) for group in _GROUP.finditer(run.group())
        )
        for run in _RUN.finditer(text)
        if run.end() - run.start() >= 10
    )


def digit_windows(
    text: str, *, lengths: tuple[int, ...], max_groups: int, first_digit: str = ""
) -> Iterator[tuple[int, str]]:
    """(start, digits) for each window of up to `max_groups` consecutive digit groups whose
    digits number one of `lengths`, starting with `first_digit` if given. A window of
    several groups whose later groups are single digits is taken only at its end ("213 7"),
    so that "1 1 1 1 ..." is not read as a number."""
    for groups in _runs(text):
        for first in range(len(groups)):
            if first_digit and not groups[first][1].startswith(first_digit):
                continue
            digits = ""
            for last in range(first, min(first + max_groups, len(groups))):
                digits += groups[last][1]
                if len(digits) > max(lengths):
                    break
                if len(digits) in lengths and _sensibly_grouped(groups[first : last + 1]):
                    yield groups[first][0], digits


def _sensibly_grouped(groups: list[tuple[int, str]]) -> bool:
    # Only the first group (a lone "0") or the last (a check digit) may be a single digit.
    return all(len(group) > 1 for _, group in groups[1:-1])
