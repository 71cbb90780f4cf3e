"""The directory's admin forms. Each takes the signed-in person (`for_user`, passed by
wagtail-modeladmin) and offers only the districts they work in."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q

from ...models import District, Priority, Service, Theme
from ...selectors import districts_visible_to
from ..reasons import ChangeReasonForm

# Check boxes rather than a multiple select: easier to use, and with the keyboard alone.
TICK_BOXES = forms.CheckboxSelectMultiple


def coverage_after_edit(service: Service, chosen, user) -> list[District]:
    """The districts a service covers once this person saves their choice.

    A person chooses only among their own districts. The service keeps every district it
    already covers outside those, so that an EIDO cannot take away another district's
    coverage; a county lead, who may choose any district, sets the whole list.
    """
    theirs = districts_visible_to(user)
    kept = service.districts.exclude(pk__in=theirs.values("pk")) if service.pk else []
    return [*chosen, *kept]


def _name_clash(model, field: str, value: str, instance, **scope):
    """Another row whose `field` equals `value` ignoring case, or None."""
    others = model.objects.filter(**{f"{field}__iexact": value}, **scope)
    if instance.pk:
        others = others.exclude(pk=instance.pk)
    return others.first()


def offer_their_districts_and_themes(form, covered_by: str) -> None:
    """Offer a form's districts (check boxes) only among the person's own, saying which
    other districts the record (a "service", a "project") already covers, and its themes
    among the active ones and those the record already has."""
    theirs = districts_visible_to(form.for_user)
    districts = form.fields["districts"]
    districts.queryset = theirs
    instance = form.instance
    others = list(instance.districts.exclude(pk__in=theirs.values("pk"))) if instance.pk else []
    if others:
        names = ", ".join(district.name for district in others)
        districts.help_text = (
            f"It also covers {names}. Only that district's EIDO or a county lead can change that."
        )
    else:
        districts.help_text = f"Tick each district the {covered_by} covers."
    themes = Q(is_active=True)
    if instance.pk:
        themes |= Q(pk__in=instance.themes.values("pk"))
    form.fields["themes"].queryset = Theme.objects.filter(themes)


class ServiceForm(ChangeReasonForm):
    """A directory entry. Districts are limited to the person's own; themes to the active
    ones and those the service already has."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offer_their_districts_and_themes(self, "service")
        self.fields["districts"].error_messages["required"] = (
            "Tick at least one district the service covers."
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("districts") is not None:
            cleaned["districts"] = coverage_after_edit(
                self.instance, cleaned["districts"], self.for_user
            )
        if not any(cleaned.get(name) for name in ("contact_email", "contact_phone", "website")):
            # Readers of the directory need some way to reach the service.
            self.add_error(
                "contact_email",
                "Give at least one way to contact the service: email, phone or website.",
            )
        return cleaned


class ThemeForm(ChangeReasonForm):
    """A theme, whose name must differ from every other theme's, ignoring capitals."""

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        clash = _name_clash(Theme, "name", name, self.instance)
        if clash is not None:
            raise ValidationError(
                f"There is already a theme called “{clash.name}”. Use that theme, or choose "
                "a different name."
            )
        return name


class PriorityForm(ChangeReasonForm):
    """A CYPP priority of one of the person's districts, its title unique in that district."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = districts_visible_to(self.for_user)

    def clean(self):
        cleaned = super().clean()
        district, title = cleaned.get("district"), cleaned.get("title")
        if district and title:
            title = " ".join(title.split())
            cleaned["title"] = title
            clash = _name_clash(Priority, "title", title, self.instance, district=district)
            if clash is not None:
                self.add_error(
                    "title",
                    f"{district.name} already has a priority called “{clash.title}”. Edit that "
                    "one, or choose a different title.",
                )
        return cleaned
