"""Why a record was changed: every edit form of a record that decides a submission's fate
(meetings, panel members, budgets, panel maximums, services, themes, priorities) asks for a
reason, and the record's history keeps it beside who made the change and when.

The rule (a change needs a reason; a new record may go without) is
`pei_workflow.services.records.change_reason`; this module only puts the question on the
forms and hands the answer to the rule."""

from django import forms
from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel
from wagtail_modeladmin.views import CreateView, EditView

from ..services.records import CHANGE_REASON, change_reason
from ..text_checks import refuse_identifying_details_in_record
from .base import add_service_errors
from .keys import KeysWithinRangeMixin


class ChangeReasonForm(KeysWithinRangeMixin, WagtailAdminModelForm):
    """A model form that asks why, when it changes a record that already exists."""

    change_reason = forms.CharField(
        label="Why are you making this change?",
        help_text="For example, “The panel agreed a new date.” It is kept in the history.",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            # Adding a record is its own reason; its panel is not shown without the field.
            del self.fields[CHANGE_REASON]


#: The panel each edit form ends with.
REASON_PANEL = FieldPanel(CHANGE_REASON)


def reason_for(form, *, created: bool, added: str) -> str:
    """The reason the form gives, checked by the rule (a ValidationError keyed by the field)."""
    return change_reason(form.cleaned_data.get(CHANGE_REASON, ""), created=created, added=added)


class ReasonedSaveMixin:
    """For screens without a service of their own (the directory, the panel maximum): the
    rule and the identifying-details guard on the record's texts (`RECORD_TEXTS`) are
    checked before wagtail-modeladmin saves the form, and the history gets the reason."""

    def form_valid(self, form):
        created = form.instance.pk is None
        refusals = []
        try:
            refuse_identifying_details_in_record(form.instance)
        except ValidationError as refused:
            refusals.append(refused)
        try:
            reason = reason_for(
                form, created=created, added=f"{self.opts.verbose_name.capitalize()} added"
            )
        except ValidationError as refused:
            refusals.append(refused)
        if refusals:
            for refused in refusals:
                add_service_errors(form, refused)
            return self.form_invalid(form)
        form.instance._change_reason = reason
        return super().form_valid(form)


class ReasonedCreateView(ReasonedSaveMixin, CreateView):
    pass


class ReasonedEditView(ReasonedSaveMixin, EditView):
    pass
