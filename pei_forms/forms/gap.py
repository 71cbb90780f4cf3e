"""The Gap in Service form, in seven steps."""

from django.core.exceptions import ValidationError

from pei_workflow.choices import (
    PRACTITIONER_ATTENDEE_LABELS,
    PRACTITIONER_ROUTE_HINTS,
    PRACTITIONER_ROUTE_LABELS,
    AffectedGroup,
    AgeBand,
    Barrier,
    GapRoute,
    PanelAttendee,
    YesNo,
    YesNoNotApplicable,
    practitioner_choices,
)
from pei_workflow.models import FREE_TEXT_MAX_LENGTH

from .base import FormDefinition, Step, StepForm
from .common import AboutYouForm, ConfirmAnonymousForm, DistrictForm
from .fields import (
    AmountField,
    CountField,
    FreeTextField,
    ModelRadioField,
    RadioField,
    YesNoField,
    format_pounds,
)

NONE_OF_THESE = "none"


class WhyForm(StepForm):
    """Which of the six routes the practitioner is on, and where the case stands."""

    needs_district = True

    route = RadioField(
        label="Why are you using this form?",
        help_text="Choose the one that fits best.",
        # A short option for each route, with the guidance's full wording as its hint.
        choices=practitioner_choices(GapRoute, PRACTITIONER_ROUTE_LABELS),
        item_hints=PRACTITIONER_ROUTE_HINTS,
        message_name="Why you are using this form",
        summary_label="Why you are using this form",
        required_message="Select why you are using this form",
        invalid_message="Select a reason from the list",
    )
    caf_in_place = RadioField(
        label="Is a Common Assessment Framework (CAF) in place?",
        choices=YesNoNotApplicable.choices,
        message_name="CAF in place",
        required_message="Select whether a CAF is in place",
        invalid_message="Select yes, no or not applicable",
        inline=True,
    )
    tac_consulted = RadioField(
        label="Have you talked to the Team Around the Child (TAC) about this?",
        choices=YesNo.choices,
        message_name="Team Around the Child consulted",
        required_message="Select whether you have talked to the Team Around the Child",
        invalid_message="Select yes or no",
        inline=True,
    )
    priority = ModelRadioField(
        label="Which of the district's priorities does this relate to? (optional)",
        help_text="The priorities in the district's Children and Young People's Plan (CYPP).",
        message_name="CYPP priority",
        required=False,
        required_message="",
        invalid_message="Select one of the district's priorities, or None of these",
        none_value=NONE_OF_THESE,
        none_label="None of these",
    )

    def set_up(self):
        field = self.fields["priority"]
        priorities = self.district.priorities.filter(is_active=True).order_by("sort_order", "title")
        objects = {str(priority.pk): priority for priority in priorities}
        if not objects:
            # Nothing to choose from: the question would only ever have one answer.
            del self.fields["priority"]
            return
        field.set_objects(objects)
        name = self.district.name
        field.label = f"Which of {name}'s priorities does this relate to? (optional)"
        field.help_text = (
            f"The priorities in {name}'s Children and Young People's Plan (CYPP). "
            "Leave this blank if you are not sure."
        )
        field.error_messages["invalid_choice"] = (
            f"Select one of {name}'s priorities, or None of these"
        )


class WhoIsAffectedForm(StepForm):
    """Who has the need, and how many: counts, never names."""

    affected_group = RadioField(
        label="Who is affected?",
        choices=AffectedGroup.choices,
        message_name="Who is affected",
        required_message="Select who is affected",
        invalid_message="Select who is affected from the list",
    )
    age_band = RadioField(
        label="How old are they?",
        help_text="If the need affects children of different ages, choose Mixed ages.",
        choices=AgeBand.choices,
        message_name="Age",
        required_message="Select how old they are",
        invalid_message="Select an age group from the list",
    )
    children_affected = CountField(
        label="How many children and young people are affected?",
        message_name="The number of children and young people",
        summary_label="Children and young people affected",
        required_message="Enter the number of children and young people affected",
    )
    families_affected = CountField(
        label="How many families are affected?",
        message_name="The number of families",
        summary_label="Families affected",
        required_message="Enter the number of families affected",
    )


