"""The casework admin. Each screen family registers its own screens; this module only imports
them, since Wagtail loads `wagtail_hooks` of each app and nothing else."""

from .admin import audit as _audit  # noqa: F401
from .admin import wagtail_screens as _wagtail_screens  # noqa: F401
from .admin.casework import hooks as _casework  # noqa: F401
from .admin.directory import hooks as _directory  # noqa: F401
from .admin.meetings import hooks as _meetings  # noqa: F401
from .admin.messages import hooks as _messages  # noqa: F401
from .admin.people import hooks as _people  # noqa: F401
from .admin.projects import hooks as _projects  # noqa: F401
from .admin.reports import hooks as _reports  # noqa: F401
from .admin.targets import hooks as _targets  # noqa: F401
