"""Staff sign-in's second factor, on django-otp: after the password, a code from an
authenticator app on the person's phone, or one of ten single-use backup codes.

- `middleware`: with settings.PEI_REQUIRE_SECOND_FACTOR on, keeps a signed-in session out of
  the admin until it has given a code (or, for someone without a second factor yet, set one
  up).
- `devices`: setting one up, checking a code (with django-otp's throttling), backup codes.
- `views`, `forms`: the set-up, code and backup codes pages; `urls`: their addresses.

A county lead removes someone's second factor (a lost phone) under Settings > Second
factors (`pei_workflow.services.second_factor`).
"""
