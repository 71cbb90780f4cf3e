""" "Start from a template" on a step's form: the message templates offered for this step on
this submission (its district's first, then the county defaults), each filled in for it, and
the one picked with `?template=<id>`.

It works without JavaScript: the picker is a GET form, and the page comes back with the text
in the box. `message_templates.js` fills the box in place instead, where it can.
"""

from dataclasses import dataclass

from ...models import MessageTemplate, Submission
from ...placeholders import fill
from ...selectors import message_templates_offered

#: The query parameter that picks a template.
TEMPLATE_PARAMETER = "template"
NOT_OFFERED = "That template is not offered for this step of this submission. Nothing has changed."


class TemplateNotOffered(Exception):
    """The query string picks a template this person is not offered here (400)."""


@dataclass(frozen=True)
class OfferedTemplate:
    pk: int
    name: str
    #: The text with its placeholders filled in for this submission.
    text: str


@dataclass(frozen=True)
class TemplateGroup:
    """The templates of one district, or the county defaults, under a heading."""

    label: str
    templates: list[OfferedTemplate]


def _offered(template: MessageTemplate, submission: Submission) -> OfferedTemplate:
    return OfferedTemplate(template.pk, template.name, fill(template.body, submission))


def offered_templates(user, submission: Submission, step: str) -> list[TemplateGroup]:
    """The templates this person may start from on this step, grouped: the submission's
    district's first, then the county defaults."""
    templates = message_templates_offered(user, submission, step)
    own = [_offered(t, submission) for t in templates if t.district_id is not None]
    county = [_offered(t, submission) for t in templates if t.district_id is None]
    groups = [
        TemplateGroup(f"{submission.district}", own),
        TemplateGroup("County defaults", county),
    ]
    return [group for group in groups if group.templates]


def picked_template(query, groups: list[TemplateGroup]) -> OfferedTemplate | None:
    """The template `?template=` picks, None if none is asked for; TemplateNotOffered if it
    names one that is not offered (or is given twice, or is not a number)."""
    if TEMPLATE_PARAMETER not in query:
        return None
    values = query.getlist(TEMPLATE_PARAMETER)
    offered = {str(t.pk): t for group in groups for t in group.templates}
    if len(values) != 1 or values[0] not in offered:
        raise TemplateNotOffered(NOT_OFFERED)
    return offered[values[0]]
