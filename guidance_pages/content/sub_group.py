"""The PEI Sub Group: its purposes, its information, its questions and its commissioning."""

from ..models import GuidancePage
from .markup import bullets, heading, numbered, paragraphs, text
from .spec import Links, PageSpec

# The three projects Pendle commissioned through this process, from the Pendle news story.
PENDLE_PROJECTS = [
    "a mobile crèche for four children's centres, so that parents can join, take part in and "
    "finish parenting courses and English for Speakers of Other Languages (ESOL) courses",
    "a similar service so that women can take part in the Freedom and Next Steps programmes "
    "at the women's refuge",
    "more local specialist support through the Lookout programme, for young people affected "
    "by domestic violence",
]


def build(links: Links) -> dict:
    """The page's fields."""
    gap = links.a("gap-in-service", "Gap in Service forms")
    caf = links.a("caf-escalation", "CAF escalation forms")
    story = links.a("early-support-in-pendle", "Read the Pendle story")
    flows = links.a("information-flows", "See how information flows")
    return {
        "summary": (
            "What your district's PEI Sub Group does, where its information comes from, and "
            "how it commissions services."
        ),
        "body": [
            heading("What the Sub Group is for"),
            text(
                paragraphs(
                    "Each district has a Prevention and Early Intervention (PEI) Sub Group. It "
                    "is part of the local Children and Young People's Trust partnership. Its "
                    "members are more senior than the Resource Panel's, and take strategic "
                    "decisions for their agencies.",
                    "The Sub Group:",
                ),
                bullets(
                    [
                        "receives the summary of gaps in service that the Early Intervention "
                        "Development Officer (EIDO) collates from the Resource Panel",
                        "receives monitoring information, through the EIDO, on the difference "
                        "the panel's actions have made",
                        "looks at data from partner agencies with the whole family in mind, and "
                        "uses it to plan work",
                        "monitors and reviews progress against the district's priorities",
                        "shares resources in ways the panel cannot, such as sharing or aligning "
                        "budgets, or changing staff time or duties",
                        "acts on barriers to joined-up working that practitioners cannot resolve",
                        "is the point of escalation for problems with the Common Assessment "
                        "Framework (CAF), a role it took over from the group previously known "
                        "as the DIWP",
                        "tells the Children's Trust Board about barriers or issues that may "
                        "affect the whole county",
                        "shares good practice with the local Trust, which may pass it on to the "
                        "county",
                        "steers early intervention towards the five overarching key principles, "
                        "and makes sure they shape any decision to commission or stop a service",
                    ]
                ),
            ),
            heading("Where its information comes from"),
            text(
                paragraphs("Information reaches the Sub Group in three ways:"),
                numbered(
                    [
                        "from the agencies that sit on it, such as their management information "
                        "and data",
                        f"from the EIDO's report on the {gap} taken to the Resource Panel",
                        f"from {caf}, which practitioners send to the EIDO before the Sub Group "
                        "meets",
                    ]
                ),
                paragraphs(
                    "The EIDO is the link between the panel and the Sub Group. They collate and "
                    "report the information that comes into both groups, apart from the "
                    f"management information agencies bring themselves. {flows}.",
                ),
            ),
            heading("The questions it asks"),
            text(
                paragraphs(
                    "Members steer what is delivered, so that the district can show what its "
                    "spending achieves and how far it has moved towards joined-up working. The "
                    "Sub Group asks:",
                ),
                bullets(
                    [
                        "Does the information show we are meeting needs wherever we can?",
                        "Can we change things so that we do, and move towards more shared "
                        "pathways and systems?",
                        "Are we doing this in the most effective way, by avoiding duplication, "
                        "building staff skills and sharing resources?",
                        "Is there anything to resolve or share at Trust level because it may be "
                        "a county issue?",
                        "Which CAF issues should go to the county CAF and Information Sharing "
                        "and Assessment (ISA) steering group?",
                    ]
                ),
            ),
            heading("Who sits on it"),
            text(
                paragraphs(
                    "Membership reflects the priorities the district is working on. It includes "
                    "key representatives of universal services, the services every family "
                    "uses, such as schools and health services.",
                    "Members should understand their own agency's targets and themes.",
                )
            ),
            heading("Commissioning services"),
            text(
                paragraphs(
                    "When the Sub Group or the Trust Board agrees to fund a response to a need, "
                    "it commissions it from a named provider under a Service Level Agreement. "
                    "The agreement sets the outcomes expected, and these are monitored "
                    "closely.",
                    "In Pendle, three small grant-funded projects started this way:",
                ),
                bullets(PENDLE_PROJECTS),
                paragraphs(f"{story}."),
            ),
            heading("Issues for the whole county"),
            text(
                paragraphs(
                    "If an issue may affect the whole county, or the Sub Group cannot resolve "
                    "it, the Sub Group tells the Children's Trust Board. The evidence comes from "
                    "real cases in the district, so the Board can act on it with confidence.",
                    "CAF issues that affect the whole county go to the county CAF and ISA "
                    "steering group.",
                )
            ),
        ],
    }


PAGE = PageSpec(
    model=GuidancePage,
    slug="sub-group",
    title="The PEI Sub Group",
    build=build,
    show_in_menus=False,  # linked from the guidance; the menu keeps to the main routes
)
