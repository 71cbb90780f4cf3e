"""Staff sign-in: a lockout after repeated failures (django-axes), and the password reset's
own limits; and the second factor (django-otp). Read by base.py; production switches the
second factor on.

django-axes keeps its counts in the database, so every app server sees the same lockouts.
An account is locked after AXES_FAILURE_LIMIT failed sign-ins from anywhere, and an address
after as many failures for any accounts: the first stops guessing one person's password, the
second one address trying many accounts. A lock lifts itself after AXES_COOLOFF_TIME, or
when a county lead or an operator unlocks it (Settings > Locked sign-ins).
"""

import datetime

AUTHENTICATION_BACKENDS = [
    # First, so that a locked account or address is refused before its password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = datetime.timedelta(hours=1)
AXES_USERNAME_CALLABLE = "pei_site.sign_in.tracked_username"
# A successful sign-in forgets the account's earlier failures.
AXES_RESET_ON_SUCCESS = True
# The same client the public forms' limits count: only the trusted proxies are believed.
AXES_CLIENT_IP_CALLABLE = "pei_site.sign_in.sign_in_address"
AXES_LOCKOUT_CALLABLE = "pei_site.sign_in.locked_out"
AXES_HTTP_RESPONSE_CODE = 429
# The audit log already records every sign-in, failed sign-in and sign-out; axes' own log of
# each would be a second copy of who signed in from where, kept for ever.
AXES_DISABLE_ACCESS_LOG = True
# Its models are read and changed through Settings > Locked sign-ins, not Django's admin.
AXES_ENABLE_ADMIN = False

# Password reset requests: (how many, in how many seconds) per client address, and per email
# address asked for. Over the address's limit the form says so; over an email's, the form
# says what it always says and sends nothing, so it tells nobody whether an account exists.
PEI_PASSWORD_RESET_LIMITS = {"address": (5, 3600), "email": (3, 3600)}

# The second factor (pei_site.second_factor): a code from an authenticator app, or one of ten
# single-use backup codes. On, a signed-in session cannot open the admin until it has given
# one (or, for someone without one yet, set one up). Off here for development and tests;
# production.py switches it on.
PEI_REQUIRE_SECOND_FACTOR = False
# The name the authenticator app shows beside the account.
OTP_TOTP_ISSUER = "Lancashire PEI"
# django-otp's throttling, per device: after n wrong codes in a row the next is refused for
# 2^(n-1) seconds (1, 2, 4 ... 512 after ten), so a typo costs a second and guessing six
# digits would take years. Named here, at django-otp's defaults, so that nobody switches it
# off by accident.
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
