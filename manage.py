#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pei_site.settings.dev")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    # Settings refuse to start when the environment lacks something (SECRET_KEY, REDIS_URL
    # in production). Import them first so that a refusal is its one line, not a traceback.
    try:
        settings.INSTALLED_APPS  # noqa: B018
    except ImproperlyConfigured as refusal:
        sys.exit(f"ImproperlyConfigured: {refusal}")
    execute_from_command_line(sys.argv)
