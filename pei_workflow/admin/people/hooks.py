from django.urls import path
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail_modeladmin.options import modeladmin_register

from ...services.people import ROLE_GRANTED, ROLE_REMOVED
from .. import urls
from .options import PeopleAdmin
from .views import remove_county_lead

modeladmin_register(PeopleAdmin)


@hooks.register("register_admin_urls")
def register_people_urls():
    return [
        path(
            "people/county-leads/<int:user_pk>/remove/",
            remove_county_lead,
            name=urls.REMOVE_COUNTY_LEAD,
        )
    ]


def _role_sentence(log_entry) -> str:
    role = log_entry.data.get("role_label", "a role")
    districts = log_entry.data.get("districts") or []
    return f"{role}{' for ' + ', '.join(districts) if districts else ''}"


@hooks.register("register_log_actions")
def register_people_log_actions(actions):
    """Role changes appear in Wagtail's site history, against the person."""

    @actions.register_action(ROLE_GRANTED)
    class RoleGranted(LogFormatter):
        label = "Give a role"

        def format_message(self, log_entry):
            return f"Given the role {_role_sentence(log_entry)}"

    @actions.register_action(ROLE_REMOVED)
    class RoleRemoved(LogFormatter):
        label = "Take a role away"

        def format_message(self, log_entry):
            return f"Removed from the role {_role_sentence(log_entry)}"
