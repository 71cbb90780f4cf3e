"""The two form pages. Editors own their words (title, introduction, who can use the form, a
help text per question and what happens next); the questions themselves, their checks and
the journey through them are code, in pei_forms.forms.

Each page serves its whole journey through its own routes (RoutablePageMixin):

    <page>/                 start page
    <page>/<step>/          one step of questions
    <page>/check-answers/   every answer, with change links, and the Send button
    <page>/confirmation/    the reference, what happens next and who to contact
"""

from django.db import models
from django.utils.cache import add_never_cache_headers
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from . import form_views, protection
from .forms import CAF_FORM, GAP_FORM, FormDefinition
from .services import send_caf_escalation, send_gap_in_service

RICH_TEXT_FEATURES = ["bold", "link", "ol", "ul"]


class QuestionHelpText(Orderable):
    """An editor's help text for one question, shown under it in place of the default."""

    question = models.CharField(max_length=64)
    help_text = models.CharField(
        max_length=400,
        help_text="Plain text, shown under the question. Keep it short.",
    )

    panels = [FieldPanel("question"), FieldPanel("help_text")]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self) -> str:
        return self.help_text


class FormPage(RoutablePageMixin, Page):
    """What both form pages share: the editable texts and the journey's routes."""

    definition: FormDefinition

    intro = RichTextField(
        features=RICH_TEXT_FEATURES,
        help_text="What the form is for. Shown at the top of the start page.",
    )
    who_can_use = RichTextField(
        "who can use this form",
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="Shown on the start page, under the heading 'Who can use this form'.",
    )
    confirmation_text = RichTextField(
        "what happens next",
        features=RICH_TEXT_FEATURES,
        help_text="Shown on the confirmation page after a practitioner sends the form.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("who_can_use"),
        InlinePanel(
            "help_texts",
            heading="Help text for questions",
            label="Help text",
            help_text=(
                "A question with no help text here shows its usual help text. If a question "
                "is listed twice, the first one is used."
            ),
        ),
        FieldPanel("confirmation_text"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("who_can_use"),
    ]

    parent_page_types = ["guidance_pages.HomePage"]
    subpage_types: list[str] = []
    max_count = 1
    # The guidance pages about each form are in the menu already; the form is reached from them
    # and from the home page's calls to action.
    show_in_menus_default = False

    class Meta:
        abstract = True

    def send(self, *, answers: dict):
        """Save the checked answers as a submission (see pei_forms.services)."""
        raise NotImplementedError

    def question_help_texts(self) -> dict[str, str]:
        """{question: help text} set by editors; the first wins if a question is repeated."""
        if not hasattr(self, "_question_help_texts"):
            rows = list(self.help_texts.all())
            self._question_help_texts = {
                row.question: row.help_text for row in reversed(rows) if row.help_text.strip()
            }
        return self._question_help_texts

    def serve(self, request, view=None, args=None, kwargs=None):
        if request.method == "POST" and protection.post_too_large(request):
            response = form_views.too_large(self, request)
        else:
            response = super().serve(request, view, args, kwargs)
        # Answers and references are personal: no browser or proxy may keep a copy.
        add_never_cache_headers(response)
        return response

    @path("")
    def start_route(self, request):
        return form_views.start(self, request)

    @path("check-answers/", name="check_answers")
    def check_answers_route(self, request):
        return form_views.check_answers(self, request)

    @path("confirmation/", name="confirmation")
    def confirmation_route(self, request):
        return form_views.confirmation(self, request)

    @path("<slug:step>/", name="step")
    def step_route(self, request, step):
        return form_views.step_page(self, request, step)


class GapInServiceFormPage(FormPage):
    """The Gap in Service form: a practitioner tells the Resource Panel about a need that the
    usual services cannot meet."""

    definition = GAP_FORM

    class Meta:
        verbose_name = "Gap in Service form page"

    def send(self, *, answers: dict):
        return send_gap_in_service(answers=answers)


class CafEscalationFormPage(FormPage):
    """The CAF escalation form: a practitioner raises a CAF problem they could not resolve."""

    definition = CAF_FORM

    class Meta:
        verbose_name = "CAF escalation form page"

    def send(self, *, answers: dict):
        return send_caf_escalation(answers=answers)


class GapFormHelpText(QuestionHelpText):
    page = ParentalKey(GapInServiceFormPage, on_delete=models.CASCADE, related_name="help_texts")
    question = models.CharField(max_length=64, choices=GAP_FORM.questions())


class CafFormHelpText(QuestionHelpText):
    page = ParentalKey(CafEscalationFormPage, on_delete=models.CASCADE, related_name="help_texts")
    question = models.CharField(max_length=64, choices=CAF_FORM.questions())
