"""The accessibility statement, in the structure of GOV.UK's model statement.

It says honestly what has and has not been tested: automated checks on every page, and no
manual audit yet.
"""

from ..models import AccessibilityStatementPage
from .dates import WRITTEN_ON_TEXT
from .markup import bullets, heading, paragraphs, subheading, text
from .spec import Links, PageSpec

REGULATIONS = (
    "Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018"
)


def build(links: Links) -> dict:
    """The page's fields."""
    contacts = links.a(
        "contacts", "your district's Early Intervention Development Officer (EIDO) team"
    )
    contacts_again = links.a("contacts", "contact your district's EIDO team")
    return {
        "summary": (
            "How accessible this website is, what to do if you have a problem using it, and how "
            "we test it."
        ),
        "body": [
            text(
                paragraphs(
                    "This statement applies to the Prevention and Early Intervention (PEI) in "
                    "Lancashire website. The website publishes the PEI guidance for "
                    "practitioners who work with children, young people and families."
                )
            ),
            heading("Using this website"),
            text(
                paragraphs(
                    "We want as many people as possible to be able to use this website. For "
                    "example, you should be able to:"
                ),
                bullets(
                    [
                        "change colours, contrast and fonts using your browser or device settings",
                        "zoom in up to 400% without text spilling off the screen",
                        "get around the website using only a keyboard",
                        "get around the website using speech recognition software",
                        "listen to the website using a screen reader, such as JAWS, NVDA or "
                        "VoiceOver",
                    ]
                ),
                paragraphs(
                    "We have also written the text to be as simple to understand as we can.",
                    '<a href="https://mcmw.abilitynet.org.uk/">AbilityNet</a> has advice on '
                    "making your device easier to use if you have a disability.",
                ),
            ),
            heading("How accessible this website is"),
            text(
                paragraphs(
                    "We built this website to meet the Web Content Accessibility Guidelines "
                    "(WCAG) version 2.2 at level AA. We do not know of any part of it that "
                    "fails to meet that standard.",
                    "However, we have only tested it with automated tools so far. Automated "
                    "tools cannot find every problem, so some may remain. If you find one, "
                    "please tell us.",
                )
            ),
            heading("Feedback and contact information"),
            text(
                paragraphs(
                    "If you need information on this website in a different format, such as "
                    "large print, easy read, audio or braille, contact "
                    f"{contacts}. Tell us what you need and how you would like us to reply.",
                    "We aim to reply within 10 working days.",
                )
            ),
            heading("Reporting accessibility problems with this website"),
            text(
                paragraphs(
                    "We are always looking to improve the accessibility of this website. If you "
                    "find a problem that is not listed on this page, or you think we are not "
                    f"meeting accessibility requirements, {contacts_again}.",
                )
            ),
            heading("Enforcement procedure"),
            text(
                paragraphs(
                    "The Equality and Human Rights Commission (EHRC) is responsible for "
                    f"enforcing the {REGULATIONS} (the accessibility regulations).",
                    "If you are not happy with how we respond to your complaint, contact the "
                    '<a href="https://www.equalityadvisoryservice.com/">Equality Advisory and '
                    "Support Service (EASS)</a>.",
                )
            ),
            heading("Technical information about this website's accessibility"),
            text(
                paragraphs(
                    "We are committed to making this website accessible, in line with the "
                    f"{REGULATIONS}.",
                )
            ),
            subheading("Compliance status"),
            text(
                paragraphs(
                    "This website is partially compliant with the Web Content Accessibility "
                    "Guidelines version 2.2 AA standard. Our automated tests find no failures "
                    "on any page. We describe it as partially compliant because it has not yet "
                    "had a manual audit, which is needed to check what automated tools cannot.",
                )
            ),
            heading("How we tested this website"),
            text(
                paragraphs(
                    "Every page is tested automatically each time the website changes. We use:"
                ),
                bullets(
                    [
                        "axe-core, which checks each page against the WCAG 2.2 A and AA rules in "
                        "a Chromium web browser",
                        "the Nu HTML Checker, which checks that each page's code is valid HTML",
                    ]
                ),
                paragraphs(
                    "The website has not yet been audited by an accessibility specialist, or "
                    "tested by people who use assistive technology."
                ),
            ),
            heading("What we are doing to improve accessibility"),
            text(
                paragraphs(
                    "We will arrange a manual audit of the website against WCAG 2.2 AA, and "
                    "update this statement with what it finds and how we will fix it.",
                )
            ),
            heading("Preparation of this accessibility statement"),
            text(
                paragraphs(
                    f"This statement was prepared on {WRITTEN_ON_TEXT}. It was last reviewed on "
                    f"{WRITTEN_ON_TEXT}.",
                    "The website is tested automatically every time it changes.",
                )
            ),
        ],
    }


PAGE = PageSpec(
    model=AccessibilityStatementPage,
    slug="accessibility-statement",
    title="Accessibility statement",
    build=build,
)
