from django.db import models


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
