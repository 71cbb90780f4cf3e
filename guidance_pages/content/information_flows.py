"""What information goes where: up from the practitioner, and monitoring data back."""

from ..models import GuidancePage
from .markup import bullets, heading, paragraphs, steps, text
from .spec import Links, PageSpec


def build(links: Links) -> dict:
    """The page's fields."""
    gap = links.a("gap-in-service", "Gap in Service form")
    caf = links.a("caf-escalation", "CAF escalation form")
    contacts = links.a("contacts", "Find your district's EIDO")
    privacy = links.a("privacy-notice", "how we use the information on the forms")
    flowchart = links.a("flowchart", "the PEI process flowchart")
    return {
        "summary": (
            "What information goes where in the PEI arrangements, from the practitioner to the "
            "Children's Trust Board, and back again."
        ),
        "body": [
            text(
                paragraphs(
                    "This page explains who passes what to whom in the Prevention and Early "
                    "Intervention (PEI) arrangements. To follow a single case from "
                    f"start to finish, see {flowchart}.",
                )
            ),
            heading("Gaps in services"),
            steps(
                "Information about a gap in services moves up in four steps.",
                [
                    (
                        "From you to the EIDO",
                        paragraphs(
                            f"You send a {gap} to your district's Early Intervention "
                            "Development Officer (EIDO). It describes the need, what you have "
                            "tried and what might help. It never identifies the family."
                        ),
                    ),
                    (
                        "From the EIDO to the Resource Panel",
                        paragraphs(
                            "The EIDO adds the case to the Resource Panel's agenda as an "
                            "anonymous summary."
                        ),
                    ),
                    (
                        "From the Resource Panel to the Sub Group",
                        paragraphs(
                            "The EIDO collates the gaps the panel could not meet, and any "
                            "themes that keep coming up, and reports them to the PEI Sub Group."
                        ),
                    ),
                    (
                        "From the Sub Group to the Children's Trust Board",
                        paragraphs(
                            "The Sub Group tells the Children's Trust Board about barriers and "
                            "issues that may affect the whole county."
                        ),
                    ),
                ],
            ),
            heading("Problems with a CAF"),
            steps(
                "A problem with a Common Assessment Framework (CAF) takes a shorter route.",
                [
                    (
                        "From you to the EIDO",
                        paragraphs(f"You send a {caf} to your EIDO before the Sub Group meets."),
                    ),
                    (
                        "From the EIDO to the Sub Group",
                        paragraphs(
                            "The EIDO brings it to the PEI Sub Group, the point of escalation "
                            "for CAF issues in the district."
                        ),
                    ),
                    (
                        "From the Sub Group to the county CAF group",
                        paragraphs(
                            "CAF issues that affect the whole county go to the county CAF and "
                            "Information Sharing and Assessment (ISA) steering group."
                        ),
                    ),
                ],
            ),
            heading("Monitoring information"),
            text(
                paragraphs(
                    "Information also flows back up. When the panel or the Sub Group arranges "
                    "help, the EIDO collects monitoring information on what difference it made, "
                    "and reports it to the Sub Group. Agencies on the Sub Group also bring their "
                    "own management information and data.",
                    "For a commissioned service, the outcomes monitored can include:",
                ),
                bullets(
                    [
                        "how many children, young people and families take part",
                        "how many of them have a CAF in place",
                        "better attendance and behaviour at school",
                        "how many families benefit",
                    ]
                ),
                paragraphs(
                    "The impact is evaluated at the end of each year. This gives the Trust "
                    "evidence for deciding where to put resources next."
                ),
            ),
            heading("The EIDO's role"),
            text(
                paragraphs(
                    "The EIDO links the Resource Panel and the Sub Group. They collate and "
                    "report on the information that comes into both groups. The only exception "
                    "is the management information that agencies bring to the Sub Group "
                    "themselves.",
                    f"{contacts}.",
                )
            ),
            heading("What is never passed on"),
            text(
                paragraphs(
                    "Nobody in this process needs to know who the child, young person or family "
                    "is. Forms, agendas and reports hold anonymous information about needs, not "
                    f"identities. Read {privacy}.",
                )
            ),
        ],
    }


PAGE = PageSpec(
    model=GuidancePage,
    slug="information-flows",
    title="How information flows",
    build=build,
    show_in_menus=False,  # linked from the guidance; the menu keeps to the main routes
)
