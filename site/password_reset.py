"""The admin's "Forgotten password?" form, with limits (settings.PEI_PASSWORD_RESET_LIMITS):
per client address, so one address cannot send reset emails to every account; and per email
address asked for, so nobody can fill one person's inbox.

Over the client's limit the form says so and sends nothing. Over an email address's limit it
answers as it always does ("if an account has that address, an email is on its way") and
sends nothing: a different answer would tell anyone which addresses have accounts.
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils.crypto import salted_hmac
from wagtail.admin.views.account import PasswordResetView

from pei_forms.protection import allow, allow_client

TOO_MANY = (
    "Too many password reset requests have come from your address. Try again in an hour, or "
    "ask a county lead to reset your password."
)


class LimitedPasswordResetView(PasswordResetView):
    def form_valid(self, form):
        limit, window = settings.PEI_PASSWORD_RESET_LIMITS["address"]
        if not allow_client(self.request, "password_reset", limit=limit, window=window):
            form.add_error(None, TOO_MANY)
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        limit, window = settings.PEI_PASSWORD_RESET_LIMITS["email"]
        email = form.cleaned_data["email"].strip().lower()
        key = salted_hmac("pei_site.password_reset", email, algorithm="sha256").hexdigest()[:32]
        if not allow(f"password_reset_email:{key}", limit=limit, window=window):
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)
