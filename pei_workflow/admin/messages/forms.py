"""The form of a message template. It offers only the districts the person may choose and
parses what they typed; `services.save_message_template` holds the rules (placeholders, the
anonymity guard, who may change what) and says in plain words why a change is refused."""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from ...permissions import is_county_lead
from ...placeholders import PLACEHOLDERS_IN_WORDS
from ...selectors import districts_visible_to
from ..keys import KeysWithinRangeMixin

COUNTY_DEFAULT = "None: a county default, offered in every district"


class MessageTemplateForm(KeysWithinRangeMixin, WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        district = self.fields["district"]
        district.queryset = districts_visible_to(user)
        district.error_messages["invalid_choice"] = "Select a district from the list."
        if is_county_lead(user):
            district.empty_label = COUNTY_DEFAULT
            district.help_text = "Leave it as a county default to offer it in every district."
        else:
            # An EIDO's templates are their districts'; the county defaults are the leads'.
            district.required = True
            district.empty_label = "Choose a district"
            district.help_text = "It is offered on this district’s cases only."
            district.error_messages["required"] = "Select the district the template is for."
            own = list(district.queryset[:2])
            if not self.instance.pk and len(own) == 1:
                self.initial["district"] = own[0].pk
        step = self.fields["step"]
        step.label = "Step"
        step.help_text = "The step whose text for the practitioner it fills in."
        step.error_messages["invalid_choice"] = "Select the step the template is for."
        self.fields["name"].error_messages["required"] = "Enter a short name for the template."
        body = self.fields["body"]
        body.label = "Text"
        body.widget = forms.Textarea(attrs={"rows": 10})
        body.help_text = (
            "Write it to the practitioner. Placeholders are filled in when the EIDO picks it: "
            f"{PLACEHOLDERS_IN_WORDS}. Do not name or describe a child, young person or family."
        )
        body.error_messages["required"] = "Enter the text of the template."
        # The service checks the length and says so in the same words as every step.
        body.validators = []
        body.max_length = None
        body.widget.attrs.pop("maxlength", None)

    def _post_clean(self):
        # The service validates the instance (and its name, step and district together); the
        # model form's own checks would only say it twice, less plainly.
        pass
