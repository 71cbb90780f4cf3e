"""Build the PEI page tree, example EIDO contacts, example directory services, the example
commissioned projects and site settings from guidance_pages.content.

Safe to run again: it only makes what is missing. A page that exists (matched by slug under
its parent, the home page by type) is left exactly as editors made it.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail import hooks
from wagtail.blocks import StreamValue
from wagtail.fields import StreamField
from wagtail.models import Page, Site

from guidance_pages import content
from guidance_pages.content import projects as example_projects
from guidance_pages.content.contacts import example_contact
from guidance_pages.content.spec import Links, PageSpec
from guidance_pages.models import EIDOContact, HomePage, SiteChrome
from pei_workflow.models import (
    AgreedOutcome,
    CommissionedProject,
    District,
    MonitoringReturn,
    OutcomeFigure,
    Service,
    Theme,
)

WELCOME_PAGE_SLUG = "home"


@dataclass
class Tally:
    """What the run made and what it found already there, for the summary line."""

    created: dict[str, int] = field(default_factory=dict)
    left_alone: dict[str, int] = field(default_factory=dict)

    def add(self, bucket: dict[str, int], kind: str) -> None:
        bucket[kind] = bucket.get(kind, 0) + 1

    def summary(self) -> str:
        def describe(bucket):
            return ", ".join(f"{count} {kind}" for kind, count in bucket.items()) or "nothing"

        return f"Done. Created: {describe(self.created)}. Left alone: {describe(self.left_alone)}."


class Command(BaseCommand):
    help = (
        "Create the PEI guidance pages, an example EIDO contact for each district, example "
        "services for an empty directory, example commissioned projects while there are "
        "none, and the site settings, where they are missing. "
        "Existing pages are never changed."
    )

    def handle(self, *args, **options):
        loader = ContentLoader(self.stdout.write)
        try:
            with transaction.atomic():
                loader.run()
        except (ValidationError, LookupError) as error:
            raise CommandError(one_line(error)) from error
        self.stdout.write(self.style.SUCCESS(loader.tally.summary()))


class ContentLoader:
    """Makes whatever is missing, in one transaction, and says what it did line by line."""

    def __init__(self, write):
        self.write = write
        self.tally = Tally()
        self.pages: dict[str, Page] = {}

    def run(self) -> None:
        """Lay down the pages, publish the new ones, then contacts, services and settings."""
        new_pages = self.lay_down_pages()
        self.publish(new_pages)
        self.add_contacts()
        self.add_example_services()
        self.add_example_projects()
        home = self.pages[content.HOME.slug]
        site = self.point_default_site_at(home)
        self.fill_site_chrome(site)
        self.remove_welcome_page()

    # Pages

    def lay_down_pages(self) -> list[tuple[PageSpec, Page]]:
        """Find or create every page, unpublished, so that every page has an id to link to.

        Texts may link to pages made later in the run; until then those links point at the
        tree's root. Nothing is published here: publish() rebuilds each new page's texts with
        the real links first.
        """
        root = Page.get_first_root_node()
        stand_in_links = Links(self.page_ids(), stand_in_id=root.pk)
        new_pages = []

        home = HomePage.objects.first()
        if home is None:
            home = self.create(content.HOME, root, stand_in_links)
            new_pages.append((content.HOME, home))
        else:
            self.left_alone(content.HOME, home)
        self.pages[content.HOME.slug] = home
        self.add_other_apps_pages(home)

        for spec in content.PAGES:
            stand_in_links.page_ids = self.page_ids()
            parent = self.pages[spec.parent] if spec.parent else home
            page = self.existing(spec, parent)
            if page is None:
                page = self.create(spec, parent, stand_in_links)
                new_pages.append((spec, page))
            else:
                self.left_alone(spec, page)
            self.pages[spec.slug] = page
        return new_pages

    def add_other_apps_pages(self, home: Page) -> None:
        """Pages other apps own (the online forms), made through the `pei_content_pages`
        hook so that texts here can link to them by slug."""
        for make_pages in hooks.get_hooks("pei_content_pages"):
            for page in make_pages(home):
                self.pages[page.slug] = page
                self.write(f"Made sure of page: {page.title} ({page.slug})")

    def existing(self, spec: PageSpec, parent: Page) -> Page | None:
        page = parent.get_children().filter(slug=spec.slug).first()
        if page is None and spec.model.max_count:
            # A one-per-site page (such as the privacy notice) that an editor has moved or
            # renamed still counts: making a second one would break the site's rules.
            page = spec.model.objects.first()
        return page.specific if page else None

    def create(self, spec: PageSpec, parent: Page, links: Links) -> Page:
        if not spec.model.can_exist_under(parent.specific):
            raise LookupError(
                f"Cannot put the page '{spec.slug}' under '{parent.slug}': that page's type "
                f"({parent.specific_class._meta.verbose_name}) does not allow it."
            )
        fields = stream_values(spec.model, spec.build(links), validate=False)
        page = spec.model(
            title=spec.title,
            slug=spec.slug,
            show_in_menus=spec.show_in_menus,
            live=False,
            **fields,
        )
        parent.add_child(instance=page)
        return page

    def publish(self, new_pages: list[tuple[PageSpec, Page]]) -> None:
        """Give each new page its final texts, checked block by block, and publish it."""
        links = Links(self.page_ids())
        for spec, page in new_pages:
            for name, value in stream_values(
                spec.model, spec.build(links), label=spec.slug
            ).items():
                setattr(page, name, value)
            # Search results and the meta description show search_description.
            if not page.search_description and getattr(page, "summary", ""):
                page.search_description = page.summary
            page.save_revision(log_action=True).publish()
            self.tally.add(self.tally.created, "pages")
            self.write(f"Created page: {spec.title} ({spec.slug})")

    def left_alone(self, spec: PageSpec, page: Page) -> None:
        self.tally.add(self.tally.left_alone, "pages")
        self.write(f"Left alone page: {page.title} ({page.slug}), it already exists")

    def page_ids(self) -> dict[str, int]:
        return {slug: page.pk for slug, page in self.pages.items()}

    # Contacts

    def add_contacts(self) -> None:
        """One example EIDO contact for each district that has none."""
        for district in District.objects.order_by("name"):
            if EIDOContact.objects.filter(district=district).exists():
                self.tally.add(self.tally.left_alone, "contacts")
                self.write(f"Left alone contact: {district.name} already has one")
                continue
            contact = EIDOContact(district=district, **example_contact(district))
            contact.full_clean()
            contact.save()
            # A first published revision, so the contact's history starts here.
            contact.save_revision(log_action=True).publish()
            self.tally.add(self.tally.created, "contacts")
            self.write(f"Created contact: {contact.team_name} ({contact.email})")

    # Directory services

    def add_example_services(self) -> None:
        """The example services, while the directory has no services at all.

        The services are pei_workflow's, kept by EIDOs in the admin; the loader only seeds an
        empty directory so that the page shows what an entry looks like. Once there is any
        service, the directory is the EIDOs', and examples they removed stay removed.
        """
        existing = Service.objects.count()
        if existing:
            self.tally.left_alone["services"] = existing
            self.write(f"Left alone services: the directory already has {existing}")
            return
        for example in content.EXAMPLE_SERVICES:
            fields = dict(example)
            districts = District.objects.filter(code__in=fields.pop("districts"))
            themes = Theme.objects.filter(name__in=fields.pop("themes"))
            if not districts.exists():
                self.write(f"Skipped service: {example['name']}, none of its districts exist")
                continue
            service = Service(**fields)
            service.full_clean()
            service.save()
            service.districts.set(districts)
            service.themes.set(themes)
            self.tally.add(self.tally.created, "services")
            self.write(f"Created service: {service.name}")

    # Commissioned projects

    def add_example_projects(self) -> None:
        """The three Pendle projects from the news item, marked as examples, while there are
        no commissioned projects at all (the same rule as the example services: once there
        is any project, the list is the EIDOs', and examples they deleted stay deleted).

        Each row is checked by `full_clean()`, which holds the projects' rules (dates,
        periods inside the project, figures of 0 or more, one per outcome)."""
        existing = CommissionedProject.objects.count()
        if existing:
            self.tally.left_alone["projects"] = existing
            self.write(f"Left alone projects: there are already {existing}")
            return
        reason = "Example loaded with the site"
        for example in content.EXAMPLE_PROJECTS:
            fields = dict(example)
            districts = District.objects.filter(code__in=fields.pop("districts"))
            themes = Theme.objects.filter(name__in=fields.pop("themes"))
            outcomes, returns = fields.pop("outcomes"), fields.pop("returns")
            if not districts.exists():
                self.write(f"Skipped project: {example['name']}, none of its districts exist")
                continue
            project = CommissionedProject(**fields, **example_projects.COMMON, is_example=True)
            _save(project, reason)
            project.districts.set(districts)
            project.themes.set(themes)
            agreed = [
                _save(
                    AgreedOutcome(
                        project=project, description=text, target=target, unit=unit, sort_order=n
                    ),
                    reason,
                )
                for n, (text, target, unit) in enumerate(outcomes)
            ]
            for (start, end), figures, narrative in returns:
                monitoring_return = _save(
                    MonitoringReturn(
                        project=project,
                        period_start=start,
                        period_end=end,
                        narrative=f"{example_projects.FIGURES_MADE_UP} {narrative}",
                    ),
                    reason,
                )
                for outcome, achieved in zip(agreed, figures, strict=True):
                    _save(
                        OutcomeFigure(
                            monitoring_return=monitoring_return, outcome=outcome, achieved=achieved
                        ),
                        reason,
                    )
            self.tally.add(self.tally.created, "projects")
            self.write(f"Created example project: {project.name}")

    # Site

    def point_default_site_at(self, home: Page) -> Site:
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site(hostname="localhost", port=80, is_default_site=True, root_page=home)
            self.write("Created default site")
        elif site.root_page_id != home.pk:
            site.root_page = home
            self.write("Set default site's root page: the home page")
        else:
            self.write("Left alone default site's root page: already the home page")
        if not site.site_name:
            site.site_name = content.SITE_NAME
            self.write(f"Set site name: {content.SITE_NAME}")
        else:
            self.write(f"Left alone site name: {site.site_name}")
        site.full_clean()
        site.save()
        return site

    def fill_site_chrome(self, site: Site) -> None:
        """Fill each footer setting an editor has not already chosen."""
        chrome = SiteChrome.for_site(site)
        choices = {
            "accessibility_statement": self.pages["accessibility-statement"],
            "privacy_notice": self.pages["privacy-notice"],
            "contact_page": self.pages["contacts"],
        }
        for name, page in choices.items():
            if getattr(chrome, f"{name}_id") is None:
                setattr(chrome, name, page)
                self.write(f"Set footer link {name}: {page.title}")
            else:
                self.write(f"Left alone footer link {name}: already chosen")
        if not chrome.footer_text:
            chrome.footer_text = content.FOOTER_TEXT
            self.write("Set footer text")
        else:
            self.write("Left alone footer text: already written")
        chrome.full_clean()
        chrome.save()

    def remove_welcome_page(self) -> None:
        """Delete Wagtail's "Welcome to your new Wagtail site!" page if nobody has used it."""
        plain_page = ContentType.objects.get_for_model(Page)
        welcome = Page.objects.filter(
            depth=2, slug=WELCOME_PAGE_SLUG, content_type=plain_page
        ).first()
        if welcome is None:
            self.write("No welcome page to delete")
        elif welcome.get_children_count() or Site.objects.filter(root_page=welcome).exists():
            # Deleting it would take an editor's pages, or another site, with it.
            self.write("Left alone Wagtail's welcome page: it has subpages or is a site's root")
        else:
            welcome.delete()
            self.write("Deleted Wagtail's welcome page")


