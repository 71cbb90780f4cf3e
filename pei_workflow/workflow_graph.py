"""The picture of each workflow, drawn from the state machine's code with django-fsm-2's
`graph_transitions`, so that nobody maintains a diagram by hand.

`workflow_svg` renders it with Graphviz's `dot` and keeps the SVG in the shared cache, so that
every app server reuses one drawing. The cache is not trusted: in production it is a Redis that
other processes share, so a value found there may have been planted by anyone who can write to
it. Three things keep such a value from ever running as script on the inspect page:

- the key is a hash of the state machine's definition (every transition's name, sources,
  target and permission, the states' labels, the current state, the dot source and
  `DRAWING_VERSION`), so a change to the workflow is a new key;
- the value is stored with an HMAC made with the site's `SECRET_KEY` and salted with its key;
  a value without the right signature is ignored, logged and drawn again;
- and, whatever its signature, every SVG (Graphviz's and the cache's) is written out again by
  `safe_svg.sanitise_svg` from an allow-list, with all text escaped, before it is marked safe.

`workflow_steps` is the same machine as text, for the picture's text equivalent and for anyone
without `dot`.
"""

import functools
import hashlib
import json
import logging
import re
from dataclasses import dataclass

import graphviz
from django.core import signing
from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe
from django_fsm.management.commands.graph_transitions import (
    all_fsm_fields_data,
    generate_dot,
    node_name,
)

from .labels import state_label, step_label, who_may
from .models import Submission
from .safe_svg import UnsafeSVG, sanitise_svg
from .states import ENDED_STATES

logger = logging.getLogger(__name__)

CACHE_PREFIX = "pei_workflow:workflow-svg:"
#: Part of every cache key: raise it whenever the drawing or the sanitising code changes, so
#: that no app server shows a picture made by older code.
DRAWING_VERSION = 2
CURRENT_FILL = "#fff3b0"
_EDGE_LABEL = re.compile(r"\[label=(\w+)\]$")


@dataclass(frozen=True)
class WorkflowStep:
    """One step of a workflow: its name, what its button says, the states it may start
    from, the state it leads to, and who may take it."""

    name: str
    label: str
    sources: tuple[str, ...]
    source_labels: tuple[str, ...]
    target: str
    target_label: str
    who: str


def workflow_steps(model: type[Submission]) -> list[WorkflowStep]:
    """Every step of the model's workflow, in the order the model declares them."""
    field = model._meta.get_field("state")
    by_name: dict[str, list] = {}
    for transition in field.get_all_transitions(model):
        by_name.setdefault(transition.name, []).append(transition)
    steps = []
    for name, transitions in by_name.items():
        sources = tuple(str(t.source) for t in transitions)
        target = str(transitions[0].target)
        steps.append(
            WorkflowStep(
                name=name,
                label=step_label(name),
                sources=sources,
                source_labels=tuple(state_label(model, s) for s in sources),
                target=target,
                target_label=state_label(model, target),
                who=who_may(transitions[0].permission),
            )
        )
    return steps


# The source depends only on the code, so each process builds it once per state.
@functools.cache
def dot_source(model: type[Submission], current_state: str | None = None) -> str:
    """The model's workflow as Graphviz dot source, with plain labels and, if given, the
    current state highlighted. The same machine always gives the same text."""
    fields_data = all_fsm_fields_data(model)
    graph = generate_dot(fields_data)
    field = fields_data[0][0]
    graph.body = readable_body(graph.body, model)
    graph.graph_attr.update(fontname="Helvetica", fontsize="12")
    graph.node_attr.update(fontname="Helvetica", fontsize="11")
    graph.edge_attr.update(fontname="Helvetica", fontsize="10")
    # A node stated again outside its cluster keeps its place and takes the new attributes:
    # that is how the labels and shapes are made readable without rewriting generate_dot.
    states = sorted({s for step in workflow_steps(model) for s in (*step.sources, step.target)})
    for state in states:
        attrs = {"label": state_label(model, state), "shape": "box", "style": "rounded"}
        if state in ENDED_STATES:
            attrs["peripheries"] = "2"
        if state == current_state:
            attrs |= {
                "label": f"{attrs['label']}\\n(now)",
                "style": "rounded,filled,bold",
                "fillcolor": CURRENT_FILL,
                "penwidth": "3",
            }
        graph.node(node_name(field, state), **attrs)
    return graph.source


def readable_body(body: list[str], model: type[Submission]) -> list[str]:
    """generate_dot builds its nodes and edges from sets, so their order changes from one
    process to the next; sorting them makes the source (and so the cache key) stable. Edge
    labels become the steps' plain names, and the cluster is named for people."""
    if len(body) < 2 or not body[0].lstrip().startswith("subgraph") or body[-1].strip() != "}":
        return body
    inner = []
    for line in body[1:-1]:
        stripped = line.rstrip("\n")
        if stripped.strip().startswith("graph [label="):
            title = graphviz.quoting.quote(str(model._meta.verbose_name).capitalize())
            inner.append(f"\t\tgraph [label={title}]\n")
            continue
        match = _EDGE_LABEL.search(stripped)
        if match:
            label = graphviz.quoting.quote(step_label(match.group(1)))
            stripped = stripped[: match.start()] + f"[label={label}]"
        inner.append(stripped + "\n")
    inner.sort(key=lambda line: ("->" in line, not line.strip().startswith("graph"), line))
    return [body[0], *inner, body[-1]]


