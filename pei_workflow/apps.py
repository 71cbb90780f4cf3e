from django.apps import AppConfig


class PeiWorkflowConfig(AppConfig):
    name = "pei_workflow"
    verbose_name = "PEI casework"
    default_auto_field = "django.db.models.BigAutoField"
