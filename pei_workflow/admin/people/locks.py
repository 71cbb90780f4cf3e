"""Settings > Locked sign-ins: the accounts and addresses django-axes has locked after repeated
failed sign-ins, each with a button that unlocks it. The view parses and calls
`services.sign_in_locks`, which decides who may and writes the audit log."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods
from wagtail.admin import messages

from ...services.sign_in_locks import (
    REFUSAL,
    locked_accounts,
    locked_addresses,
    may_unlock,
    unlock_account,
    unlock_address,
)
from ..base import bad_request, refused

URL_NAME = "pei_workflow_locked_sign_ins"
ACCOUNT, ADDRESS = "account", "address"


@require_http_methods(["GET", "POST"])
def locked_sign_ins(request):
    if not may_unlock(request.user):
        return refused(request, REFUSAL)
    if request.method == "POST":
        return _unlock(request)
    context = {
        "accounts": locked_accounts(),
        "addresses": locked_addresses(),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "ACCOUNT": ACCOUNT,
        "ADDRESS": ADDRESS,
    }
    return TemplateResponse(request, "pei_workflow/people_admin/locked_sign_ins.html", context)


def _unlock(request):
    here = reverse(URL_NAME)
    account, address = request.POST.get(ACCOUNT, ""), request.POST.get(ADDRESS, "")
    if bool(account) == bool(address):
        return bad_request(
            request,
            "Choose one account or one address to unlock.",
            back_url=here,
            title="Nothing was unlocked",
            advice="Use an Unlock button in the list.",
            back_label="Go to the locked sign-ins",
        )
    try:
        if account:
            unlock_account(actor=request.user, username=account)
        else:
            unlock_address(actor=request.user, address=address)
    except PermissionDenied:
        return refused(request, REFUSAL)
    except ValidationError as error:
        return bad_request(
            request,
            " ".join(error.messages),
            back_url=here,
            title="Nothing was unlocked",
            advice="It may have been unlocked already, or its lock has run out.",
            back_label="Go to the locked sign-ins",
        )
    messages.success(request, f"Unlocked: {account or address}.")
    return redirect(here)
