from django.db import transaction

from ..models import District, ReferenceSequence


def allocate_reference(*, kind: str, district: District, year: int) -> str:
    """Take the next reference for a kind, district and year, such as GAP-PEN-2026-0007.

    Must run inside the transaction that saves the submission: the sequence row stays locked
    until that transaction ends, so concurrent submissions queue for the next number, and a
    submission that fails hands its number back instead of leaving a gap.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("allocate_reference must run inside the submission's transaction")
    # Make sure the row exists without racing another first submission of the year.
    ReferenceSequence.objects.bulk_create(
        [ReferenceSequence(kind=kind, district=district, year=year)], ignore_conflicts=True
    )
    sequence = ReferenceSequence.objects.select_for_update().get(
        kind=kind, district=district, year=year
    )
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    return f"{kind}-{district.code}-{year}-{sequence.last_number:04d}"
