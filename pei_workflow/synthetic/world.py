"""What synthetic casework needs around it: the districts' staff, directory, CYPP priorities,
meetings, Trust Board dates and budgets. Anything already there (a real meeting, a district's
own priorities, the directory) is used; only what is missing is made, with clearly synthetic
names, so a second run doubles nothing."""

import bisect
import datetime
import random
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from .. import roles
from ..choices import MeetingKind, WaitingList
from ..models import (
    District,
    DistrictAssignment,
    DistrictRole,
    Meeting,
    Priority,
    Service,
    SpotPurchase,
    SpotPurchaseBudget,
    Theme,
    financial_year_of,
)

BATCH = 2000

# Rough relative sizes (population) of the districts, so that Preston is busier than Ribble
# Valley; a district added later counts as an average one.
DISTRICT_WEIGHTS = {
    "BUR": 95,
    "CHO": 118,
    "FYL": 81,
    "HYN": 81,
    "LAN": 142,
    "PEN": 96,
    "PRE": 148,
    "RIB": 61,
    "ROS": 71,
    "SRI": 111,
    "WLA": 117,
    "WYR": 112,
}

EXAMPLE_PRIORITIES = [
    "Example priority: emotional health and wellbeing",
    "Example priority: reducing the impact of poverty",
    "Example priority: young carers",
    "Example priority: safe and positive activities",
    "Example priority: school readiness",
]

# One synthetic service per theme in each district, and two covering the whole county. How
# often the practitioner had not heard of a service differs from service to service.
COUNTY_SERVICES = [
    ("Lancashire Example Young Carers Service", "Childcare and respite"),
    ("Lancashire Example Family Counselling Line", "Emotional health and wellbeing"),
]
SERVICE_KINDS = {
    "Bereavement": "Bereavement Support",
    "Transport": "Community Transport",
    "Diversionary activities": "Youth Club",
    "Childcare and respite": "Short Breaks",
    "Equipment": "Equipment Loan Scheme",
    "Parenting support": "Parenting Programme",
    "Emotional health and wellbeing": "Young People's Counselling",
    "English language and learning": "ESOL with Crèche",
}


@dataclass
class DistrictWorld:
    district: District
    weight: int
    eido_id: int
    priorities: list[int]
    services: list[tuple[int, float]]  # (service id, chance the practitioner did not know it)
    services_by_theme: dict[int, list[tuple[int, float]]]
    service_names: dict[int, str]
    #: How long this district's EIDOs take to start a review, against the county's median.
    pace: float
    #: How often each theme comes up here, against the others (themes recur unevenly).
    theme_weights: list[float]
    meetings: dict[str, tuple[list[datetime.date], list[Meeting]]] = field(default_factory=dict)
    #: How the review history names each meeting, worked out once per meeting.
    meeting_data: dict[int, dict] = field(default_factory=dict)

    def next_meeting(self, kind: str, on_or_after: datetime.date) -> Meeting | None:
        dates, meetings = self.meetings[kind]
        at = bisect.bisect_left(dates, on_or_after)
        return meetings[at] if at < len(meetings) else None


@dataclass
class World:
    districts: list[DistrictWorld]
    themes: list[Theme]
    county_lead_id: int
    trust_board_dates: list[datetime.date]
    budgets: dict[tuple[int, int], Decimal]  # (district id, financial year) -> amount
    spent: dict[tuple[int, int], Decimal]

    def next_trust_board(self, on_or_after: datetime.date) -> datetime.date | None:
        at = bisect.bisect_left(self.trust_board_dates, on_or_after)
        return self.trust_board_dates[at] if at < len(self.trust_board_dates) else None


