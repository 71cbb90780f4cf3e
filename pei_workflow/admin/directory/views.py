"""The directory's own admin views: a service's inspect page with the gaps it answered, and
a delete view that refuses, with the reason, while anything still uses the record."""

from django.contrib import messages
from django.db import transaction
from django.db.models import ProtectedError
from django.shortcuts import redirect
from django.utils.text import capfirst
from wagtail.log_actions import log
from wagtail_modeladmin.views import DeleteView, InspectView

from ...models import GapInService, Service
from ...selectors import visible_to

TIMES_MISSED_EXPLAINED = (
    "This is how many gaps this service was the answer to when the practitioner did not know "
    "about it. A high number means practitioners need to hear about the service: tell the "
    "service it needs more publicity."
)


class ServiceInspectView(InspectView):
    """A service's details, how often practitioners missed it, and the gaps it answered that
    this person may see."""

    def get_field_label(self, field_name, field=None):
        return capfirst(super().get_field_label(field_name, field))

    def get_field_display_value(self, field_name, field=None):
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, bool):
            return "Yes" if value else "No"
        return value

    def get_context_data(self, **kwargs):
        times_missed = (
            Service.objects.with_times_missed()
            .values_list("times_missed", flat=True)
            .get(pk=self.instance.pk)
        )
        answered = (
            visible_to(self.request.user, GapInService)
            .filter(identified_service=self.instance)
            .select_related("district")
            .only(
                "pk",
                "reference",
                "state",
                "district__name",
                "submitted_at",
                "service_unknown_to_practitioner",
            )
        )
        context = {
            "times_missed": times_missed,
            "times_missed_explained": TIMES_MISSED_EXPLAINED,
            "answered_gaps": answered,
        }
        context.update(kwargs)
        return super().get_context_data(**context)


class GuardedDeleteView(DeleteView):
    """Deletes a record only when nothing uses it. Otherwise it says what uses it and what
    to do instead, and deletes nothing; the model admin's `in_use_message` says why."""

    template_name = "pei_workflow/directory_admin/delete.html"

    def get_template_names(self):
        return [self.template_name]

    def get_context_data(self, **kwargs):
        if "in_use" not in kwargs:
            kwargs["in_use"] = self.model_admin.in_use_message(self.instance)
        kwargs["can_edit"] = self.permission_helper.user_can_edit_obj(
            self.request.user, self.instance
        )
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        refusal = self.model_admin.in_use_message(self.instance)
        if refusal is None:
            name = str(self.instance)
            try:
                with transaction.atomic():
                    log(instance=self.instance, action="wagtail.delete")
                    self.instance.delete()
            except ProtectedError:
                # Something began to use it after the check: PROTECT keeps it, and we say so.
                refusal = self.model_admin.in_use_message(self.instance) or (
                    "Something else now uses it, so it cannot be deleted."
                )
            else:
                messages.success(request, f"{capfirst(self.verbose_name)} “{name}” deleted.")
                return redirect(self.index_url)
        return self.render_to_response(self.get_context_data(in_use=refusal), status=409)
