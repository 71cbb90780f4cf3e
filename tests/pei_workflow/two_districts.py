"""Pendle's and Burnley's casework side by side, each record with words found nowhere else, so
that a page can be searched for anything of the district its reader may not see."""

import datetime
import html
from dataclasses import dataclass, field

from django.utils import timezone
from wagtail.log_actions import log

from pei_workflow import services
from pei_workflow.services import grant_role
from pei_workflow.tokens import issue_status_token
from tests.factories import (
    ApproverFactory,
    EditorFactory,
    UserFactory,
    admin_county_lead,
    admin_eido,
    admin_panel_member,
    budget,
    district,
    listed_member,
    priority,
    service,
    submitted_caf,
    submitted_gap,
)
from tests.factories_projects import monitoring_return, project

# Words each district's records use and no other record does.
WORDS = {
    "PEN": {
        "location": "Nelson Town Hall",
        "member": "Jo Price",
        "service": "Pendle Play Rangers",
        "priority": "Pendle emotional health",
        "unmet_need": "Swimming lessons for a young carer who has never been taught.",
        "issue": "The housing service has missed four Team Around the Family reviews.",
        "meeting_notes": "Agreed to look at the swimming pool timetable first.",
        "project": "Colne Canal Boat Club",
        "provider": "Leeds and Liverpool Boating Trust",
        "outcome": "Young people who steer a narrowboat",
        "narrative": "The boat was out on nine Saturdays and the lock keeper helped twice.",
        "template": "Towpath walk question",
    },
    "BUR": {
        "location": "Burnley Mechanics Institute",
        "member": "Morgan Whitaker",
        "service": "Burnley Young Carers",
        "priority": "Burnley school readiness",
        "unmet_need": "Speech and language sessions for a pre-schooler on a long wait.",
        "issue": "The transport team will not fund a taxi to the respite placement.",
        "meeting_notes": "Asked the speech therapy lead to come to the next panel.",
        "project": "Padiham Bike Library",
        "provider": "Towneley Cycle Workshop",
        "outcome": "Families lent a cargo bike",
        "narrative": "Thirty bikes went out and a puncture clinic ran every Tuesday.",
        "template": "Weavers Triangle question",
    },
}


@dataclass
class DistrictCasework:
    code: str
    records: dict = field(default_factory=dict)
    token: str = ""

    def secrets(self) -> list[str]:
        """What must never show to someone who may not see this district."""
        return [
            *WORDS[self.code].values(),
            self.records["gap"].reference,
            self.records["caf"].reference,
            str(self.records["meeting"]),
            self.records["person"].username,
        ]


def build_district(code: str, lead) -> DistrictCasework:
    words = WORDS[code]
    meeting = services.save_meeting(
        actor=lead,
        district=district(code),
        kind="resource_panel",
        date=timezone.localdate() + datetime.timedelta(days=14),
        location=words["location"],
        notes=words["meeting_notes"],
    )
    gap = submitted_gap(code, unmet_need=words["unmet_need"])
    commissioned = project(
        code,
        actor=lead,
        name=words["project"],
        provider=words["provider"],
        outcomes=[(words["outcome"], 20, "")],
    )
    commissioned.gaps.add(gap)
    made = DistrictCasework(
        code=code,
        records={
            "meeting": meeting,
            "member": listed_member(code, name=words["member"]),
            "service": service(code, name=words["service"]),
            "priority": priority(code, title=words["priority"]),
            "budget": budget(code),
            "district": district(code),
            "gap": gap,
            "caf": submitted_caf(code, issue=words["issue"]),
            "project": commissioned,
            "return": monitoring_return(
                commissioned, [9], narrative=words["narrative"], actor=lead
            ),
            "template": services.save_message_template(
                actor=lead,
                district=district(code),
                step="request_information",
                name=words["template"],
                body="Which services have you asked about {reference}?",
            ),
        },
    )
    for name, record in made.records.items():
        if name not in ("meeting", "project", "return", "template"):
            log(instance=record, action="wagtail.edit", user=lead)
    person = UserFactory(username=f"new-eido-{code.lower()}@example.org")
    grant_role(actor=lead, role="eido", user=person, districts=[district(code)])
    made.records["person"] = person
    made.token = issue_status_token(gap)
    return made


def build_two_districts() -> dict:
    """Both districts' casework, made by a county lead, and a person in every role."""
    lead = admin_county_lead(username="cara.lead@example.org")
    world = {code: build_district(code, lead) for code in ("PEN", "BUR")}
    world["people"] = {
        "editor": EditorFactory(username="ed.itor@example.org"),
        "approver": ApproverFactory(username="ap.prover@example.org"),
        "pendle_eido": admin_eido("PEN", username="pen.eido@example.org"),
        "burnley_eido": admin_eido("BUR", username="bur.eido@example.org"),
        "pendle_panel_member": admin_panel_member("PEN", username="pen.panel@example.org"),
        "county_lead": lead,
    }
    return world


def readable(response) -> str:
    """The page as a person reads it (entities such as &#x27; unescaped)."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return html.unescape(body.decode("utf-8", errors="replace"))
