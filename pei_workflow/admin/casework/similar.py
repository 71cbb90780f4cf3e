"""The "Similar gaps" panel (issue 15), on a gap's page and on its agenda item: a summary of
the district's similar gaps within its repeated-need period and what met them, the county's
as a number, and the most similar past gaps the person may read, their own district's first.

Rows come only from `selectors.similar_gaps`, so from `visible_to`: someone who may read
counts but no casework (a panel member at the agenda) gets the summary alone. The panel runs
a fixed number of queries, however many gaps there are."""

import datetime
from collections.abc import Collection
from dataclasses import dataclass, field

from django.utils.timezone import localdate

from ...choices import PanelOutcome, SubGroupAgreement
from ...models import GapInService
from ...repeated_needs import REPEATED_NEED_DRAFT, met_by_sentence, rule_of
from ...selectors import similar_gap_counts, similar_gaps
from .. import urls

#: How many similar gaps the panel lists.
SHOWN = 8

ESCALATE = "escalate_to_sub_group"


@dataclass(frozen=True)
class SimilarRow:
    reference: str
    url: str
    district: str
    same_district: bool
    state: str
    themes: str
    barrier: str
    outcome: str
    met_by: str
    time_taken: str


@dataclass(frozen=True)
class SimilarPanel:
    summary: str
    county: str
    #: Why it is a repeated need, when it is one; empty otherwise.
    repeated: str = ""
    rows: list[SimilarRow] = field(default_factory=list)
    #: The Sub Group escalation form with its reason drafted, when it is this person's step.
    draft_url: str = ""


def similar_panel(
    gap: GapInService,
    user,
    *,
    rows: bool = True,
    offered_steps: Collection[str] = (),
    today: datetime.date | None = None,
) -> SimilarPanel:
    """The panel for one gap, as `user` may read it. `rows=False` leaves the list out (an
    agenda read by someone who may not read casework); `offered_steps` are the steps this
    person may take now, which decide whether the drafted escalation is offered."""
    rule = rule_of(gap.district)
    since = rule.since(today or localdate())
    counts = similar_gap_counts(gap, since=since)
    district = gap.district.name
    summary = f"{_similar(counts.district)} in {district} in {rule.period}"
    if counts.met_by:
        summary += f", {met_by_sentence(counts.met_by)}"
    county = f"{counts.county} across the county." if counts.county else ""
    repeated = ""
    if counts.district >= rule.count:
        repeated = (
            f"{district} has had {rule.description}: its rule for a repeated need. The Sub "
            "Group can take it up as a thematic issue."
        )
    draft_url = ""
    if repeated and ESCALATE in offered_steps:
        draft_url = f"{urls.step_url(gap, ESCALATE)}?draft={REPEATED_NEED_DRAFT}"
    found = similar_gaps(gap, user, limit=SHOWN) if rows else []
    return SimilarPanel(
        summary=f"{summary}.",
        county=county,
        repeated=repeated,
        rows=[_row(similar.gap, similar.same_district) for similar in found],
        draft_url=draft_url,
    )


def _similar(n: int) -> str:
    if n == 0:
        return "No similar gaps"
    return "1 similar gap" if n == 1 else f"{n} similar gaps"


def _row(gap: GapInService, same_district: bool) -> SimilarRow:
    return SimilarRow(
        reference=gap.reference,
        url=urls.inspect_url(gap),
        district=gap.district.name,
        same_district=same_district,
        state=gap.get_state_display(),
        themes=", ".join(theme.name for theme in gap.themes.all()) or "None",
        barrier=gap.get_barrier_display(),
        outcome=gap.get_monitoring_outcome_display() or "Not closed yet",
        met_by=_met_by(gap),
        time_taken=_time_taken(gap),
    )


def _met_by(gap: GapInService) -> str:
    """The service that met it, or else what was agreed for it."""
    if gap.identified_service_id:
        return gap.identified_service.name
    if gap.sub_group_agreement:
        return f"Sub Group: {SubGroupAgreement(gap.sub_group_agreement).label}"
    if gap.panel_outcome:
        return PanelOutcome(gap.panel_outcome).label
    return "Nothing agreed yet"


def _time_taken(gap: GapInService) -> str:
    """From being sent to its first decision, in days."""
    if gap.submitted_at is None or gap.first_decided_at is None:
        return "No decision yet"
    days = (gap.first_decided_at - gap.submitted_at).days
    return "Under a day" if days < 1 else f"{days} day{'s' if days != 1 else ''}"
