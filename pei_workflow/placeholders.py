"""The placeholders a message template may hold, the check that refuses any other, and filling
them in for one submission.

{status_page} is the public page where the practitioner follows their form or asks for a new
link: the status page's own address holds the private token, which lives only in the
acknowledgement email, so no template may hold it. That page belongs to pei_forms, which
pei_workflow does not import; pei_forms gives its address here when it starts
(`set_status_page_address`, called from its AppConfig.ready), so the address is built by the
one app that owns the URL, from its URL name, and no setting can drift from it.
"""

import re
from collections.abc import Callable

from django.conf import settings

from .labels import in_words

PLACEHOLDERS = ("reference", "district", "status_page")

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")

_status_page_address: Callable[[], str] | None = None


def set_status_page_address(address: Callable[[], str]) -> None:
    """Called once by pei_forms when it starts: the function that gives the public address
    of the page where a practitioner follows their form or asks for a new link."""
    global _status_page_address
    _status_page_address = address


def status_page_address() -> str:
    """The public page the {status_page} placeholder names; the site's home page until
    pei_forms has given it (a site without the public forms)."""
    if _status_page_address is not None:
        return _status_page_address()
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/"


#: The placeholders, in words: "{reference}, {district} and {status_page}".
PLACEHOLDERS_IN_WORDS = in_words(f"{{{name}}}" for name in PLACEHOLDERS)


def placeholder_problems(text: str) -> list[str]:
    """What is wrong with the placeholders of `text`, in plain words: a placeholder that
    does not exist (each named), or a curly bracket without its partner. Empty if none."""
    text = text or ""
    unknown = []
    for match in _PLACEHOLDER.finditer(text):
        if match[1] not in PLACEHOLDERS and match[0] not in unknown:
            unknown.append(match[0])
    problems = []
    if unknown:
        names = in_words(unknown)
        is_a = "is not a placeholder" if len(unknown) == 1 else "are not placeholders"
        problems.append(f"{names} {is_a} you can use. You can use {PLACEHOLDERS_IN_WORDS}.")
    if "{" in _PLACEHOLDER.sub("", text) or "}" in _PLACEHOLDER.sub("", text):
        problems.append(
            "A curly bracket has no partner. Write each placeholder in a pair of curly "
            "brackets, like {reference}, and use curly brackets for nothing else."
        )
    return problems


def placeholder_values(submission) -> dict[str, str]:
    return {
        "reference": submission.reference,
        "district": submission.district.name,
        "status_page": status_page_address(),
    }


def fill(text: str, submission) -> str:
    """The text with each placeholder replaced for this submission. A text that has passed
    `placeholder_problems` holds no other curly brackets; any left (an old template) stay as
    written for the EIDO to see and change."""
    values = placeholder_values(submission)
    return _PLACEHOLDER.sub(lambda match: values.get(match[1], match[0]), text or "")
