"""The CAF escalation form, in four steps."""

from pei_workflow.choices import EscalationType, YesNoUnsure
from pei_workflow.models import FREE_TEXT_MAX_LENGTH

from .base import FormDefinition, Step, StepForm
from .common import AboutYouForm, ConfirmAnonymousForm, DistrictForm
from .fields import FreeTextField, RadioField


class EscalationForm(StepForm):
    """The problem, who is involved, what has been done about it and what should happen."""

    escalation_type = RadioField(
        label="What kind of problem is it?",
        choices=EscalationType.choices,
        message_name="The kind of problem",
        summary_label="Kind of problem",
        required_message="Select what kind of problem it is",
        invalid_message="Select a kind of problem from the list",
    )
    agencies_involved = FreeTextField(
        label="Which agencies are involved?",
        help_text="Name the services, such as the school or the health visiting team.",
        message_name="The agencies involved",
        max_length=FREE_TEXT_MAX_LENGTH,
        required_message="Enter the agencies involved",
        rows=3,
    )
    issue = FreeTextField(
        label="What is the problem?",
        help_text=(
            "Describe what has gone wrong with the CAF or the Team Around the Child. Do not "
            "include anything that could identify the child, young person or family."
        ),
        message_name="The problem",
        max_length=FREE_TEXT_MAX_LENGTH,
        required_message="Enter the problem",
    )
    steps_taken = FreeTextField(
        label="What have you already done to resolve it?",
        help_text=(
            "Escalate only after trying to sort it out with the practitioners and managers "
            "involved. Tell us who you contacted and what happened."
        ),
        message_name="What you have already done",
        summary_label="What you have already done",
        max_length=FREE_TEXT_MAX_LENGTH,
        required_message="Enter what you have already done to resolve it",
    )
    outcome_sought = FreeTextField(
        label="What outcome do you want?",
        message_name="The outcome you want",
        max_length=FREE_TEXT_MAX_LENGTH,
        required_message="Enter the outcome you want",
        rows=3,
    )
    county_implications = RadioField(
        label="Could this affect other districts or the whole county?",
        choices=YesNoUnsure.choices,
        message_name="Whether it could affect the whole county",
        summary_label="Could affect the whole county",
        required_message="Select whether this could affect the whole county",
        invalid_message="Select yes, no or not sure",
        inline=True,
    )


CAF_FORM = FormDefinition(
    name="CAF escalation form",
    steps=(
        Step("district", "Your district", DistrictForm),
        Step("about-you", "About you", AboutYouForm),
        Step("the-problem", "The problem", EscalationForm),
        Step("confirm", "Confirm the form is anonymous", ConfirmAnonymousForm),
    ),
)
