"""Things that change casework data. Each public function is one unit of work."""

from .history import record_transition
from .practitioner import provide_information, withdraw_by_practitioner
from .references import allocate_reference
from .submission import submit_caf_escalation, submit_gap_in_service
from .transitions import TransitionRefused, run_transition

__all__ = [
    "TransitionRefused",
    "allocate_reference",
    "provide_information",
    "record_transition",
    "run_transition",
    "submit_caf_escalation",
    "submit_gap_in_service",
    "withdraw_by_practitioner",
]
