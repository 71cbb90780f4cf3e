from .districts import DEFAULT_PANEL_MAXIMUM, District, Priority
from .history import TransitionLog
from .references import ReferenceSequence
from .roles import DistrictAssignment, DistrictRole
from .submissions import FREE_TEXT_MAX_LENGTH, CafEscalation, GapInService, Submission

__all__ = [
    "DEFAULT_PANEL_MAXIMUM",
    "FREE_TEXT_MAX_LENGTH",
    "CafEscalation",
    "District",
    "DistrictAssignment",
    "DistrictRole",
    "GapInService",
    "Priority",
    "ReferenceSequence",
    "Submission",
    "TransitionLog",
]
