"""The anonymity guard's corpus: casework sentences that identify someone, and ones that do not.

Written afresh for this project in the style of practitioners (teachers, health visitors,
youth workers, family support workers) describing the unmet needs of children and families in
Lancashire's districts. Every person, number and address in it is invented; numbers that must
pass a check (NHS numbers, UPNs) were made to pass it.

It comes in two halves. The guard's rules were developed against the development half; the
held-out half was written at the same time and read by the guard only at the end, so its
figures estimate how the guard does on text it was not tuned on.

- `<half>_identifying.tsv`: one sentence a line, after the kind of detail it holds and a tab.
- `<half>_ordinary.txt`: one sentence a line, none identifying anyone, many of them hard:
  service names, places, dates of meetings, helplines, programme and book titles.

Lines starting with "#" are comments.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FOLDER = Path(__file__).resolve().parent
HALVES = ("development", "held_out")
ORDINARY = "ordinary"


@dataclass(frozen=True)
class Sentence:
    half: str
    kind: str  # the kind of identifying detail, or ORDINARY
    text: str


def _lines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def load(halves: tuple[str, ...] = HALVES) -> list[Sentence]:
    """Every sentence of the given halves, identifying ones first."""
    sentences = []
    for half in halves:
        for line in _lines(FOLDER / f"{half}_identifying.tsv"):
            kind, text = line.split("\t", 1)
            sentences.append(Sentence(half=half, kind=kind, text=text))
    for half in halves:
        for line in _lines(FOLDER / f"{half}_ordinary.txt"):
            sentences.append(Sentence(half=half, kind=ORDINARY, text=line))
    return sentences
