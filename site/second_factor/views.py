"""The second-factor pages: set up an authenticator app (first sign-in), enter a code (every
sign-in after), and make a new set of backup codes. Each parses the form, asks `devices`,
records the outcome in the audit log (never the code typed), and renders.

Every page is marked never to be cached: they show a secret key or backup codes.
"""

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login

from pei_workflow import audit

from . import devices
from .forms import CodeForm
from .urls import CHECK, SET_UP, with_next

NOT_RIGHT = "That code is not right. Check it and try again"
NOT_RIGHT_SETTING_UP = (
    "That code is not right. Check the app shows the account you added from this page, and "
    "enter its newest code"
)


def _next_url(request) -> str:
    """Where the person was going: an address on this site, or the dashboard."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def _sent(request):
    """The form's data when one was sent (an empty POST is still a form sent)."""
    return request.POST if request.method == "POST" else None


def _verified(request, device) -> None:
    # A new session key as the session gains its second factor, as Django's own login
    # gives one for the password: a session id seen before this moment is worth nothing.
    request.session.cycle_key()
    otp_login(request, device)


def _refuse(request, form: CodeForm, outcome: devices.Outcome, *, setting_up: bool) -> None:
    """Say why the code was not taken, beside the field, and record the attempt."""
    data = {"kind": outcome.kind}
    if outcome.wait_until is not None:
        data["waiting"] = True
        form.code_not_right(
            "You have entered too many wrong codes. Wait "
            f"{devices.wait_words(outcome.wait_until)}, then try again"
        )
    else:
        form.code_not_right(NOT_RIGHT_SETTING_UP if setting_up else NOT_RIGHT)
    if setting_up:
        data["step"] = "set_up"
    audit.record(request.user, audit.SECOND_FACTOR_FAILED, request.user, district=None, data=data)


def _backup_codes_page(request, *, next_url: str, first_time: bool) -> TemplateResponse:
    """Make ten new backup codes and show them, this once: they are never shown again."""
    codes = devices.new_backup_codes(request.user)
    audit.record(request.user, audit.BACKUP_CODES_MADE, request.user, district=None)
    context = {
        "codes": [devices.in_groups_of_four(code) for code in codes],
        "next_url": next_url,
        "first_time": first_time,
    }
    return TemplateResponse(request, "pei_site/second_factor/backup_codes.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def set_up(request):
    user, next_url = request.user, _next_url(request)
    if devices.has_second_factor(user):
        # Only someone without a second factor sets one up: someone who knew just the
        # password must not add an app of their own to another person's account.
        return redirect(next_url if user.is_verified() else with_next(CHECK, next_url))
    form = CodeForm(_sent(request), backup_codes_allowed=False)
    if request.method == "POST" and form.is_valid():
        outcome = devices.confirm_app(user=user, code=form.cleaned_data["code"])
        if outcome.passed:
            _verified(request, outcome.device)
            audit.record(user, audit.SECOND_FACTOR_SET_UP, user, district=None)
            return _backup_codes_page(request, next_url=next_url, first_time=True)
        _refuse(request, form, outcome, setting_up=True)
    device = devices.app_being_set_up(user)
    context = {
        "form": form,
        "next_url": next_url,
        "qr_code": devices.qr_code_svg(device),
        "key": devices.key_in_groups(device),
    }
    return TemplateResponse(request, "pei_site/second_factor/set_up.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def check(request):
    user, next_url = request.user, _next_url(request)
    if user.is_verified():
        return redirect(next_url)
    if not devices.has_second_factor(user):
        return redirect(with_next(SET_UP, next_url))
    form = CodeForm(_sent(request), backup_codes_allowed=True)
    if request.method == "POST" and form.is_valid():
        outcome = devices.check_code(user=user, code=form.cleaned_data["code"])
        if outcome.passed:
            _verified(request, outcome.device)
            audit.record(
                user, audit.SECOND_FACTOR_PASSED, user, district=None, data={"kind": outcome.kind}
            )
            return redirect(next_url)
        _refuse(request, form, outcome, setting_up=False)
    context = {"form": form, "next_url": next_url}
    return TemplateResponse(request, "pei_site/second_factor/check.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def backup_codes(request):
    """Make a new set of backup codes (the old ones stop working)."""
    user = request.user
    if not user.is_verified():
        # New codes only for a session that has given a code this time.
        return redirect(with_next(CHECK, request.path))
    account = reverse("wagtailadmin_account")
    if request.method == "POST":
        return _backup_codes_page(request, next_url=account, first_time=False)
    context = {"left": devices.backup_codes_left(user), "account_url": account}
    return TemplateResponse(request, "pei_site/second_factor/new_backup_codes.html", context)
