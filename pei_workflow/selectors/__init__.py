"""Things that read casework data. `visible_to` is the one rule for who sees which submission:
every list, view, search, export, report and history page starts from it. The other
`*_visible_to` functions scope the rest of the casework admin the same way, by district.

The rules live in `scope` (who sees what), `meetings` (agendas and spend) and `history`
(the review history); everything is imported from here."""

from ..permissions import ALL_DISTRICTS_PERMISSION
from .history import (
    PRACTITIONER_COMMENT_STEPS,
    decode_history_data,
    last_review_step,
    latest_step_is,
    review_history,
)
from .meetings import (
    agenda_items,
    items_waiting_on,
    with_agenda_sizes,
    with_spend,
)
from .scope import (
    audit_entries_visible_to,
    budgets_visible_to,
    closure_days_visible_to,
    districts_visible_to,
    meeting_district_ids,
    meeting_districts_visible_to,
    meetings_visible_to,
    message_templates_offered,
    message_templates_visible_to,
    panel_members_visible_to,
    priorities_visible_to,
    projects_visible_to,
    report_district_ids,
    report_districts_visible_to,
    reported_submissions,
    services_visible_to,
    targets_visible_to,
    visible_district_ids,
    visible_to,
)
from .similarity import (
    SIMILARITY_THRESHOLD,
    SimilarCounts,
    SimilarGap,
    similar_counts_for,
    similar_gap_counts,
    similar_gaps,
    suggested_services,
)

__all__ = [
    "ALL_DISTRICTS_PERMISSION",
    "PRACTITIONER_COMMENT_STEPS",
    "SIMILARITY_THRESHOLD",
    "SimilarCounts",
    "SimilarGap",
    "agenda_items",
    "audit_entries_visible_to",
    "budgets_visible_to",
    "closure_days_visible_to",
    "decode_history_data",
    "districts_visible_to",
    "items_waiting_on",
    "last_review_step",
    "latest_step_is",
    "meeting_district_ids",
    "meeting_districts_visible_to",
    "meetings_visible_to",
    "message_templates_offered",
    "message_templates_visible_to",
    "panel_members_visible_to",
    "priorities_visible_to",
    "report_district_ids",
    "report_districts_visible_to",
    "reported_submissions",
    "projects_visible_to",
    "review_history",
    "services_visible_to",
    "similar_counts_for",
    "similar_gap_counts",
    "similar_gaps",
    "suggested_services",
    "targets_visible_to",
    "visible_district_ids",
    "visible_to",
    "with_agenda_sizes",
    "with_spend",
]
