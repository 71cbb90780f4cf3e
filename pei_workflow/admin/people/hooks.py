from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter
from wagtail_modeladmin.options import modeladmin_register

from ...services.people import ROLE_GRANTED, ROLE_REMOVED
from ...services.second_factor import may_remove
from ...services.sign_in_locks import may_unlock
from .. import urls
from .locks import URL_NAME as LOCKED_SIGN_INS
from .locks import locked_sign_ins
from .options import PeopleAdmin
from .second_factors import remove as remove_second_factor
from .second_factors import second_factors_list
from .views import remove_county_lead

modeladmin_register(PeopleAdmin)


@hooks.register("register_admin_urls")
def register_people_urls():
    return [
        path(
            "people/county-leads/<int:user_pk>/remove/",
            remove_county_lead,
            name=urls.REMOVE_COUNTY_LEAD,
        ),
        path("people/locked-sign-ins/", locked_sign_ins, name=LOCKED_SIGN_INS),
        path("people/second-factors/", second_factors_list, name=urls.SECOND_FACTORS),
        path(
            "people/second-factors/<int:user_pk>/remove/",
            remove_second_factor,
            name=urls.REMOVE_SECOND_FACTOR,
        ),
    ]


class LockedSignInsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_unlock(request.user)


@hooks.register("register_settings_menu_item")
def register_locked_sign_ins_menu_item():
    # Beside Wagtail's Users, under Settings.
    return LockedSignInsMenuItem(
        "Locked sign-ins", reverse(LOCKED_SIGN_INS), icon_name="lock", order=610
    )


class SecondFactorsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_remove(request.user)


@hooks.register("register_settings_menu_item")
def register_second_factors_menu_item():
    # Beside Locked sign-ins: where a county lead goes when someone has lost their phone.
    return SecondFactorsMenuItem(
        "Second factors", urls.second_factors_url(), icon_name="key", order=620
    )


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
