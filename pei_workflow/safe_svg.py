"""SVG that is safe to put in an admin page: parsed with the standard library's expat, with
DOCTYPE internal subsets, entity declarations and entity references refused, and written out
again from an allow-list of SVG elements and attributes, with all text escaped. The workflow
pictures (`workflow_graph`) pass every drawing through it, whether Graphviz drew it or it came
from the shared cache."""

import re
from html import escape
from xml.parsers import expat

# The sanitiser. Graphviz draws with svg, g, title, path, polygon, ellipse and text (and a,
# image and defs only for features this site does not use); the list adds a few harmless
# shapes. Everything else is left out with all it contains: script, style, foreignObject, a,
# use, image, animate, set, and anything outside the SVG namespace.

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
MAX_SVG_CHARS = 2_000_000
ALLOWED_ELEMENTS = frozenset(
    {
        "svg",
        "g",
        "title",
        "desc",
        "path",
        "polygon",
        "polyline",
        "ellipse",
        "circle",
        "rect",
        "line",
        "text",
        "tspan",
    }
)
#: The elements whose text is kept (escaped); text anywhere else is only layout whitespace.
TEXT_ELEMENTS = frozenset({"title", "desc", "text", "tspan"})
#: Presentation and geometry only: no id (Graphviz's graph0, node1... would repeat on a page
#: and clash with its ids), no style, no href in any namespace, no event handler.
ALLOWED_ATTRIBUTES = frozenset(
    {
        "width",
        "height",
        "viewBox",
        "class",
        "transform",
        "fill",
        "fill-opacity",
        "stroke",
        "stroke-width",
        "stroke-opacity",
        "stroke-dasharray",
        "stroke-linecap",
        "stroke-linejoin",
        "points",
        "d",
        "x",
        "y",
        "dx",
        "dy",
        "x1",
        "y1",
        "x2",
        "y2",
        "cx",
        "cy",
        "r",
        "rx",
        "ry",
        "text-anchor",
        "font-family",
        "font-size",
        "font-weight",
        "font-style",
    }
)
# Values are names, numbers, lengths, colours and lists of them: no colon, slash, quote,
# semicolon or parenthesis, so no url(), no javascript: and no CSS. Only transform may hold
# parentheses, and only around its own functions' numbers.
_PLAIN_VALUE = re.compile(r"[A-Za-z0-9 .,#%+\-]*")
_TRANSFORM_VALUE = re.compile(
    r"(?:\s*(?:matrix|translate|scale|rotate|skewX|skewY)\([0-9eE .,+\-]*\))*\s*"
)
# The one DOCTYPE allowed: Graphviz's, which names the external SVG 1.1 DTD (expat never
# fetches it) and has no internal subset.
_GRAPHVIZ_DOCTYPE = (
    "svg",
    "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd",
    "-//W3C//DTD SVG 1.1//EN",
)


class UnsafeSVG(ValueError):
    """The text is not an SVG drawing the sanitiser can vouch for."""


def sanitise_svg(text: str, label: str) -> str:
    """The SVG rewritten from the allow-list, with role="img" and `label` as its accessible
    name. Raises UnsafeSVG if the text is not well-formed XML with an SVG root, or declares
    or refers to entities. The same text always gives the same result, and the result
    rewritten again is unchanged."""
    if len(text) > MAX_SVG_CHARS:
        raise UnsafeSVG("too long")
    return _Sanitiser(label).run(text)


class _Sanitiser:
    def __init__(self, label: str) -> None:
        self.label = label
        self.out: list[str] = []
        self.open: list[str] = []  # the elements kept and not yet closed
        self.skipping = 0  # how deep inside a left-out element the parser is
        self.just_opened = False  # whether the last thing written is a start tag

    def run(self, text: str) -> str:
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.buffer_text = True
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.StartDoctypeDeclHandler = self.doctype
        for handler in (
            "EntityDeclHandler",
            "UnparsedEntityDeclHandler",
            "NotationDeclHandler",
            "ElementDeclHandler",
            "AttlistDeclHandler",
            "ExternalEntityRefHandler",
            "SkippedEntityHandler",
        ):
            setattr(parser, handler, self.refuse)
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.characters
        # Comments, processing instructions and the XML declaration have no handler, so
        # they are left out.
        try:
            parser.Parse(text, True)
        except expat.ExpatError as error:
            raise UnsafeSVG(f"not well-formed: {error}") from None
        if not self.out:
            raise UnsafeSVG("no SVG")
        return "".join(self.out)

    def doctype(self, name, system_id, public_id, has_internal_subset) -> None:
        if has_internal_subset or (name, system_id, public_id) != _GRAPHVIZ_DOCTYPE:
            raise UnsafeSVG("a DOCTYPE other than SVG 1.1's")

    def refuse(self, *args) -> None:
        raise UnsafeSVG("an entity, notation or DTD declaration")

    def start(self, name: str, attributes: dict[str, str]) -> None:
        namespace, _, tag = name.rpartition(" ")
        is_root = not self.open and not self.skipping
        if is_root and (self.out or namespace != SVG_NAMESPACE or tag != "svg"):
            raise UnsafeSVG("the root is not an SVG element")
        if self.skipping or namespace != SVG_NAMESPACE or tag not in ALLOWED_ELEMENTS:
            self.skipping += 1
            return
        parts = [tag]
        if is_root:
            parts += [
                'role="img"',
                f'aria-label="{escape(self.label)}"',
                f'xmlns="{SVG_NAMESPACE}"',
            ]
        for attribute, value in attributes.items():
            if " " in attribute or attribute not in ALLOWED_ATTRIBUTES:
                continue  # namespaced (xlink:href, xml:base...) or not on the list
            pattern = _TRANSFORM_VALUE if attribute == "transform" else _PLAIN_VALUE
            if pattern.fullmatch(value):
                parts.append(f'{attribute}="{escape(value)}"')
        self.open.append(tag)
        self.out.append(f"<{' '.join(parts)}>")
        self.just_opened = True

    def end(self, name: str) -> None:
        if self.skipping:
            self.skipping -= 1
            return
        tag = self.open.pop()
        if self.just_opened:  # nothing kept inside: an empty element
            self.out[-1] = self.out[-1][:-1] + "/>"
        else:
            self.out.append(f"</{tag}>")
        self.just_opened = False

    def characters(self, data: str) -> None:
        if data and not self.skipping and self.open and self.open[-1] in TEXT_ELEMENTS:
            self.out.append(escape(data, quote=False))
            self.just_opened = False
