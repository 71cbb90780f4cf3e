"""A meeting's agenda: its items as anonymised summaries, printable, with a link to record
each waiting item's decision for those who may.

An agenda goes to everyone at the meeting, so it never shows who sent an item: not the
practitioner's name, email, phone, job title or organisation. Each summary is built here from
a fixed list of answers, so a field added to the forms later stays off the agenda until
someone decides it belongs there.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.template.response import TemplateResponse
from django.utils.timezone import localtime
from django_fsm import can_proceed, has_transition_perm

from ...choices import PanelOutcome, SubGroupAgreement
from ...models import GapInService, Meeting, TransitionLog, pounds
from ...repeated_needs import repeated_need_counts
from ...selectors import agenda_items, meetings_visible_to, review_history, visible_district_ids
from ...states import CafState, GapState
from .. import urls
from ..base import bad_request, scoped_object_or_404
from ..casework.similar import similar_panel

WAITING_STATES = {GapState.ON_PANEL_AGENDA, CafState.ON_SUB_GROUP_AGENDA}

#: `?similar=<id>` shows the "Similar gaps" panel of that gap on the agenda.
SIMILAR = "similar"


def _decision_step(item) -> str:
    """The step that records what the meeting agreed about an item."""
    if isinstance(item, GapInService):
        return "record_panel_decision"
    return "record_sub_group_decision"


@dataclass
class AgendaItem:
    """What the agenda shows of one submission."""

    reference: str
    kind: str
    status: str
    facts: list[tuple[str, str]]
    texts: list[tuple[str, str]]
    decision: list[tuple[str, str]] = field(default_factory=list)
    actions: list[tuple[str, str]] = field(default_factory=list)
    #: For a gap: whether it is a repeated need, and the address of its similar gaps.
    repeated: bool = False
    similar_url: str = ""


def agenda_view(request, pk):
    """The agenda of a meeting this person may read; any other meeting answers 404.
    `?similar=<id>` adds the "Similar gaps" panel of one of its gaps; any other id is a 400.
    """
    meetings = Meeting.objects.select_related("district").prefetch_related(
        "members_present", "apologies"
    )
    meeting = scoped_object_or_404(meetings_visible_to(request.user, meetings), pk)
    items = list(agenda_items(meeting))
    agenda_path = request.path
    may_read_casework = meeting.district_id in visible_district_ids(request.user)
    try:
        similar = _similar_panel(request, items, may_read_casework) or (None, None)
    except ValueError as problem:
        return bad_request(
            request,
            str(problem),
            back_url=agenda_path,
            title="This agenda cannot show that",
            advice="Follow an item's “Similar gaps” link instead.",
            back_label="Go to the agenda",
        )
    decisions = _latest_decisions(items)
    gaps = [item for item in items if isinstance(item, GapInService)]
    repeated = repeated_need_counts(gaps)
    may_act = _ActionChecker(request.user)
    summaries = []
    for item in items:
        summary = _summarise(item)
        summary.decision = _decision(decisions.get(item.pk))
        if item.state in WAITING_STATES:
            summary.actions = may_act.links(item, agenda_path)
        if isinstance(item, GapInService):
            summary.repeated = repeated.is_repeated(item)
            summary.similar_url = f"{agenda_path}?{SIMILAR}={item.pk}#similar"
        summaries.append(summary)
    context = {
        "meeting": meeting,
        "items": summaries,
        "waiting": sum(1 for item in items if item.state in WAITING_STATES),
        "meetings_url": urls.screen_url(Meeting),
        "edit_url": urls.screen_url(meeting, "edit") if may_read_casework else "",
        "similar_gap": similar[0],
        "similar": similar[1],
    }
    return TemplateResponse(request, "pei_workflow/meetings/agenda.html", context)


def _similar_panel(request, items, may_read_casework: bool):
    """The gap `?similar=` asks for and its panel, or None; a ValueError when it names no gap
    on this agenda. Someone who may not read the district's casework gets the counts only."""
    asked = request.GET.get(SIMILAR)
    if asked is None:
        return None
    gaps = {str(item.pk): item for item in items if isinstance(item, GapInService)}
    if asked not in gaps:
        raise ValueError("The similar gaps asked for are not of a gap on this agenda.")
    gap = gaps[asked]
    return gap, similar_panel(gap, request.user, rows=may_read_casework)


