"""Things that change casework data. Each public function is one unit of work."""

from .agenda import add_to_agenda, defer
from .budgets import (
    BudgetPosition,
    budget_position,
    check_budget_change,
    check_spot_purchase,
    set_budget,
)
from .commissioning import Commissioning
from .decisions import (
    escalate_to_sub_group,
    escalate_to_trust_board,
    record_county_response,
    record_panel_decision,
    record_sub_group_decision,
    record_trust_board_decision,
    refer_to_county_caf_group,
    signpost,
)
from .editing import answer_fields, correct_answers, editable_parts, set_themes
from .history import record_transition
from .meetings import save_meeting, save_panel_member
from .message_templates import save_message_template
from .people import (
    PersonRole,
    RoleChange,
    can_set_up_people,
    grant_role,
    remove_assignment,
    remove_role,
)
from .practitioner import provide_information, withdraw_by_practitioner
from .projects import OutcomeChange, save_monitoring_return, save_project
from .redaction import redact
from .references import allocate_reference
from .retention import apply_retention
from .review import (
    close,
    decline,
    reopen,
    request_information,
    start_review,
    withdraw_for_practitioner,
)
from .submission import submit_caf_escalation, submit_gap_in_service
from .transitions import TransitionRefused, run_transition

__all__ = [
    "BudgetPosition",
    "Commissioning",
    "OutcomeChange",
    "PersonRole",
    "RoleChange",
    "TransitionRefused",
    "add_to_agenda",
    "allocate_reference",
    "answer_fields",
    "apply_retention",
    "budget_position",
    "can_set_up_people",
    "check_budget_change",
    "check_spot_purchase",
    "close",
    "correct_answers",
    "decline",
    "defer",
    "editable_parts",
    "escalate_to_sub_group",
    "escalate_to_trust_board",
    "grant_role",
    "provide_information",
    "record_county_response",
    "record_panel_decision",
    "record_sub_group_decision",
    "record_transition",
    "record_trust_board_decision",
    "redact",
    "refer_to_county_caf_group",
    "remove_assignment",
    "remove_role",
    "reopen",
    "request_information",
    "run_transition",
    "save_monitoring_return",
    "save_meeting",
    "save_message_template",
    "save_panel_member",
    "save_project",
    "set_budget",
    "set_themes",
    "signpost",
    "start_review",
    "submit_caf_escalation",
    "submit_gap_in_service",
    "withdraw_by_practitioner",
    "withdraw_for_practitioner",
]
