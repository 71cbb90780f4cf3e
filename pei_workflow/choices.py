"""The fixed lists of the casework domain, each in one place.

A choice's label is the staff wording: the model field carries it, so the admin lists, their
filters, the exports and the agenda read it. Where the practitioner is asked the question in
their own voice ("you", "I will attend"), their wording sits beside the choices as a
PRACTITIONER_… mapping, and the public forms use that instead (`practitioner_choices`).
"""

from django.db import models


class Workforce(models.TextChoices):
    CHILDRENS_SERVICES = "childrens_services", "Children's services"
    ADULT_SERVICES = "adult_services", "Adult services"
    EDUCATION = "education", "Education"
    HEALTH = "health", "Health"
    POLICE = "police", "Police"
    VOLUNTARY_COMMUNITY = "voluntary_community", "Voluntary and community sector"
    HOUSING = "housing", "Housing"
    OTHER = "other", "Other"


class GapRoute(models.TextChoices):
    """The six situations in which the guidance says a practitioner may use the Gap form,
    as staff name them in lists, filters, exports and agendas. The practitioner reads them in
    their own words: PRACTITIONER_ROUTE_LABELS, with PRACTITIONER_ROUTE_HINTS beneath."""

    CAF_NEEDS_UNKNOWN = "caf_needs_unknown", "CAF done, needs not known"
    NEEDS_MET_NOT_EFFECTIVELY = "needs_met_not_effectively", "Needs met, not in the best way"
    STEP_DOWN_BELOW_THRESHOLD = (
        "step_down_below_threshold",
        "Step-down, below social care threshold",
    )
    STEP_DOWN_COURT_ORDER = "step_down_court_order", "Step-down, end of court order"
    OUTSIDE_CHILDRENS_SERVICES = "outside_childrens_services", "Outside children's services"
    DISTINCT_WORK = "distinct_work", "Found in a project or consultation"


#: The six routes as the Gap form's options put them to the practitioner.
PRACTITIONER_ROUTE_LABELS = {
    GapRoute.CAF_NEEDS_UNKNOWN: "A CAF is complete, but you do not know how to meet the needs",
    GapRoute.NEEDS_MET_NOT_EFFECTIVELY: "The needs were met, but not in the best way",
    GapRoute.STEP_DOWN_BELOW_THRESHOLD: "Stepping down: the needs are below social care thresholds",
    GapRoute.STEP_DOWN_COURT_ORDER: "Stepping down at the end of a court order",
    GapRoute.OUTSIDE_CHILDRENS_SERVICES: "You work outside children's services",
    GapRoute.DISTINCT_WORK: "Your own project or consultation found a gap",
}

#: The guidance's full wording of each route, shown to the practitioner under its option.
PRACTITIONER_ROUTE_HINTS = {
    GapRoute.CAF_NEEDS_UNKNOWN: (
        "You have completed a CAF and, having talked to the Team Around the Child, you do not "
        "know how to meet the needs"
    ),
    GapRoute.NEEDS_MET_NOT_EFFECTIVELY: (
        "The needs were met, but not in the best way, for example because the preferred "
        "service could not be used"
    ),
    GapRoute.STEP_DOWN_BELOW_THRESHOLD: (
        "You are stepping down from a statutory service: the assessment did not meet children's "
        "social care thresholds but needs remain that could lead to another referral"
    ),
    GapRoute.STEP_DOWN_COURT_ORDER: (
        "You are stepping down from statutory services at the end of a court order, and the "
        "Team Around the Child cannot meet the needs that remain"
    ),
    GapRoute.OUTSIDE_CHILDRENS_SERVICES: (
        "You work outside children's services, for example in adult services, and know of "
        "unmet needs of young people that need a joined-up approach"
    ),
    GapRoute.DISTINCT_WORK: (
        "You run a distinct piece of work, such as a local project or a community "
        "consultation, and have found gaps in what is available"
    ),
}


