"""Signing someone out everywhere, from a step taken by somebody else (a county lead
removing their second factor after a lost phone).

Sessions are in the database (Django's default engine), so every app server reads the
same ones: a session ended here is ended for every server at its next request. Django
keeps no index of sessions by person, so each live session is read once; this is a rare
step, and the live sessions are staff's and practitioners' half-filled forms, not many.
"""

from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.utils import timezone


def end_every_session(user) -> int:
    """End every live session signed in as `user`; how many there were."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    ended = 0
    live = Session.objects.filter(expire_date__gt=timezone.now())
    for session in live.iterator():
        if session.get_decoded().get(SESSION_KEY) == str(user.pk):
            store(session_key=session.session_key).delete()
            ended += 1
    return ended
