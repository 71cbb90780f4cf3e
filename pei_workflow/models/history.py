from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models

from .roles import person_label

#: Review-history rows that say who has a case rather than record something done to it: the
#: admin home's "the latest step" skips them, so a case handed to a colleague still shows what
#: waits on it.
ASSIGNMENT_ROWS = frozenset({"assign", "unassign"})


class TransitionLog(models.Model):
    """One step of a submission's review history: who moved it, when, from where to where,
    why, and the structured data of the step (meeting, outcome, amount).

    Rows are written only by the transition services and never changed afterwards.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    submission = GenericForeignKey("content_type", "object_id")

    transition = models.CharField(max_length=40)
    from_state = models.CharField(max_length=32)
    to_state = models.CharField(max_length=32)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Empty when the practitioner acted through their status link.",
    )
    comment = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        # A submission's history in order; with the step in the index, the latest step of
        # each of many submissions is read from the index alone (`latest_step_is`).
        indexes = [
            models.Index(
                fields=["content_type", "object_id", "created_at", "transition"],
                name="transitionlog_latest_step_idx",
            ),
            # The reports count the steps of one kind taken in a period (escalations).
            models.Index(
                fields=["content_type", "transition", "created_at"], name="transition_step_when"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.transition}: {self.from_state} → {self.to_state}"

    @property
    def actor_label(self) -> str:
        if self.actor is None:
            return "The practitioner"
        return person_label(self.actor)
