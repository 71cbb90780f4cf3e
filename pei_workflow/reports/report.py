"""A district's report and the county's: their sections, in the order a meeting pack reads."""

from dataclasses import dataclass

from . import counts, money, outcomes, progress, themes
from .periods import Period
from .scope import Scope
from .sections import Section


@dataclass
class Report:
    title: str
    scope: Scope
    sections: list[Section]

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)


def _sections(scope: Scope) -> list[Section]:
    monitoring, benefiting = outcomes.monitoring(scope)
    sections = [
        counts.by_state(scope),
        counts.by_route(scope),
        counts.by_barrier(scope),
        counts.by_priority(scope),
        counts.by_theme(scope),
    ]
    if scope.county:
        sections.append(themes.themes_across_districts(scope))
    sections += [
        counts.by_workforce(scope),
        counts.by_panel_outcome(scope),
        counts.by_sub_group_agreement(scope),
        money.spend_against_budget(scope),
        money.what_was_bought(scope),
        progress.escalations(scope),
        progress.waiting_times(scope),
        monitoring,
        benefiting,
        counts.caf_by_type(scope),
        counts.services_not_known(scope),
    ]
    return sections


def district_report(user, district, period: Period) -> Report:
    scope = Scope(user, (district.pk,), period)
    return Report(f"{district.name}: casework report", scope, _sections(scope))


def county_report(user, district_ids, period: Period) -> Report:
    scope = Scope(user, tuple(district_ids), period, county=True)
    return Report("Lancashire: casework report", scope, _sections(scope))
