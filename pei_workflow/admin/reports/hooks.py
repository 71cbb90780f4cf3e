"""Registers the casework reports with the Wagtail admin: their addresses and their place in
the Reports menu."""

from django.urls import path
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from ...selectors import report_district_ids
from .. import urls
from .views import county_report_view, district_report_view, reports_index


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("reports/casework/", reports_index, name=urls.REPORTS),
        path("reports/casework/county/", county_report_view, name=urls.COUNTY_REPORT),
        path(
            "reports/casework/district/<str:code>/",
            district_report_view,
            name=urls.DISTRICT_REPORT,
        ),
    ]


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(report_district_ids(request.user))


@hooks.register("register_reports_menu_item")
def register_reports_menu_item():
    return ReportsMenuItem(
        "Casework reports",
        urls.reports_url(),
        name="casework-reports",
        icon_name="table",
        order=1000,
    )