def workflow_svg(model: type[Submission], current_state: str | None = None) -> SafeString | None:
    """The workflow picture as inline SVG (no XML prolog, so it sits inside HTML), labelled
    for screen readers and rewritten from an allow-list, so it is safe to put in the page as
    it is; or None, with the reason logged, when Graphviz cannot draw it."""
    label = _describe(model, current_state)
    key = cache_key(model, current_state)
    svg = _from_cache(key, label)
    if svg is None:
        svg = _draw(model, current_state, label)
        if svg is None:
            return None
        cache.set(key, _signer(key).sign(svg), timeout=None)
    return mark_safe(svg)  # noqa: S308 - sanitise_svg rewrote it from an allow-list


def cache_key(model: type[Submission], current_state: str | None = None) -> str:
    """Where the picture of this workflow, at this state, is kept in the cache."""
    digest = machine_hash(model, current_state)
    return f"{CACHE_PREFIX}v{DRAWING_VERSION}:{model._meta.label_lower}:{digest}"


def machine_hash(model: type[Submission], current_state: str | None = None) -> str:
    """The first 16 hex digits of a SHA-256 of everything the picture is drawn from: any change
    to the state machine, its labels, the drawing or the highlighted state changes it."""
    field = model._meta.get_field("state")
    transitions = sorted(
        [
            transition.name,
            _state_name(transition.source),
            _state_name(transition.target),
            _state_name(transition.on_error),
            _qualified_name(transition.permission),
        ]
        for transition in field.get_all_transitions(model)
    )
    definition = {
        "version": DRAWING_VERSION,
        "model": model._meta.label,
        "current_state": current_state,
        "transitions": transitions,
        "states": [[str(value), state_label(model, str(value))] for value, _ in field.choices],
        "dot": hashlib.sha256(dot_source(model, current_state).encode()).hexdigest(),
    }
    text = json.dumps(definition, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _state_name(state) -> str | list[str] | None:
    """A state as it goes into the hash: django-fsm's GET_STATE and RETURN_VALUE targets by
    the states they allow (their repr holds a memory address, different in every process)."""
    if state is None:
        return None
    allowed = getattr(state, "allowed_states", None)
    if allowed is not None:
        return sorted(str(s) for s in allowed)
    return str(state)


def _qualified_name(permission) -> str | None:
    """A transition's permission by name: the permission string, or the function's module and
    qualified name."""
    if permission is None or isinstance(permission, str):
        return permission
    module = getattr(permission, "__module__", None) or type(permission).__module__
    name = getattr(permission, "__qualname__", None) or type(permission).__qualname__
    return f"{module}.{name}"


def _signer(key: str) -> signing.Signer:
    # Salted with the key, so a value signed for one picture is no good under another.
    return signing.Signer(salt=f"{__name__}.workflow_svg:{key}")


def _from_cache(key: str, label: str) -> str | None:
    """The cached picture, if the cache holds one this site signed and it passes the
    sanitiser; otherwise None, so that it is drawn again and the cache put right."""
    value = cache.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        logger.warning("Ignored a workflow picture in the cache that is not text: %s", key)
        return None
    try:
        svg = _signer(key).unsign(value)
    except signing.BadSignature:
        logger.warning("Ignored a workflow picture in the cache without a valid signature: %s", key)
        return None
    try:
        return sanitise_svg(svg, label)
    except UnsafeSVG as error:
        logger.warning(
            "Ignored a workflow picture in the cache that is not safe (%s): %s", error, key
        )
        return None


def _draw(model: type[Submission], current_state: str | None, label: str) -> str | None:
    """The picture drawn by Graphviz and rewritten by the sanitiser; None if either fails."""
    source = dot_source(model, current_state)
    try:
        svg = graphviz.Source(source).pipe(format="svg", encoding="utf-8")
    except graphviz.ExecutableNotFound:
        logger.warning("Graphviz's dot is not installed: the workflow picture is text only.")
        return None
    except graphviz.CalledProcessError:
        logger.exception("Graphviz could not draw the %s workflow.", model._meta.verbose_name)
        return None
    try:
        return sanitise_svg(svg, label)
    except UnsafeSVG:
        logger.exception("Graphviz drew a %s workflow that is not safe.", model._meta.verbose_name)
        return None


def _describe(model: type[Submission], current_state: str | None) -> str:
    name = model._meta.verbose_name
    text = f"The states of a {name} and the steps between them."
    if current_state:
        text += f" It is now: {state_label(model, current_state)}."
    return text
