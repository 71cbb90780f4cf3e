"""Where made-up data may go: demo accounts (`create_demo_accounts`) and synthetic casework
(`generate_casework`) only into a throwaway database.

Settings switch them off in production (PEI_ALLOW_DEMO_ACCOUNTS), but `manage.py` on a
production host without DJANGO_SETTINGS_MODULE reads the development settings, which switch
them on, and the host's DATABASE_URL. So each command also asks the database itself: an
SQLite file (the embedded default, never production's) or a database whose name says it is
for tests, demos, development or benchmarks (`pei_test`, `pei_demo`, `test_pei`, `bench2`).
Production's database is named for what it is (`pei`), and refuses. This was chosen over
a deployment marker that makes production settings the default: a marker must be put on
every host and kept there, while the database's name goes wherever the data does.
"""

import re

from django.conf import settings
from django.db import connections

THROWAWAY_NAME = re.compile(
    r"(?:^|[_\-.])(?:test|tests|demo|dev|bench|scratch)(?:$|[_\-.\d])", re.IGNORECASE
)


def demo_data_refusal(what: str, using: str = "default") -> str:
    """Why `what` ("demo accounts") may not be made here; empty when it may."""
    if not getattr(settings, "PEI_ALLOW_DEMO_ACCOUNTS", False):
        return f"Making {what} is switched off in these settings (PEI_ALLOW_DEMO_ACCOUNTS)."
    database = connections[using].settings_dict
    if database["ENGINE"].endswith("sqlite3"):
        return ""
    name = str(database["NAME"])
    if THROWAWAY_NAME.search(name):
        return ""
    return (
        f"Making {what} is allowed only in a throwaway database, and {name!r} is not named "
        "as one: use SQLite, or a database whose name has test, demo, dev or bench in it."
    )
