from django.apps import AppConfig


class PeiSiteConfig(AppConfig):
    """Wires the apps together and owns the roles (groups) and the guidance approval workflow."""

    name = "pei_site"
    label = "pei_site"
    verbose_name = "PEI site"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import page_changes, staff_sessions

        page_changes.connect()
        staff_sessions.connect()
