"""Decisions and escalations: what the Resource Panel, the Sub Group, the Trust Board and the
county CAF group agreed, and passing a case from one to the next."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone

from ..choices import CommissionedBy, PanelOutcome, SubGroupAgreement
from ..models import GapInService, Service, SpotPurchase, Submission
from .budgets import check_spot_purchase
from .commissioning import Commissioning, check_commissioning, commission, commission_data
from .inputs import optional_text, required_text
from .message_templates import checked_practitioner_message, message_data
from .review import staff_step


def _check_service(service: Service | None, submission: Submission) -> None:
    if service is None:
        raise ValidationError({"service": "Select the service that meets the need."})
    if not service.districts.filter(pk=submission.district_id).exists():
        raise ValidationError({"service": f"Select a service that covers {submission.district}."})
    if not service.is_published:
        raise ValidationError(
            {"service": f"{service} is no longer in the directory. Select another service."}
        )


def _record_service(locked: GapInService, service: Service, unknown: bool) -> None:
    _check_service(service, locked)
    locked.identified_service = service
    locked.service_unknown_to_practitioner = unknown


def signpost(
    *,
    submission: GapInService,
    actor,
    service: Service,
    unknown_to_practitioner: bool,
    notes: str = "",
    practitioner_message: str = "",
) -> GapInService:
    """An existing service meets the need: record it, with whether the practitioner knew of
    it (a service that is often missed needs publicity). `practitioner_message`, if given,
    is shown on the practitioner's status page; the notes are for staff."""
    notes = optional_text(notes, field="notes", label="The notes")
    message = checked_practitioner_message(practitioner_message)

    def record(locked: GapInService) -> None:
        _record_service(locked, service, unknown_to_practitioner)
        locked.panel_outcome = PanelOutcome.SERVICE_IDENTIFIED
        locked.decision_notes = notes
        locked.decided_at = timezone.now()

    return staff_step(
        submission=submission,
        name="signpost",
        actor=actor,
        change=record,
        comment=notes,
        reason="Signposted to an existing service",
        data={
            "outcome": PanelOutcome.SERVICE_IDENTIFIED.value,
            "service": str(service) if service else "",
            "service_id": service.pk if service else None,
            "unknown_to_practitioner": unknown_to_practitioner,
            **message_data(message),
        },
    )


def record_panel_decision(
    *,
    submission: GapInService,
    actor,
    outcome: str,
    notes: str = "",
    service: Service | None = None,
    unknown_to_practitioner: bool = False,
    amount: Decimal | None = None,
    purchase_for: str = "",
    practitioner_message: str = "",
) -> GapInService:
    """Record what the Resource Panel agreed. A spot purchase is checked against the panel
    maximum and the district's budget for the financial year of the meeting, and its spend
    is saved in the same unit, so two decisions at once can never overspend. The message to
    the practitioner, if any, is kept as `signpost` keeps it."""
    if outcome not in PanelOutcome.values:
        raise ValidationError({"outcome": "Select what the panel agreed."})
    notes = optional_text(notes, field="notes", label="The notes")
    message = checked_practitioner_message(practitioner_message)
    data = {"outcome": outcome}
    if outcome == PanelOutcome.SPOT_PURCHASE:
        purchase_for = required_text(
            purchase_for,
            field="purchase_for",
            label="What it buys",
            message="Enter what the spot purchase buys.",
        )
        if amount is None:
            raise ValidationError({"amount": "Enter the amount agreed, in pounds, like 250.00."})
        data |= {"amount": f"{amount:.2f}", "purchase_for": purchase_for}
    elif outcome == PanelOutcome.SERVICE_IDENTIFIED:
        _check_service(service, submission)
        data |= {
            "service": str(service),
            "service_id": service.pk,
            "unknown_to_practitioner": unknown_to_practitioner,
        }
    data |= message_data(message)

    def record(locked: GapInService) -> None:
        if outcome == PanelOutcome.SPOT_PURCHASE:
            day = locked.meeting.date if locked.meeting_id else timezone.localdate()
            position = check_spot_purchase(district=locked.district, amount=amount, day=day)
            SpotPurchase.objects.create(
                district=locked.district,
                financial_year=position.financial_year,
                gap=locked,
                amount=amount,
                purchase_for=purchase_for,
                agreed_by=actor,
            )
        if outcome == PanelOutcome.SERVICE_IDENTIFIED:
            _record_service(locked, service, unknown_to_practitioner)
        locked.panel_outcome = outcome
        locked.decision_notes = notes
        locked.decided_at = timezone.now()

    return staff_step(
        submission=submission,
        name="record_panel_decision",
        actor=actor,
        change=record,
        comment=notes,
        data=data,
        reason="Resource Panel decision recorded",
    )


