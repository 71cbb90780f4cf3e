"""The second-factor pages' addresses, built in one place, as `pei_workflow.admin.urls` does
for the casework admin. They are admin URLs (`pei_site.wagtail_hooks`), under /admin/."""

from urllib.parse import urlencode

from django.urls import reverse

SET_UP = "pei_second_factor_set_up"
CHECK = "pei_second_factor_check"
BACKUP_CODES = "pei_second_factor_backup_codes"
#: The pages a session may open before it has given a code: these.
PAGES = frozenset({SET_UP, CHECK})


def with_next(name: str, next_url: str = "") -> str:
    """The page's address, with where to go once the code is given."""
    url = reverse(name)
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url
