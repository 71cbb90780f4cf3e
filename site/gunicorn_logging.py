"""gunicorn's logger, with status link tokens taken out of its access and error logs.

gunicorn writes its own access log, outside Django's LOGGING, with the request line, the path
and the referrer of every request, so a status link's token would land in it. Use:

    gunicorn --logger-class pei_site.gunicorn_logging.RedactingLogger pei_site.wsgi

(or `logger_class = "pei_site.gunicorn_logging.RedactingLogger"` in a gunicorn config file).
"""

from gunicorn.glogging import Logger

from pei_forms.logging import RedactStatusTokens, redact_status_tokens

# One instance, so that setting the logger up again (on SIGHUP) does not add it twice.
_ERROR_LOG_FILTER = RedactStatusTokens()


class RedactingLogger(Logger):
    """A gunicorn Logger whose access log, and error log, never show a status link token.

    gunicorn's `access()` formats its line from `atoms()`, so redacting the atoms redacts
    every access log format, the default and any custom `--access-logformat`.
    """

    def setup(self, cfg):
        super().setup(cfg)
        # Worker errors name the request, such as "Error handling request /status/<token>/".
        self.error_log.addFilter(_ERROR_LOG_FILTER)

    def atoms(self, resp, req, environ, request_time):
        """gunicorn's access log values, with the token removed from every text value: the
        request line (%(r)s), path (%(U)s), query (%(q)s), referrer (%(f)s) and any header or
        environ value the log format names."""
        atoms = super().atoms(resp, req, environ, request_time)
        return {
            key: redact_status_tokens(value) if isinstance(value, str) else value
            for key, value in atoms.items()
        }
