from django import forms
from django.contrib.auth import get_user_model

from ...models import District
from ...services.people import CASEWORK_ROLES
from ..keys import KeysWithinRangeMixin


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        name = obj.get_full_name()
        email = obj.email or obj.get_username()
        return f"{name} ({email})" if name else email


class AssignForm(KeysWithinRangeMixin, forms.Form):
    """Who, which role, which districts. The form only parses: the rules (districts needed
    or not allowed, who may be changed) are the service's, whose errors land on these fields
    by name."""

    user = PersonChoiceField(
        label="Person",
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label="Choose someone who already has an account",
    )
    email = forms.EmailField(
        label="Or the email address of someone new",
        required=False,
        help_text="They get an account with no password they know. They sign in the first "
        "time by choosing “Forgotten password?” on the sign-in page.",
    )
    first_name = forms.CharField(label="Their first name", required=False, max_length=150)
    last_name = forms.CharField(label="Their last name", required=False, max_length=150)
    role = forms.ChoiceField(
        label="Role",
        choices=[(role.value, role.label) for role in CASEWORK_ROLES],
        widget=forms.RadioSelect,
    )
    districts = forms.ModelMultipleChoiceField(
        label="Districts",
        queryset=District.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Choose one or more for an EIDO or a panel member. Choose none for a county "
        "lead: they work in every district.",
    )

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        people = get_user_model().objects.filter(is_active=True)
        # Superusers are not offered to anyone else: only a superuser changes a superuser.
        if not actor.is_superuser:
            people = people.filter(is_superuser=False)
        self.fields["user"].queryset = people.order_by("first_name", "last_name", "username")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("user") and cleaned.get("email"):
            self.add_error("email", "Choose a person or enter an email address, not both.")
        elif not cleaned.get("user") and not cleaned.get("email") and "email" not in self.errors:
            self.add_error("user", "Choose a person, or enter the email address of someone new.")
        return cleaned
