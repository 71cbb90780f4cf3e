from django.apps import AppConfig


class PeiWorkflowConfig(AppConfig):
    name = "pei_workflow"
    verbose_name = "PEI casework"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Here rather than in wagtail_hooks, which Wagtail loads only when a hook is first
        # asked for: a sign-in before that would go unrecorded.
        from . import audit
        from .reports import database

        audit.connect_signals()
        database.connect_signals()