def _save(record, reason: str):
    """A casework record checked by its own rules and saved, its history saying why."""
    record.full_clean()
    record._change_reason = reason
    record.save()
    return record


def stream_values(model, fields: dict, *, validate: bool = True, label: str = "") -> dict:
    """The fields, with each StreamField's raw value turned into a StreamValue.

    With validate, each value goes through its block's clean(), which the page's own
    full_clean() does not do, so that a bad block stops the load instead of being saved.
    """
    result = dict(fields)
    for name, raw in fields.items():
        model_field = model._meta.get_field(name)
        if not isinstance(model_field, StreamField):
            continue
        block = model_field.stream_block
        value: StreamValue = block.to_python(raw)
        if validate:
            try:
                value = block.clean(value)
            except ValidationError as error:
                raise ValidationError(
                    f"The '{label}' page's {name} is not valid: {one_line(error)}"
                ) from error
        result[name] = value
    return result


def one_line(error: Exception) -> str:
    """Every message in a (possibly nested) validation error, on one line."""
    if hasattr(error, "as_json_data"):
        messages = list(_strings(error.as_json_data()))
    elif isinstance(error, ValidationError):
        messages = error.messages
    else:
        messages = [str(error)]
    return "; ".join(dict.fromkeys(message for message in messages if message)) or repr(error)


def _strings(data):
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list | tuple):
        for value in data:
            yield from _strings(value)
