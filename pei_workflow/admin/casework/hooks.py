"""The casework admin's registrations: the submissions screens, the workflow step, correction,
themes, assignment and note forms, and the dashboard panel."""

from django.urls import path
from wagtail import hooks
from wagtail_modeladmin.options import modeladmin_register

from .. import urls
from .caseload import assign_view, bulk_assign_view, note_view
from .corrections import correct_answers_view, themes_view
from .dashboard import add_waiting_for_you_panel
from .history import compare_view, history_view
from .options import CaseworkGroup
from .redaction import redact_view
from .steps import step_view

modeladmin_register(CaseworkGroup)


@hooks.register("register_admin_urls")
def register_step_urls():
    return [
        path(
            "casework/<str:model_name>/<int:pk>/step/<str:transition>/",
            step_view,
            name=urls.STEP,
        ),
        path(
            "casework/<str:model_name>/<int:pk>/correct/",
            correct_answers_view,
            name=urls.CORRECT,
        ),
        path("casework/<str:model_name>/<int:pk>/themes/", themes_view, name=urls.THEMES),
        path("casework/<str:model_name>/<int:pk>/history/", history_view, name=urls.HISTORY),
        path(
            "casework/<str:model_name>/<int:pk>/history/compare/",
            compare_view,
            name=urls.COMPARE,
        ),
        path("casework/<str:model_name>/<int:pk>/redact/", redact_view, name=urls.REDACT),
        path("casework/<str:model_name>/<int:pk>/assign/", assign_view, name=urls.ASSIGN),
        path("casework/<str:model_name>/<int:pk>/note/", note_view, name=urls.NOTE),
        path("casework/<str:model_name>/assign/", bulk_assign_view, name=urls.BULK_ASSIGN),
    ]


hooks.register("construct_homepage_panels", add_waiting_for_you_panel)
