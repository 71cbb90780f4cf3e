"""When and how to report a gap in services: the six routes, two examples and what follows."""

from ..models import GuidancePage
from .markup import (
    bullets,
    call_to_action,
    heading,
    paragraphs,
    steps,
    subheading,
    text,
    warning,
    who_can_use,
)
from .spec import Links, PageSpec

# The six situations in which the guidance says a practitioner may use the form. The online
# form (a later page) asks the practitioner to pick one of these.
ROUTES = [
    "You have completed a Common Assessment Framework (CAF) assessment and, after talking to "
    "the Team Around the Child (TAC) where appropriate, you do not know how to meet the needs "
    "you found.",
    "You met the needs, but not in the best way. For example, you could not get the service "
    "you wanted.",
    "A child or family is stepping down from a statutory service because the assessment did "
    "not meet the threshold for children's social care, but needs remain that could lead to "
    "another referral.",
    "A child or family is stepping down from statutory services at the end of a court order, "
    "and has unmet needs that the TAC cannot resolve.",
    "You work outside children's services, for example in adult services, and you know of "
    "young people's unmet needs that call for a coordinated response.",
    "You run a separate piece of work, such as a local project or a community consultation, "
    "and have found gaps in what is available.",
]


def build(links: Links) -> dict:
    """The page's fields."""
    panel = links.a("resource-panel", "Prevention and Early Intervention (PEI) Resource Panel")
    privacy = links.a("privacy-notice", "Our privacy notice")
    flowchart = links.a("flowchart", "the PEI process flowchart")
    contacts = links.a("contacts", "Find your district's EIDO on the contacts page")
    caf = links.a("caf-escalation", "escalate a CAF problem")
    directory = links.a("service-directory", "service directory")
    return {
        "summary": (
            "When to use the Gap in Service form, what happens after you send it, and how to "
            "keep it anonymous."
        ),
        "body": [
            text(
                paragraphs(
                    "Use the Gap in Service form to tell your district's "
                    f"{panel} about a family's need that you cannot meet. The panel is a group "
                    "of managers from different agencies who look for ways to meet needs.",
                    "The form goes to your district's Early Intervention Development Officer "
                    "(EIDO), who brings it to the panel.",
                )
            ),
            heading("When to use the form"),
            who_can_use(
                "Who can use the form",
                "You can use the form if you are a practitioner and one of these applies:",
                ROUTES,
            ),
            text(
                paragraphs(
                    "If your problem is with the CAF process itself, for example an agency is "
                    f"not taking part, {caf} instead.",
                    f"Before you send the form, check the {directory}. A local service may "
                    "already meet the need.",
                )
            ),
            heading("Examples"),
            subheading("Example 1: bereavement counselling"),
            text(
                paragraphs(
                    "A teacher completes a CAF assessment with a family. They agree that a young "
                    "person needs bereavement counselling. The teacher does not know whether "
                    "it is available locally, or where.",
                    "The teacher sends a Gap in Service form to the EIDO, who brings it to the "
                    "Resource Panel. What could happen next:",
                ),
                bullets(
                    [
                        "There is a service, but the teacher did not know about it. The panel "
                        "tells the teacher. If this has happened before, the EIDO tells the "
                        "bereavement counselling service it needs to publicise itself better.",
                        "A specialist service is not needed. The panel suggests using skills "
                        "its members' services already have, or resources such as worksheets.",
                        "The panel finds a suitable service, but it has a waiting list. If this "
                        "keeps happening, the EIDO reports it to the Sub Group.",
                    ]
                ),
            ),
            subheading("Example 2: activities for young people in a neighbourhood"),
            text(
                paragraphs(
                    "The leader of a residents group runs a consultation. Young people say they "
                    "want more diversionary activities: positive things to do that keep them "
                    "away from trouble. The leader wants to work with other services but does "
                    "not know where to start.",
                    "They fill in a Gap in Service form and send it to the EIDO for the panel "
                    "to discuss. What could happen next:",
                ),
                bullets(
                    [
                        "The panel finds resources that already go into the area, and helps "
                        "people find out about them.",
                        "The panel offers support, such as staff time or resources.",
                        "No support is available. The work clearly helps meet the district's "
                        "aims, so the money or staff it needs are raised with the Sub Group.",
                    ]
                ),
            ),
            heading("Keep the form anonymous"),
            warning(
                "Do not put anything on the form that could identify the child, young person "
                "or family, such as a name, date of birth, address, postcode or school."
            ),
            text(
                paragraphs(
                    "The form asks for your own name and contact details, so that the EIDO can "
                    f"reach you. {privacy} explains how we use them.",
                )
            ),
            heading("What happens after you send it"),
            steps(
                "Your form can go through up to four stages.",
                [
                    (
                        "Your district's EIDO reviews it",
                        paragraphs(
                            "The EIDO checks the form. They may ask you for more information, "
                            "or point you to a service that already meets the need."
                        ),
                    ),
                    (
                        "The Resource Panel discusses it",
                        paragraphs(
                            "The EIDO adds it to the panel's agenda. You, or someone "
                            "representing you, attend so that the panel can ask questions. The "
                            "panel may find a service, offer skills or resources, or buy a "
                            "service or item costing up to £500."
                        ),
                    ),
                    (
                        "The Sub Group considers it",
                        paragraphs(
                            "If the panel cannot meet the need, or the same gap keeps coming "
                            "up, the EIDO takes it to the PEI Sub Group. Its members can align "
                            "budgets and change staff time across agencies."
                        ),
                    ),
                    (
                        "The Children's Trust Board hears about it",
                        paragraphs(
                            "If the Sub Group cannot resolve it, or it may affect the whole "
                            "county, the Sub Group tells the Children's Trust Board."
                        ),
                    ),
                ],
            ),
            text(paragraphs(f"You can see the whole path in {flowchart}.")),
            heading("How to send the form"),
            text(
                paragraphs(
                    "Fill in the form online. It goes straight to the EIDO team for your "
                    f"district, and you get a reference and a link to follow it. {contacts}.",
                )
            ),
            call_to_action(
                "Report a gap in services",
                "It takes about 15 minutes. You can check your answers before you send them.",
                links.id("report-a-gap"),
                "Start now",
            ),
        ],
    }


PAGE = PageSpec(
    model=GuidancePage,
    slug="gap-in-service",
    title="When to use the Gap in Service form",
    build=build,
    show_in_menus=True,
)
