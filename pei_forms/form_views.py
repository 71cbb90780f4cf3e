"""The views of a form page's journey: start, each step, check answers and confirmation.

They are called from the form page's routes (pei_forms.models). They parse input, keep it in
the session (pei_forms.journey), and hand the checked answers to pei_forms.services; no
casework rule lives here.
"""

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from pei_workflow.models import District

from . import protection
from .forms import Step, StepForm
from .forms.rendering import error_summary, field_views
from .journey import Journey

CHECK_ANSWERS = "check-answers"
RETURN_PARAM = "return"


class FormFlow:
    """One request's view of a form page: its steps, the practitioner's answers so far, and
    the addresses of each page of the journey."""

    def __init__(self, page, request):
        self.page = page
        self.request = request
        self.definition = page.definition
        self.journey = Journey(request.session, page.pk)
        base = page.get_url(request) or "/"
        self.base_url = base if base.endswith("/") else base + "/"
        self._district: District | None = None

    # Addresses

    def url(self, name: str, **kwargs) -> str:
        return self.base_url + self.page.reverse_subpage(name, kwargs=kwargs or None)

    def start_url(self) -> str:
        return self.base_url

    def step_url(self, step: Step, *, returning: bool = False) -> str:
        url = self.url("step", step=step.slug)
        return f"{url}?{RETURN_PARAM}={CHECK_ANSWERS}" if returning else url

    def check_answers_url(self) -> str:
        return self.url("check_answers")

    def confirmation_url(self) -> str:
        return self.url("confirmation")

    # Answers

    def district(self) -> District | None:
        """The district chosen on the district step (the form checked it when it was kept)."""
        if self._district is None:
            code = (self.journey.answers_for("district") or {}).get("district")
            if code:
                self._district = District.objects.filter(code=code).first()
        return self._district

    def form(self, step: Step, data=None) -> StepForm | None:
        """The step's form, bound to `data`; None if it needs a district and none is chosen."""
        district = None
        if step.form_class.needs_district:
            district = self.district()
            if district is None:
                return None
        return step.form_class(data, district=district, help_texts=self.page.question_help_texts())

    def stored_form(self, step: Step) -> StepForm | None:
        data = self.journey.answers_for(step.slug)
        return self.form(step, data) if data is not None else None

    def first_missing(self, before: Step | None = None) -> Step | None:
        steps = self.definition.steps
        if before is not None:
            steps = steps[: self.definition.index(before)]
        slug = self.journey.first_missing([step.slug for step in steps])
        return self.definition.step(slug) if slug else None

    def checked_forms(self) -> tuple[dict[str, StepForm], Step | None]:
        """Every step's kept answers checked again, and the first step that fails, if any.

        Answers can go stale after they were kept: a district changed on the way back from
        check answers makes a chosen priority or amount wrong, and an editor may retire a
        priority.
        """
        forms = {}
        for step in self.definition.steps:
            form = self.stored_form(step)
            if form is None or not form.is_valid():
                return forms, step
            forms[step.slug] = form
        return forms, None


def render(flow: FormFlow, template: str, context: dict, status: int = 200) -> TemplateResponse:
    response = flow.page.render(
        flow.request, template=f"pei_forms/{template}", context_overrides=context
    )
    response.status_code = status
    return response


def start(page, request):
    flow = FormFlow(page, request)
    return flow.page.render(
        request,
        template="pei_forms/start.html",
        context_overrides={"start_url": flow.step_url(flow.definition.steps[0])},
    )


