"""The "Message templates" screen (wagtail-modeladmin, on the admin base): the texts an EIDO
can start from when a step tells the practitioner something, per district with the county's
defaults. Saved through `services.save_message_template`; every change is in the audit log
(Wagtail's log entry of the template, copied there by `models.audit`)."""

from django.contrib.admin import display
from wagtail.admin.panels import FieldPanel, ObjectList

from ...models import MessageTemplate
from ...selectors import message_templates_visible_to
from ...services import save_message_template
from ...services.message_templates import MAY_NOT_CHANGE_TEMPLATE
from ..base import CaseworkDistrictsMixin, ScopedModelAdmin
from ..filters import DistrictFilter, choice_filter
from ..meetings.views import LabelledInspectView
from ..service_views import service_views
from .forms import MessageTemplateForm
from .permissions import MessageTemplatePermissionHelper

MessageTemplateCreateView, MessageTemplateEditView = service_views(
    save_message_template,
    record="template",
    fields=("step", "name", "body", "district"),
    reason=False,
)


class MessageTemplateAdmin(CaseworkDistrictsMixin, ScopedModelAdmin):
    model = MessageTemplate
    menu_label = "Message templates"
    menu_icon = "mail"
    # After Casework (200) and Meetings and budgets (201).
    menu_order = 202
    permission_helper_class = MessageTemplatePermissionHelper
    create_view_class = MessageTemplateCreateView
    edit_view_class = MessageTemplateEditView
    inspect_view_class = LabelledInspectView
    create_template_name = "pei_workflow/messages/create.html"
    edit_template_name = "pei_workflow/messages/edit.html"
    form_view_extra_css = ["pei_workflow/admin/casework.css"]
    refusal = MAY_NOT_CHANGE_TEMPLATE
    no_access = "Only EIDOs and county leads can see the message templates."
    list_display = ("name", "step", "whose")
    list_filter = (choice_filter(MessageTemplate, "step"), DistrictFilter)
    search_fields = ("name",)
    ordering = ("step", "district__name", "name", "pk")
    inspect_view_fields = ["step", "name", "district", "body", "updated_at"]
    edit_handler = ObjectList(
        [FieldPanel("step"), FieldPanel("name"), FieldPanel("district"), FieldPanel("body")],
        base_form_class=MessageTemplateForm,
    )
    related = ("district",)

    def selector(self, user):
        return message_templates_visible_to(user)

    @display(description="District", ordering="district__name")
    def whose(self, template):
        return "County default" if template.district_id is None else template.district.name
