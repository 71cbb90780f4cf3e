from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


def person_label(user) -> str:
    """How a member of staff is named on casework screens and in history: their name, or
    their username when they have none."""
    return user.get_full_name() or user.get_username()


class DistrictRole(models.TextChoices):
    EIDO = "eido", "Early Intervention Development Officer (EIDO)"
    PANEL_MEMBER = "panel_member", "Panel or Sub Group member"


class DistrictAssignment(models.Model):
    """Puts a person in a role for one district. An EIDO may cover more than one district.

    County leads are not assigned to districts: their group gives them every district.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="district_assignments"
    )
    district = models.ForeignKey(
        "pei_workflow.District", on_delete=models.CASCADE, related_name="assignments"
    )
    role = models.CharField(max_length=20, choices=DistrictRole.choices)

    history = HistoricalRecords()

    class Meta:
        ordering = ["district__name", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "district", "role"], name="unique_district_assignment"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()}, {self.district}"
