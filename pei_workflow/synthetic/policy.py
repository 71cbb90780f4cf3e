"""How synthetic cases move on: the weights an EIDO's caseload gives each step the state
machines offer from each state, checked against the models' own transitions when this module
is imported, so the policy can never name a step the tables forbid."""

from ..models import CafEscalation, GapInService

# How an EIDO's caseload moves on from each state: weights among the steps the state
# machine offers there. A step the machine does not offer from that state is an error
# (see `offered_steps`); an ended state moves on only by a reopen, `REOPEN` of the time.
POLICY = {
    "GAP": {
        "submitted": {"start_review": 93, "decline": 4, "withdraw": 3},
        "in_review": {
            "request_information": 18,
            "signpost": 22,
            "add_to_agenda": 48,
            "decline": 8,
            "withdraw": 4,
        },
        "information_requested": {"provide_information": 85, "withdraw": 15},
        "on_panel_agenda": {
            "record_panel_decision": 74,
            "defer": 12,
            "escalate_to_sub_group": 11,
            "withdraw": 3,
        },
        "action_agreed": {"close": 90, "escalate_to_sub_group": 6, "withdraw": 4},
        "escalated_sub_group": {
            "record_sub_group_decision": 68,
            "escalate_to_trust_board": 27,
            "withdraw": 5,
        },
        "escalated_trust_board": {"record_trust_board_decision": 88, "withdraw": 12},
    },
    "CAF": {
        "submitted": {"start_review": 92, "decline": 5, "withdraw": 3},
        "in_review": {"request_information": 20, "add_to_agenda": 62, "decline": 12, "withdraw": 6},
        "information_requested": {"provide_information": 85, "withdraw": 15},
        "on_sub_group_agenda": {
            "record_sub_group_decision": 58,
            "defer": 10,
            "escalate_to_trust_board": 10,
            "refer_to_county_caf_group": 17,
            "withdraw": 5,
        },
        "action_agreed": {
            "close": 88,
            "escalate_to_trust_board": 4,
            "refer_to_county_caf_group": 4,
            "withdraw": 4,
        },
        "escalated_trust_board": {"record_county_response": 88, "withdraw": 12},
        "referred_to_county": {"record_county_response": 88, "withdraw": 12},
    },
}
REOPEN = {"closed": 0.03, "declined": 0.08, "withdrawn": 0.06}
# Steps taken at most once per case (twice for a deferral), so no case goes round for ever.
ONCE = {"escalate_to_sub_group", "escalate_to_trust_board", "refer_to_county_caf_group", "reopen"}
MAX_DEFERRALS = 2
COUNTY_STEPS = {"record_trust_board_decision", "record_county_response"}
PRACTITIONER_STEPS = {"provide_information"}
DECISION_STEPS = {
    "signpost",
    "record_panel_decision",
    "record_sub_group_decision",
    "record_trust_board_decision",
    "record_county_response",
}


def transition_table(model) -> dict[str, dict[str, str]]:
    """{state: {step: target}} from the model's own transitions, `submit` left out."""
    table: dict[str, dict[str, str]] = {}
    for t in model._meta.get_field("state").get_all_transitions(model):
        if t.name != "submit":
            table.setdefault(t.source, {})[t.name] = t.target
    return table


TABLES = {"GAP": transition_table(GapInService), "CAF": transition_table(CafEscalation)}


def offered_steps() -> None:
    """Raise if `POLICY` names a step the state machine does not offer from a state."""
    for kind, states in POLICY.items():
        for state, weights in states.items():
            for name in weights:
                if name not in TABLES[kind].get(state, {}):
                    raise ValueError(f"{kind}: {name} is not a step from {state}")
    for kind in TABLES:
        for state in REOPEN:
            if "reopen" not in TABLES[kind].get(state, {}):
                raise ValueError(f"{kind}: reopen is not a step from {state}")


offered_steps()
