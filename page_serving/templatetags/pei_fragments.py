"""`{% page_part %}`: a part of a page's template drawn once per generation (issue 16).

    {% page_part passing news_page varying news_page.number %} ... {% endpage_part %}

What is between the tags is drawn in a context of its own, holding the page, the names
after `passing` from the page's context, and, as `request`, only the site (`SiteOnly`, all
Wagtail's `pageurl` reads of a request), so it cannot show the user, the session or a CSRF
token. It is kept for the page, its address and the values after `varying` under the
generation (`page_serving.fragments`). When the value after `unless` is true (a reader's own
search), or outside a page, it is drawn as if the tags were not there, and not kept. A lazy value
passed (a queryset) costs nothing when the part is already kept.
"""

from django import template
from django.template.context import Context

from ..fragments import SiteOnly, kept

register = template.Library()


class PagePartNode(template.Node):
    def __init__(self, nodelist, passing, varying, unless, where):
        self.nodelist = nodelist
        self.passing = passing
        self.varying = varying
        self.unless = unless
        self.where = where

    def render(self, context):
        request = context.get("request")
        page = context.get("page")

        def draw():
            own = Context(
                {
                    "page": page,
                    "request": SiteOnly(request),
                    **{name: context.get(name) for name in self.passing},
                },
                autoescape=context.autoescape,
                use_l10n=context.use_l10n,
                use_tz=context.use_tz,
            )
            own.template = context.template
            return self.nodelist.render(own)

        if request is None or page is None:
            return self.nodelist.render(context)
        if self.unless is not None and self.unless.resolve(context, True):
            # Not kept: drawn as if the tags were not there.
            return self.nodelist.render(context)
        # Plain values only (a page number), so that the key is the same in every process.
        varies = tuple(str(value.resolve(context, True)) for value in self.varying)
        return kept(request, ("page_part", self.where, page.pk, request.path, *varies), draw)


@register.tag
def page_part(parser, token):
    """{% page_part [passing name ...] [varying value ...] [unless value] %} ...
    {% endpage_part %}"""
    bits = token.split_contents()[1:]
    passing, varying, unless = [], [], None
    words = ("passing", "varying", "unless")
    while bits:
        word = bits.pop(0)
        if word == "passing":
            while bits and bits[0] not in words:
                passing.append(bits.pop(0))
        elif word == "varying":
            while bits and bits[0] not in words:
                varying.append(parser.compile_filter(bits.pop(0)))
        elif word == "unless" and len(bits) == 1:
            unless = parser.compile_filter(bits.pop(0))
        else:
            raise template.TemplateSyntaxError(
                "page_part takes 'passing name ...', 'varying value ...' and 'unless value', "
                "in that order."
            )
    nodelist = parser.parse(("endpage_part",))
    parser.delete_first_token()
    where = f"{parser.origin.template_name}:{token.lineno}"
    return PagePartNode(nodelist, passing, varying, unless, where)
