"""The PEI Resource Panel: what it is for, how to reach it, and what it can buy."""

from ..models import GuidancePage
from .markup import bullets, heading, paragraphs, subheading, text, warning
from .spec import Links, PageSpec


def build(links: Links) -> dict:
    """The page's fields."""
    gap_page = links.a("gap-in-service", "when you can use the Gap in Service form")
    find_eido = links.a("contacts", "Find your district's EIDO")
    sub_group = links.a("sub-group", "PEI Sub Group")
    directory = links.a("service-directory", "service directory")
    return {
        "summary": (
            "What your district's PEI Resource Panel does, how to bring a need to it, and what "
            "it can buy when nothing else fits."
        ),
        "body": [
            heading("What the panel is for"),
            text(
                paragraphs(
                    "Every district in Lancashire has a Prevention and Early Intervention (PEI) "
                    "Resource Panel. It usually meets once a month. Its members are managers "
                    "from a range of agencies.",
                    "The panel has four jobs.",
                ),
                bullets(
                    [
                        "<strong>A one-stop shop.</strong> It tells you how a need you have "
                        "identified can be met, using what its members know about local "
                        "services, and by sharing skills and resources.",
                        "<strong>A place for new ideas.</strong> It discusses new ways to meet "
                        "needs, such as joint working, integrated approaches, shared systems, "
                        "and research and models that have worked elsewhere.",
                        "<strong>Workforce development.</strong> It helps staff in the district "
                        "learn, for example through joint training and awareness events that "
                        "build the skills of services working at Levels 1 and 2 of the "
                        "Continuum of Need.",
                        "<strong>The first point of escalation.</strong> It is where you first "
                        "take a problem you meet when trying to meet a need in the district.",
                    ]
                ),
            ),
            heading("How to bring a need to the panel"),
            text(
                paragraphs(
                    f"First, check the {directory}: it lists local services the panel knows about.",
                    "If none meets the need, send a Gap in Service form to your district's "
                    f"Early Intervention Development Officer (EIDO). Read {gap_page}. "
                    f"{find_eido}.",
                    "The EIDO adds your case to the panel's agenda. The Lead Professional (LP), "
                    "who coordinates the Team Around the Child (TAC), then attends the meeting. "
                    "If the LP cannot go, someone can represent them. Being there means the "
                    "panel can ask questions and explore every possible solution with you.",
                )
            ),
            warning(
                "Never name or identify the child, young person or family, on the form or at "
                "the panel. The process is anonymous."
            ),
            heading("Buying a service or item"),
            text(
                paragraphs(
                    "The panel holds a budget. When no other suitable option can be found, it "
                    "can buy a service or item to support the child, young person and their "
                    "family. It can spend up to £500 on each case.",
                    "A gap in services is not always a big gap. Often a small purchase makes the "
                    "biggest difference. In Pendle, for example, the panel has paid for:",
                ),
                bullets(
                    [
                        "transport costs",
                        "car seats for a service that supports families",
                        "nursery fees, so that a family who had been through a sudden, "
                        "traumatic event had a break to deal with practical problems",
                    ]
                ),
            ),
            heading("What the panel looks at"),
            text(
                paragraphs(
                    "The panel works from evidence of unmet need. The evidence comes from "
                    "assessments of individual children and families, and from agencies' own "
                    "management information.",
                    "Each panel starts from its district's priorities in the Children and Young "
                    "People's Plan (CYPP). At first, membership can follow those priorities. "
                    "This helps larger organisations decide who should attend, and in what "
                    "role.",
                )
            ),
            subheading("The questions the panel asks"),
            text(
                paragraphs("For each district priority, the panel asks:"),
                bullets(
                    [
                        "What chances are there to step in early?",
                        "Who could offer skills, time, expertise or resources to meet these needs?",
                        "Who else should join the panel, for example from adult services or "
                        "community groups?",
                    ]
                ),
            ),
            heading("What the panel should achieve"),
            text(
                paragraphs("When it works well, the panel gives the district:"),
                bullets(
                    [
                        "clear structures that you reach in the same way anywhere in the county",
                        "members who can help with the district's priorities, and who represent "
                        "whole families, not only children and young people",
                        "a focus on the themes of need in the CYPP, so that services step in "
                        "early and work together",
                    ]
                ),
            ),
            heading("When the panel cannot meet a need"),
            text(
                paragraphs(
                    "If the panel cannot meet a need, or sees the same gap again and again, the "
                    f"EIDO takes it to the {sub_group}. The Sub Group can share budgets and "
                    "staff time between agencies.",
                )
            ),
        ],
    }


PAGE = PageSpec(
    model=GuidancePage,
    slug="resource-panel",
    title="The PEI Resource Panel",
    build=build,
    show_in_menus=True,
)
