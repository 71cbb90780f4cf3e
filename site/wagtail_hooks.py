"""The site's own admin pages (the second factor's, pei_site.second_factor), and the staff
session's warning on every admin page (staff_sessions.py)."""

from django.conf import settings
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks

from .second_factor import devices, urls, views


@hooks.register("register_admin_urls")
def register_second_factor_urls():
    return [
        path("second-factor/set-up/", views.set_up, name=urls.SET_UP),
        path("second-factor/code/", views.check, name=urls.CHECK),
        path("second-factor/backup-codes/", views.backup_codes, name=urls.BACKUP_CODES),
    ]


@hooks.register("register_account_menu_item")
def backup_codes_menu_item(request):
    """On the person's Account page: make a new set of backup codes, once they have a second
    factor."""
    if not devices.has_second_factor(request.user):
        return None
    return {
        "url": reverse(urls.BACKUP_CODES),
        "label": "Make new backup codes",
        "help_text": "Backup codes let you sign in without your phone. New ones replace "
        "any you have.",
    }


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
