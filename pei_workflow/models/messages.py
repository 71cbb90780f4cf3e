"""Message templates: the texts the practitioner is sent at a step (a question, a decline, a
decision, a closure), kept per district with a county default, for the EIDO to start from.

A template is only a starting point: the EIDO picks one on the step's form, edits it, and the
step's service checks the result as it checks anything typed. Templates are saved by
`services.message_templates.save_message_template`, which refuses placeholders that do not
exist (`pei_workflow.placeholders`)."""

from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q

from .submissions import FREE_TEXT_MAX_LENGTH

#: The key of a review history row's data that holds the message to the practitioner of a
#: decision or a closure (the question and a decline reason are the row's comment). The
#: status page shows it; redaction and retention scrub it (`services.copies`, `retention`).
PRACTITIONER_MESSAGE = "practitioner_message"


class MessageStep(models.TextChoices):
    """The steps whose text the practitioner reads, by the name of their transition."""

    REQUEST_INFORMATION = "request_information", "Ask the practitioner for information"
    DECLINE = "decline", "Decline"
    SIGNPOST = "signpost", "Signpost to a service"
    PANEL_DECISION = "record_panel_decision", "Record the Resource Panel decision"
    SUB_GROUP_DECISION = "record_sub_group_decision", "Record the Sub Group decision"
    TRUST_BOARD_DECISION = "record_trust_board_decision", "Record the Trust Board decision"
    COUNTY_RESPONSE = "record_county_response", "Record the county response"
    CLOSE = "close", "Close the case"


#: The steps whose message to the practitioner is kept under `PRACTITIONER_MESSAGE`.
MESSAGE_IN_DATA_STEPS = frozenset(MessageStep.values) - {
    MessageStep.REQUEST_INFORMATION,
    MessageStep.DECLINE,
}


class MessageTemplate(models.Model):
    """A text an EIDO can start from when a step tells the practitioner something. A
    template of a district is offered on that district's cases before the county's default
    ones (no district); another district's never."""

    step = models.CharField(max_length=40, choices=MessageStep.choices)
    name = models.CharField(
        max_length=80, help_text="A short name to pick it by, like “Waiting list”."
    )
    body = models.TextField(
        "text",
        validators=[MaxLengthValidator(FREE_TEXT_MAX_LENGTH)],
        help_text="Written to the practitioner. You can use {reference}, {district} and "
        "{status_page}.",
    )
    district = models.ForeignKey(
        "pei_workflow.District",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="message_templates",
        help_text="Leave empty for a county default, offered in every district.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["step", "name", "pk"]
        verbose_name = "message template"
        constraints = [
            models.UniqueConstraint(
                fields=["district", "step", "name"], name="message_template_unique_name"
            ),
            models.UniqueConstraint(
                fields=["step", "name"],
                condition=Q(district__isnull=True),
                name="message_template_unique_county_name",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_county_default(self) -> bool:
        return self.district_id is None
