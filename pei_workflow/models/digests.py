"""What the daily reminders have sent, so that the run is safe to repeat on the same day."""

from django.conf import settings
from django.db import models


class DigestKind(models.TextChoices):
    CASES = "cases", "Cases due soon and overdue"
    COUNTY_SUMMARY = "county_summary", "County summary"
    PAGE_REVIEWS = "page_reviews", "Pages due for review"


class DigestSent(models.Model):
    """One reminder email queued for one person on one day. Written in the transaction that
    queues the email, so a second run that day finds it and sends nothing."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=DigestKind.choices)
    day = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-day", "kind", "recipient"]
        verbose_name = "reminder sent"
        verbose_name_plural = "reminders sent"
        constraints = [
            models.UniqueConstraint(fields=["recipient", "kind", "day"], name="unique_digest_sent")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.recipient}, {self.day}"