class _ActionChecker:
    """Which steps this person may take on each waiting item, as links to the step forms."""

    def __init__(self, user):
        self.user = user
        self.permitted = {}

    def links(self, item, agenda_path: str) -> list[tuple[str, str]]:
        links = []
        steps = ((_decision_step(item), "Record decision"), ("defer", "Move to a later meeting"))
        for transition, label in steps:
            if self._may(item, transition):
                links.append((label, urls.step_url(item, transition, next_url=agenda_path)))
        return links

    def _may(self, item, transition: str) -> bool:
        bound = getattr(item, transition)
        if not can_proceed(bound):
            return False
        # A step's permission depends on the person and the submission's district, and every
        # item on one agenda has the meeting's district: asking once per kind of step keeps
        # the page's queries the same however many items there are.
        key = (type(item), transition)
        if key not in self.permitted:
            self.permitted[key] = has_transition_perm(bound, self.user)
        return self.permitted[key]


def _summarise(item) -> AgendaItem:
    themes = ", ".join(theme.name for theme in item.themes.all()) or "None yet"
    if isinstance(item, GapInService):
        asked = "No"
        if item.spot_purchase_requested:
            asked = pounds(item.spot_purchase_amount)
        facts = [
            ("Why the form was used", item.get_route_display()),
            ("Barrier", item.get_barrier_display()),
            ("CYPP priority", item.priority.title if item.priority else "None given"),
            ("Who is affected", item.get_affected_group_display()),
            ("Age", item.get_age_band_display()),
            ("Children and young people affected", str(item.children_affected)),
            ("Families affected", str(item.families_affected)),
            ("Themes", themes),
            ("Spot purchase asked for", asked),
            ("Who will attend", item.get_panel_attendee_display()),
        ]
        texts = [
            ("The unmet need", item.unmet_need),
            ("What has been tried", item.what_has_been_tried),
            ("The service that would meet the need", item.service_that_would_meet_need),
            ("More about the barrier", item.barrier_detail),
            (
                "What the spot purchase would buy",
                item.spot_purchase_purpose if item.spot_purchase_requested else "",
            ),
        ]
    else:
        facts = [
            ("Escalation type", item.get_escalation_type_display()),
            ("May have county-wide implications", item.get_county_implications_display()),
            ("Themes", themes),
        ]
        texts = [
            ("Agencies involved", item.agencies_involved),
            ("The issue", item.issue),
            ("Steps already taken", item.steps_taken),
            ("The outcome wanted", item.outcome_sought),
        ]
    return AgendaItem(
        reference=item.reference,
        kind=item._meta.verbose_name.capitalize(),
        status=item.get_state_display(),
        facts=facts,
        texts=[(label, text) for label, text in texts if text],
    )


def _latest_decisions(items) -> dict[int, TransitionLog]:
    """Each item's latest decision by this kind of meeting, from the review history in one
    query. The history keeps what the meeting agreed even after a later body's decision has
    replaced the notes on the submission itself."""
    if not items:
        return {}
    logs = review_history(items, transitions=[_decision_step(items[0])])
    return {log.object_id: log for log in logs}


def _decision(log: TransitionLog | None) -> list[tuple[str, str]]:
    if log is None:
        return []
    data = log.details  # decoded by `review_history`
    rows = []
    if "outcome" in data:
        rows.append(("What was agreed", _label(PanelOutcome, data["outcome"])))
    if "agreement" in data:
        rows.append(("What was agreed", _label(SubGroupAgreement, data["agreement"])))
    if data.get("amount"):
        rows.append(("Amount", _money(data["amount"])))
    if data.get("purchase_for"):
        rows.append(("What it buys", data["purchase_for"]))
    if data.get("service"):
        rows.append(("Service", data["service"]))
    if log.comment:
        rows.append(("Notes", log.comment))
    rows.append(("Recorded on", f"{localtime(log.created_at):%-d %B %Y}"))
    return rows


def _label(choices, value) -> str:
    return str(value.label) if isinstance(value, choices) else str(value)


def _money(amount) -> str:
    return pounds(amount) if isinstance(amount, Decimal) else str(amount)
