"""Why the PEI arrangements exist: the strategy, the shared ambitions and the structure."""

from ..models import GuidancePage
from .markup import bullets, heading, paragraphs, text
from .spec import Links, PageSpec


def build(links: Links) -> dict:
    """The page's fields."""
    return {
        "summary": (
            "Why every Lancashire district has a PEI Resource Panel and a PEI Sub Group, and "
            "what they are trying to achieve."
        ),
        "body": [
            heading("The Lancashire strategy"),
            text(
                paragraphs(
                    "Lancashire has a county-wide strategy for Prevention and Early Intervention "
                    "(PEI). It has been approved at county level. The Resource Panels and Sub "
                    "Groups described in this guidance are how each district puts it into "
                    "practice.",
                    "The aim is to meet the needs of children, young people, families and "
                    "communities as early as possible. That means changing how services are "
                    "designed and delivered, not just adding new ones. Help that comes early "
                    "should, in time, mean fewer families need specialist services.",
                    "The arrangements are the early intervention part of the work towards the key "
                    "principles in the Children and Young People's Plan (CYPP). They also help "
                    "to renew the Common Assessment Framework (CAF) as the way to record "
                    "evidence of a young person's unmet needs.",
                )
            ),
            heading("Working with what already exists"),
            text(
                paragraphs(
                    "The panels and sub groups do not copy groups or processes that already "
                    "exist. They are there to help services change, and to meet needs more "
                    "effectively.",
                    "They only work if districts stop running many separate meetings between "
                    "agencies. Partners commit to one joined-up approach, and that can mean "
                    "closing other forums.",
                    "No panel or sub group should add to the number of meetings people attend.",
                )
            ),
            heading("What we are working towards"),
            text(
                paragraphs("Every panel and sub group works towards shared:"),
                bullets(
                    [
                        "locations, so that services work from the same places",
                        "information, so that agencies know what is needed and what is available",
                        "ownership, so that agencies take responsibility for needs together",
                        "pathways, so that families reach help by the same routes, wherever "
                        "they start",
                        "commissioning and delivery, so that agencies plan, buy and run "
                        "services together",
                    ]
                ),
            ),
            heading("How it is organised"),
            text(
                paragraphs("Each of Lancashire's 12 districts has:"),
                bullets(
                    [
                        f"a {links.a('resource-panel', 'PEI Resource Panel')}, which finds "
                        "practical ways to meet the needs that practitioners report",
                        f"a {links.a('sub-group', 'PEI Sub Group')} of the local Children and "
                        "Young People's Trust partnership, which deals with what the panel "
                        "cannot resolve",
                    ]
                ),
                paragraphs(
                    "An Early Intervention Development Officer (EIDO) links the two groups. "
                    f"{links.a('contacts', 'Find the EIDO for your district')}.",
                    f"{links.a('information-flows', 'See how information moves between them')}.",
                ),
            ),
            heading("Why every district works the same way"),
            text(
                paragraphs(
                    "Using the same structure in every district means families get a similar "
                    "experience wherever they live in Lancashire. It also lets districts share "
                    "how they monitor and evaluate their work.",
                    "Within that structure, each district responds to its own needs. Its panel "
                    "and Sub Group start from the district's own priorities in the CYPP.",
                )
            ),
        ],
    }


PAGE = PageSpec(
    model=GuidancePage,
    slug="about-pei",
    title="Why the PEI arrangements exist",
    build=build,
    show_in_menus=True,
)
