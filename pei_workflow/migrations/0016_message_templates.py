"""Message templates, with the county's default text for every step that tells the
practitioner something.

The defaults are loaded here rather than by `load_pei_content`: like the twelve districts
(0002) and the starter themes (0005), they are what the product needs to work in every
place it runs (production included), not example content for a demonstration. EIDOs and
county leads edit them in the admin afterwards; this migration never overwrites an edit.
"""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models

# (step, name, text): written to the practitioner, in plain English. Square brackets mark
# what the EIDO writes in before sending.
COUNTY_DEFAULTS = [
    (
        "request_information",
        "A question about the need",
        "Thank you for sending {reference}. Before we can take it further, we need to know "
        "more.\n\n[Write your question here.]\n\nAnswer on this page. Do not include anything "
        "that could identify a child, young person or family.",
    ),
    (
        "request_information",
        "What has been tried",
        "Thank you for sending {reference}. Tell us which services you have already asked "
        "and what they said, so that the panel does not suggest them again.\n\n"
        "[Add anything else you need to know.]",
    ),
    (
        "decline",
        "Not for the PEI process",
        "We have looked at {reference} and cannot take it further through the Prevention "
        "and Early Intervention process in {district}.\n\nThis is because [say why].\n\n"
        "If things change, you can send a new form. To talk about this decision, contact "
        "the EIDO for {district} and quote {reference}.",
    ),
    (
        "signpost",
        "An existing service can help",
        "We have looked at {reference}. A service in {district} can meet the need you "
        "described: [name the service and say how to refer to it].\n\nIf the service cannot "
        "help after all, contact the EIDO for {district} and quote {reference}.",
    ),
    (
        "record_panel_decision",
        "The panel's decision",
        "The {district} PEI Resource Panel has looked at {reference}. It agreed "
        "[say what it agreed].\n\n[Say what happens next and who will contact you.]",
    ),
    (
        "record_sub_group_decision",
        "The Sub Group's decision",
        "The {district} PEI Sub Group has looked at {reference}. It agreed "
        "[say what it agreed].\n\n[Say what happens next and when.]",
    ),
    (
        "record_trust_board_decision",
        "The Trust Board's decision",
        "The Children and Young People's Trust Board has looked at {reference}. It agreed "
        "[say what it agreed].\n\n[Say what happens next and when.]",
    ),
    (
        "record_county_response",
        "The county's response",
        "We have a response about {reference} from [the Trust Board or the county CAF "
        "group]. It agreed [say what it agreed].\n\n[Say what happens next and when.]",
    ),
    (
        "close",
        "Case closed",
        "We have closed {reference}. Thank you for telling us about this need: what you "
        "sent helps us see where services in {district} fall short.\n\nIf the need comes "
        "back, you can send a new form. To see this one again, get a new link at "
        "{status_page}",
    ),
]


def add_county_defaults(apps, schema_editor):
    MessageTemplate = apps.get_model("pei_workflow", "MessageTemplate")
    for step, name, body in COUNTY_DEFAULTS:
        MessageTemplate.objects.get_or_create(
            district=None, step=step, name=name, defaults={"body": body}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("pei_workflow", "0015_due_dates"),
    ]

    operations = [
        migrations.CreateModel(
            name="MessageTemplate",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "step",
                    models.CharField(
                        choices=[
                            ("request_information", "Ask the practitioner for information"),
                            ("decline", "Decline"),
                            ("signpost", "Signpost to a service"),
                            ("record_panel_decision", "Record the Resource Panel decision"),
                            ("record_sub_group_decision", "Record the Sub Group decision"),
                            ("record_trust_board_decision", "Record the Trust Board decision"),
                            ("record_county_response", "Record the county response"),
                            ("close", "Close the case"),
                        ],
                        max_length=40,
                    ),
                ),
                (
                    "name",
                    models.CharField(
                        help_text="A short name to pick it by, like “Waiting list”.", max_length=80
                    ),
                ),
                (
                    "body",
                    models.TextField(
                        help_text="Written to the practitioner. You can use {reference}, "
                        "{district} and {status_page}.",
                        validators=[django.core.validators.MaxLengthValidator(3000)],
                        verbose_name="text",
                    ),
                ),
                ("updated_at", models.DateTimeField(auto_now=True)),
                (
                    "district",
                    models.ForeignKey(
                        blank=True,
                        help_text="Leave empty for a county default, offered in every district.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="message_templates",
                        to="pei_workflow.district",
                    ),
                ),
            ],
            options={
                "verbose_name": "message template",
                "ordering": ["step", "name", "pk"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("district", "step", "name"), name="message_template_unique_name"
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("district__isnull", True)),
                        fields=("step", "name"),
                        name="message_template_unique_county_name",
                    ),
                ],
            },
        ),
        migrations.RunPython(add_county_defaults, migrations.RunPython.noop),
    ]
