"""The home page: what PEI is, the two ways in, and how the process works."""

from ..models import HomePage
from .markup import call_to_action, heading, paragraphs, text
from .spec import Links, PageSpec

TITLE = "Prevention and Early Intervention in Lancashire"


def build(links: Links) -> dict:
    """The home page's fields."""
    find_eido = links.a("contacts", "find your district's EIDO")
    return {
        "intro": paragraphs(
            "Prevention and Early Intervention (PEI) is how services in Lancashire work together "
            "to help families early, before problems grow.",
            "It is for children, young people and families with additional needs at Level 2 of "
            "the Continuum of Need. Their needs are real, but they do not meet the threshold for "
            "statutory services such as children's social care.",
        ),
        "calls_to_action": [
            call_to_action(
                "Report a gap in services",
                "Tell your district's PEI Resource Panel about a family's need that you cannot "
                "meet through the usual services.",
                links.id("report-a-gap"),
                "Report a gap in services",
            ),
            call_to_action(
                "Escalate a CAF problem",
                "Raise a problem with a Common Assessment Framework (CAF) that you could not "
                "sort out with the other practitioners involved.",
                links.id("escalate-a-caf-problem"),
                "Escalate a CAF problem",
            ),
        ],
        "body": [
            heading("How it works"),
            text(
                paragraphs(
                    "Each of Lancashire's 12 districts has a PEI Resource Panel and a PEI Sub "
                    "Group. An Early Intervention Development Officer (EIDO) links the two.",
                    "If you have assessed a family's needs and cannot find a way to meet them, "
                    "send a Gap in Service form to your district's EIDO. The Resource Panel, a "
                    "group of managers from different agencies, then looks for a way to meet the "
                    "need. If nothing else fits, it can buy a service or item, up to £500 for "
                    "each case.",
                    "Needs the panel cannot meet go to the Sub Group, which can share budgets and "
                    "staff time between agencies. Issues that affect the whole county go to the "
                    "Children's Trust Board.",
                    "You never name the child, young person or family. The whole process is "
                    "anonymous.",
                    "Before you report a gap, check the "
                    f"{links.a('service-directory', 'service directory')} for a local service "
                    "that can meet the need.",
                    f"Find out {links.a('about-pei', 'why the PEI arrangements exist')}, see "
                    f"{links.a('flowchart', 'the whole process as a flowchart')}, or "
                    f"{find_eido}.",
                )
            ),
        ],
    }


PAGE = PageSpec(model=HomePage, slug="pei-home", title=TITLE, build=build)
