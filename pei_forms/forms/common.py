"""Steps both forms share: the district, the practitioner's own details, and the confirmation
that the form identifies no one."""

from pei_workflow.choices import Workforce
from pei_workflow.models import District
from pei_workflow.models.submissions import SHORT_TEXT_MAX_LENGTH
from pei_workflow.text_checks import PERSONAL_IDENTIFIERS

from .base import StepForm
from .fields import (
    ConfirmField,
    EmailField,
    ModelRadioField,
    PhoneField,
    RadioField,
    TextField,
)

EMAIL_MAX_LENGTH = 254
PHONE_MAX_LENGTH = 40


class DistrictForm(StepForm):
    """Which district the form goes to: that district's EIDO deals with it."""

    district = ModelRadioField(
        label="Which district is this about?",
        help_text=(
            "Choose the district where the child, young person or family lives. Your form goes "
            "to that district's Early Intervention Development Officer (EIDO)."
        ),
        message_name="District",
        required_message="Select the district",
        invalid_message="Select a district from the list",
    )

    def set_up(self):
        districts = District.objects.order_by("name")
        self.fields["district"].set_objects({d.code: d for d in districts})


class AboutYouForm(StepForm):
    """The practitioner's own details, which the EIDO needs to reply. Their name, email and
    phone are not checked for identifying details (they are the practitioner's); the job title
    and organisation are free text, so they are checked for details that can only be about a
    person (see pei_workflow.text_checks.PERSONAL_IDENTIFIERS)."""

    practitioner_name = TextField(
        label="Your name",
        message_name="Your name",
        summary_label="Name",
        max_length=SHORT_TEXT_MAX_LENGTH,
        required_message="Enter your name",
        autocomplete="name",
        spellcheck=False,
    )
    job_title = TextField(
        label="Your job title",
        message_name="Your job title",
        summary_label="Job title",
        max_length=SHORT_TEXT_MAX_LENGTH,
        required_message="Enter your job title",
        anonymity=PERSONAL_IDENTIFIERS,
        autocomplete="organization-title",
    )
    organisation = TextField(
        label="Your organisation",
        help_text="For example, the school, health trust, council service or charity you work for.",
        message_name="Your organisation",
        summary_label="Organisation",
        max_length=SHORT_TEXT_MAX_LENGTH,
        required_message="Enter your organisation",
        anonymity=PERSONAL_IDENTIFIERS,
        autocomplete="organization",
    )
    workforce = RadioField(
        label="Which workforce do you work in?",
        choices=Workforce.choices,
        message_name="Workforce",
        required_message="Select the workforce you work in",
        invalid_message="Select a workforce from the list",
    )
    email = EmailField(
        label="Email address",
        help_text=(
            "Use your work email. We will send your reference and a private link to follow your "
            "form to this address."
        ),
        message_name="Email address",
        max_length=EMAIL_MAX_LENGTH,
        required_message="Enter your email address",
        invalid_message="Enter an email address in the correct format, like name@example.org",
    )
    phone = PhoneField(
        label="Telephone number",
        help_text="A work number, so the EIDO can talk to you about the form.",
        message_name="Telephone number",
        max_length=PHONE_MAX_LENGTH,
        required_message="Enter a telephone number",
        invalid_message="Enter a UK telephone number, like 01632 960 001 or 07700 900 982",
    )


class ConfirmAnonymousForm(StepForm):
    """The practitioner's confirmation that nothing in the form identifies anyone."""

    confirmed_anonymous = ConfirmField(
        label="Check that your form is anonymous",
        help_text=(
            "Your answers must not include the name, date of birth, address, postcode, school, "
            "NHS number or National Insurance number of the child, young person or family, or "
            "anything else that could identify them."
        ),
        item_label="I confirm this form does not identify the child, young person or family",
        summary_label="Confirmed it does not identify anyone",
        required_message=(
            "Confirm that this form does not identify the child, young person or family"
        ),
    )
