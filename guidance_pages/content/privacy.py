"""The privacy notice for the Gap in Service and CAF escalation forms."""

from django.conf import settings

from ..models import PrivacyNoticePage
from .dates import WRITTEN_ON_TEXT
from .markup import bullets, heading, paragraphs, text
from .spec import Links, PageSpec


def retention_years() -> tuple[int, int]:
    """How many years the practitioner's contact details and the free text are kept after a
    form is closed, declined or withdrawn: `settings.PEI_RETENTION`, the setting that
    `manage.py apply_retention` enforces, so the notice says what the site does. (Read from
    Django's settings, not from pei_workflow: the guidance stands alone.)"""
    periods = settings.PEI_RETENTION
    return periods["contact_details_years"], periods["free_text_years"]


def _years(count: int) -> str:
    return "1 year" if count == 1 else f"{count} years"


def build(links: Links) -> dict:
    """The page's fields."""
    contacts = links.a("contacts", "your district's EIDO team")
    contact_details_years, free_text_years = retention_years()
    return {
        "summary": (
            "What the Gap in Service and CAF escalation forms collect, why we need it, who sees "
            "it, how long we keep it and your rights."
        ),
        "body": [
            text(
                paragraphs(
                    "This notice explains how the Prevention and Early Intervention (PEI) "
                    "partnership in Lancashire uses the information you give us on the Gap in "
                    "Service form and the Common Assessment Framework (CAF) escalation form. "
                    "In this notice, 'we' means the partnership.",
                )
            ),
            heading("What we collect"),
            text(
                paragraphs("When you send either form, we collect your:"),
                bullets(
                    [
                        "name",
                        "job title",
                        "organisation",
                        "workforce, such as health, education or adult services",
                        "work email address",
                        "work phone number",
                    ]
                ),
                paragraphs(
                    "We also collect anonymous information about the need or problem you report. "
                    "For example, the age band of the children affected, what has been tried and "
                    "what might help.",
                    "We never ask for the identity of the child, young person or family. The "
                    "forms tell you not to give a name, date of birth, address, postcode, school "
                    "or anything else that could identify them. If something identifying is "
                    "sent by mistake, the Early Intervention Development Officer (EIDO) removes "
                    "it from the form and from its history.",
                ),
            ),
            heading("Why we need it"),
            text(
                paragraphs("We use your details to:"),
                bullets(
                    [
                        "contact you about your form, and ask for more information if needed",
                        "send you a private link so that you can follow your form's progress",
                        "invite you, or someone representing you, to the Resource Panel or Sub "
                        "Group",
                    ]
                ),
                paragraphs(
                    "We use the anonymous information to find ways to meet the need, to spot "
                    "gaps that keep coming up, and to report to the PEI Sub Group and the "
                    "Children's Trust Board so that they can plan and fund services."
                ),
            ),
            heading("Our lawful basis"),
            text(
                paragraphs(
                    "Under the UK General Data Protection Regulation (UK GDPR), we use your "
                    "details because it is necessary for a task we carry out in the public "
                    "interest (Article 6(1)(e)). The task is arranging early help for "
                    "children, young people and families, as part of the duty on local "
                    "partners to co-operate to improve children's well-being under section 10 "
                    "of the Children Act 2004.",
                    "We do not need your consent to use your details in this way, but you "
                    "still have the rights set out below.",
                )
            ),
            heading("Who sees it"),
            text(
                bullets(
                    [
                        "The EIDO team for the district you choose sees the whole form, "
                        "including your details.",
                        "Members of that district's Resource Panel and Sub Group see an "
                        "anonymous summary of the need.",
                        "County leads, who oversee the PEI arrangements across Lancashire, can "
                        "see forms from every district.",
                        "The Children's Trust Board and the county CAF steering group see only "
                        "anonymous reports that combine many forms.",
                    ]
                ),
                paragraphs(
                    "We do not sell your information or use it for marketing. We share it "
                    "outside these groups only if the law requires us to."
                ),
            ),
            heading("How long we keep it"),
            text(
                bullets(
                    [
                        "Your name, job title, organisation, email address and phone "
                        f"number: {_years(contact_details_years)} after your form is closed, "
                        "declined or withdrawn. Then we delete them, from the form and from "
                        "its history. We keep your workforce, such as health, for reports.",
                        "What you and we wrote about the need, such as what has been tried: "
                        f"{_years(free_text_years)} after your form is closed, declined or "
                        "withdrawn, so that we can report on trends and show what services "
                        "achieved. Then we delete it in the same way.",
                        "The anonymous facts, such as the district, the age band, the number "
                        "of children affected, what happened to your form and when: for as "
                        "long as we need them for reports. They do not identify you or the "
                        "family.",
                    ]
                ),
            ),
            heading("Following your form"),
            text(
                paragraphs(
                    "When you send a form, we email you a private link to a page showing its "
                    "progress. We also email you when we need more information, or when a "
                    "decision is made.",
                    "Anyone with the link can see your form, so do not share it. If you lose "
                    f"the link, or think someone else has it, contact {contacts}.",
                )
            ),
            heading("Your rights"),
            text(
                paragraphs("You can ask us to:"),
                bullets(
                    [
                        "give you a copy of the information we hold about you",
                        "correct information that is wrong",
                        "delete your information, or limit how we use it, in some cases",
                        "stop using your information, if you object to how we use it",
                    ]
                ),
                paragraphs(
                    f"To use any of these rights, contact {contacts}. We will reply within one "
                    "month.",
                ),
            ),
            heading("How to complain"),
            text(
                paragraphs(
                    "If you are unhappy with how we have used your information, please tell us "
                    "first. You can also complain to the Information Commissioner's Office "
                    "(ICO), the UK's independent regulator for data protection:",
                ),
                bullets(
                    [
                        'website: <a href="https://ico.org.uk/make-a-complaint/">'
                        "ico.org.uk/make-a-complaint</a>",
                        "helpline: 0303 123 1113",
                        "address: Information Commissioner's Office, Wycliffe House, Water "
                        "Lane, Wilmslow, Cheshire, SK9 5AF",
                    ]
                ),
            ),
            heading("Cookies"),
            text(
                paragraphs("This website uses only two cookies. Both are essential:"),
                bullets(
                    [
                        "a session cookie (sessionid), which remembers your answers while you "
                        "fill in a form",
                        "a security cookie (csrftoken), which stops other websites sending "
                        "forms in your name. This is known as cross-site request forgery "
                        "(CSRF) protection",
                    ]
                ),
                paragraphs(
                    "We do not use analytics or advertising cookies, so we do not ask for your "
                    "consent to set cookies."
                ),
            ),
            heading("Changes to this notice"),
            text(paragraphs(f"We last updated this notice on {WRITTEN_ON_TEXT}.")),
        ],
    }


PAGE = PageSpec(
    model=PrivacyNoticePage,
    slug="privacy-notice",
    title="Privacy notice",
    build=build,
)
