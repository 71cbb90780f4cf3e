"""The data model of the labelled set, and short names to write its descriptions with."""

from __future__ import annotations

from dataclasses import dataclass

from pei_workflow.choices import AgeBand, Barrier

# The starter themes (migration 0005), by their names, as the EIDOs give them.
BEREAVEMENT = "Bereavement"
TRANSPORT = "Transport"
DIVERSIONARY = "Diversionary activities"
CHILDCARE = "Childcare and respite"
EQUIPMENT = "Equipment"
PARENTING = "Parenting support"
EMOTIONAL = "Emotional health and wellbeing"
LEARNING = "English language and learning"

# Short names for the choices, so that a description reads as a line of data.
NONE_KNOWN = Barrier.NO_SERVICE_KNOWN.value
WAITING = Barrier.WAITING_LIST.value
ELIGIBILITY = Barrier.ELIGIBILITY.value
COST = Barrier.COST.value
CAPACITY = Barrier.CAPACITY.value
DISTANCE = Barrier.DISTANCE.value
OTHER = Barrier.OTHER.value

UNDER_5 = AgeBand.UNDER_5.value
AGE_5_10 = AgeBand.AGE_5_10.value
AGE_11_15 = AgeBand.AGE_11_15.value
AGE_16_19 = AgeBand.AGE_16_19.value
MIXED = AgeBand.MIXED.value


@dataclass(frozen=True)
class Need:
    """One gap form's description of a need."""

    unmet_need: str  # 1-3 sentences, what the form's "the unmet need" holds
    what_has_been_tried: str  # 1-2 sentences
    barrier_detail: str  # 0-1 sentence; only with Barrier.OTHER, as on the form
    barrier: str  # a Barrier value
    age_band: str  # an AgeBand value
    themes: tuple[str, ...]  # 0-2 starter theme names

    @property
    def texts(self) -> tuple[str, ...]:
        """The free-text answers, as the form stores them."""
        return (self.unmet_need, self.what_has_been_tried, self.barrier_detail)


@dataclass(frozen=True)
class NeedGroup:
    """Six descriptions a Resource Panel would call the same need."""

    key: str  # slug, unique
    summary: str  # what the panel would call the need
    needs: tuple[Need, ...]  # exactly 6


def need(
    unmet_need: str,
    what_has_been_tried: str,
    barrier: str,
    age_band: str,
    *themes: str,
    detail: str = "",
) -> Need:
    """A Need written compactly: the two texts, barrier, age band, then any themes."""
    return Need(unmet_need, what_has_been_tried, detail, barrier, age_band, tuple(themes))


def group(key: str, summary: str, *needs: Need) -> NeedGroup:
    return NeedGroup(key, summary, tuple(needs))
