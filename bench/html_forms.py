"""The forms of an HTML page as a browser without scripts sees them: where each posts, what
it sends as served (hidden fields such as the CSRF token, filled-in text, checked boxes and
radios, chosen options), and every field and choice it offers; and what the form pages say
back once Send is pressed. Used by the load test to fill in the practitioners' forms and the
admin's page editor as a person would. It imports nothing of locust's (which patches the
standard library for gevent), so the tests can use it."""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Form:
    action: str
    method: str
    id: str = ""
    #: (name, value) pairs a browser would send if the form were sent as served.
    values: list[tuple[str, str]] = field(default_factory=list)
    #: every field's name, with the values offered for radios, checkboxes and selects.
    choices: dict[str, set[str]] = field(default_factory=dict)

    def filled(self, answers: dict[str, str], extra: dict | None = None) -> list[tuple[str, str]]:
        """What the form sends with `answers` typed into the fields it shows (a question it
        does not ask, such as one that depends on an earlier answer, is left out), and
        `extra` added as it is (a button pressed, fields a script would make). ValueError
        naming the field if an answer is a choice the form does not offer."""
        shown = {name: value for name, value in answers.items() if name in self.choices}
        for name, value in shown.items():
            offered = self.choices[name]
            if offered and value and value not in offered:
                raise ValueError(f"the form offers no {value!r} for {name!r}")
        given = {**shown, **(extra or {})}
        kept = [(name, value) for name, value in self.values if name not in given]
        return kept + list(given.items())


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._textarea: str | None = None
        self._text: list[str] = []
        self._select: str | None = None
        self._options: list[tuple[str, bool]] = []

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if tag == "form":
            self._form = Form(
                action=attributes.get("action", ""),
                method=attributes.get("method", "get").lower(),
                id=attributes.get("id", ""),
            )
            self.forms.append(self._form)
            return
        form, name = self._form, attributes.get("name", "")
        if form is None:
            return
        if tag == "input" and name:
            kind = attributes.get("type", "text").lower()
            if kind in {"submit", "button", "image", "reset", "file"}:
                return
            offered = form.choices.setdefault(name, set())
            if kind in {"radio", "checkbox"}:
                value = attributes.get("value", "on")
                offered.add(value)
                if "checked" in attributes:
                    form.values.append((name, value))
            else:
                form.values.append((name, attributes.get("value", "")))
        elif tag == "textarea" and name:
            form.choices.setdefault(name, set())
            self._textarea, self._text = name, []
        elif tag == "select" and name:
            form.choices.setdefault(name, set())
            self._select, self._options = name, []
        elif tag == "option" and self._select:
            value = attributes.get("value", "")
            form.choices[self._select].add(value)
            self._options.append((value, "selected" in attributes))

    def handle_data(self, data):
        if self._textarea is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea" and self._textarea is not None and self._form is not None:
            # A browser drops the one newline that may follow <textarea>.
            text = "".join(self._text).removeprefix("\n")
            self._form.values.append((self._textarea, text))
            self._textarea = None
        elif tag == "select" and self._select is not None and self._form is not None:
            # A browser sends the chosen option, or the first when none is chosen.
            chosen = [value for value, selected in self._options if selected]
            first = [value for value, _ in self._options[:1]]
            for value in chosen or first:
                self._form.values.append((self._select, value))
            self._select = None


def forms(html: str) -> list[Form]:
    parser = _FormParser()
    parser.feed(html)
    parser.close()
    return parser.forms


def post_form(html: str, form_id: str = "") -> Form:
    """The page's form that posts (the one with `form_id`, if given); LookupError if none."""
    for form in forms(html):
        if form.method == "post" and (not form_id or form.id == form_id):
            return form
    raise LookupError(f"no form that posts{f' with id {form_id!r}' if form_id else ''}")


REFERENCE = re.compile(r'<strong id="reference">([^<]+)</strong>')
TOO_MANY = "You have sent too many forms from this network recently"


def reference_shown(html: str) -> str:
    """The reference on a confirmation page; ValueError if it shows none."""
    found = REFERENCE.search(html)
    if found is None:
        raise ValueError("the confirmation page shows no reference")
    return found.group(1)
