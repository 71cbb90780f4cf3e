from django.apps import AppConfig


class PageServingConfig(AppConfig):
    """Installed for its template tags (`{% page_part %}`); it has no models."""

    name = "page_serving"
    verbose_name = "Page serving"
