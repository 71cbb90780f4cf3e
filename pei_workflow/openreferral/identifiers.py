"""The UUIDs the open data gives its objects.

Services and themes carry their own (`open_referral_id`, stored, so renaming keeps it). What
has no row of its own here, such as a service's phone or one district it covers, gets a UUID
derived from the ids of what it links (uuid5), so that it is the same on every request and
every server without being stored.
"""

import uuid

# The namespace of every derived id. Never change it: every derived id would change with it,
# and the directories that have copied our data would see new objects.
NAMESPACE = uuid.UUID("74570fe2-ec3b-4fe7-887f-997b8e78f66f")

# The taxonomy of the themes, which is ours: EIDOs keep its terms in the admin.
THEMES_TAXONOMY_ID = uuid.uuid5(NAMESPACE, "taxonomy/pei-themes")


def service_area_id(*, service_id: uuid.UUID, district_pk: int) -> uuid.UUID:
    """A district the service covers, as that service's service area."""
    return uuid.uuid5(NAMESPACE, f"service-area/{service_id}/{district_pk}")


def phone_id(*, service_id: uuid.UUID) -> uuid.UUID:
    """The service's one contact phone number."""
    return uuid.uuid5(NAMESPACE, f"phone/{service_id}")


def attribute_id(*, service_id: uuid.UUID, term_id: uuid.UUID) -> uuid.UUID:
    """A theme given to the service, as the attribute linking the service to the term."""
    return uuid.uuid5(NAMESPACE, f"attribute/{service_id}/{term_id}")
