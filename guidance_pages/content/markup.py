"""Builders for StreamField and rich text values, so the page texts read as text, not JSON.

Every builder returns the raw form Wagtail stores (a dict with "type" and "value"), which the
loader then validates with the field's own block before anything is saved.
"""

from collections.abc import Iterable


def paragraphs(*texts: str) -> str:
    """Rich text HTML with one <p> per argument. Arguments may hold inline HTML such as links."""
    return "".join(f"<p>{text}</p>" for text in texts)


def bullets(items: Iterable[str]) -> str:
    """A bulleted list as rich text HTML."""
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def numbered(items: Iterable[str]) -> str:
    """A numbered list as rich text HTML."""
    return "<ol>" + "".join(f"<li>{item}</li>" for item in items) + "</ol>"


def heading(text: str) -> dict:
    """A section heading (h2). It appears in the page's contents list, so keep it unique."""
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def subheading(text: str) -> dict:
    """A sub-heading (h3) within a section."""
    return {"type": "heading", "value": {"text": text, "level": "h3"}}


def text(*html: str) -> dict:
    """A rich text block. Each argument is a chunk of HTML, such as paragraphs() or bullets()."""
    return {"type": "paragraph", "value": "".join(html)}


def inset(html: str) -> dict:
    """Inset text: an example or a quote set apart from the text around it."""
    return {"type": "inset_text", "value": {"text": html}}


def warning(plain: str) -> dict:
    """Warning text. Plain text only, 300 characters at most."""
    return {"type": "warning_text", "value": {"text": plain}}


def steps(intro: str, items: Iterable[tuple[str, str]]) -> dict:
    """Numbered steps. Each item is (title, rich text HTML body)."""
    return {
        "type": "numbered_steps",
        "value": {
            "intro": intro,
            "steps": [{"title": title, "body": body} for title, body in items],
        },
    }


def details(summary: str, html: str) -> dict:
    """An expandable section for detail only some readers need."""
    return {"type": "details", "value": {"summary": summary, "body": html}}


def who_can_use(heading_text: str, intro: str, items: Iterable[str]) -> dict:
    """The situations in which a reader may use a form or service."""
    return {
        "type": "who_can_use",
        "value": {"heading": heading_text, "intro": intro, "items": list(items)},
    }


def call_to_action(heading_text: str, intro: str, page_id: int, button_label: str) -> dict:
    """A button that starts a task, pointing at a page on this site."""
    return {
        "type": "call_to_action",
        "value": {
            "heading": heading_text,
            "text": intro,
            "page": page_id,
            "button_label": button_label,
        },
    }


# The flowchart. Keys are short names that other steps point at.


def box(key: str, title: str, plain: str, next_key: str = "") -> dict:
    """A flowchart step; next_key names the step that follows."""
    return {"type": "box", "value": {"key": key, "title": title, "text": plain, "next": next_key}}


def decision(key: str, question: str, plain: str, branches: Iterable[tuple[str, str]]) -> dict:
    """A flowchart question; each branch is (answer, key of the step it leads to)."""
    return {
        "type": "decision",
        "value": {
            "key": key,
            "question": question,
            "text": plain,
            "branches": [{"answer": answer, "goes_to": goes_to} for answer, goes_to in branches],
        },
    }


def end(key: str, title: str, plain: str) -> dict:
    """A flowchart end point."""
    return {"type": "end", "value": {"key": key, "title": title, "text": plain}}


# Links pages.


def web_link(title: str, url: str, description: str) -> dict:
    """A link to another website."""
    return {"title": title, "url": url, "page": None, "description": description}


def page_link(title: str, page_id: int, description: str) -> dict:
    """A link to a page on this site."""
    return {"title": title, "url": "", "page": page_id, "description": description}


def link_group(heading_text: str, links: Iterable[dict]) -> dict:
    """A group of links under one heading."""
    return {"type": "group", "value": {"heading": heading_text, "links": list(links)}}
