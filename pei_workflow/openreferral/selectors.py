"""Which services the open data publishes, in what order, and how a query narrows them.

Only published services are public: the one rule is `Service.objects.published()`, as on the
directory page. A service's districts and themes come with the page of services in one query
each (prefetched), so a page costs the same number of queries however many services it holds.
"""

import datetime
import uuid
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet

from ..models import District, Service, Theme
from .identifiers import THEMES_TAXONOMY_ID


@dataclass(frozen=True)
class ServiceFilters:
    """What a query of the list asked for; each filter is optional and they combine with AND,
    as the HSDS API reference requires."""

    words: tuple[str, ...] = ()
    taxonomy_term_id: uuid.UUID | None = None
    taxonomy_id: uuid.UUID | None = None
    modified_after: datetime.datetime | None = None


def published_services(*, nested: bool) -> QuerySet[Service]:
    """Every published service by name; `nested` brings each one's districts and themes."""
    services = Service.objects.published().order_by("name", "pk")
    if nested:
        services = services.prefetch_related(
            Prefetch("districts", queryset=District.objects.order_by("name").only("pk", "name")),
            Prefetch("themes", queryset=Theme.objects.order_by("name")),
        )
    return services


def matching_services(filters: ServiceFilters, *, nested: bool) -> QuerySet[Service]:
    """The published services that match every filter.

    Every word must appear, ignoring case, in the name, the description (what it offers) or
    who it is for, as on the directory page. A theme narrows by subquery, not a join, so no
    service comes twice.
    """
    services = published_services(nested=nested)
    for word in filters.words:
        services = services.filter(
            Q(name__icontains=word) | Q(offers__icontains=word) | Q(who_for__icontains=word)
        )
    tagged = Service.themes.through.objects.all()
    if filters.taxonomy_term_id is not None:
        tagged = tagged.filter(theme__open_referral_id=filters.taxonomy_term_id)
    if filters.taxonomy_id is not None and filters.taxonomy_id != THEMES_TAXONOMY_ID:
        # The themes are the only taxonomy here: no service has a term of another.
        return services.none()
    if filters.taxonomy_term_id is not None or filters.taxonomy_id is not None:
        services = services.filter(pk__in=tagged.values("service"))
    if filters.modified_after is not None:
        services = services.filter(updated_at__gte=filters.modified_after)
    return services


def published_service(open_referral_id: uuid.UUID) -> Service | None:
    """The published service with this id, with its districts and themes, or None."""
    return published_services(nested=True).filter(open_referral_id=open_referral_id).first()
