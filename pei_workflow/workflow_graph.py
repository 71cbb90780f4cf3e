"""The picture of each workflow, drawn from the state machine's code with django-fsm-2's
`graph_transitions`, so that nobody maintains a diagram by hand.

`workflow_svg` renders it with Graphviz's `dot` and keeps the SVG in the shared cache, keyed by
a hash of the dot source: every app server reuses one drawing, and a change to the workflow (or
to the highlighted state) is a new key. `workflow_steps` is the same machine as text, for the
picture's text equivalent and for anyone without `dot`.
"""

import functools
import hashlib
import logging
import re
from dataclasses import dataclass

import graphviz
from django.core.cache import cache
from django.utils.html import escape
from django_fsm.management.commands.graph_transitions import (
    all_fsm_fields_data,
    generate_dot,
    node_name,
)

from .labels import state_label, step_label, who_may
from .models import Submission
from .states import ENDED_STATES

logger = logging.getLogger(__name__)

CACHE_PREFIX = "pei_workflow:workflow-svg:"
CURRENT_FILL = "#fff3b0"
_EDGE_LABEL = re.compile(r"\[label=(\w+)\]$")
_PROLOG = re.compile(r"<\?xml.*?\?>|<!DOCTYPE[^>]*>|<!--.*?-->", re.DOTALL)


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


def workflow_svg(model: type[Submission], current_state: str | None = None) -> str | None:
    """The workflow picture as inline SVG (no XML prolog, so it sits inside HTML), labelled
    for screen readers; or None, with a warning logged, when Graphviz cannot draw it."""
    source = dot_source(model, current_state)
    key = CACHE_PREFIX + hashlib.sha256(source.encode()).hexdigest()
    svg = cache.get(key)
    if svg is None:
        try:
            svg = graphviz.Source(source).pipe(format="svg", encoding="utf-8")
        except graphviz.ExecutableNotFound:
            logger.warning("Graphviz's dot is not installed: the workflow picture is text only.")
            return None
        except graphviz.CalledProcessError:
            logger.exception("Graphviz could not draw the %s workflow.", model._meta.verbose_name)
            return None
        svg = _PROLOG.sub("", svg).strip()
        cache.set(key, svg, timeout=None)
    return svg.replace(
        "<svg ", f'<svg role="img" aria-label="{escape(_describe(model, current_state))}" ', 1
    )


def _describe(model: type[Submission], current_state: str | None) -> str:
    name = model._meta.verbose_name
    text = f"The states of a {name} and the steps between them."
    if current_state:
        text += f" It is now: {state_label(model, current_state)}."
    return text
