"""Helpers for driving the form journeys through the Django test client."""

import re
from html.parser import HTMLParser

GAP_ANSWERS = {
    "district": {"district": "PEN"},
    "about-you": {
        "practitioner_name": "Sam Taylor",
        "job_title": "Learning mentor",
        "organisation": "Example High School",
        "workforce": "education",
        "email": "sam.taylor@example.org",
        "phone": "01632 960 001",
    },
    "why": {
        "route": "caf_needs_unknown",
        "caf_in_place": "yes",
        "tac_consulted": "yes",
        "priority": "none",
    },
    "who-is-affected": {
        "affected_group": "child_or_young_person",
        "age_band": "11_15",
        "children_affected": "1",
        "families_affected": "1",
    },
    "the-need": {
        "unmet_need": "Bereavement counselling for a young person in Year 9.",
        "what_has_been_tried": "School pastoral support since March 2026.",
        "service_that_would_meet_need": "",
        "barrier": "waiting_list",
        "barrier_detail": "",
    },
    "spot-purchase": {
        "spot_purchase_requested": "no",
        "spot_purchase_amount": "",
        "spot_purchase_purpose": "",
        "panel_attendee": "lead_professional",
    },
    "confirm": {"confirmed_anonymous": "yes"},
}

CAF_ANSWERS = {
    "district": {"district": "BUR"},
    "about-you": {
        "practitioner_name": "Alex Morgan",
        "job_title": "Health visitor",
        "organisation": "Example Health Trust",
        "workforce": "health",
        "email": "alex.morgan@example.org",
        "phone": "+44 7700 900 982",
    },
    "the-problem": {
        "escalation_type": "agency_not_engaging",
        "agencies_involved": "Housing and a youth service.",
        "issue": "An agency has not come to three Team Around the Child meetings.",
        "steps_taken": "Emailed and phoned the service manager twice.",
        "outcome_sought": "The agency attends the next meeting.",
        "county_implications": "no",
    },
    "confirm": {"confirmed_anonymous": "yes"},
}


def answers_with(base: dict, **steps) -> dict:
    """A copy of `base` with some steps' answers changed: answers_with(GAP, why={...})."""
    merged = {slug: dict(data) for slug, data in base.items()}
    for slug, changes in steps.items():
        merged[slug.replace("_", "-")].update(changes)
    return merged


def fill_steps(client, page, answers: dict, *, until: str | None = None):
    """POST each step's answers in order (stopping before `until`); return the last response.
    Each step must be accepted (a redirect)."""
    response = None
    for slug, data in answers.items():
        if slug == until:
            break
        response = client.post(f"{page.url}{slug}/", data)
        assert response.status_code == 302, (slug, error_messages(response))
    return response


def send(client, page):
    return client.post(f"{page.url}check-answers/", {})


def complete(client, page, answers: dict):
    """Fill every step and press Send; return the response to Send."""
    fill_steps(client, page, answers)
    return send(client, page)


def html(response) -> str:
    return response.content.decode()


def error_messages(response) -> list[str]:
    """The messages in the error summary, in order."""
    text = html(response)
    summary = text.split('govuk-error-summary__list">', 1)
    if len(summary) < 2:
        return []
    items = summary[1].split("</ul>", 1)[0]
    return [strip_tags(item).strip() for item in re.findall(r"<li>(.*?)</li>", items, re.S)]


def error_links(response) -> dict[str, str]:
    """{message: linked field id} from the error summary."""
    text = html(response)
    return {
        strip_tags(message).strip(): href
        for href, message in re.findall(r'<li><a href="#([^"]+)">(.*?)</a></li>', text, re.S)
    }


def inline_error(response, field_id: str) -> str:
    """The message shown beside a field (its govuk-error-message), without "Error:"."""
    match = re.search(
        rf'<p id="{re.escape(field_id)}-error" class="govuk-error-message">(.*?)</p>',
        html(response),
        re.S,
    )
    if not match:
        return ""
    return strip_tags(match.group(1)).replace("Error:", "", 1).strip()


def strip_tags(text: str) -> str:
    import html as html_module

    return html_module.unescape(re.sub(r"<[^>]+>", "", text))


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inputs: dict[str, str] = {}
        self.required: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in {"input", "textarea", "select"} and "id" in attributes:
            self.inputs[attributes["id"]] = tag
        if "required" in attributes:
            self.required.append(tag)


def input_ids(response) -> dict[str, str]:
    parser = _Ids()
    parser.feed(html(response))
    return parser.inputs


def required_attributes(response) -> list[str]:
    parser = _Ids()
    parser.feed(html(response))
    return parser.required
