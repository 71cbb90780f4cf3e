"""The record that an email task's work has committed, so a second run of it does nothing."""

from django.db import models
from django.utils import timezone
from django_tasks_db.models import DBTaskResult


class FinishedEmailTask(models.Model):
    """One task of the durable email queue whose work (a message sent, a retry or the emails
    it queues) has committed. Written in the same transaction as that work by
    `pei_workflow.email_tasks.email_task`; a run that finds it does nothing. It goes with its
    queue row: `prune_db_task_results` removes both."""

    task_result = models.OneToOneField(
        DBTaskResult, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    finished_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "finished email task"

    def __str__(self) -> str:
        return f"email task {self.task_result_id}, finished {self.finished_at:%Y-%m-%d %H:%M}"
