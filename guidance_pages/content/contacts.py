"""The contacts page, and the example EIDO contact for each district.

The districts come from the database: this module says how to make a contact for any
district, never which districts there are.
"""

from ..models import ContactsPage
from .markup import paragraphs
from .spec import Links, PageSpec

OFFICE_HOURS = "Monday to Friday, 9am to 5pm"


def example_contact(district) -> dict:
    """The example contact fields for a district, until editors put in the real ones.

    The email domain example.org is reserved for documentation (RFC 2606), and 01632 960000 to
    960999 is the range Ofcom keeps for drama, so neither reaches a real person.
    """
    return {
        "team_name": f"{district.name} Early Intervention team",
        "email": f"eido.{district.slug}@example.org",
        "phone": f"01632 960{district.pk % 1000:03d}",
        "office_hours": OFFICE_HOURS,
    }


def build(links: Links) -> dict:
    """The page's fields."""
    gap = links.a("gap-in-service", "Gap in Service form")
    caf = links.a("caf-escalation", "CAF escalation form")
    return {
        "summary": (
            "How to contact the Early Intervention Development Officer (EIDO) team in each of "
            "Lancashire's 12 districts."
        ),
        "intro": paragraphs(
            "Each district has an Early Intervention Development Officer (EIDO). Send your "
            f"{gap} or {caf} to the EIDO team for your district.",
            "Your EIDO can also tell you when the Resource Panel and Sub Group meet, and help "
            "you fill in a form.",
            "<strong>These contact details are examples.</strong> The email addresses end in "
            "example.org and the phone numbers are from a range kept for fiction, so they do not "
            "reach anyone yet. We will replace them with each team's real details.",
        ),
    }


PAGE = PageSpec(
    model=ContactsPage,
    slug="contacts",
    title="Who to contact",
    build=build,
    show_in_menus=True,
)
