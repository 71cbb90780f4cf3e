"""A submission's answers and decisions, grouped the way an EIDO reads a case: who sent it,
why, who is affected, the need, then what was decided and how it ended."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone
from django.utils.formats import date_format

from ...labels import field_label, state_label
from ...models import (
    DECISION_FIELDS,
    MONITORING_FIELDS,
    PRACTITIONER_FIELDS,
    CafEscalation,
    GapInService,
    Submission,
    pounds,
)

ANSWER_GROUPS = {
    GapInService: [
        ("The practitioner", PRACTITIONER_FIELDS),
        ("Why they used the form", ("route", "caf_in_place", "tac_consulted", "priority")),
        (
            "Who is affected",
            ("affected_group", "age_band", "children_affected", "families_affected"),
        ),
        (
            "The need",
            (
                "unmet_need",
                "what_has_been_tried",
                "service_that_would_meet_need",
                "barrier",
                "barrier_detail",
            ),
        ),
        (
            "Spot purchase asked for",
            ("spot_purchase_requested", "spot_purchase_amount", "spot_purchase_purpose"),
        ),
        ("At the panel", ("panel_attendee", "confirmed_anonymous")),
    ],
    CafEscalation: [
        ("The practitioner", PRACTITIONER_FIELDS),
        (
            "The escalation",
            (
                "escalation_type",
                "agencies_involved",
                "issue",
                "steps_taken",
                "outcome_sought",
                "county_implications",
                "confirmed_anonymous",
            ),
        ),
    ],
}

# DECISION_FIELDS and MONITORING_FIELDS are shown only once set: each is written by the step
# that records it.
NOT_GIVEN = "Not given"


@dataclass(frozen=True)
class Answer:
    label: str
    value: str
    long: bool = False


@dataclass(frozen=True)
class AnswerGroup:
    heading: str
    answers: list[Answer]


def display_value(instance: Submission, name: str) -> tuple[str, bool]:
    """How a field's value reads on screen, and whether it is long text."""
    field = instance._meta.get_field(name)
    value = getattr(instance, name)
    if field.choices and value:
        return str(getattr(instance, f"get_{name}_display")()), False
    if isinstance(value, bool):
        return ("Yes" if value else "No"), False
    if value is None or value == "":
        return NOT_GIVEN, False
    if isinstance(value, Decimal):
        return pounds(value), False
    if hasattr(value, "tzinfo") and hasattr(value, "hour"):
        return date_format(timezone.localtime(value), "j F Y, H:i"), False
    return str(value), field.get_internal_type() == "TextField"


def _answer(instance: Submission, name: str) -> Answer:
    value, long = display_value(instance, name)
    return Answer(label=field_label(type(instance), name), value=value, long=long)


def answer_field_names(model: type[Submission]) -> list[str]:
    """Every answer field of a kind of submission, in the order the inspect page shows them."""
    return [name for _heading, names in ANSWER_GROUPS[model] for name in names]


def answer_groups(instance: Submission) -> list[AnswerGroup]:
    """The practitioner's answers, in groups with headings."""
    return [
        AnswerGroup(heading, [_answer(instance, name) for name in names])
        for heading, names in ANSWER_GROUPS[type(instance)]
    ]


def _set_fields(instance: Submission, names) -> list[Answer]:
    present = [n for n in names if hasattr(instance, n)]
    # 0 children benefiting is an answer; only None, "" and False mean "not set".
    return [
        _answer(instance, name)
        for name in present
        if getattr(instance, name) is not None
        and getattr(instance, name) != ""
        and getattr(instance, name) is not False
    ]


def decision_answers(instance: Submission) -> list[Answer]:
    """The decision fields that have been set (none until a decision is recorded)."""
    return _set_fields(instance, DECISION_FIELDS)


def monitoring_answers(instance: Submission) -> list[Answer]:
    """The monitoring fields recorded when the case was closed, if it was."""
    return _set_fields(instance, MONITORING_FIELDS)


def summary(instance: Submission) -> list[Answer]:
    """The reference, district, state and when it was sent."""
    return [
        Answer("Reference", instance.reference),
        Answer("District", str(instance.district)),
        Answer("State", state_label(type(instance), instance.state)),
        Answer("Sent", display_value(instance, "submitted_at")[0]),
    ]
