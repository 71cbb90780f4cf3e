"""The news section, and the Pendle story rewritten from the seed news item."""

from ..models import NewsIndexPage, NewsPage
from .dates import WRITTEN_ON
from .markup import bullets, heading, paragraphs, text
from .spec import Links, PageSpec
from .sub_group import PENDLE_PROJECTS


def build_index(links: Links) -> dict:
    """The news index page's fields."""
    return {
        "intro": paragraphs(
            "News about Prevention and Early Intervention (PEI) in Lancashire's districts, "
            "including joint training and awareness events."
        )
    }


def build_story(links: Links) -> dict:
    """The Pendle story's fields."""
    gap = links.a("gap-in-service", "fill in a Gap in Service form")
    contacts = links.a("contacts", "Find your EIDO")
    return {
        # The source story carries no date; see dates.py for why this one is fixed.
        "date": WRITTEN_ON,
        "summary": (
            "How Pendle's Resource Panel and Sub Group meet families' unmet needs, from small "
            "purchases that make a big difference to three new local projects."
        ),
        "body": [
            text(
                paragraphs(
                    "Early support and intervention in Lancashire is for families with "
                    "additional needs at Level 2 of the Continuum of Need. Groups and panels "
                    "from many agencies meet regularly to tackle needs found through a holistic "
                    "assessment, such as the Common Assessment Framework (CAF).",
                )
            ),
            heading("The Resource Panel"),
            text(
                paragraphs(
                    "In Pendle, early support starts with the Resource Panel. It meets every "
                    "month. Its members are managers from a range of services.",
                    "The Lead Professional (LP) reports a need to the panel on a Gap in Service "
                    "form. The LP, or someone representing them, then attends the panel, so "
                    "that members can ask questions and explore every option.",
                    "The process is completely anonymous. The panel never learns who the child, "
                    "young person or family is.",
                )
            ),
            heading("Small purchases that make a difference"),
            text(
                paragraphs(
                    "The panel holds a budget. If there is no suitable alternative, it can buy "
                    "a service or equipment for the child, young person and their family, up to "
                    "£500.",
                    "A gap in services does not have to be a big one. Often the smallest "
                    "purchase makes the difference. So far the panel has:",
                ),
                bullets(
                    [
                        "paid transport costs",
                        "bought car seats for a service that supports families",
                        "paid nursery fees for a family who had been through a sudden, "
                        "traumatic event, giving them time to deal with practical matters",
                    ]
                ),
            ),
            heading("When the panel cannot help"),
            text(
                paragraphs(
                    "When the panel cannot meet a need straight away, or with the resources it "
                    "has, it passes the theme up to the Sub Group. The Sub Group's members are "
                    "more senior. They decide whether their organisations can respond.",
                    "If they cannot, the matter goes to the Pendle Children and Young People's "
                    "Trust Board. The evidence comes from real cases in Pendle, so the Board can "
                    "act with confidence on what the panel and Sub Group recommend, and put "
                    "resources where they are needed.",
                )
            ),
            heading("Three new projects"),
            text(
                paragraphs(
                    "Each response is agreed with a provider under a Service Level Agreement, "
                    "which sets outcomes that are closely monitored. Three small grant-funded "
                    "projects are now running in Pendle:",
                ),
                bullets(PENDLE_PROJECTS),
            ),
            heading("Measuring the impact"),
            text(
                paragraphs(
                    "The local priorities in the Children and Young People's Plan guide all "
                    "early support and intervention work. The outcomes monitored include:",
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
                    "Monitoring is not limited to these. The impact will be evaluated at the end "
                    "of the year, to give the Trust evidence for future decisions.",
                    "Children, young people and families give their views early in the "
                    "assessment, and the help they get responds to what they say.",
                ),
            ),
            heading("If you work with families"),
            text(
                paragraphs(
                    "If you work with a family whose additional needs cannot be met in the usual "
                    f"way, {gap} and send it to your district's Early Intervention Development "
                    f"Officer (EIDO). {contacts}.",
                )
            ),
        ],
    }


INDEX = PageSpec(
    model=NewsIndexPage,
    slug="news",
    title="News",
    build=build_index,
    show_in_menus=True,
)

STORY = PageSpec(
    model=NewsPage,
    slug="early-support-in-pendle",
    title="Early support and intervention in Pendle",
    build=build_story,
    parent="news",
)
