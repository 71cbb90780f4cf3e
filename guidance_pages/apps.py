from django.apps import AppConfig


class GuidancePagesConfig(AppConfig):
    name = "guidance_pages"
    verbose_name = "Guidance pages"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import rich_text, service_directory

        rich_text.connect_signals()
        service_directory.connect_signals()