def step_page(page, request, slug: str):
    """Show one step's questions; on POST keep the answers and go to the next step."""
    flow = FormFlow(page, request)
    step = flow.definition.step(slug)
    if step is None:
        raise Http404("No such step")
    missing = flow.first_missing(before=step)
    if missing is not None:
        # Steps cannot be skipped: later questions depend on earlier answers.
        return redirect(flow.step_url(missing))
    returning = request.GET.get(RETURN_PARAM) == CHECK_ANSWERS

    if request.method == "POST":
        if protection.honeypot_filled(request):
            return not_sent(flow)
        form = flow.form(step, request.POST)
        if form is None:
            return redirect(flow.step_url(flow.definition.steps[0]))
        if form.is_valid():
            flow.journey.save_answers(step.slug, form.stored_data())
            return redirect(next_url(flow, step, returning))
    else:
        form = flow.stored_form(step)
        if form is None:
            form = flow.form(step)
        if form is None:
            return redirect(flow.step_url(flow.definition.steps[0]))

    index = flow.definition.index(step)
    if returning:
        back_url = flow.check_answers_url()
    elif index:
        back_url = flow.step_url(flow.definition.steps[index - 1])
    else:
        back_url = flow.start_url()
    fields = field_views(form)
    return render(
        flow,
        "step.html",
        {
            "step": step,
            "fields": fields,
            "single_question": len(fields) == 1,
            "errors": error_summary(form) if form.is_bound else [],
            "action_url": flow.step_url(step, returning=returning),
            "back_url": back_url,
            "returning": returning,
        },
    )


def next_url(flow: FormFlow, step: Step, returning: bool) -> str:
    index = flow.definition.index(step)
    if returning or index + 1 == len(flow.definition.steps):
        return flow.check_answers_url()
    return flow.step_url(flow.definition.steps[index + 1])


def check_answers(page, request):
    """Show every answer with a link to change it; on POST, send the form."""
    flow = FormFlow(page, request)
    sending = request.method == "POST"
    if sending and protection.honeypot_filled(request):
        return not_sent(flow)
    if not flow.journey.has_answers() and flow.journey.receipt():
        # Already sent: a refresh, the back button or a second press of Send.
        return redirect(flow.confirmation_url())
    missing = flow.first_missing()
    if missing is not None:
        return redirect(flow.step_url(missing))
    forms, failing = flow.checked_forms()
    if failing is not None:
        return redirect(flow.step_url(failing, returning=True))

    errors = []
    if sending:
        if protection.take_send_allowance(request):
            return send(flow, forms)
        errors = [
            {
                "href": "",
                "message": "You have sent too many forms from this network recently. Your form "
                f"has not been sent. Your answers are kept: try again {protection.retry_words()}.",
            }
        ]
    sections = [
        {
            "title": step.title,
            "rows": [
                dict(row, change_url=f"{flow.step_url(step, returning=True)}#{row['field_id']}")
                for row in forms[step.slug].summary_rows()
            ],
        }
        for step in flow.definition.steps
    ]
    return render(
        flow,
        "check_answers.html",
        {
            "sections": sections,
            "errors": errors,
            "send_url": flow.check_answers_url(),
            "back_url": flow.step_url(flow.definition.steps[-1]),
        },
        status=429 if errors else 200,
    )


def send(flow: FormFlow, forms: dict[str, StepForm]):
    journey_id = flow.journey.id
    if not protection.claim_journey(journey_id):
        # The same answers are being sent, or were sent, by another request (a double click,
        # another tab): never send them twice.
        return redirect(flow.confirmation_url())
    try:
        submission = flow.page.send(answers=flow.definition.answers(forms))
    except Exception:
        protection.release_journey(journey_id)
        raise
    flow.journey.finish(
        {
            "reference": submission.reference,
            "email": submission.email,
            "district": submission.district.name,
        }
    )
    return redirect(flow.confirmation_url())


def confirmation(page, request):
    flow = FormFlow(page, request)
    receipt = flow.journey.receipt()
    if receipt is None:
        return redirect(flow.start_url())
    return render(flow, "confirmation.html", {"receipt": receipt, "start_url": flow.start_url()})


def not_sent(flow: FormFlow):
    """The honeypot was filled in: keep nothing, and say so plainly."""
    flow.journey.clear()
    return render(
        flow,
        "problem.html",
        {
            "heading": "Your form has not been sent",
            "message": "A hidden field that must be left empty was filled in, so we did not "
            "send your form and have not kept your answers. This can happen if a browser tool "
            "fills in forms for you.",
            "start_url": flow.start_url(),
        },
        status=400,
    )


def too_large(page, request):
    """A POST far larger than any honest answer: refuse it without looking at its fields."""
    flow = FormFlow(page, request)
    return render(
        flow,
        "problem.html",
        {
            "heading": "Your answers are too long to send",
            "message": "Go back and shorten your answers. Each answer can be up to 3,000 "
            "characters.",
            "start_url": flow.start_url(),
        },
        status=413,
    )
