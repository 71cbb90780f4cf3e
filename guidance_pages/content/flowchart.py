"""The PEI process as flowchart steps: a gap branch up to the Trust Board, and a CAF branch."""

from ..models import FlowchartPage
from .markup import box, decision, end, paragraphs
from .spec import Links, PageSpec

# Every "next" and "goes to" below names the key of another step. The page's steps field
# checks this, so a typo fails the load rather than leaving a broken arrow.
STEPS = [
    box(
        "identify-need",
        "You identify a need",
        "You work with a child, young person or family with additional needs at Level 2 of the "
        "Continuum of Need. You complete a Common Assessment Framework (CAF) assessment, or "
        "find a need through other work.",
        "gap-or-caf",
    ),
    decision(
        "gap-or-caf",
        "Is it a gap in services or a problem with a CAF?",
        "A gap means you cannot find a way to meet a need. A CAF problem means the process is "
        "stuck, for example because an agency is not taking part.",
        [("A gap in services", "gap-form"), ("A problem with a CAF", "caf-form")],
    ),
    box(
        "gap-form",
        "Send a Gap in Service form to your EIDO",
        "Describe the need without identifying the family. Send the form to your district's "
        "Early Intervention Development Officer (EIDO), who adds it to the panel's agenda.",
        "resource-panel",
    ),
    box(
        "resource-panel",
        "The Resource Panel discusses it",
        "You, or someone representing you, attend. The panel looks for an existing service, "
        "shared skills or resources. If nothing else fits, it can buy a service or item costing "
        "up to £500.",
        "panel-meets-need",
    ),
    decision(
        "panel-meets-need",
        "Can the panel meet the need?",
        "",
        [("Yes", "need-met"), ("No, or the same gap keeps coming up", "sub-group")],
    ),
    end(
        "need-met",
        "The need is met",
        "The panel agrees what will happen. The EIDO records the outcome so that the Sub Group "
        "can see the difference it made.",
    ),
    box(
        "sub-group",
        "The Sub Group considers it",
        "The EIDO reports the gap to the PEI Sub Group. Its members can align budgets, change "
        "staff time or commission a service.",
        "sub-group-resolves",
    ),
    decision(
        "sub-group-resolves",
        "Can the Sub Group resolve it?",
        "",
        [("Yes", "action-agreed"), ("No, or it may affect the whole county", "trust-board")],
    ),
    end(
        "action-agreed",
        "Action is agreed or commissioned",
        "The Sub Group agrees a response. A commissioned service works under a Service Level "
        "Agreement, and its outcomes are monitored.",
    ),
    end(
        "trust-board",
        "The Children's Trust Board considers it",
        "The Sub Group tells the Children's Trust Board. The Board looks at the evidence from the "
        "district and decides whether to put resources in place.",
    ),
    box(
        "caf-form",
        "Send a CAF escalation form to your EIDO",
        "First try to resolve the problem with the practitioners involved. Then send the form "
        "to your EIDO before the Sub Group meets.",
        "caf-sub-group",
    ),
    box(
        "caf-sub-group",
        "The Sub Group considers the CAF problem",
        "The PEI Sub Group is the point of escalation for CAF issues in the district.",
        "caf-county-issue",
    ),
    decision(
        "caf-county-issue",
        "Does the problem affect the CAF across the county?",
        "",
        [("No", "caf-resolved"), ("Yes", "caf-county-group")],
    ),
    end(
        "caf-resolved",
        "The Sub Group deals with it",
        "The Sub Group agrees what the agencies involved will do. The EIDO tells you the outcome.",
    ),
    end(
        "caf-county-group",
        "The county CAF group takes it on",
        "The Sub Group passes it to the county CAF and Information Sharing and Assessment (ISA) "
        "steering group.",
    ),
]


def build(links: Links) -> dict:
    """The page's fields."""
    gap = links.a("gap-in-service", "reporting a gap in services")
    caf = links.a("caf-escalation", "escalating a CAF problem")
    return {
        "summary": (
            "The whole PEI process step by step, from spotting a need to the Children's Trust "
            "Board."
        ),
        "intro": paragraphs(
            "This chart shows what happens when you bring a need or a problem to the Prevention "
            "and Early Intervention (PEI) arrangements. Follow the steps in order. At each "
            "question, choose the answer that fits and go to the step it points to.",
            f"For more detail, read the guidance on {gap} and {caf}.",
        ),
        "steps": STEPS,
    }


PAGE = PageSpec(
    model=FlowchartPage,
    slug="flowchart",
    title="The PEI process flowchart",
    build=build,
    show_in_menus=True,
)
