from django.apps import AppConfig


class PeiFormsConfig(AppConfig):
    name = "pei_forms"
    verbose_name = "PEI forms"
    default_auto_field = "django.db.models.BigAutoField"