def _escalate(name: str, label: str):
    def escalate(*, submission: Submission, actor, reason: str) -> Submission:
        reason_text = required_text(
            reason, field="reason", label="The reason", message=f"Enter why it is being {label}."
        )
        return staff_step(
            submission=submission,
            name=name,
            actor=actor,
            comment=reason_text,
            reason=label.capitalize(),
        )

    escalate.__name__ = name
    escalate.__doc__ = f"Pass the case on ({label}); a reason is required."
    return escalate


escalate_to_sub_group = _escalate("escalate_to_sub_group", "passed to the Sub Group")
escalate_to_trust_board = _escalate("escalate_to_trust_board", "passed to the Trust Board")
refer_to_county_caf_group = _escalate(
    "refer_to_county_caf_group", "referred to the county CAF group"
)


def _commissions(commissioning: Commissioning, *, actor, data: dict, commissioned_by: str):
    """The part of a decision's `change` that makes or links its project, inside the step's
    unit with the submission's row locked. The project is named in `data`, the very dict the
    step's review history row is written from (`run_transition` writes it after `change`)."""

    def make_or_link(locked: Submission) -> None:
        project, created = commission(
            commissioning, submission=locked, actor=actor, commissioned_by=commissioned_by
        )
        data.update(commission_data(project, created))

    return make_or_link


def record_sub_group_decision(
    *,
    submission: Submission,
    actor,
    agreement: str,
    notes: str,
    commissioning: Commissioning | None = None,
    practitioner_message: str = "",
) -> Submission:
    """Record what the Sub Group agreed: budgets aligned, staff time, a commissioned service,
    or something else, with a description. A commissioned service is a project already
    recorded, or a new one made here (`commissioning`), in the same unit as the decision;
    the review history row names it. `commissioning` is ignored for any other agreement."""
    if agreement not in SubGroupAgreement.values:
        raise ValidationError({"agreement": "Select what the Sub Group agreed."})
    notes = required_text(
        notes, field="notes", label="The notes", message="Enter what the Sub Group agreed."
    )
    data = {
        "agreement": agreement,
        **message_data(checked_practitioner_message(practitioner_message)),
    }
    project_step = None
    if agreement == SubGroupAgreement.COMMISSIONED_SERVICE:
        commissioning = check_commissioning(commissioning, submission=submission, actor=actor)
        project_step = _commissions(
            commissioning, actor=actor, data=data, commissioned_by=CommissionedBy.SUB_GROUP
        )

    def record(locked: Submission) -> None:
        locked.sub_group_agreement = agreement
        locked.decision_notes = notes
        locked.decided_at = timezone.now()
        if project_step is not None:
            project_step(locked)

    return staff_step(
        submission=submission,
        name="record_sub_group_decision",
        actor=actor,
        change=record,
        comment=notes,
        data=data,
        reason="Sub Group decision recorded",
    )


def _county_decision(name: str, body: str):
    def record_decision(
        *,
        submission: Submission,
        actor,
        notes: str,
        commissioning: Commissioning | None = None,
        practitioner_message: str = "",
    ) -> Submission:
        notes_text = required_text(
            notes, field="notes", label="The notes", message=f"Enter what {body} agreed."
        )
        data = message_data(checked_practitioner_message(practitioner_message))
        project_step = None
        if commissioning is not None:
            commissioning = check_commissioning(commissioning, submission=submission, actor=actor)
            project_step = _commissions(
                commissioning, actor=actor, data=data, commissioned_by=CommissionedBy.TRUST_BOARD
            )

        def record(locked: Submission) -> None:
            locked.decision_notes = notes_text
            locked.decided_at = timezone.now()
            if project_step is not None:
                project_step(locked)

        return staff_step(
            submission=submission,
            name=name,
            actor=actor,
            change=record,
            comment=notes_text,
            data=data,
            reason=f"Response from {body} recorded",
        )

    record_decision.__name__ = name
    record_decision.__doc__ = (
        f"A county lead records what {body} agreed; if it commissioned a service, the "
        "project (already recorded, or new) is made or linked in the same unit "
        "(`commissioning`, as for `record_sub_group_decision`); `practitioner_message`, if "
        "given, is shown on the practitioner's status page."
    )
    return record_decision


record_trust_board_decision = _county_decision("record_trust_board_decision", "the Trust Board")
record_county_response = _county_decision(
    "record_county_response", "the Trust Board or the county CAF group"
)
