"""Settings > Second factors: who has set up an authenticator app, and a way for a county
lead or an operator to remove someone's (a lost phone), with a reason, so that they set up a
new one the next time they sign in. The views parse and call
`services.second_factor`, which decides who may and writes the audit log."""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods
from wagtail.admin import messages

from ...choices import SecondFactorRemoval
from ...services.second_factor import (
    OPERATORS_ONLY,
    REFUSAL,
    may_remove,
    may_remove_for,
    people_with_second_factor,
    remove_second_factor,
    second_factors,
)
from .. import urls
from ..base import refused, scoped_object_or_404


class RemovalForm(forms.Form):
    reason = forms.ChoiceField(
        label="Why are you removing it?",
        choices=SecondFactorRemoval.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose why you are removing it"},
    )


def _name(person) -> str:
    return person.get_full_name() or person.email or person.get_username()


@require_http_methods(["GET"])
def second_factors_list(request):
    if not may_remove(request.user):
        return refused(request, REFUSAL)
    rows = [
        {
            "factor": factor,
            "name": _name(factor.person),
            "remove_url": urls.remove_second_factor_url(factor.person)
            if may_remove_for(request.user, factor.person)
            else "",
        }
        for factor in second_factors()
    ]
    return TemplateResponse(
        request, "pei_workflow/people_admin/second_factors.html", {"rows": rows}
    )


@require_http_methods(["GET", "POST"])
def remove(request, user_pk: int):
    if not may_remove(request.user):
        return refused(request, REFUSAL)
    person = scoped_object_or_404(people_with_second_factor(), user_pk, "second factor")
    if not may_remove_for(request.user, person):
        return refused(request, OPERATORS_ONLY)
    form = RemovalForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            remove_second_factor(
                actor=request.user, person=person, reason=form.cleaned_data["reason"]
            )
        except PermissionDenied as error:
            return refused(request, str(error))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                f"Second factor removed: {_name(person)}. They are signed out everywhere "
                "and will set up a new one the next time they sign in.",
            )
        return redirect(urls.second_factors_url())
    context = {
        "form": form,
        "name": _name(person),
        "index_url": urls.second_factors_url(),
    }
    return TemplateResponse(request, "pei_workflow/people_admin/remove_second_factor.html", context)
