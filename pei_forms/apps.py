from django.apps import AppConfig


class PeiFormsConfig(AppConfig):
    name = "pei_forms"
    verbose_name = "PEI forms"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from pei_workflow.events import transition_committed

        from .step_emails import queue_step_email

        transition_committed.connect(queue_step_email, dispatch_uid="pei_forms.step_emails")
