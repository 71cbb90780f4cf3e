import functools
from dataclasses import dataclass

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, LockableMixin, Page, RevisionMixin, WorkflowMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from ..blocks import TEXT_FEATURES
from .base import ReviewableMixin


@register_snippet
class EIDOContact(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, models.Model
):
    """How to reach the Early Intervention Development Officer team for a district.

    Contacts go through the same guidance approval workflow as pages: an editor's change is
    a draft until a guidance approver publishes it, and the contacts page shows live ones.
    """

    district = models.ForeignKey(
        "pei_workflow.District", on_delete=models.PROTECT, related_name="eido_contacts"
    )
    team_name = models.CharField(max_length=120)
    email = models.EmailField()
    phone = models.CharField(max_length=40)
    office_hours = models.CharField(
        max_length=120, help_text="For example: Monday to Friday, 9am to 5pm."
    )

    panels = [
        FieldPanel("district"),
        FieldPanel("team_name"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("office_hours"),
    ]
    search_fields = [
        index.SearchField("team_name"),
        index.AutocompleteField("team_name"),
        index.RelatedFields("district", [index.SearchField("name")]),
    ]

    class Meta:
        ordering = ["district__name", "team_name"]
        verbose_name = "EIDO contact"
        verbose_name_plural = "EIDO contacts"

    def __str__(self) -> str:
        return f"{self.team_name} ({self.district})"


class ContactsPage(ReviewableMixin, Page):
    """Who to contact in each district, grouped by district and searchable on the page."""

    summary = models.CharField(max_length=300, blank=True)
    intro = RichTextField(features=TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("intro")]
    settings_panels = Page.settings_panels + ReviewableMixin.review_panels
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("intro"),
    ]

    parent_page_types = ["guidance_pages.HomePage", "guidance_pages.GuidancePage"]
    subpage_types = []

    class Meta:
        verbose_name = "contacts page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        query = request.GET.get("q", "").strip()[:100]
        context["query"] = query
        # Read when the template first asks: not at all while the list without a search is
        # kept as a part of the page (page_part in the template).
        context["district_groups"] = functools.cache(
            lambda: district_groups(live_contacts(request), query)
        )
        return context


@dataclass(frozen=True)
class ShownContact:
    """What the contacts page shows of a live EIDO contact."""

    district_name: str
    district_slug: str
    district_code: str
    team_name: str
    email: str
    phone: str
    office_hours: str

    def matches(self, query: str) -> bool:
        """Whether a search for `query` finds it: by part of its district's name or team's,
        or by its district's code, in any case."""
        query = query.casefold()
        return (
            query in self.district_name.casefold()
            or query == self.district_code.casefold()
            or query in self.team_name.casefold()
        )


def live_contacts(request) -> tuple[ShownContact, ...]:
    """Every live contact, by district, read once per generation: a contact changed or
    published starts a new one. A search then filters these, with no query of its own."""
    from page_serving.fragments import kept_value

    def read() -> tuple[ShownContact, ...]:
        contacts = EIDOContact.objects.filter(live=True).select_related("district")
        return tuple(
            ShownContact(
                district_name=contact.district.name,
                district_slug=contact.district.slug,
                district_code=contact.district.code,
                team_name=contact.team_name,
                email=contact.email,
                phone=contact.phone,
                office_hours=contact.office_hours,
            )
            for contact in contacts
        )

    return kept_value(request, ("live contacts",), read)


def district_groups(contacts: tuple[ShownContact, ...], query: str) -> list[dict]:
    """The contacts matching `query` (all of them if it is empty), by district."""
    groups: dict = {}
    for contact in contacts:
        if not query or contact.matches(query):
            district = (contact.district_name, contact.district_slug)
            groups.setdefault(district, []).append(contact)
    return [
        {"district": {"name": name, "slug": slug}, "contacts": items}
        for (name, slug), items in groups.items()
    ]
