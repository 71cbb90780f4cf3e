"""The one field the second-factor pages ask for: a code. The form checks its shape; whether
it is right is the device's business (`devices`), and the view says so beside the field."""

from django import forms

from . import devices


class CodeForm(forms.Form):
    """A code from the app, or (unless only the app's will do) a backup code."""

    code = forms.CharField(label="Code", max_length=40, strip=True)

    def __init__(self, *args, backup_codes_allowed: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.backup_codes_allowed = backup_codes_allowed
        field = self.fields["code"]
        field.widget.attrs.update(
            {"autocomplete": "one-time-code", "spellcheck": "false", "autocapitalize": "none"}
        )
        if backup_codes_allowed:
            field.help_text = "The 6-digit code from your authenticator app, or a backup code."
            field.error_messages["required"] = "Enter the code from your app, or a backup code"
        else:
            field.help_text = "The 6-digit code the app shows for Lancashire PEI."
            field.error_messages["required"] = "Enter the 6-digit code from your app"
            field.widget.attrs["inputmode"] = "numeric"

    def clean_code(self) -> str:
        code = devices.normalised(self.cleaned_data["code"])
        kind = devices.kind_of(code)
        if kind == devices.APP or (kind == devices.BACKUP and self.backup_codes_allowed):
            return code
        if self.backup_codes_allowed:
            raise forms.ValidationError(
                "Enter the 6-digit code from your app, or an 8-character backup code"
            )
        raise forms.ValidationError("Enter the 6 digits the app shows, like 123456")

    def code_not_right(self, message: str) -> None:
        self.add_error("code", message)
