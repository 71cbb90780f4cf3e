"""Every (form kind × state × transition × role) against DESIGN.md's two workflow tables.

The tables are written out again here, by hand, from DESIGN.md rather than read from the
models, so that a transition whose source, target or permission drifts from the design fails.
Each case puts a submission in a state, has a person (or the practitioner, through the status
link) try one step through its service, and checks the result: an allowed step moves to the
table's target and writes exactly one review history row; any other is refused with the state,
the history and the email queue unchanged.
"""

from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django_tasks_db.models import DBTaskResult

from pei_workflow import services
from pei_workflow.models import CafEscalation, DistrictAssignment, GapInService, TransitionLog
from pei_workflow.services import TransitionRefused
from pei_workflow.states import CafState, GapState
from tests.factories import (
    EditorFactory,
    UserFactory,
    budget,
    county_lead,
    district,
    eido,
    meeting,
    service,
    submitted_caf,
    submitted_gap,
)

pytestmark = pytest.mark.django_db

EIDO = "eido"  # the district's EIDO, or a county lead
COUNTY_LEAD = "county_lead"  # a county lead only
PRACTITIONER = "practitioner"  # through the private status link

GAP_OPEN = [
    "submitted",
    "in_review",
    "information_requested",
    "on_panel_agenda",
    "action_agreed",
    "escalated_sub_group",
    "escalated_trust_board",
]
CAF_OPEN = [
    "submitted",
    "in_review",
    "information_requested",
    "on_sub_group_agenda",
    "action_agreed",
    "escalated_trust_board",
    "referred_to_county",
]
ENDED = ["closed", "declined", "withdrawn"]

# transition: (sources, target, who may make it), as DESIGN.md's tables say.
GAP_TABLE = {
    "start_review": (["submitted"], "in_review", {EIDO}),
    "request_information": (["in_review"], "information_requested", {EIDO}),
    "provide_information": (["information_requested"], "in_review", {PRACTITIONER}),
    "signpost": (["in_review"], "action_agreed", {EIDO}),
    "add_to_agenda": (["in_review"], "on_panel_agenda", {EIDO}),
    "defer": (["on_panel_agenda"], "on_panel_agenda", {EIDO}),
    "record_panel_decision": (["on_panel_agenda"], "action_agreed", {EIDO}),
    "escalate_to_sub_group": (
        ["on_panel_agenda", "action_agreed"],
        "escalated_sub_group",
        {EIDO},
    ),
    "record_sub_group_decision": (["escalated_sub_group"], "action_agreed", {EIDO}),
    "escalate_to_trust_board": (["escalated_sub_group"], "escalated_trust_board", {EIDO}),
    "record_trust_board_decision": (["escalated_trust_board"], "action_agreed", {COUNTY_LEAD}),
    "close": (["action_agreed"], "closed", {EIDO}),
    "decline": (["submitted", "in_review"], "declined", {EIDO}),
    "withdraw": (GAP_OPEN, "withdrawn", {PRACTITIONER, EIDO}),
    "reopen": (ENDED, "in_review", {EIDO}),
}
CAF_TABLE = {
    "start_review": (["submitted"], "in_review", {EIDO}),
    "request_information": (["in_review"], "information_requested", {EIDO}),
    "provide_information": (["information_requested"], "in_review", {PRACTITIONER}),
    "add_to_agenda": (["in_review"], "on_sub_group_agenda", {EIDO}),
    "defer": (["on_sub_group_agenda"], "on_sub_group_agenda", {EIDO}),
    "record_sub_group_decision": (["on_sub_group_agenda"], "action_agreed", {EIDO}),
    "escalate_to_trust_board": (
        ["on_sub_group_agenda", "action_agreed"],
        "escalated_trust_board",
        {EIDO},
    ),
    "refer_to_county_caf_group": (
        ["on_sub_group_agenda", "action_agreed"],
        "referred_to_county",
        {EIDO},
    ),
    "record_county_response": (
        ["escalated_trust_board", "referred_to_county"],
        "action_agreed",
        {COUNTY_LEAD},
    ),
    "close": (["action_agreed"], "closed", {EIDO}),
    "decline": (["submitted", "in_review"], "declined", {EIDO}),
    "withdraw": (CAF_OPEN, "withdrawn", {PRACTITIONER, EIDO}),
    "reopen": (ENDED, "in_review", {EIDO}),
}

# Who tries. "eido" rows of the table allow the Pendle EIDO and a county lead; "county_lead"
# rows only the county lead; nobody else ever.
ROLES = [
    "pendle_eido",
    "burnley_eido",
    "county_lead",
    "pendle_panel_member",
    "editor",
    "practitioner",
]


def allowed(who: set[str], role: str) -> bool:
    if role == "practitioner":
        return PRACTITIONER in who
    if role == "pendle_eido":
        return EIDO in who
    if role == "county_lead":
        return EIDO in who or COUNTY_LEAD in who
    return False


def make_actor(role):
    if role == "pendle_eido":
        return eido("PEN")
    if role == "burnley_eido":
        return eido("BUR")
    if role == "county_lead":
        return county_lead()
    if role == "pendle_panel_member":
        user = UserFactory()
        DistrictAssignment.objects.create(user=user, district=district("PEN"), role="panel_member")
        return user
    if role == "editor":
        return EditorFactory()
    return None  # the practitioner has no account


