"""One synthetic case's path through its state machine, from the day it was sent to today.

The steps offered in each state come from the model's own transitions (`get_all_transitions`),
so every history is one the state machine allows; `POLICY` only weighs the choices, as an
EIDO's caseload would. Each step takes time: staff act in working hours on weekdays,
decisions are taken on the day of the meeting (or Trust Board) that took them, and a case
whose next step would fall after today stops where it is. So old cases have mostly ended
and recent ones are mostly open, without anyone saying which.

Each step changes the case's fields as its service does (`services.decisions`, `review`,
`agenda`), and writes the same structured data in its review history row.
"""

import datetime
import math
import random
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from ..choices import PanelOutcome, SubGroupAgreement
from ..models import financial_year_of
from ..services.agenda import meeting_data
from . import texts
from .policy import (
    COUNTY_STEPS,
    MAX_DEFERRALS,
    ONCE,
    POLICY,
    PRACTITIONER_STEPS,
    REOPEN,
    TABLES,
)

LOCAL = timezone.get_default_timezone()


@dataclass
class Step:
    name: str
    source: str
    target: str
    at: datetime.datetime
    actor_id: int | None = None
    comment: str = ""
    data: dict = field(default_factory=dict)


@dataclass
class Purchase:
    district_id: int
    financial_year: int
    amount: Decimal
    purchase_for: str
    at: datetime.datetime
    actor_id: int


@dataclass
class Path:
    steps: list[Step]
    purchases: list[Purchase]
    theme_ids: list[int]


def lognormal_days(rng: random.Random, median: float, sigma: float) -> datetime.timedelta:
    """A skewed delay: most steps are quick, a few take much longer."""
    return datetime.timedelta(days=median * math.exp(rng.gauss(0, sigma)))


def working_time(rng: random.Random, at: datetime.datetime) -> datetime.datetime:
    """The first moment in office hours (9:00 to 17:00, Monday to Friday) at or after `at`,
    with the minutes made random so steps do not all land on the hour."""
    local = at.astimezone(LOCAL)
    day = local.date()
    if local.hour >= 16:
        day += datetime.timedelta(days=1)
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    earliest = 9 if day != local.date() else max(9, local.hour + 1)
    return aware(day, datetime.time(rng.randint(earliest, 16), rng.randrange(60)))


def aware(day: datetime.date, time: datetime.time) -> datetime.datetime:
    """A wall-clock time in Lancashire (synthetic times avoid the small hours, so never one
    that a change of the clocks skips)."""
    return datetime.datetime.combine(day, time, tzinfo=LOCAL)


def local_date(at: datetime.datetime) -> datetime.date:
    return at.astimezone(LOCAL).date()


