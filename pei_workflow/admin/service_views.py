"""Create and edit views whose form only parses what was typed: the service that holds the
rules saves it. The meetings, budgets, members, response-time and message-template screens
all make theirs here."""

from collections.abc import Callable, Iterable

from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from wagtail.admin import messages
from wagtail_modeladmin.views import CreateView, EditView

from ..services.records import CHANGE_REASON
from .base import add_service_errors


class ServiceFormMixin:
    """A create or edit view whose form only parses what was typed: `save_with_service`
    hands the values to the service that holds the rules, and the service's refusal goes
    back on the form. The service locks, checks, saves, and writes the history and Wagtail's
    log entry, so the view does none of that; its PermissionDenied is the admin's 403 page."""

    def save_with_service(self, form, existing):
        """Call the service with the form's values; `existing` is None for a new object."""
        raise NotImplementedError

    def form_valid(self, form):
        existing = form.instance if form.instance.pk else None
        try:
            self.instance = self.save_with_service(form, existing)
        except ValidationError as refused:
            add_service_errors(form, refused)
            return self.form_invalid(form)
        messages.success(
            self.request,
            self.get_success_message(self.instance),
            buttons=self.get_success_message_buttons(self.instance),
        )
        return redirect(self.get_success_url())


def service_views(
    service: Callable,
    *,
    record: str,
    fields: Iterable[str],
    defaults: dict | None = None,
    reason: bool = True,
) -> tuple[type[CreateView], type[EditView]]:
    """The create and edit views of a screen saved by `service`, which is called as
    `service(actor=..., <record>=the row or None, <each field>=its value[, reason=...])`.
    A field the form leaves out is given its value in `defaults`; the change's reason
    (`CHANGE_REASON`) is passed as `reason` when the service asks for one."""
    fields, defaults = tuple(fields), defaults or {}

    class Mixin(ServiceFormMixin):
        def save_with_service(self, form, existing):
            data = form.cleaned_data
            values = {name: data.get(name, defaults.get(name)) for name in fields}
            if reason:
                values["reason"] = data.get(CHANGE_REASON, "")
            return service(actor=self.request.user, **{record: existing}, **values)

    name = "".join(part.capitalize() for part in record.split("_"))
    return (
        type(f"{name}CreateView", (Mixin, CreateView), {}),
        type(f"{name}EditView", (Mixin, EditView), {}),
    )
