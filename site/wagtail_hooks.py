from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def staff_timeout_warning():
    """The warning before a staff session ends for want of activity (staff_sessions.py)."""
    return format_html(
        '<script src="{}" data-idle-seconds="{}" data-keep-alive-url="{}" defer></script>',
        static("pei_site/js/staff-timeout.js"),
        settings.PEI_STAFF_IDLE_SECONDS,
        reverse("pei_staff_keep_alive"),
    )


@hooks.register("insert_global_admin_css")
def staff_timeout_warning_style():
    return format_html(
        '<link rel="stylesheet" href="{}">', static("pei_site/css/staff-timeout.css")
    )
