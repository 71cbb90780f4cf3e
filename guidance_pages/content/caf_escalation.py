"""How to escalate a problem with a Common Assessment Framework (CAF) to the Sub Group."""

from ..models import GuidancePage
from .markup import bullets, call_to_action, heading, paragraphs, steps, text, warning
from .spec import Links, PageSpec

# The kinds of problem the CAF escalation form offers, in the order the form lists them.
PROBLEMS = [
    "an agency is not taking part in the CAF or the Team Around the Child (TAC)",
    "nobody has agreed to be the Lead Professional (LP), who coordinates the TAC",
    "agencies disagree about what the family needs or who should do what",
    "agencies disagree about thresholds when a case steps up to, or down from, statutory services",
    "a service is slow to respond",
    "something in the CAF process itself is not working, beyond a single case",
    "a workforce or training issue, such as practitioners not knowing how to use the CAF",
    "another problem with the CAF that stops you meeting a family's needs",
]


def build(links: Links) -> dict:
    """The page's fields."""
    sub_group = links.a("sub-group", "Prevention and Early Intervention (PEI) Sub Group")
    gap = links.a("gap-in-service", "report a gap in services")
    privacy = links.a("privacy-notice", "Our privacy notice")
    contacts = links.a("contacts", "Find your district's EIDO on the contacts page")
    return {
        "summary": (
            "How to raise a problem with a Common Assessment Framework (CAF) that you cannot "
            "resolve with the other practitioners involved."
        ),
        "body": [
            text(
                paragraphs(
                    "Use the CAF escalation form when a problem with a Common Assessment "
                    "Framework (CAF) stops you meeting a family's needs, and you cannot resolve "
                    "it yourself.",
                    "The form goes to your district's Early Intervention Development Officer "
                    f"(EIDO), who brings it to the {sub_group}.",
                    f"If you cannot find a service to meet a need, {gap} instead.",
                )
            ),
            heading("Before you escalate"),
            text(
                paragraphs(
                    "Try to resolve the problem at practitioner level first. For example, talk "
                    "to the other practitioners involved and their managers, and discuss it "
                    "with the Team Around the Child (TAC).",
                    "The form asks what you have already tried. Escalation comes after those "
                    "steps, not instead of them.",
                )
            ),
            heading("Problems you can escalate"),
            text(paragraphs("You can use the form when:"), bullets(PROBLEMS)),
            heading("What happens after you send it"),
            steps(
                "",
                [
                    (
                        "Your EIDO receives it",
                        paragraphs(
                            "Send the form to your district's EIDO before the Sub Group meets. "
                            "The EIDO may ask you for more information."
                        ),
                    ),
                    (
                        "The Sub Group considers it",
                        paragraphs(
                            "The PEI Sub Group is the point of escalation for CAF issues in "
                            "your district. It took over this role from the group previously "
                            "known as the DIWP. Its members can act on barriers to joined-up "
                            "working that practitioners cannot resolve."
                        ),
                    ),
                    (
                        "County issues go to the county CAF group",
                        paragraphs(
                            "If the problem affects the CAF across Lancashire, the Sub Group "
                            "shares it with the county CAF and Information Sharing and "
                            "Assessment (ISA) steering group. It may also tell the Children's "
                            "Trust Board about barriers that affect the whole county."
                        ),
                    ),
                ],
            ),
            heading("Keep the form anonymous"),
            warning(
                "Do not put anything on the form that could identify the child, young person "
                "or family, such as a name, date of birth, address, postcode or school."
            ),
            text(
                paragraphs(
                    "Describe the problem between agencies, not the family's story. The form "
                    f"asks for your own contact details so the EIDO can reach you. {privacy} "
                    "explains how we use them.",
                )
            ),
            heading("How to send the form"),
            text(
                paragraphs(
                    "Fill in the form online. It goes straight to the EIDO team for your "
                    f"district, and you get a reference and a link to follow it. {contacts}.",
                )
            ),
            call_to_action(
                "Escalate a CAF problem",
                "It takes about 15 minutes. You can check your answers before you send them.",
                links.id("escalate-a-caf-problem"),
                "Start now",
            ),
        ],
    }


PAGE = PageSpec(
    model=GuidancePage,
    slug="caf-escalation",
    title="When to escalate a CAF problem",
    build=build,
    show_in_menus=True,
)
