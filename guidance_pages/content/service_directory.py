"""The service directory page, and the example services it starts with.

The guidance calls the Resource Panel a "one stop shop" for how to meet a need. The directory
puts what the panel knows about local services where practitioners can look first. The
example services are made up, so that the page shows how an entry looks until EIDOs add the
real ones: their names say "Example", their email addresses end in example.org (kept for
documentation by RFC 2606) and their phone numbers are in 01632 960000 to 960999 (kept by
Ofcom for drama), so nobody real is contacted.
"""

from ..models import ServiceDirectoryPage
from .markup import paragraphs
from .spec import Links, PageSpec

SLUG = "service-directory"


def build(links: Links) -> dict:
    """The page's fields."""
    gap = links.a("gap-in-service", "Gap in Service form")
    contacts = links.a("contacts", "your district's EIDO")
    return {
        "summary": (
            "Local services that can meet a child's, young person's or family's needs, by "
            "district and theme. Check here before you report a gap."
        ),
        "intro": paragraphs(
            "Each district's PEI Resource Panel acts as a one stop shop: its members know the "
            "local services that can meet a need. This directory shares what they know.",
            f"<strong>Check the directory before you send a {gap}.</strong> If a service here "
            "can meet the need, contact it directly and follow its referral route. If nothing "
            "fits, or the service cannot help in time, send the form.",
            f"Early Intervention Development Officers (EIDOs) keep the list up to date. If you "
            f"know of a service that is missing or has changed, tell {contacts}.",
            "<strong>The services listed now are examples.</strong> Their email addresses end "
            "in example.org and their phone numbers are from a range kept for fiction, so they "
            "do not reach anyone.",
        ),
    }


PAGE = PageSpec(
    model=ServiceDirectoryPage,
    slug=SLUG,
    title="Service directory",
    build=build,
    # The menu already holds the eight main routes; the directory is linked from the home
    # page and from the Gap in Service and Resource Panel pages, where readers need it.
    show_in_menus=False,
)


# Each example names its districts by code and its themes by the starter theme names (from
# pei_workflow's migrations); a theme that has since been renamed or removed is skipped.
EXAMPLE_SERVICES = [
    {
        "name": "Example Bereavement Counselling Service",
        "districts": ["PEN", "BUR"],
        "themes": ["Bereavement", "Emotional health and wellbeing"],
        "offers": (
            "One-to-one counselling for children and young people who have lost someone close "
            "to them, at school, at home or at the service's centre. Up to 12 sessions."
        ),
        "who_for": "Children and young people aged 5 to 18 who live in Pendle or Burnley.",
        "how_to_refer": (
            "Any professional can refer, with the family's consent. Email the referral form "
            "or phone to talk it through first."
        ),
        "waiting_list": "short",
        "contact_email": "bereavement@example.org",
        "contact_phone": "01632 960101",
        "website": "https://example.org/bereavement",
    },
    {
        "name": "Example Family Transport Scheme",
        "districts": ["PEN", "HYN", "ROS"],
        "themes": ["Transport"],
        "offers": (
            "Volunteer drivers and bus passes so that children, young people and parents can "
            "get to appointments, groups and courses."
        ),
        "who_for": "Families who cannot get to a service because of cost or distance.",
        "how_to_refer": "The Lead Professional phones the scheme to book a journey.",
        "waiting_list": "none",
        "contact_email": "transport@example.org",
        "contact_phone": "01632 960102",
        "website": "",
    },
    {
        "name": "Example Mobile Crèche",
        "districts": ["PEN"],
        "themes": ["Childcare and respite", "English language and learning", "Parenting support"],
        "offers": (
            "A crèche that travels to four children's centres, so that parents can take part "
            "in parenting and English language (ESOL) courses."
        ),
        "who_for": "Parents of children under 5 who are on a course at a children's centre.",
        "how_to_refer": "The course tutor books a place when the parent enrols.",
        "waiting_list": "long",
        "contact_email": "creche@example.org",
        "contact_phone": "",
        "website": "https://example.org/creche",
    },
    {
        "name": "Example Youth Activities Network",
        "districts": ["BUR", "PRE", "LAN"],
        "themes": ["Diversionary activities"],
        "offers": (
            "Free sports, arts and music sessions on weekday evenings and at weekends, with "
            "youth workers on hand."
        ),
        "who_for": "Young people aged 11 to 19.",
        "how_to_refer": (
            "Young people can just turn up. Practitioners can email to arrange a first visit "
            "with a youth worker."
        ),
        "waiting_list": "none",
        "contact_email": "youth@example.org",
        "contact_phone": "01632 960104",
        "website": "",
    },
    {
        "name": "Example Parenting Support Line",
        "districts": ["CHO", "SRI", "WLA"],
        "themes": ["Parenting support"],
        "offers": (
            "Phone and video support for parents, and a 10-week parenting course that runs "
            "each term."
        ),
        "who_for": "Parents and carers of children of any age.",
        "how_to_refer": "Parents can refer themselves. Professionals can refer by email.",
        "waiting_list": "closed",
        "contact_email": "parenting@example.org",
        "contact_phone": "01632 960105",
        "website": "",
    },
]
