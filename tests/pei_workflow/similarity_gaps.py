"""The labelled set of similar needs (`similarity_set`) as gaps in one district, for the
similarity tests and bench/similarity.py: each description sent through the gap form's
service, with its themes given by name, as an EIDO would tag it."""

from dataclasses import dataclass

from pei_workflow.models import GapInService, Theme
from tests.factories import submitted_gap


@dataclass(frozen=True)
class LoadedGap:
    gap: GapInService
    group: str  # the key of the need's group


def load_groups(groups, district_code: str = "PEN") -> list[LoadedGap]:
    """Every description of `groups` as a sent gap of the district, in order."""
    themes = {theme.name: theme for theme in Theme.objects.all()}
    loaded = []
    for group in groups:
        for need in group.needs:
            gap = submitted_gap(
                district_code,
                unmet_need=need.unmet_need,
                what_has_been_tried=need.what_has_been_tried,
                barrier_detail=need.barrier_detail,
                barrier=need.barrier,
                age_band=need.age_band,
            )
            gap.themes.set([themes[name] for name in need.themes])
            loaded.append(LoadedGap(gap, group.key))
    return loaded


def precision_at(loaded: list[LoadedGap], similar, k: int = 5) -> float:
    """The share of each description's top `k` (by `similar(gap, k)`, a list of gaps) that
    are of its own group, over every description."""
    group_of = {item.gap.pk: item.group for item in loaded}
    hits = 0
    for item in loaded:
        found = similar(item.gap, k)[:k]
        hits += sum(1 for gap in found if group_of.get(gap.pk) == item.group)
    return hits / (k * len(loaded))