class NeedForm(StepForm):
    """The need that cannot be met, what has been tried, and what stands in the way."""

    conditionals = {"barrier": {Barrier.OTHER: ("barrier_detail",)}}

    unmet_need = FreeTextField(
        label="What is the unmet need?",
        help_text=(
            "Describe what the child, young person or family needs and cannot get. Do not "
            "include anything that could identify them."
        ),
        message_name="The unmet need",
        max_length=FREE_TEXT_MAX_LENGTH,
        required_message="Enter the unmet need",
    )
    what_has_been_tried = FreeTextField(
        label="What has been tried?",
        help_text="Include the services you have approached and what happened.",
        message_name="What has been tried",
        max_length=FREE_TEXT_MAX_LENGTH,
        required_message="Enter what has been tried",
    )
    service_that_would_meet_need = FreeTextField(
        label="Which service would meet the need, if you know? (optional)",
        message_name="The service that would meet the need",
        summary_label="A service that would meet the need",
        max_length=FREE_TEXT_MAX_LENGTH,
        required=False,
        required_message="",
        rows=3,
    )
    barrier = RadioField(
        label="What stops the need being met?",
        choices=Barrier.choices,
        message_name="What stops the need being met",
        required_message="Select what stops the need being met",
        invalid_message="Select what stops the need being met from the list",
    )
    barrier_detail = FreeTextField(
        label="Tell us more",
        message_name="What else stops the need being met",
        summary_label="More about what stops it",
        max_length=FREE_TEXT_MAX_LENGTH,
        required_message="Tell us more about what stops the need being met",
        rows=3,
    )


class SpotPurchaseForm(StepForm):
    """An optional request that the Resource Panel buy something, and who will attend it.

    The amount may not exceed the district's panel maximum (a setting per district).
    """

    needs_district = True
    conditionals = {
        "spot_purchase_requested": {
            "yes": ("spot_purchase_amount", "spot_purchase_purpose"),
        }
    }

    spot_purchase_requested = YesNoField(
        label="Do you want to ask the Resource Panel to buy a service or item?",
        help_text="The panel can buy something when nothing else can meet the need.",
        message_name="Spot purchase",
        summary_label="Spot purchase requested",
        required_message="Select yes if you want to ask the panel to buy something",
        invalid_message="Select yes or no",
    )
    spot_purchase_amount = AmountField(
        label="How much would it cost?",
        message_name="The amount",
        summary_label="Amount",
        required_message="Enter how much it would cost",
    )
    spot_purchase_purpose = FreeTextField(
        label="What would it buy?",
        message_name="What it would buy",
        max_length=FREE_TEXT_MAX_LENGTH,
        required_message="Enter what it would buy",
        rows=3,
    )
    panel_attendee = RadioField(
        label="Who will attend the Resource Panel meeting?",
        help_text="Someone who knows the case should attend, to answer the panel's questions.",
        choices=practitioner_choices(PanelAttendee, PRACTITIONER_ATTENDEE_LABELS),
        message_name="Who will attend the panel",
        required_message="Select who will attend the panel",
        invalid_message="Select who will attend from the list",
    )

    def set_up(self):
        maximum = format_pounds(self.district.panel_maximum)
        self.fields["spot_purchase_requested"].help_text = (
            "The panel can buy something when nothing else can meet the need, up to "
            f"{maximum} for each case."
        )
        self.fields[
            "spot_purchase_amount"
        ].help_text = (
            f"In pounds. The most {self.district.name}'s panel can spend on one case is {maximum}."
        )

    def clean_spot_purchase_amount(self):
        amount = self.cleaned_data["spot_purchase_amount"]
        maximum = self.district.panel_maximum
        if amount is not None and amount > maximum:
            raise ValidationError(
                f"The amount must be {format_pounds(maximum)} or less: that is the most "
                f"{self.district.name}'s panel can spend on one case",
                code="max_value",
            )
        return amount


GAP_FORM = FormDefinition(
    name="Gap in Service form",
    steps=(
        Step("district", "Your district", DistrictForm),
        Step("about-you", "About you", AboutYouForm),
        Step("why", "Why you are using this form", WhyForm),
        Step("who-is-affected", "Who is affected", WhoIsAffectedForm),
        Step("the-need", "The need", NeedForm),
        Step("spot-purchase", "Spot purchase and the panel", SpotPurchaseForm),
        Step("confirm", "Confirm the form is anonymous", ConfirmAnonymousForm),
    ),
)
