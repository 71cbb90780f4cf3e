"""The directory's services as HSDS 3.0 objects.

What each field of a service becomes:

| here | HSDS 3.0 |
|---|---|
| name | `name` |
| what it offers | `description` |
| who it is for | `eligibility_description` |
| how to refer | `application_process` |
| waiting list | `wait_time`, in the directory's words |
| website, contact email | `url`, `email` |
| contact phone | `phones`, one phone |
| districts | `service_areas`, one per district |
| themes | `attributes`, each linking to a term of the themes taxonomy |
| last saved | `last_modified` |

Only published services are served, so `status` is "active". No organization is given: the
directory does not record who runs a service, and HSDS leaves it optional. An optional field
with nothing in it is left out, as HSDS asks, rather than sent empty.
"""

from dataclasses import dataclass

from django.utils.encoding import iri_to_uri
from rest_framework import serializers

from ..models import District, Service, Theme
from .identifiers import THEMES_TAXONOMY_ID, attribute_id, phone_id, service_area_id

THEMES_TAXONOMY = {
    "id": str(THEMES_TAXONOMY_ID),
    "name": "pei-themes",
    "description": (
        "The themes Lancashire's Prevention and Early Intervention panels give to gaps in "
        "services and to the services in their directory, such as bereavement or transport."
    ),
}

EMPTY = (None, "", [], {})


class LeavesOutEmptyFields:
    """HSDS leaves an optional field out rather than sending it empty."""

    def to_representation(self, instance):
        data = super().to_representation(instance)
        return {name: value for name, value in data.items() if value not in EMPTY}


@dataclass(frozen=True)
class Coverage:
    service: Service
    district: District


@dataclass(frozen=True)
class Tag:
    service: Service
    theme: Theme


class ServiceAreaSerializer(LeavesOutEmptyFields, serializers.Serializer):
    """A district the service covers."""

    id = serializers.SerializerMethodField()
    service_id = serializers.UUIDField(source="service.open_referral_id")
    name = serializers.CharField(source="district.name")

    def get_id(self, coverage: Coverage) -> str:
        return str(
            service_area_id(
                service_id=coverage.service.open_referral_id, district_pk=coverage.district.pk
            )
        )


class TaxonomyTermSerializer(LeavesOutEmptyFields, serializers.Serializer):
    """A theme, as a term of the themes taxonomy."""

    id = serializers.UUIDField(source="open_referral_id")
    name = serializers.CharField()
    # HSDS requires a description; a theme's is optional, and its name is then the truest one.
    description = serializers.SerializerMethodField()
    taxonomy_id = serializers.SerializerMethodField()
    taxonomy_detail = serializers.SerializerMethodField()

    def get_description(self, theme: Theme) -> str:
        return theme.description or theme.name

    def get_taxonomy_id(self, theme: Theme) -> str:
        return THEMES_TAXONOMY["id"]

    def get_taxonomy_detail(self, theme: Theme) -> dict:
        return dict(THEMES_TAXONOMY)


class AttributeSerializer(LeavesOutEmptyFields, serializers.Serializer):
    """A theme given to the service: the link from the service to the term."""

    id = serializers.SerializerMethodField()
    link_id = serializers.UUIDField(source="service.open_referral_id")
    link_entity = serializers.SerializerMethodField()
    taxonomy_term_id = serializers.UUIDField(source="theme.open_referral_id")
    taxonomy_term = TaxonomyTermSerializer(source="theme")

    def get_id(self, tag: Tag) -> str:
        return str(
            attribute_id(
                service_id=tag.service.open_referral_id, term_id=tag.theme.open_referral_id
            )
        )

    def get_link_entity(self, tag: Tag) -> str:
        return "service"


class ServiceSummarySerializer(LeavesOutEmptyFields, serializers.Serializer):
    """A service's own fields, without the lists of what hangs off it: an item of the list,
    as HSDS's `service_list` schema describes it."""

    id = serializers.UUIDField(source="open_referral_id")
    name = serializers.CharField()
    description = serializers.CharField(source="offers")
    url = serializers.SerializerMethodField()
    email = serializers.CharField(source="contact_email")
    status = serializers.SerializerMethodField()
    application_process = serializers.CharField(source="how_to_refer")
    eligibility_description = serializers.CharField(source="who_for")
    wait_time = serializers.CharField(source="get_waiting_list_display")
    last_modified = serializers.DateTimeField(source="updated_at")

    def get_url(self, service: Service) -> str:
        # A website may be typed with letters outside ASCII, which a URI cannot hold: they
        # are percent-encoded, as a browser would send them.
        return iri_to_uri(service.website)

    def get_status(self, service: Service) -> str:
        return "active" if service.is_published else "inactive"


class ServiceSerializer(ServiceSummarySerializer):
    """A service with its phone, the districts it covers and its themes: the fully nested
    service of `/services/{id}`. Its districts and themes must be prefetched."""

    phones = serializers.SerializerMethodField()
    service_areas = serializers.SerializerMethodField()
    attributes = serializers.SerializerMethodField()

    def get_phones(self, service: Service) -> list[dict]:
        if not service.contact_phone:
            return []
        return [
            {
                "id": str(phone_id(service_id=service.open_referral_id)),
                "number": service.contact_phone,
            }
        ]

    def get_service_areas(self, service: Service) -> list[dict]:
        covered = [Coverage(service, district) for district in service.districts.all()]
        return ServiceAreaSerializer(covered, many=True).data

    def get_attributes(self, service: Service) -> list[dict]:
        tags = [Tag(service, theme) for theme in service.themes.all()]
        return AttributeSerializer(tags, many=True).data
