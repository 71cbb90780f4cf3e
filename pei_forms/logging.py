"""Keep status link tokens out of logs.

A status link's token is as good as a password for one submission, and it is in the page's
address, which servers log: Django's "Not Found: /status/<token>/" warnings, runserver's access
log and gunicorn's. `RedactStatusTokens` is a logging filter that replaces the token in any
/status/<token> path with "[redacted]", in a record's message and in its arguments, before a
handler formats it. Settings attach it to every handler; site/gunicorn_logging.py applies the
same function to gunicorn's access log.
"""

import logging
import re

REDACTED = "[redacted]"

# "/status/" then anything up to the next "/", "?", "#", quote or space, except the resend
# pages, whose addresses hold no secret. Percent-encoded slashes ("%2Fstatus%2F...", as in a
# "next=" parameter) count as slashes.
STATUS_TOKEN = re.compile(
    r"(?P<prefix>(?:/|%2F)status(?:/|%2F))"
    r"(?!resend(?:/|%2F|[?#\s\"']|$))"
    r"(?:(?!%2F)[^/?#\s\"'])+",
    re.IGNORECASE,
)


def redact_status_tokens(text: str) -> str:
    """Return `text` with the token of every /status/<token> path replaced by [redacted]."""
    if "status" not in text.lower():
        return text
    return STATUS_TOKEN.sub(lambda match: match.group("prefix") + REDACTED, text)


def _redact(value):
    return redact_status_tokens(value) if isinstance(value, str) else value


class RedactStatusTokens(logging.Filter):
    """A logging filter that removes status link tokens from a record; it never drops one."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact_status_tokens(record.msg)
        if isinstance(record.args, dict):
            # In place, so that a dict subclass (gunicorn's access atoms) keeps its behaviour.
            for key, value in list(record.args.items()):
                if isinstance(value, str):
                    record.args[key] = redact_status_tokens(value)
        elif isinstance(record.args, tuple):
            record.args = tuple(_redact(value) for value in record.args)
        return True
