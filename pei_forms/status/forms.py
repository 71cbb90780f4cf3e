"""The two forms of the status pages: the answer to an information request, and the request
for a new link. Messages follow the GOV.UK Design System's error message patterns."""

import re

from django import forms

from pei_workflow.models import FREE_TEXT_MAX_LENGTH
from pei_workflow.text_checks import refuse_identifying_details

ANSWER_LABEL = "Your answer"
REFERENCE_PATTERN = re.compile(r"^(GAP|CAF)-[A-Z]{3}-[0-9]{4}-[0-9]{4,6}$")
REFERENCE_MAX_LENGTH = 40
EMAIL_MAX_LENGTH = 254


class StatusForm(forms.Form):
    """Field ids are the bare field names ("answer"), which the error summary links to."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "%s")
        super().__init__(*args, **kwargs)


class AnswerForm(StatusForm):
    """The practitioner's answer to the EIDO's question. It goes through the same anonymity
    guard as the forms, before anything is stored."""

    answer = forms.CharField(
        label=ANSWER_LABEL,
        # The length is checked on submit, not limited in the browser, so a pasted answer
        # that is too long is kept and the practitioner can shorten it.
        widget=forms.Textarea(attrs={"rows": 8}),
        strip=True,
        error_messages={"required": "Enter your answer"},
    )

    def clean_answer(self) -> str:
        answer = self.cleaned_data["answer"]
        if len(answer) > FREE_TEXT_MAX_LENGTH:
            raise forms.ValidationError(
                f"Your answer must be {FREE_TEXT_MAX_LENGTH:,} characters or fewer",
                code="max_length",
            )
        refuse_identifying_details(answer, label=ANSWER_LABEL)
        return answer


class ResendLinkForm(StatusForm):
    """Ask for a new status link: the reference and the email address given on the form.

    Both are needed, so that someone who knows only a practitioner's address cannot make us
    email them, or make their working link stop, for every submission they ever sent.
    """

    reference = forms.CharField(
        label="Reference",
        error_messages={"required": "Enter your reference"},
    )
    email = forms.CharField(
        label="Email address",
        error_messages={"required": "Enter your email address"},
    )

    def clean_reference(self) -> str:
        reference = re.sub(r"\s+", "", self.cleaned_data["reference"]).upper()
        if len(reference) > REFERENCE_MAX_LENGTH or not REFERENCE_PATTERN.match(reference):
            raise forms.ValidationError(
                "Enter the reference in the correct format, like GAP-PEN-2026-0007",
                code="invalid",
            )
        return reference

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip()
        try:
            forms.EmailField(max_length=EMAIL_MAX_LENGTH).clean(email)
        except forms.ValidationError:
            raise forms.ValidationError(
                "Enter an email address in the correct format, like name@example.com",
                code="invalid",
            ) from None
        return email
