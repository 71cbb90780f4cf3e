"""Registers the "Commissioned projects" screen and its monitoring return forms."""

from django.urls import path
from wagtail import hooks
from wagtail_modeladmin.options import modeladmin_register

from .. import urls
from .options import ProjectAdmin
from .returns import return_view

modeladmin_register(ProjectAdmin)


@hooks.register("register_admin_urls")
def register_return_urls():
    return [
        path("projects/<int:pk>/returns/add/", return_view, name=urls.ADD_RETURN),
        path(
            "projects/<int:pk>/returns/<int:return_pk>/correct/",
            return_view,
            name=urls.CORRECT_RETURN,
        ),
    ]
