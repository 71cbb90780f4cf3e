"""A synthetic practitioner's answers to either form, mixed as real ones would be: the route,
workforce, barrier and escalation type in realistic proportions, and texts that fit the
theme of the need."""

import random
from decimal import Decimal

from ..choices import (
    AffectedGroup,
    AgeBand,
    Barrier,
    EscalationType,
    GapRoute,
    PanelAttendee,
    Workforce,
)
from ..models import CafEscalation, GapInService
from . import texts

WORKFORCE_WEIGHTS = {
    Workforce.EDUCATION: 30,
    Workforce.HEALTH: 20,
    Workforce.CHILDRENS_SERVICES: 20,
    Workforce.VOLUNTARY_COMMUNITY: 12,
    Workforce.ADULT_SERVICES: 5,
    Workforce.HOUSING: 5,
    Workforce.POLICE: 4,
    Workforce.OTHER: 4,
}
ROUTE_WEIGHTS = {
    GapRoute.CAF_NEEDS_UNKNOWN: 35,
    GapRoute.NEEDS_MET_NOT_EFFECTIVELY: 15,
    GapRoute.STEP_DOWN_BELOW_THRESHOLD: 18,
    GapRoute.STEP_DOWN_COURT_ORDER: 5,
    GapRoute.OUTSIDE_CHILDRENS_SERVICES: 10,
    GapRoute.DISTINCT_WORK: 17,
}
BARRIER_WEIGHTS = {
    Barrier.NO_SERVICE_KNOWN: 30,
    Barrier.WAITING_LIST: 20,
    Barrier.ELIGIBILITY: 14,
    Barrier.COST: 14,
    Barrier.CAPACITY: 10,
    Barrier.DISTANCE: 7,
    Barrier.OTHER: 5,
}
# The barrier a theme's gaps most often meet.
THEME_BARRIER = {
    "Transport": Barrier.DISTANCE,
    "Emotional health and wellbeing": Barrier.WAITING_LIST,
    "Equipment": Barrier.COST,
    "Childcare and respite": Barrier.COST,
    "Diversionary activities": Barrier.NO_SERVICE_KNOWN,
}
ESCALATION_WEIGHTS = {
    EscalationType.AGENCY_NOT_ENGAGING: 24,
    EscalationType.NO_LEAD_PROFESSIONAL: 16,
    EscalationType.AGENCY_DISAGREEMENT: 12,
    EscalationType.THRESHOLD_DISAGREEMENT: 18,
    EscalationType.SERVICE_DELAY: 14,
    EscalationType.SYSTEMIC_CAF_ISSUE: 6,
    EscalationType.WORKFORCE_TRAINING: 6,
    EscalationType.OTHER: 4,
}
SPOT_AMOUNTS = [60, 95, 120, 150, 200, 250, 300, 350, 400, 450, 500]


def weighted(rng: random.Random, weights: dict):
    return rng.choices(list(weights), list(weights.values()))[0]


def _practitioner(rng: random.Random, district, index: int) -> dict:
    workforce = weighted(rng, WORKFORCE_WEIGHTS)
    first, last = rng.choice(texts.FIRST_NAMES), rng.choice(texts.LAST_NAMES)
    return {
        "district": district,
        "practitioner_name": f"{first} {last}",
        "job_title": rng.choice(texts.JOB_TITLES[workforce]),
        "organisation": f"{district.name} {texts.ORGANISATIONS[workforce]}",
        "workforce": workforce,
        "email": f"practitioner{index}@example.org",
        "phone": f"01632 960{index % 1000:03d}",
        "confirmed_anonymous": True,
    }


def _affected(rng: random.Random) -> tuple[str, int, int]:
    group = rng.choices(AffectedGroup.values, [60, 30, 10])[0]
    if group == AffectedGroup.CHILD_OR_YOUNG_PERSON:
        return group, rng.choices([1, 2, 3], [80, 15, 5])[0], 1
    if group == AffectedGroup.FAMILY:
        return group, rng.randint(1, 5), 1
    return group, rng.randint(6, 40), rng.randint(3, 20)


def gap(rng: random.Random, district, index: int, theme_name: str, priorities, panel_max):
    """A Gap in Service form as a practitioner might fill it in, about `theme_name`."""
    needs, tried, wanted, purchase = texts.GAP_TEXTS.get(theme_name, texts.GENERAL_GAP_TEXTS)
    route = weighted(rng, ROUTE_WEIGHTS)
    caf = (
        rng.choices(["yes", "no"], [85, 15])[0]
        if route == GapRoute.CAF_NEEDS_UNKNOWN
        else rng.choices(["yes", "no", "not_applicable"], [45, 35, 20])[0]
    )
    if rng.random() < 0.45 and theme_name in THEME_BARRIER:
        barrier = THEME_BARRIER[theme_name]
    else:
        barrier = weighted(rng, BARRIER_WEIGHTS)
    group, children, families = _affected(rng)
    spot = rng.random() < 0.25
    amounts = [a for a in SPOT_AMOUNTS if a <= panel_max] or [int(panel_max)]
    return GapInService(
        **_practitioner(rng, district, index),
        route=route,
        caf_in_place=caf,
        tac_consulted=rng.choices(["yes", "no"], [75, 25])[0] if caf == "yes" else "no",
        priority_id=rng.choice(priorities) if priorities and rng.random() < 0.7 else None,
        affected_group=group,
        age_band=rng.choices(AgeBand.values, [12, 22, 38, 20, 8])[0],
        children_affected=children,
        families_affected=families,
        unmet_need=rng.choice(needs),
        what_has_been_tried=tried,
        service_that_would_meet_need=wanted if rng.random() < 0.6 else "",
        barrier=barrier,
        barrier_detail=texts.BARRIER_DETAIL.get(barrier, "") if rng.random() < 0.5 else "",
        spot_purchase_requested=spot,
        spot_purchase_amount=Decimal(rng.choice(amounts)) if spot else None,
        spot_purchase_purpose=purchase if spot else "",
        panel_attendee=rng.choices(PanelAttendee.values, [70, 30])[0],
    )


def caf(rng: random.Random, district, index: int) -> CafEscalation:
    """A CAF escalation form as a practitioner might fill it in."""
    kind = weighted(rng, ESCALATION_WEIGHTS)
    issue, sought = texts.CAF_TEXTS[kind]
    systemic = kind in (EscalationType.SYSTEMIC_CAF_ISSUE, EscalationType.WORKFORCE_TRAINING)
    return CafEscalation(
        **_practitioner(rng, district, index),
        escalation_type=kind,
        agencies_involved=rng.choice(texts.CAF_AGENCIES),
        issue=issue,
        steps_taken=rng.choice(texts.CAF_STEPS_TAKEN),
        outcome_sought=sought,
        county_implications=rng.choices(
            ["yes", "no", "unsure"], [55, 20, 25] if systemic else [12, 63, 25]
        )[0],
    )
