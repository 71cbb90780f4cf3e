"""Reading the service directory for the public page: what the reader asked for, and one page
of the published services that match it.

guidance_pages reads pei_workflow's districts, themes and services directly (DESIGN.md's
architecture allows it) and changes none of them.

Every public page has a budget of 10 queries, and Wagtail's routing with the site's header,
menu and footer already takes 8. So the directory reads its list in two queries, however
many services there are: one for the page of services with the total beside each row (a
window count), and one for the districts and themes of those services. The district and
theme choices of the search form come from the shared cache, kept fresh as the rich text
page links are: a version number goes up whenever a district or theme is saved or deleted.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Count, F, Q, QuerySet, Value, Window
from django.db.models.signals import post_delete, post_save
from django.http import QueryDict

from pei_workflow.models import District, Service, Theme

SEARCH_TEXT_MAX_LENGTH = 100
# More words than this add nothing a reader needs, and each costs a clause in the query.
SEARCH_MAX_WORDS = 8
OPTIONS_VERSION_KEY = "pei:directory-options:version"
OPTIONS_CACHE_SECONDS = 24 * 60 * 60


@dataclass(frozen=True)
class Option:
    """A district or theme the reader can choose. `value` is what the address carries: a
    district's slug, or a theme's id."""

    value: str
    name: str


@dataclass(frozen=True)
class DirectorySearch:
    """What the reader asked for: words, a district and a theme, each optional.

    An unknown district or theme in the address (a stale bookmark, a hand-edited link) is
    ignored rather than an error, so the reader still gets a list.
    """

    text: str = ""
    district: Option | None = None
    theme: Option | None = None

    @property
    def words(self) -> list[str]:
        return self.text.split()[:SEARCH_MAX_WORDS]

    @property
    def is_narrowed(self) -> bool:
        return bool(self.words or self.district or self.theme)

    @classmethod
    def from_query(cls, query: QueryDict, districts, themes) -> "DirectorySearch":
        """Read `q`, `district` and `theme` from the address, matching the last two against
        the choices the page offers."""
        text = " ".join(query.get("q", "")[:SEARCH_TEXT_MAX_LENGTH].split())
        district = query.get("district", "")
        theme = query.get("theme", "")
        return cls(
            text=text,
            district=next((d for d in districts if d.value == district), None),
            theme=next((t for t in themes if t.value == theme), None),
        )


# The choices in the search form


def _options_key() -> str:
    version = cache.get(OPTIONS_VERSION_KEY)
    if version is None:
        cache.add(OPTIONS_VERSION_KEY, 1, timeout=None)
        version = cache.get(OPTIONS_VERSION_KEY, 1)
    return f"pei:directory-options:{version}"


def search_options() -> tuple[list[Option], list[Option]]:
    """Every district, and every active theme, by name: from the cache, or two queries."""
    key = _options_key()
    options = cache.get(key)
    if options is None:
        districts = [
            Option(slug, name)
            for slug, name in District.objects.order_by("name").values_list("slug", "name")
        ]
        themes = [
            Option(str(pk), name)
            for pk, name in Theme.objects.filter(is_active=True)
            .order_by("name")
            .values_list("pk", "name")
        ]
        options = (districts, themes)
        cache.set(key, options, timeout=OPTIONS_CACHE_SECONDS)
    return options


def forget_search_options(**kwargs) -> None:
    """Make the cached choices stale, so the next page view reads them again."""
    try:
        cache.incr(OPTIONS_VERSION_KEY)
    except ValueError:
        cache.set(OPTIONS_VERSION_KEY, 2, timeout=None)


def connect_signals() -> None:
    for model in (District, Theme):
        for signal in (post_save, post_delete):
            signal.connect(
                forget_search_options,
                sender=model,
                dispatch_uid=f"pei_directory_options_{signal is post_save}_{model.__name__}",
            )


# The services


def matching_services(search: DirectorySearch) -> QuerySet[Service]:
    """The published services that match, by name.

    Every word must appear, ignoring case, in the name, what the service offers or who it is
    for. A district or theme narrows by subquery, not a join, so no service comes twice.
    """
    services = Service.objects.published()
    for word in search.words:
        services = services.filter(
            Q(name__icontains=word) | Q(offers__icontains=word) | Q(who_for__icontains=word)
        )
    if search.district is not None:
        covering = Service.districts.through.objects.filter(district__slug=search.district.value)
        services = services.filter(pk__in=covering.values("service"))
    if search.theme is not None:
        tagged = Service.themes.through.objects.filter(theme_id=int(search.theme.value))
        services = services.filter(pk__in=tagged.values("service"))
    return services.order_by("name", "pk")


class _CountedPaginator(Paginator):
    """A paginator told its count, which came with the rows, so it never counts again."""

    def __init__(self, count: int, per_page: int):
        super().__init__([], per_page)
        self.count = count


def _page_number(raw) -> int:
    return int(raw) if raw and str(raw).isdigit() and int(raw) > 0 else 1


def results_page(search: DirectorySearch, page_number, per_page: int) -> PaginatorPage:
    """The requested page of matching services (the last page, if asked for one past it).

    Each service carries `district_names` and `theme_names`, read with the page rather than
    a query per service.
    """
    services = matching_services(search)
    number = _page_number(page_number)
    rows = _rows(services, number, per_page)
    if not rows and number > 1:
        # Past the end (an old link, a hand-edited address): show the last page instead.
        # Only this case costs the extra queries.
        number = max(1, -(-services.count() // per_page))
        rows = _rows(services, number, per_page)
    total = rows[0].total if rows else 0
    _attach_names(rows)
    return PaginatorPage(rows, number, _CountedPaginator(total, per_page))


def _rows(services: QuerySet[Service], number: int, per_page: int) -> list[Service]:
    start = (number - 1) * per_page
    counted = services.annotate(total=Window(Count("pk")))
    return list(counted[start : start + per_page])


def _attach_names(services: list[Service]) -> None:
    """Give each service its district and theme names, sorted, in one query for them all."""
    by_id = {service.pk: service for service in services}
    for service in services:
        service.district_names, service.theme_names = [], []
    if not by_id:
        return
    districts = Service.districts.through.objects.filter(service_id__in=by_id).values_list(
        "service_id", F("district__name"), Value("district")
    )
    themes = Service.themes.through.objects.filter(service_id__in=by_id).values_list(
        "service_id", F("theme__name"), Value("theme")
    )
    for service_id, name, kind in districts.union(themes, all=True):
        getattr(by_id[service_id], f"{kind}_names").append(name)
    for service in services:
        service.district_names.sort()
        service.theme_names.sort()