def nth_weekday(year: int, month: int, weekday: int, n: int) -> datetime.date:
    """The nth (1-based) `weekday` (Monday 0) of a month."""
    first = datetime.date(year, month, 1)
    return first + datetime.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _months(start: datetime.date, end: datetime.date):
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _staff(districts: list[District]) -> tuple[dict[int, int], int]:
    """A synthetic EIDO for each district and a synthetic county lead, made once. They take
    the synthetic steps; the accounts are inactive, with no password, so nobody signs in as
    them and no email goes to them."""
    User = get_user_model()

    def person(username: str, first: str, last: str, group: str):
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "email": username,
                "first_name": first,
                "last_name": last,
                "is_active": False,
            },
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        user.groups.add(*Group.objects.filter(name=group))
        return user

    eidos = {}
    for district in districts:
        user = person(
            f"synthetic-eido-{district.code.lower()}@example.org",
            "Synthetic EIDO",
            f"({district.name})",
            roles.EIDOS,
        )
        DistrictAssignment.objects.get_or_create(
            user=user, district=district, role=DistrictRole.EIDO
        )
        eidos[district.pk] = user.pk
    lead = person(
        "synthetic-county-lead@example.org", "Synthetic", "County Lead", roles.COUNTY_LEADS
    )
    return eidos, lead.pk


def _priorities(districts: list[District]) -> dict[int, list[int]]:
    missing = [
        Priority(district=d, title=title, sort_order=n)
        for d in districts
        if not d.priorities.filter(is_active=True).exists()
        for n, title in enumerate(EXAMPLE_PRIORITIES)
    ]
    Priority.objects.bulk_create(missing)
    found: dict[int, list[int]] = {d.pk: [] for d in districts}
    for pk, district_id in (
        Priority.objects.filter(is_active=True).order_by("pk").values_list("pk", "district_id")
    ):
        found.setdefault(district_id, []).append(pk)
    return found


def _directory(rng: random.Random, districts: list[District], themes: list[Theme]) -> None:
    """A small synthetic directory when there is none: the services an EIDO signposts to.
    Written in bulk, without field history, like the rest of the synthetic rows."""
    if Service.objects.filter(is_published=True).exists():
        return
    by_name = {theme.name: theme for theme in themes}
    planned = [
        (
            f"{district.name} Example {SERVICE_KINDS.get(theme.name, theme.name)}",
            [district],
            [theme],
        )
        for district in districts
        for theme in themes
    ] + [
        (name, districts, [by_name[theme]] if theme in by_name else [])
        for name, theme in COUNTY_SERVICES
    ]
    services = Service.objects.bulk_create(
        [
            Service(
                name=name,
                offers="Synthetic service for trying the casework screens.",
                who_for="Children, young people and families in the area it covers.",
                how_to_refer="Any practitioner can refer by email.",
                waiting_list=rng.choice(WaitingList.values),
                contact_email="service@example.org",
            )
            for name, _, _ in planned
        ]
    )
    covers, about = Service.districts.through, Service.themes.through
    covers.objects.bulk_create(
        covers(service_id=service.pk, district_id=district.pk)
        for service, (_, where, _) in zip(services, planned, strict=True)
        for district in where
    )
    about.objects.bulk_create(
        about(service_id=service.pk, theme_id=theme.pk)
        for service, (_, _, what) in zip(services, planned, strict=True)
        for theme in what
    )


def _services(rng, districts: list[District]):
    """Each district's published services, as (service id, theme id or 0, chance unknown),
    and every service's name."""
    found: dict[int, list[tuple[int, int, float]]] = {d.pk: [] for d in districts}
    services = Service.objects.published().order_by("pk").prefetch_related("themes", "districts")
    names = {}
    for service in services:
        names[service.pk] = service.name
        unknown = rng.choice([0.1, 0.2, 0.3, 0.5, 0.7])
        theme_ids = sorted(t.pk for t in service.themes.all()) or [0]
        for district in service.districts.all():
            for theme_id in theme_ids:
                found.setdefault(district.pk, []).append((service.pk, theme_id, unknown))
    return found, names


