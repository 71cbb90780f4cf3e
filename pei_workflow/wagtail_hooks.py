"""The casework admin. Each area registers its own screens; this module only imports them,
since Wagtail loads `wagtail_hooks` of each app and nothing else."""

from .casework_admin import hooks as _casework  # noqa: F401
from .directory_admin import hooks as _directory  # noqa: F401
from .meetings_admin import hooks as _meetings  # noqa: F401
from .people_admin import hooks as _people  # noqa: F401
