"""The views the response-time screens add to wagtail-modeladmin's: saving and deleting
through the services that hold the rules and work the due dates out again."""

from django.shortcuts import redirect
from django.utils.text import capfirst
from wagtail.admin import messages
from wagtail_modeladmin.views import DeleteView

from ...models.targets import AGENDA_STATES, DEFAULT_TARGET_DAYS, WAITING_STATE_CHOICES
from ...services.targets import (
    delete_closure_day,
    delete_target,
    save_closure_day,
    save_target,
)
from ..base import ScopedIndexView
from ..service_views import service_views


def counted_from(state: str) -> str:
    """Where a state's wait starts, in words."""
    return "The meeting's date" if state in AGENDA_STATES else "The day it reached this state"


class TargetIndexView(ScopedIndexView):
    """The targets districts have set, after the county's defaults that apply where they
    have set none."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["default_targets"] = [
            {"state": label, "days": DEFAULT_TARGET_DAYS[state], "from": counted_from(state)}
            for state, label in WAITING_STATE_CHOICES
        ]
        return context


TargetCreateView, TargetEditView = service_views(
    save_target, record="target", fields=("district", "kind", "state", "working_days")
)
ClosureCreateView, ClosureEditView = service_views(
    save_closure_day, record="closure", fields=("date", "name")
)


class ServiceDeleteView(DeleteView):
    """Deletes through the record's service (which logs it and works out the due dates
    again); its PermissionDenied is the admin's 403 page."""

    @staticmethod
    def delete_with_service(actor, instance):
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        name = str(self.instance)
        self.delete_with_service(request.user, self.instance)
        messages.success(request, f"{capfirst(self.verbose_name)} “{name}” deleted.")
        return redirect(self.index_url)


class TargetDeleteView(ServiceDeleteView):
    def confirmation_message(self):
        return "Cases in this state will be due by the county's default target instead."

    @staticmethod
    def delete_with_service(actor, instance):
        delete_target(actor=actor, target=instance)


class ClosureDeleteView(ServiceDeleteView):
    def confirmation_message(self):
        return "This day will count as a working day again."

    @staticmethod
    def delete_with_service(actor, instance):
        delete_closure_day(actor=actor, closure=instance)