def _meetings(districts: list[District], start: datetime.date, end: datetime.date) -> dict:
    """A Resource Panel and a Sub Group meeting each month per district, on a weekday of the
    district's own, from `start` to `end`. A meeting already on that day is used, not
    doubled; real meetings in between are used too."""
    existing = set(Meeting.objects.values_list("district_id", "kind", "date"))
    new = []
    for n, district in enumerate(districts):
        weekday = n % 5
        for year, month in _months(start, end):
            for kind, week, time in (
                (MeetingKind.RESOURCE_PANEL, 2, datetime.time(10)),
                (MeetingKind.SUB_GROUP, 3, datetime.time(14)),
            ):
                day = nth_weekday(year, month, weekday, week)
                if start <= day <= end and (district.pk, kind, day) not in existing:
                    new.append(Meeting(district=district, kind=kind, date=day, start_time=time))
    Meeting.objects.bulk_create(new, batch_size=BATCH)
    by_key: dict = {}
    meetings = Meeting.objects.filter(date__gte=start).select_related("district")
    for meeting in meetings.order_by("date", "pk"):
        dates, found = by_key.setdefault((meeting.district_id, meeting.kind), ([], []))
        dates.append(meeting.date)
        found.append(meeting)
    return by_key


def _trust_board_dates(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    """The Trust Board meets each quarter, on the second Thursday of January, April, July
    and October."""
    return [
        nth_weekday(year, month, 3, 2)
        for year, month in _months(start, end)
        if month in (1, 4, 7, 10)
    ]


def _budgets(rng, districts, first_year: int, last_year: int):
    """A budget for each district and financial year, a few thousand pounds by the district's
    size; a budget already set is kept, with what has been spent from it."""
    new = []
    for district in districts:
        base = DISTRICT_WEIGHTS.get(district.code, 100) * 40
        for year in range(first_year, last_year + 1):
            amount = round(base * rng.uniform(0.85, 1.15) / 250) * 250
            new.append(
                SpotPurchaseBudget(district=district, financial_year=year, amount=Decimal(amount))
            )
    SpotPurchaseBudget.objects.bulk_create(new, ignore_conflicts=True)
    budgets = {
        (b.district_id, b.financial_year): b.amount
        for b in SpotPurchaseBudget.objects.filter(financial_year__gte=first_year)
    }
    spent = {key: Decimal("0.00") for key in budgets}
    for purchase in SpotPurchase.objects.filter(financial_year__gte=first_year).values(
        "district_id", "financial_year", "amount"
    ):
        key = (purchase["district_id"], purchase["financial_year"])
        spent[key] = spent.get(key, Decimal("0.00")) + purchase["amount"]
    return budgets, spent


def build_world(seed: int, start: datetime.date, today: datetime.date) -> World:
    """Everything synthetic casework from `start` to `today` refers to. Each part draws from
    its own random stream, so that what is already in the database (a directory, say) does
    not change the casework a seed makes."""

    def rng(part: str) -> random.Random:
        return random.Random(f"{seed}:{part}")  # noqa: S311 (repeatable test data)

    districts = list(District.objects.order_by("pk"))
    themes = list(Theme.objects.filter(is_active=True).order_by("pk"))
    eidos, lead_id = _staff(districts)
    priorities = _priorities(districts)
    _directory(rng("directory"), districts, themes)
    services, names = _services(rng("services"), districts)
    horizon = today + datetime.timedelta(days=120)
    meetings = _meetings(districts, start, horizon)
    first_year, last_year = financial_year_of(start), financial_year_of(today)
    budgets, spent = _budgets(rng("budgets"), districts, first_year, last_year)
    local = rng("districts")
    worlds = []
    for district in districts:
        offered = services.get(district.pk, [])
        by_theme: dict[int, list[tuple[int, float]]] = {}
        for service_id, theme_id, unknown in offered:
            by_theme.setdefault(theme_id, []).append((service_id, unknown))
        world = DistrictWorld(
            district=district,
            weight=DISTRICT_WEIGHTS.get(district.code, 100),
            eido_id=eidos[district.pk],
            priorities=priorities.get(district.pk, []),
            services=sorted({(s, u) for s, _, u in offered}),
            services_by_theme=by_theme,
            service_names=names,
            pace=local.uniform(0.6, 1.8),
            theme_weights=[local.uniform(0.3, 3.0) for _ in themes],
        )
        for kind in MeetingKind.values:
            world.meetings[kind] = meetings.get((district.pk, kind), ([], []))
        worlds.append(world)
    return World(
        districts=worlds,
        themes=themes,
        county_lead_id=lead_id,
        trust_board_dates=_trust_board_dates(start, horizon),
        budgets=budgets,
        spent=spent,
    )
