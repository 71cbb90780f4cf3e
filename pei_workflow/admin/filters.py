"""The casework admin's list filters. Each declares its parameter and the values it offers,
and applies only a value it offers; the list (`base.ScopedIndexView`) answers any other value
with a 400 before a filter sees it."""

from django.contrib.admin import SimpleListFilter
from django.contrib.admin.utils import lookup_spawns_duplicates
from django.core.exceptions import ImproperlyConfigured
from django.db import models

from ..models.roles import person_label
from ..services.caseload import caseholders_offered_to


class DeclaredFilter(SimpleListFilter):
    """A list filter that applies only a value it offers. The list refuses any other value
    with a 400 before it gets here (see `ScopedIndexView`)."""

    def offered_values(self) -> set[str]:
        return {str(value) for value, _ in self.lookup_choices}

    def queryset(self, request, queryset):
        value = self.value()
        if value is None or value not in self.offered_values():
            return queryset
        return self.apply(queryset, value)

    def apply(self, queryset, value: str):
        raise NotImplementedError


class DistrictFilter(DeclaredFilter):
    """Filter by district, offering only the districts the screen shows this person. The
    screen says which districts (`filter_districts`) and how its rows belong to one
    (`district_path`)."""

    title = "district"
    parameter_name = "district"

    def lookups(self, request, model_admin):
        return [(str(d.pk), d.name) for d in model_admin.filter_districts(request)]

    def __init__(self, request, params, model, model_admin):
        self.district_path = model_admin.district_path
        super().__init__(request, params, model, model_admin)

    def apply(self, queryset, value):
        if not lookup_spawns_duplicates(queryset.model._meta, self.district_path):
            # A row of one district (a submission, a meeting): filtered directly, so the
            # database can use the district's index.
            return queryset.filter(**{self.district_path: value})
        # A subquery, so that a row in two districts (a service) is never counted twice.
        in_district = queryset.model.objects.filter(**{self.district_path: value})
        return queryset.filter(pk__in=in_district.values("pk"))


class AssigneeFilter(DeclaredFilter):
    """Filter a casework list by who has the case: the person looking, nobody, or anyone
    who may hold the cases of a district the list shows."""

    title = "assigned to"
    parameter_name = "assignee"
    ME = "me"
    NOBODY = "nobody"

    def lookups(self, request, model_admin):
        self.user = request.user
        people = caseholders_offered_to(request.user)
        return [
            (self.ME, "Me"),
            (self.NOBODY, "Nobody"),
            *((str(person.pk), person_label(person)) for person in people),
        ]

    def apply(self, queryset, value):
        if value == self.ME:
            return queryset.filter(assigned_to=self.user)
        if value == self.NOBODY:
            return queryset.filter(assigned_to__isnull=True)
        return queryset.filter(assigned_to_id=value)


def choice_filter(model: type[models.Model], field_name: str, title: str = "") -> type:
    """A filter on a field with choices, or a Yes / No filter on a boolean field, offering
    the field's own values in its own words."""
    field = model._meta.get_field(field_name)
    if isinstance(field, models.BooleanField):
        offered = [("1", "Yes"), ("0", "No")]

        def apply(self, queryset, value):
            return queryset.filter(**{field_name: value == "1"})

    elif field.choices:
        offered = [(str(value), str(label)) for value, label in field.flatchoices]

        def apply(self, queryset, value):
            return queryset.filter(**{field_name: value})

    else:
        raise ImproperlyConfigured(
            f"{model.__name__}.{field_name} has no choices: give its list a DeclaredFilter."
        )

    def lookups(self, request, model_admin):
        return offered

    return type(
        f"{field_name.title().replace('_', '')}Filter",
        (DeclaredFilter,),
        {
            "title": title or str(field.verbose_name),
            "parameter_name": field_name,
            "lookups": lookups,
            "apply": apply,
        },
    )