class YesNoNotApplicable(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    NOT_APPLICABLE = "not_applicable", "Not applicable"


class YesNo(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"


class YesNoUnsure(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    UNSURE = "unsure", "Not sure"


class AffectedGroup(models.TextChoices):
    CHILD_OR_YOUNG_PERSON = "child_or_young_person", "A child or young person"
    FAMILY = "family", "A family"
    GROUP_OR_COMMUNITY = "group_or_community", "A group or community"


class AgeBand(models.TextChoices):
    UNDER_5 = "0_4", "Under 5"
    AGE_5_10 = "5_10", "5 to 10"
    AGE_11_15 = "11_15", "11 to 15"
    AGE_16_19 = "16_19", "16 to 19"
    MIXED = "mixed", "Mixed ages"


class Barrier(models.TextChoices):
    NO_SERVICE_KNOWN = "no_service_known", "No service is known"
    WAITING_LIST = "waiting_list", "Waiting list"
    ELIGIBILITY = "eligibility", "Eligibility or threshold"
    COST = "cost", "Cost"
    CAPACITY = "capacity", "The service has no capacity"
    DISTANCE = "distance", "Distance or transport"
    OTHER = "other", "Something else"


class PanelAttendee(models.TextChoices):
    """Who will attend the Resource Panel for a gap, as the panel reads it; the practitioner
    answers in the first person (PRACTITIONER_ATTENDEE_LABELS)."""

    LEAD_PROFESSIONAL = "lead_professional", "The Lead Professional"
    REPRESENTATIVE = "representative", "A representative of the Lead Professional"


#: The Gap form's options for who will attend, in the practitioner's own voice.
PRACTITIONER_ATTENDEE_LABELS = {
    PanelAttendee.LEAD_PROFESSIONAL: "I will attend, as the Lead Professional",
    PanelAttendee.REPRESENTATIVE: "A representative will attend for me",
}


class EscalationType(models.TextChoices):
    AGENCY_NOT_ENGAGING = "agency_not_engaging", "An agency is not engaging with the CAF or TAC"
    NO_LEAD_PROFESSIONAL = "no_lead_professional", "No lead professional can be agreed"
    AGENCY_DISAGREEMENT = "agency_disagreement", "Agencies disagree"
    THRESHOLD_DISAGREEMENT = (
        "threshold_disagreement",
        "Disagreement about thresholds when stepping up or down",
    )
    SERVICE_DELAY = "service_delay", "A service is slow to respond"
    SYSTEMIC_CAF_ISSUE = "systemic_caf_issue", "A problem with the CAF process itself"
    WORKFORCE_TRAINING = "workforce_training", "A workforce or training issue"
    OTHER = "other", "Something else"


class SubmissionKind(models.TextChoices):
    GAP = "GAP", "Gap in Service"
    CAF = "CAF", "CAF escalation"


class MeetingKind(models.TextChoices):
    """The two district meetings that hear casework: gaps go to the Resource Panel, CAF
    escalations to the Sub Group."""

    RESOURCE_PANEL = "resource_panel", "Resource Panel"
    SUB_GROUP = "sub_group", "Sub Group"


class PanelOutcome(models.TextChoices):
    """What the Resource Panel (or the EIDO, when signposting) agreed for a gap."""

    SERVICE_IDENTIFIED = "service_identified", "An existing service meets the need"
    SKILLS_OR_RESOURCES = (
        "skills_or_resources",
        "Panel members offered skills, staff time or resources",
    )
    SPOT_PURCHASE = "spot_purchase", "Spot purchase"
    WAITING_LIST = "waiting_list", "Put on a waiting list"


class SubGroupAgreement(models.TextChoices):
    """What the Sub Group agreed when it took a decision."""

    BUDGET_ALIGNED = "budget_aligned", "Budgets aligned"
    STAFF_TIME = "staff_time", "Staff time agreed"
    COMMISSIONED_SERVICE = "commissioned_service", "A service commissioned"
    PROCESS_CHANGE = "process_change", "A change to how agencies work together"
    OTHER = "other", "Something else (say what in the notes)"


class CommissionedBy(models.TextChoices):
    """Who commissioned a project under a Service Level Agreement."""

    SUB_GROUP = "sub_group", "The PEI Sub Group"
    TRUST_BOARD = "trust_board", "The Children and Young People's Trust Board"


class MonitoringOutcome(models.TextChoices):
    """Whether the need was met, recorded when a case is closed."""

    MET = "met", "Need met"
    PARTLY_MET = "partly_met", "Need partly met"
    NOT_MET = "not_met", "Need not met"


class WaitingList(models.TextChoices):
    """How long a service's waiting list is, as the directory shows it."""

    NONE = "none", "No waiting list"
    SHORT = "short", "Short wait (under 4 weeks)"
    LONG = "long", "Long wait (4 weeks or more)"
    CLOSED = "closed", "Not taking referrals"


class SecondFactorRemoval(models.TextChoices):
    """Why a county lead removed someone's second factor. A fixed list, not a sentence: the
    audit log keeps the reason, and it holds no free text."""

    LOST_PHONE = "lost_phone", "Their phone was lost or stolen"
    NEW_PHONE = "new_phone", "They have a new phone"
    APP_RESET = "app_reset", "The authenticator app was deleted or reset"
    NO_CODES = "no_codes", "They cannot sign in and have no backup codes left"


def practitioner_choices(choices: type[models.TextChoices], labels: dict) -> list[tuple[str, str]]:
    """A list's options as the practitioner reads them, in the list's order: their own wording
    where the list has one, the shared label otherwise."""
    return [(value, labels.get(value, label)) for value, label in choices.choices]
