"""The public casework addresses that are not Wagtail pages: the private status page.

Include these before Wagtail's catch-all in the site's urls. The status page's address ends
in the token ("/status/<token>/"): keep "status/" in the path, pei_forms.logging finds tokens
in logs by it.
"""

from django.urls import path

from .status import views

app_name = "pei_forms"

urlpatterns = [
    # Before the token pattern, so that "resend" is never looked up as a token.
    path("status/resend/", views.resend_link, name="resend_link"),
    path("status/resend/sent/", views.resend_link_sent, name="resend_link_sent"),
    path("status/<str:token>/", views.status, name="status"),
    path("status/<str:token>/withdraw/", views.withdraw, name="withdraw"),
]
