"""Registers the "Meetings and budgets" screens and the agenda page with the Wagtail admin."""

from django.urls import path
from wagtail import hooks
from wagtail_modeladmin.options import modeladmin_register

from .. import urls
from .agenda import agenda_view
from .options import MeetingsGroup

modeladmin_register(MeetingsGroup)


@hooks.register("register_admin_urls")
def register_agenda_urls():
    return [path("casework/meetings/<int:pk>/agenda/", agenda_view, name=urls.AGENDA)]
