"""The two form pages as the site first has them, made under the home page if missing.

`ensure_form_pages(home)` is safe to run again: a form page that already exists, wherever an
editor has put it and whatever they have changed, is left exactly as it is.
"""

from wagtail.models import Page

from .models import CafEscalationFormPage, FormPage, GapInServiceFormPage

GAP_PAGE = {
    "title": "Report a gap in services",
    "slug": "report-a-gap",
    "intro": (
        "<p>Use this form to tell your district's PEI Resource Panel about a need that you "
        "cannot meet through the usual services.</p>"
        "<p>The panel is a group of managers from different agencies. It looks for a way to "
        "meet the need and, when nothing else fits, can buy a service or item for the case. "
        "Needs it cannot meet go to the PEI Sub Group.</p>"
        "<p>It takes about 15 minutes. You will get a reference and an email with a private "
        "link to follow what happens.</p>"
    ),
    "who_can_use": (
        "<p>You can use this form if you are a practitioner and:</p>"
        "<ul>"
        "<li>you have completed a CAF, talked to the Team Around the Child, and do not know how "
        "to meet the needs</li>"
        "<li>the needs were met, but not in the best way</li>"
        "<li>you are stepping down from a statutory service and needs remain</li>"
        "<li>you work outside children's services and know of young people's unmet needs</li>"
        "<li>your own project or consultation has found a gap in what is available</li>"
        "</ul>"
    ),
    "confirmation_text": (
        "<p>Your district's Early Intervention Development Officer (EIDO) will read your form, "
        "usually within 5 working days. They may contact you for more information.</p>"
        "<p>If an existing service can meet the need, the EIDO will tell you. If not, your "
        "form goes to the next Resource Panel meeting. You, or someone for you, should attend "
        "to answer the panel's questions.</p>"
    ),
    "help_texts": {
        "unmet_need": (
            "Describe what the child, young person or family needs and cannot get. Do not "
            "include anything that could identify them, such as a name, date of birth, "
            "address or school."
        ),
        "what_has_been_tried": (
            "Include the services you have approached, when, and what happened. Say if there "
            "is a waiting list."
        ),
    },
}

CAF_PAGE = {
    "title": "Escalate a CAF problem",
    "slug": "escalate-a-caf-problem",
    "intro": (
        "<p>Use this form to raise a problem with a Common Assessment Framework (CAF) or a Team "
        "Around the Child that you could not sort out with the practitioners and managers "
        "involved.</p>"
        "<p>Your district's PEI Sub Group looks at each escalation. Problems that affect the "
        "whole county can go to the county CAF group or the Children's Trust Board.</p>"
        "<p>It takes about 10 minutes. You will get a reference and an email with a private "
        "link to follow what happens.</p>"
    ),
    "who_can_use": (
        "<p>You can use this form if you are working on a CAF and, for example:</p>"
        "<ul>"
        "<li>an agency will not take part in the CAF or the Team Around the Child</li>"
        "<li>no one can agree who should be the lead professional</li>"
        "<li>agencies disagree about thresholds when stepping up or down</li>"
        "<li>a service is slow to respond</li>"
        "</ul>"
        "<p>Try to resolve the problem with the people involved first. The form asks what you "
        "have already done.</p>"
    ),
    "confirmation_text": (
        "<p>Your district's Early Intervention Development Officer (EIDO) will read your form, "
        "usually within 5 working days. They may contact you for more information.</p>"
        "<p>The EIDO will then put it on the agenda of the next PEI Sub Group meeting and tell "
        "you what the Sub Group decides.</p>"
    ),
    "help_texts": {
        "steps_taken": (
            "Escalate only after trying to sort it out with the practitioners and managers "
            "involved. Tell us who you contacted, when, and what happened."
        ),
    },
}


def ensure_form_pages(home: Page) -> list[FormPage]:
    """Make and publish the Gap in Service and CAF escalation form pages under `home` if they
    do not exist; return both pages, new or existing."""
    return [
        _ensure(GapInServiceFormPage, GAP_PAGE, home),
        _ensure(CafEscalationFormPage, CAF_PAGE, home),
    ]


def _ensure(model: type[FormPage], spec: dict, home: Page) -> FormPage:
    existing = model.objects.first()
    if existing is not None:
        return existing
    page = model(
        title=spec["title"],
        slug=spec["slug"],
        intro=spec["intro"],
        who_can_use=spec["who_can_use"],
        confirmation_text=spec["confirmation_text"],
        show_in_menus=False,
    )
    help_text_model = model._meta.get_field("help_texts").related_model
    page.help_texts = [
        help_text_model(question=question, help_text=text)
        for question, text in spec["help_texts"].items()
    ]
    home.add_child(instance=page)
    page.save_revision().publish()
    return page
