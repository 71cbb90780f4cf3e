from .audit import AuditLogEntry, RecordLogEntry
from .budgets import (
    SpotPurchase,
    SpotPurchaseBudget,
    financial_year_label,
    financial_year_of,
    pounds,
    spent_in,
)
from .caf import CAF_OPEN_STATES, CafEscalation
from .digests import DigestKind, DigestSent
from .directory import Service, Theme
from .districts import DEFAULT_PANEL_MAXIMUM, District, Priority
from .email_tasks import FinishedEmailTask
from .gaps import GAP_OPEN_STATES, GapInService
from .history import TransitionLog
from .meetings import Meeting, PanelMember
from .messages import (
    MESSAGE_IN_DATA_STEPS,
    PRACTITIONER_MESSAGE,
    MessageStep,
    MessageTemplate,
)
from .need_vectors import NeedVector
from .projects import (
    AgreedOutcome,
    CommissionedProject,
    MonitoringReturn,
    OutcomeFigure,
    period_label,
)
from .references import ReferenceSequence, reference_part, reference_start
from .roles import DistrictAssignment, DistrictRole
from .submissions import (
    DECISION_FIELDS,
    FREE_TEXT_MAX_LENGTH,
    MONITORING_FIELDS,
    PRACTITIONER_FIELDS,
    Submission,
)
from .targets import (
    AGENDA_STATES,
    DEFAULT_TARGET_DAYS,
    WAITING_STATES,
    ClosureDay,
    ResponseTarget,
)

__all__ = [
    "AGENDA_STATES",
    "CAF_OPEN_STATES",
    "DECISION_FIELDS",
    "DEFAULT_PANEL_MAXIMUM",
    "DEFAULT_TARGET_DAYS",
    "FREE_TEXT_MAX_LENGTH",
    "GAP_OPEN_STATES",
    "MESSAGE_IN_DATA_STEPS",
    "MONITORING_FIELDS",
    "PRACTITIONER_FIELDS",
    "PRACTITIONER_MESSAGE",
    "WAITING_STATES",
    "AgreedOutcome",
    "AuditLogEntry",
    "CafEscalation",
    "ClosureDay",
    "CommissionedProject",
    "District",
    "DigestKind",
    "DigestSent",
    "DistrictAssignment",
    "DistrictRole",
    "FinishedEmailTask",
    "GapInService",
    "Meeting",
    "NeedVector",
    "MessageStep",
    "MessageTemplate",
    "MonitoringReturn",
    "OutcomeFigure",
    "PanelMember",
    "Priority",
    "RecordLogEntry",
    "ReferenceSequence",
    "ResponseTarget",
    "Service",
    "SpotPurchase",
    "SpotPurchaseBudget",
    "Submission",
    "Theme",
    "TransitionLog",
    "financial_year_label",
    "financial_year_of",
    "period_label",
    "pounds",
    "reference_part",
    "reference_start",
    "spent_in",
]
