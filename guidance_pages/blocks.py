"""StreamField blocks for guidance content, each mapped to a GOV.UK Design System pattern."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.forms.utils import ErrorList
from django.utils.text import slugify
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

BODY_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]
TEXT_FEATURES = ["bold", "italic", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    """A section heading. Level 2 headings make up the page's contents list."""

    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading (h2)"), ("h3", "Sub-heading (h3)")],
        default="h2",
        help_text="Section headings appear in the contents list at the top of the page.",
    )

    class Meta:
        icon = "title"
        template = "guidance_pages/blocks/heading.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = heading_anchor(value["text"])
        return context


def heading_anchor(text: str) -> str:
    return slugify(text) or "section"


class InsetTextBlock(blocks.StructBlock):
    """Text set apart from the content around it, such as a quote or an example."""

    text = blocks.RichTextBlock(features=TEXT_FEATURES)

    class Meta:
        icon = "openquote"
        label = "Inset text"
        template = "guidance_pages/blocks/inset_text.html"


class WarningTextBlock(blocks.StructBlock):
    """Something the reader must know to avoid harm or a wasted referral."""

    text = blocks.CharBlock(max_length=300)

    class Meta:
        icon = "warning"
        label = "Warning text"
        template = "guidance_pages/blocks/warning_text.html"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    body = blocks.RichTextBlock(features=TEXT_FEATURES + ["ul"], required=False)


class NumberedStepsBlock(blocks.StructBlock):
    """A sequence the reader follows in order."""

    intro = blocks.CharBlock(required=False, max_length=200)
    steps = blocks.ListBlock(StepBlock(), min_num=1)

    class Meta:
        icon = "list-ol"
        label = "Numbered steps"
        template = "guidance_pages/blocks/numbered_steps.html"


class DetailsBlock(blocks.StructBlock):
    """Extra detail that only some readers need, hidden behind a summary line."""

    summary = blocks.CharBlock(max_length=120)
    body = blocks.RichTextBlock(features=BODY_FEATURES)

    class Meta:
        icon = "arrow-down"
        label = "Details (expandable)"
        template = "guidance_pages/blocks/details.html"


class WhoCanUseBlock(blocks.StructBlock):
    """The situations in which a reader may use a form or service."""

    heading = blocks.CharBlock(max_length=120, default="Who can use this")
    intro = blocks.CharBlock(required=False, max_length=300)
    items = blocks.ListBlock(blocks.CharBlock(max_length=400), min_num=1)

    class Meta:
        icon = "group"
        label = "Who can use this"
        template = "guidance_pages/blocks/who_can_use.html"


class CallToActionBlock(blocks.StructBlock):
    """A button that starts a task, such as reporting a gap in services."""

    heading = blocks.CharBlock(max_length=120)
    text = blocks.CharBlock(max_length=300, required=False)
    page = blocks.PageChooserBlock()
    button_label = blocks.CharBlock(max_length=60)

    class Meta:
        icon = "link"
        label = "Call to action"
        template = "guidance_pages/blocks/call_to_action.html"


def refuse(message: str):
    return blocks.StreamBlockValidationError(non_block_errors=ErrorList([ValidationError(message)]))


class GuidanceStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=BODY_FEATURES, icon="pilcrow")
    inset_text = InsetTextBlock()
    warning_text = WarningTextBlock()
    numbered_steps = NumberedStepsBlock()
    details = DetailsBlock()
    who_can_use = WhoCanUseBlock()
    call_to_action = CallToActionBlock()

    class Meta:
        template = "guidance_pages/blocks/stream.html"

    def clean(self, value):
        value = super().clean(value)
        # Each heading's anchor comes from its text, and ids must be unique on a page.
        anchors = [
            heading_anchor(child.value["text"]) for child in value if child.block_type == "heading"
        ]
        repeated = sorted({anchor for anchor in anchors if anchors.count(anchor) > 1})
        if repeated:
            raise refuse(
                "Each heading on a page needs different words, so that the contents list can "
                f"link to it. Used more than once: “{repeated[0].replace('-', ' ')}”."
            )
        return value


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    url = blocks.URLBlock(required=False, help_text="A link to another website.")
    page = blocks.PageChooserBlock(required=False, help_text="Or a page on this site.")
    description = blocks.CharBlock(max_length=300)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("url")) == bool(value.get("page")):
            message = "Give either a web address or a page on this site, not both."
            raise StructBlockValidationError(
                block_errors={"url": ErrorList([ValidationError(message)])}
            )
        return value


class LinkGroupBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    links = blocks.ListBlock(LinkBlock(), min_num=1)

    class Meta:
        icon = "link"
        label = "Group of links"
        template = "guidance_pages/blocks/link_group.html"


STEP_KEY_VALIDATOR = RegexValidator(
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
    "Use lower-case letters, numbers and hyphens only, like 'eido-review'.",
)

# The flowchart. Each step has a key; boxes and decision branches point at other keys, so
# editors change the flow by editing text, never an image.


class FlowchartBoxBlock(blocks.StructBlock):
    key = blocks.CharBlock(
        max_length=40,
        validators=[STEP_KEY_VALIDATOR],
        help_text="A short unique name, like 'eido-review'.",
    )
    title = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False, max_length=600)
    next = blocks.CharBlock(
        max_length=40, required=False, help_text="The key of the step that follows this one."
    )

    class Meta:
        icon = "doc-empty"
        label = "Step"


class FlowchartBranchBlock(blocks.StructBlock):
    answer = blocks.CharBlock(max_length=80, help_text="For example: Yes, No, Not sure.")
    goes_to = blocks.CharBlock(max_length=40, help_text="The key of the step for this answer.")


class FlowchartDecisionBlock(blocks.StructBlock):
    key = blocks.CharBlock(max_length=40, validators=[STEP_KEY_VALIDATOR])
    question = blocks.CharBlock(max_length=200)
    text = blocks.TextBlock(required=False, max_length=600)
    branches = blocks.ListBlock(FlowchartBranchBlock(), min_num=2)

    class Meta:
        icon = "help"
        label = "Decision"


class FlowchartEndBlock(blocks.StructBlock):
    key = blocks.CharBlock(max_length=40, validators=[STEP_KEY_VALIDATOR])
    title = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False, max_length=600)

    class Meta:
        icon = "success"
        label = "End point"


class FlowchartStreamBlock(blocks.StreamBlock):
    box = FlowchartBoxBlock()
    decision = FlowchartDecisionBlock()
    end = FlowchartEndBlock()

    def clean(self, value):
        value = super().clean(value)
        keys = [child.value["key"] for child in value]
        duplicates = sorted({key for key in keys if keys.count(key) > 1})
        if duplicates:
            raise refuse(f"Each step needs its own key. Used twice: {duplicates[0]}.")
        known = set(keys)
        for child in value:
            targets = []
            if child.block_type == "box" and child.value["next"]:
                targets.append(child.value["next"])
            if child.block_type == "decision":
                targets.extend(branch["goes_to"] for branch in child.value["branches"])
            missing = [target for target in targets if target not in known]
            if missing:
                raise refuse(
                    f"Step '{child.value['key']}' points to '{missing[0]}', "
                    "which is not the key of any step."
                )
        return value
