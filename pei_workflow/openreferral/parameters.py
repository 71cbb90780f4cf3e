"""The query parameters each address of the open data reads, and their checks.

An address reads only the parameters it declares, each at most once; anything else is a 400
that names the parameter, never silently ignored: a directory that asks for a filter we do not
offer (`postcode`, say) must not take the whole list for the answer.

The list's parameters keep HSDS 3.0's names (`search`, `page`, `per_page`, `taxonomy_term_id`,
`taxonomy_id`, `modified_after`, `full`, `format`), plus `text`: the name the first Open
Referral UK API gave its search, which directories built for it still send.
"""

from django.http import QueryDict
from rest_framework import serializers

from .selectors import ServiceFilters

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200
SEARCH_MAX_LENGTH = 100
# More words than this add nothing a reader needs, and each costs a clause in the query (the
# directory page stops at the same number).
SEARCH_MAX_WORDS = 8


def unexpected_parameters(query: QueryDict, declared) -> dict[str, list[str]]:
    """Each parameter the address does not read, or that comes more than once, with why."""
    reads = ", ".join(sorted(declared)) if declared else "no parameters"
    problems = {}
    for name in query:
        if name not in declared:
            problems[name] = [f"This address does not read this parameter. It reads: {reads}."]
        elif len(query.getlist(name)) > 1:
            problems[name] = ["Give this parameter once."]
    return problems


def as_given(query: QueryDict) -> dict[str, str]:
    """The query as plain values for a serializer. Given a QueryDict, DRF reads it as an HTML
    form and takes an empty value (`?page=`) for a missing one; in a URL it is a value, and
    one that is not a page number, an id or a moment is a 400 like any other."""
    return {name: query[name] for name in query}


class TrueOrFalse(serializers.BooleanField):
    """`true` or `false`, as OpenAPI writes a boolean in a query, and nothing else: DRF's
    own field would also take `yes`, `on`, `1` and more."""

    TRUE_VALUES = {"true"}
    FALSE_VALUES = {"false"}
    NULL_VALUES = set()


def _at_most_some_words(value: str) -> None:
    if len(value.split()) > SEARCH_MAX_WORDS:
        raise serializers.ValidationError(f"Use at most {SEARCH_MAX_WORDS} words.")


def _search_field(help_text: str) -> serializers.CharField:
    return serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=SEARCH_MAX_LENGTH,
        validators=[_at_most_some_words],
        help_text=help_text,
    )


class ServiceListParameters(serializers.Serializer):
    """The query of `/services`: which page, how big, and the filters."""

    page = serializers.IntegerField(required=False, default=1, min_value=1)
    per_page = serializers.IntegerField(
        required=False, default=DEFAULT_PER_PAGE, min_value=1, max_value=MAX_PER_PAGE
    )
    search = _search_field("Words that must all appear in the name, description or who for.")
    text = _search_field("The same as `search`, by the first Open Referral UK API's name.")
    taxonomy_term_id = serializers.UUIDField(required=False)
    taxonomy_id = serializers.UUIDField(required=False)
    modified_after = serializers.DateTimeField(required=False)
    full = TrueOrFalse(required=False, default=False)
    format = serializers.ChoiceField(choices=["json"], required=False)

    def filters(self) -> ServiceFilters:
        data = self.validated_data
        words = f"{data.get('search', '')} {data.get('text', '')}".split()
        return ServiceFilters(
            words=tuple(words),
            taxonomy_term_id=data.get("taxonomy_term_id"),
            taxonomy_id=data.get("taxonomy_id"),
            modified_after=data.get("modified_after"),
        )
