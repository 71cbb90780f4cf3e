import re

from django.db import models

from ..choices import SubmissionKind

# The start of a reference such as GAP-PEN-2026-0007: its kind and district code, then only
# digits and hyphens. Inside a reference a district code is followed by the year's digits,
# never by letters, so a term of this shape can only match a reference from its start.
_REFERENCE_START = re.compile(
    rf"(?:{'|'.join(SubmissionKind.values)})-[A-Z]{{3}}(?:-[0-9-]*)?", re.IGNORECASE
)


_REFERENCE_PART = re.compile(r"[A-Za-z0-9-]+")


def reference_part(term: str) -> str:
    """`term` as it would be written in a reference (upper case), or "" if it has anything
    a reference never holds. References are written in capitals (`allocate_reference`), so
    searching for this, case and all, finds what a search in any case would, without
    changing the case of every reference searched."""
    return term.upper() if _REFERENCE_PART.fullmatch(term) else ""


def reference_start(term: str) -> str:
    """`term` as the start of a reference (upper case, as references are written), or ""
    if it is not one. A search for it can then be a prefix match on the indexed column,
    and finds exactly what a search for it anywhere in the reference would."""
    return term.upper() if _REFERENCE_START.fullmatch(term) else ""


class ReferenceSequence(models.Model):
    """The last number given out for one kind of submission, district and year.

    Numbers are taken inside the submission's own transaction with the row locked, so two
    submissions never share a number and a failed submission gives its number back.
    """

    kind = models.CharField(max_length=3)
    district = models.ForeignKey(
        "pei_workflow.District", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "district", "year"], name="unique_reference_sequence"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind}-{self.district_id}-{self.year}: {self.last_number}"