def attempt(name, submission, actor, fixtures):
    """Take step `name` through its service with valid input, as `actor` (None: the
    practitioner through the status link)."""
    if actor is None:
        if name == "provide_information":
            return services.provide_information(submission=submission, answer="Year 9.")
        if name == "withdraw":
            return services.withdraw_by_practitioner(submission=submission)
        # Every other step needs a signed-in person.
        return getattr(services, name)(submission=submission, actor=None, **inputs(name, fixtures))
    if name == "provide_information":
        # Staff cannot answer for the practitioner: the step's permission refuses them.
        return services.run_transition(
            submission=submission, name=name, actor=actor, comment="Year 9."
        )[0]
    if name == "withdraw":
        return services.withdraw_for_practitioner(submission=submission, actor=actor)
    return getattr(services, name)(submission=submission, actor=actor, **inputs(name, fixtures))


def inputs(name, fixtures) -> dict:
    return {
        "start_review": {},
        "request_information": {"message": "Which school year?"},
        "signpost": {"service": fixtures["service"], "unknown_to_practitioner": True},
        "add_to_agenda": {"meeting": fixtures["meeting"]},
        "defer": {"meeting": fixtures["later_meeting"]},
        "record_panel_decision": {
            "outcome": "spot_purchase",
            "amount": Decimal("300.00"),
            "purchase_for": "Six counselling sessions",
        },
        "escalate_to_sub_group": {"reason": "Nothing local fits."},
        "record_sub_group_decision": {"agreement": "staff_time", "notes": "Two hours a week."},
        "escalate_to_trust_board": {"reason": "Across the county."},
        "refer_to_county_caf_group": {"reason": "Across the county."},
        "record_trust_board_decision": {"notes": "Commissioned."},
        "record_county_response": {"notes": "Guidance issued."},
        "close": {
            "outcome": "met",
            "children_benefiting": 2,
            "families_benefiting": 1,
            "caf_in_place": "yes",
        },
        "decline": {"reason": "Not a gap in service."},
        "reopen": {"reason": "New information."},
    }[name]


def put_in_state(submission, state, fixtures):
    """Set up a submission in `state`. Test set-up only: real code moves state through
    transitions; the queryset update bypasses the protected field on purpose."""
    on_agenda = state in {"on_panel_agenda", "on_sub_group_agenda"}
    type(submission).objects.filter(pk=submission.pk).update(
        state=state, meeting=fixtures["meeting"] if on_agenda else None
    )
    return type(submission).objects.get(pk=submission.pk)


def matrix(model, table, states):
    for name in table:
        for role in ROLES:
            yield pytest.param(model, table, states, name, role, id=f"{model}-{name}-{role}")


@pytest.fixture
def fixtures():
    budget("PEN", "100000.00")
    return {
        "service": service("PEN"),
        "meeting": None,  # filled per kind below
        "later_meeting": None,
    }


@pytest.mark.parametrize(
    "model,table,states,name,role",
    [
        *matrix("gap", GAP_TABLE, GapState.values),
        *matrix("caf", CAF_TABLE, CafState.values),
    ],
)
def test_each_step_is_allowed_exactly_where_the_design_table_says(
    model, table, states, name, role, fixtures, django_capture_on_commit_callbacks
):
    """Allowed combinations move to the table's target and write exactly one history row;
    all others are refused, with the state, the history and the email queue unchanged."""
    kind = "resource_panel" if model == "gap" else "sub_group"
    fixtures["meeting"] = meeting("PEN", kind=kind, days_ahead=7)
    fixtures["later_meeting"] = meeting("PEN", kind=kind, days_ahead=35)
    submission = submitted_gap("PEN") if model == "gap" else submitted_caf("PEN")
    content_type = ContentType.objects.get_for_model(submission)
    actor = make_actor(role)
    sources, target, who = table[name]

    for state in states:
        if state == "new":
            continue  # only `submit` leaves "new", and it makes the submission (test_submit)
        submission = put_in_state(submission, state, fixtures)
        logs_before = TransitionLog.objects.filter(
            content_type=content_type, object_id=submission.pk
        ).count()
        tasks_before = DBTaskResult.objects.count()
        expected = state in sources and allowed(who, role)

        with django_capture_on_commit_callbacks(execute=True):
            try:
                attempt(name, submission, actor, fixtures)
                refused = False
            except (PermissionDenied, TransitionRefused):
                refused = True

        submission = type(submission).objects.get(pk=submission.pk)
        logs_after = TransitionLog.objects.filter(
            content_type=content_type, object_id=submission.pk
        ).count()
        case = f"{model} {name} by {role} from {state}"
        if expected:
            assert not refused, f"{case} was refused"
            assert submission.state == target, case
            assert logs_after == logs_before + 1, case
        else:
            assert refused, f"{case} was allowed"
            assert submission.state == state, case
            assert logs_after == logs_before, case
            assert DBTaskResult.objects.count() == tasks_before, case


def test_the_tables_here_cover_every_transition_on_the_models():
    """A transition added to a model without a row in the design table fails here."""

    def names(model):
        return {t.name for t in model._meta.get_field("state").get_all_transitions(model)}

    assert names(GapInService) - {"submit"} == set(GAP_TABLE)
    assert names(CafEscalation) - {"submit"} == set(CAF_TABLE)
