"""A practitioner's answers between the steps of a form, kept in their session.

Nothing is written to the casework tables until the practitioner sends the form: until then
the answers live only in the session, one entry per form page, as the strings they typed. They
are checked again, step by step, before check answers is shown and before anything is sent.

After sending, the answers are dropped and only a receipt (reference, email, district) is kept
for the confirmation page, so that refreshing, going back or pressing Send again cannot send
the same form twice.
"""

import secrets

SESSION_KEY_PREFIX = "pei_forms.journey."


class Journey:
    """One practitioner's progress through one form page."""

    def __init__(self, session, page_id: int):
        self.session = session
        self.key = f"{SESSION_KEY_PREFIX}{page_id}"

    def _state(self) -> dict:
        return self.session.get(self.key) or {}

    def _store(self, state: dict) -> None:
        # Assigning (not mutating) marks the session as modified.
        self.session[self.key] = state

    @property
    def id(self) -> str | None:
        """A random id for this set of answers, used to refuse sending it twice."""
        return self._state().get("id")

    def answers_for(self, slug: str) -> dict | None:
        return self._state().get("steps", {}).get(slug)

    def has_answers(self) -> bool:
        return bool(self._state().get("steps"))

    def save_answers(self, slug: str, data: dict) -> None:
        """Keep one step's answers. Starting a new set of answers forgets the last receipt."""
        state = self._state()
        steps = dict(state.get("steps", {}))
        steps[slug] = data
        self._store({"id": state.get("id") or secrets.token_hex(16), "steps": steps})

    def first_missing(self, slugs) -> str | None:
        """The first step, in order, that has no answers yet."""
        steps = self._state().get("steps", {})
        return next((slug for slug in slugs if slug not in steps), None)

    def finish(self, receipt: dict) -> None:
        """Forget the answers once sent; keep what the confirmation page shows."""
        self._store({"receipt": receipt})

    def receipt(self) -> dict | None:
        return self._state().get("receipt")

    def clear(self) -> None:
        self.session.pop(self.key, None)