class Walker:
    """Walks one case of `model` from submission to today, in one district's world."""

    def __init__(self, rng, world, district_world, model, now):
        self.rng, self.world, self.dw, self.model, self.now = rng, world, district_world, model, now
        self.kind = model.kind.value
        self.table = TABLES[self.kind]

    def walk(self, case, submitted_at: datetime.datetime, theme_ids: list[int]) -> Path:
        self.case, self.theme_ids = case, theme_ids
        self.steps = [Step("submit", "new", "submitted", submitted_at)]
        self.purchases: list[Purchase] = []
        self.done: dict[str, int] = {}
        self.tagged = False
        state, at = "submitted", submitted_at
        while True:
            name = self._choose(state)
            if name is None:
                break
            moment = getattr(self, f"_at_{name}", self._at_default)(state, at)
            if moment is None or moment > self.now:
                break
            moment = max(moment, at + datetime.timedelta(minutes=1))
            target = self.table[state][name]
            step = Step(name, state, target, moment, self._actor(name))
            getattr(self, f"_do_{name}", lambda step: None)(step)
            self.steps.append(step)
            self.done[name] = self.done.get(name, 0) + 1
            state, at = target, moment
            if name == "start_review" and self._tag_themes(step):
                at = self.steps[-1].at
        type(case).state.field.set_state(case, state)
        case.updated_at = self.steps[-1].at
        return Path(self.steps, self.purchases, theme_ids if self.tagged else [])

    # Choosing the next step.

    def _choose(self, state: str) -> str | None:
        if state in REOPEN:
            # A case the panel spent money on is not reopened: its spot purchase stays
            # charged to the year of the meeting it is on.
            if "reopen" in self.done or self.purchases or self.rng.random() >= REOPEN[state]:
                return None
            return "reopen"
        weights = dict(POLICY[self.kind][state])
        for name in list(weights):
            if (name in ONCE and name in self.done) or (
                name == "defer" and self.done.get("defer", 0) >= MAX_DEFERRALS
            ):
                weights.pop(name)
        if self.kind == "CAF" and self.case.county_implications == "yes":
            for name in ("escalate_to_trust_board", "refer_to_county_caf_group"):
                if name in weights:
                    weights[name] *= 2.5
        if "signpost" in weights and not self.dw.services:
            weights.pop("signpost")
        return self.rng.choices(list(weights), list(weights.values()))[0]

    def _actor(self, name: str) -> int | None:
        if name in PRACTITIONER_STEPS:
            return None
        if name in COUNTY_STEPS or (name == "escalate_to_trust_board" and self.rng.random() < 0.3):
            return self.world.county_lead_id
        if name == "withdraw" and self.rng.random() < 0.65:
            return None  # through the status link
        return self.dw.eido_id

    # When each step happens, or None when it cannot happen yet.

    def _at_default(self, state, at):
        return working_time(self.rng, at + lognormal_days(self.rng, 5, 0.7))

    def _at_start_review(self, state, at):
        return working_time(self.rng, at + lognormal_days(self.rng, 2.5 * self.dw.pace, 0.9))

    def _at_decline(self, state, at):
        if state == "submitted":
            return self._at_start_review(state, at)
        return self._at_default(state, at)

    def _at_request_information(self, state, at):
        return working_time(self.rng, at + datetime.timedelta(days=self.rng.uniform(0.1, 5)))

    def _at_provide_information(self, state, at):
        return at + lognormal_days(self.rng, 4, 0.8)

    def _at_withdraw(self, state, at):
        if state == "information_requested":
            days = datetime.timedelta(days=self.rng.uniform(21, 70))
            return working_time(self.rng, at + days)
        if state in ("on_panel_agenda", "on_sub_group_agenda"):
            before = self.case.meeting.date - local_date(at)
            gap = datetime.timedelta(days=self.rng.uniform(0, max(before.days, 1)))
            return working_time(self.rng, at + gap)
        return working_time(self.rng, at + lognormal_days(self.rng, 20, 0.6))

    def _at_add_to_agenda(self, state, at):
        moment = working_time(self.rng, at + lognormal_days(self.rng, 4, 0.6))
        day = local_date(moment) + datetime.timedelta(days=3)
        self.meeting = self.dw.next_meeting(self.model.meeting_kind, day)
        return moment if self.meeting else None

    def _at_meeting(self, meeting):
        """During the meeting, or recorded within two working days of it."""
        start = aware(meeting.date, meeting.start_time or datetime.time(10))
        if self.rng.random() < 0.7:
            return start + datetime.timedelta(minutes=self.rng.randint(20, 150))
        return working_time(self.rng, start + datetime.timedelta(days=self.rng.uniform(1, 2)))

    def _at_defer(self, state, at):
        later = self.dw.next_meeting(
            self.model.meeting_kind, self.case.meeting.date + datetime.timedelta(days=1)
        )
        if later is None:
            return None
        self.meeting = later
        start = aware(self.case.meeting.date, self.case.meeting.start_time or datetime.time(10))
        return start + datetime.timedelta(minutes=self.rng.randint(20, 150))

    def _at_on_agenda_or_later(self, state, at):
        if state in ("on_panel_agenda", "on_sub_group_agenda"):
            return self._at_meeting(self.case.meeting)
        if state == "escalated_sub_group":  # the Sub Group decides at its next meeting
            day = local_date(at) + datetime.timedelta(days=5)
            meeting = self.dw.next_meeting("sub_group", day)
            return self._at_meeting(meeting) if meeting else None
        if state == "escalated_trust_board":
            day = self.world.next_trust_board(local_date(at) + datetime.timedelta(days=14))
            if day is None:
                return None
            return working_time(self.rng, aware(day, datetime.time(11)))
        if state == "referred_to_county":
            return working_time(self.rng, at + lognormal_days(self.rng, 35, 0.5))
        return working_time(self.rng, at + datetime.timedelta(days=self.rng.uniform(10, 60)))

    _at_record_panel_decision = _at_on_agenda_or_later
    _at_escalate_to_sub_group = _at_on_agenda_or_later
    _at_record_sub_group_decision = _at_on_agenda_or_later
    _at_escalate_to_trust_board = _at_on_agenda_or_later
    _at_refer_to_county_caf_group = _at_on_agenda_or_later
    _at_record_trust_board_decision = _at_on_agenda_or_later
    _at_record_county_response = _at_on_agenda_or_later

    def _at_close(self, state, at):
        signposted = getattr(self.case, "panel_outcome", "") == PanelOutcome.SERVICE_IDENTIFIED
        median = 30 if signposted else 60
        return working_time(self.rng, at + lognormal_days(self.rng, median, 0.5))

    def _at_reopen(self, state, at):
        return working_time(self.rng, at + datetime.timedelta(days=self.rng.uniform(5, 120)))

    # What each step writes, as its service writes it.

    def _tag_themes(self, step) -> bool:
        """The EIDO tags the case with its themes as the review starts (`set_themes`)."""
        if self.theme_ids and not self.tagged:
            self.tagged = True
            names = [t.name for t in self.world.themes if t.pk in self.theme_ids]
            self.steps.append(
                Step(
                    "set_themes",
                    step.target,
                    step.target,
                    step.at + datetime.timedelta(minutes=self.rng.randint(1, 30)),
                    step.actor_id,
                    data={"themes": sorted(names)},
                )
            )
            return True
        return False

    def _do_request_information(self, step):
        step.comment = self.rng.choice(texts.QUESTIONS)

    def _do_provide_information(self, step):
        step.comment = self.rng.choice(texts.ANSWERS)

    def _do_decline(self, step):
        step.comment = self.rng.choice(texts.DECLINE_REASONS)

    def _do_withdraw(self, step):
        if step.actor_id is not None:
            step.comment = self.rng.choice(texts.WITHDRAW_REASONS)

    def _do_reopen(self, step):
        step.comment = self.rng.choice(texts.REOPEN_REASONS)

    def _do_add_to_agenda(self, step):
        self.case.meeting = self.meeting
        step.data = dict(self._meeting_data(self.meeting))

    def _meeting_data(self, meeting) -> dict:
        cache = self.dw.meeting_data
        if meeting.pk not in cache:
            cache[meeting.pk] = meeting_data(meeting)
        return cache[meeting.pk]

    def _do_defer(self, step):
        self._do_add_to_agenda(step)
        step.comment = self.rng.choice(texts.DEFER_REASONS)

    def _do_escalate(self, step):
        step.comment = texts.ESCALATION_REASONS[step.name]

    _do_escalate_to_sub_group = _do_escalate
    _do_escalate_to_trust_board = _do_escalate
    _do_refer_to_county_caf_group = _do_escalate

    def _decided(self, step, notes: str):
        self.case.decision_notes = notes
        self.case.decided_at = step.at
        step.comment = notes

    def _service(self, step) -> bool:
        """Choose a service that covers the district, for the theme if one does."""
        offered = []
        for theme_id in self.theme_ids:
            offered += self.dw.services_by_theme.get(theme_id, [])
        service_id, unknown = self.rng.choice(offered or self.dw.services)
        unknown = self.rng.random() < unknown
        self.case.identified_service_id = service_id
        self.case.service_unknown_to_practitioner = unknown
        step.data |= {
            "service": self.dw.service_names[service_id],
            "service_id": service_id,
            "unknown_to_practitioner": unknown,
        }
        return True

    def _do_signpost(self, step):
        step.data = {"outcome": PanelOutcome.SERVICE_IDENTIFIED.value}
        self._service(step)
        self.case.panel_outcome = PanelOutcome.SERVICE_IDENTIFIED
        self._decided(step, self.rng.choice(texts.SIGNPOST_NOTES))

    def _do_record_panel_decision(self, step):
        weights = {
            PanelOutcome.SERVICE_IDENTIFIED: 25 if self.dw.services else 0,
            PanelOutcome.SKILLS_OR_RESOURCES: 30,
            PanelOutcome.SPOT_PURCHASE: 45 if self.case.spot_purchase_requested else 0,
            PanelOutcome.WAITING_LIST: 25 if self.case.barrier == "waiting_list" else 12,
        }
        outcome = self.rng.choices(list(weights), list(weights.values()))[0]
        if outcome == PanelOutcome.SPOT_PURCHASE and not self._spend(step):
            weights.pop(PanelOutcome.SPOT_PURCHASE)
            outcome = self.rng.choices(list(weights), list(weights.values()))[0]
        step.data = {"outcome": outcome.value} | step.data
        if outcome == PanelOutcome.SERVICE_IDENTIFIED:
            self._service(step)
        self.case.panel_outcome = outcome
        self._decided(step, texts.PANEL_NOTES[outcome])

    def _spend(self, step) -> bool:
        """A spot purchase within the panel maximum and what is left of the year's budget,
        paced so that the budget lasts the year. False (and nothing spent) when it does not
        fit: the panel agrees something else instead."""
        meeting_day = self.case.meeting.date
        year = financial_year_of(meeting_day)
        key = (self.case.district_id, year)
        budget = self.world.budgets.get(key)
        amount = min(self.case.spot_purchase_amount, self.dw.district.panel_maximum)
        if budget is None or amount <= 0:
            return False
        spent = self.world.spent.get(key, Decimal("0.00"))
        through_year = (meeting_day - datetime.date(year, 4, 1)).days / 365
        pace = Decimal(str(round(min(1.0, 0.1 + through_year), 4)))
        if spent + amount > min(budget, budget * pace):
            return False
        self.world.spent[key] = spent + amount
        purpose = self.case.spot_purchase_purpose or "Sessions or an item that meets the need."
        self.purchases.append(
            Purchase(self.case.district_id, year, amount, purpose, step.at, step.actor_id)
        )
        step.data = {"amount": f"{amount:.2f}", "purchase_for": purpose}
        return True

    def _do_record_sub_group_decision(self, step):
        agreement = self.rng.choices(SubGroupAgreement.values, [22, 24, 16, 28, 10])[0]
        self.case.sub_group_agreement = agreement
        step.data = {"agreement": agreement}
        self._decided(step, texts.SUB_GROUP_NOTES[agreement])

    def _do_record_county(self, step):
        self._decided(step, texts.COUNTY_NOTES[step.name])

    _do_record_trust_board_decision = _do_record_county
    _do_record_county_response = _do_record_county

    def _do_close(self, step):
        case, rng = self.case, self.rng
        outcome = rng.choices(["met", "partly_met", "not_met"], [58, 30, 12])[0]
        share = {"met": 1.0, "partly_met": 0.6, "not_met": 0.0}[outcome]
        # A CAF escalation is about how agencies work together: few children benefit directly.
        affected = getattr(case, "children_affected", None) or rng.randint(1, 3)
        families_affected = getattr(case, "families_affected", None) or 1
        children = round(affected * share * rng.uniform(0.7, 1.0))
        families = round(families_affected * share * rng.uniform(0.7, 1.0))
        had_caf = getattr(case, "caf_in_place", "yes")
        caf = rng.choices(["yes", "no"], [90, 10] if had_caf == "yes" else [35, 65])[0]
        case.monitoring_outcome = outcome
        case.children_benefiting = children
        case.families_benefiting = families
        case.caf_in_place_at_close = caf
        case.closing_notes = texts.CLOSING_NOTES[outcome] if rng.random() < 0.6 else ""
        case.closed_at = step.at
        step.comment = case.closing_notes
        step.data = {
            "outcome": outcome,
            "children_benefiting": children,
            "families_benefiting": families,
            "caf_in_place": caf,
        }
