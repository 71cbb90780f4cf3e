"""Useful links: pages on this site, and a few stable public sites."""

from ..models import LinksPage
from .markup import link_group, page_link, paragraphs, web_link
from .spec import Links, PageSpec


def build(links: Links) -> dict:
    """The page's fields."""
    return {
        "summary": "Guidance on this site, and other websites that practitioners find useful.",
        "intro": paragraphs(
            "Links to the PEI guidance on this site, and to other organisations' websites. We "
            "are not responsible for the content of other websites."
        ),
        "groups": [
            link_group(
                "PEI guidance on this site",
                [
                    page_link(
                        "Why the PEI arrangements exist",
                        links.id("about-pei"),
                        "The county strategy and how each district is organised.",
                    ),
                    page_link(
                        "The PEI Resource Panel",
                        links.id("resource-panel"),
                        "What the panel does and what it can buy, up to £500 for each case.",
                    ),
                    page_link(
                        "The PEI Sub Group",
                        links.id("sub-group"),
                        "How the Sub Group deals with needs and problems the panel cannot.",
                    ),
                    page_link(
                        "How information flows",
                        links.id("information-flows"),
                        "What information goes where, and what is never passed on.",
                    ),
                    page_link(
                        "The PEI process flowchart",
                        links.id("flowchart"),
                        "The whole process, step by step.",
                    ),
                ],
            ),
            link_group(
                "Forms and contacts",
                [
                    page_link(
                        "Report a gap in services",
                        links.id("gap-in-service"),
                        "When and how to use the Gap in Service form.",
                    ),
                    page_link(
                        "Escalate a CAF problem",
                        links.id("caf-escalation"),
                        "When and how to use the Common Assessment Framework (CAF) escalation "
                        "form.",
                    ),
                    page_link(
                        "Who to contact",
                        links.id("contacts"),
                        "The Early Intervention Development Officer (EIDO) team for each district.",
                    ),
                ],
            ),
            link_group(
                "Safeguarding and early help",
                [
                    web_link(
                        "Working together to safeguard children (GOV.UK)",
                        "https://www.gov.uk/government/publications/"
                        "working-together-to-safeguard-children--2",
                        "The government's statutory guidance on how agencies work together to "
                        "help and protect children, including early help.",
                    ),
                    web_link(
                        "Lancashire County Council",
                        "https://www.lancashire.gov.uk/",
                        "Council services for children, young people and families in Lancashire.",
                    ),
                    web_link(
                        "Children's Safeguarding Assurance Partnership",
                        "https://www.safeguardingpartnership.org.uk/",
                        "The safeguarding children partnership for Lancashire, with advice and "
                        "training for practitioners.",
                    ),
                    web_link(
                        "Pan-Lancashire safeguarding procedures",
                        "https://panlancashirescb.proceduresonline.com/",
                        "Shared procedures for safeguarding children, including the CAF and "
                        "early help.",
                    ),
                ],
            ),
            link_group(
                "Information and data protection",
                [
                    web_link(
                        "Information Commissioner's Office (ICO)",
                        "https://ico.org.uk/",
                        "The UK regulator for data protection, with guidance on sharing "
                        "information safely.",
                    ),
                    page_link(
                        "Privacy notice",
                        links.id("privacy-notice"),
                        "What our forms collect, why, and how long we keep it.",
                    ),
                ],
            ),
        ],
    }


PAGE = PageSpec(
    model=LinksPage,
    slug="links",
    title="Useful links",
    build=build,
    show_in_menus=True,
)
