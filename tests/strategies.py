"""What the form property tests share: the Hypothesis settings they run under, the values a
careless or hostile visitor types or forges, and the two checks every example ends with (what
changed in the casework tables, and whether a stored text holds an identifying detail).

Settings
    Every property test takes its settings from `examples(n)`: the "pei-forms" profile, which
    is deterministic (`derandomize=True`, no example database), so CI and a laptop run the
    same n examples and a failure reproduces from the test alone. `PEI_HYPOTHESIS_PROFILE=
    pei-forms-explore` runs twenty times as many random examples, for hunting bugs by hand.

One example, one savepoint
    pytest-django wraps a test in one transaction, and Hypothesis runs many examples inside
    it, so each example runs in `one_example()`: a savepoint rolled back at its end, with the
    cache (rate limits, sent-journey marks) emptied. What the test built before the first
    example (users, Wagtail pages, meetings) stays; whatever an example did is undone. That
    is cheaper than `hypothesis.extra.django.TestCase`, which rebuilds the whole fixture,
    the Wagtail page tree included, for every example, and it keeps factories and pytest
    fixtures working as everywhere else in the suite.
"""

import datetime
import html
import os
from contextlib import contextmanager
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

# Settings.

PROFILE_VARIABLE = "PEI_HYPOTHESIS_PROFILE"
settings.register_profile(
    "pei-forms",
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile(
    "pei-forms-explore", parent=settings.get_profile("pei-forms"), derandomize=False
)
_SCALE = {"pei-forms": 1, "pei-forms-explore": 20}


def examples(count: int, *, shrink: bool = True) -> settings:
    """The settings of a property test that runs `count` examples (under the default
    profile; more under the explore profile). A test marked xfail for a known bug passes
    `shrink=False`: its failure is already reported, and shrinking it again on every run
    would cost more than all the other examples."""
    name = os.environ.get(PROFILE_VARIABLE, "pei-forms")
    phases = tuple(Phase) if shrink else (Phase.explicit, Phase.reuse, Phase.generate)
    return settings(
        settings.get_profile(name), max_examples=count * _SCALE.get(name, 1), phases=phases
    )


@contextmanager
def one_example():
    """Run one example in a savepoint that is always rolled back, with an empty cache."""
    cache.clear()
    with transaction.atomic():
        yield
        transaction.set_rollback(True)
    cache.clear()


# Values.

#: Details the anonymity guard must find (checked by a test), each as a practitioner or an
#: EIDO might type it, some disguised with full-width letters or an invisible space.
IDENTIFYING_DETAILS = (
    "BB9 7LJ",
    "bb97lj",
    "ＢＢ９ ７ＬＪ",
    "BB9\u200b 7LJ",
    "943 476 5919",
    "9434765919",
    "Mrs Smith",
    "dr. Jones",
    "07700 900123",
    "+44 (0)7700 900123",
    "jo.bloggs@example.org",
    "QQ 12 34 56 C",
    "12 Acacia Avenue",
    "DOB 12/05/2014",
    "his name is Jack",
)

#: Text written to break something: markup and template syntax, SQL, control and invisible
#: characters, lookalike numbers.
HOSTILE_TEXT = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ request.user.password }}",
    "{% debug %}",
    "javascript:alert(1)",
    "'; DROP TABLE pei_workflow_gapinservice; --",
    "' OR '1'='1",
    "1 UNION SELECT password FROM auth_user",
    "%",
    "_",
    "\\",
    "\x00",
    "a\x00b",
    "\x01\x1f\x7f",
    "\u202eevil",
    "\ufeff",
    "\u200b",
    "\r\n\r\n",
    "\r",
    "\u2028",
    "\u00a0",
    "😀😀😀",
    "Z̴̡a̷l̸g̵o",
    "İß",
    "null",
    "None",
    "[]",
    "{}",
)

#: Ordinary answers, so that a good share of examples reach the save.
ORDINARY_TEXT = (
    "Bereavement counselling for a young person in Year 9.",
    "Transport to appointments at the hospital.",
    "The waiting list is 18 weeks.",
    "Agreed at the meeting: 6 sessions.",
    "Needs a place at a youth club after school.",
)

FORGED_CHOICES = (
    "",
    " ",
    "None",
    "null",
    "0",
    "-1",
    "__all__",
    "yes ",
    "YES",
    "other\x00",
    "<script>",
    "' OR 1=1 --",
)

FORGED_IDS = (
    "",
    "0",
    "-1",
    "1.5",
    "1e3",
    "abc",
    "9" * 30,
    "9" * 5000,
    "0x10",
    "1;DROP TABLE x",
    "[1]",
    "None",
    "%",
    "\x00",
    "-9223372036854775809",
    "9223372036854775808",
)

FORGED_NUMBERS = (
    "",
    "-0",
    "0",
    "-1",
    "-250",
    "1,000",
    "£250",
    "£ 1,250.50",
    "250.555",
    "0.001",
    "1e9999",
    "1E+5",
    "NaN",
    "-Infinity",
    "１２",
    "9" * 40,
    "9" * 5000,
    "1_000",
    "0x1F",
    "+5",
    ".",
    "-",
    "2147483648",
    "9223372036854775808",
)

FORGED_DATES = (
    "",
    "2026-02-30",
    "0001-01-01",
    "9999-12-31",
    "31/12/2026",
    "tomorrow",
    "2026-13-01",
    "20260101",
    "１９９９-01-01",
    "-2026-01-01",
)

FORGED_TIMES = ("", "25:00", "10:60", "noon", "10.30", "23:59:59.999999", "-1:00", "24:00")

#: Addresses a `next` parameter might send a person to after a step.
FORGED_NEXT = (
    "",
    "/admin/",
    "//evil.example/",
    "https://evil.example/",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "http:/evil.example",
)

#: Keys no form has, named after what a forger would like to set.
JUNK_KEYS = ("state", "reference", "district_id", "status_token_hash", "id", "pk", "meeting_id")


def sometimes(strategy, *, usually):
    """`strategy` now and then, `usually` most of the time."""
    return st.one_of(usually, usually, strategy)


def plain_text(max_size: int = 80):
    """Any text at all: every Unicode character but lone surrogates, which no browser sends."""
    return st.text(max_size=max_size)


def long_text():
    """Text around the length limits (80, 200, 3,000), in one- to four-byte characters."""
    return st.builds(
        lambda unit, size: (unit * size)[:size],
        st.sampled_from(["a", "é", "😀", "ab ", "\r\n"]),
        st.sampled_from([80, 81, 120, 121, 160, 161, 199, 200, 201, 2999, 3000, 3001, 4000]),
    )


def with_detail(kinds=None):
    """An ordinary or odd text with an identifying detail planted in it: of one of `kinds`
    (the guard's kinds, such as `anonymity.POSTCODE`), or of any kind."""
    from pei_workflow.anonymity import find_identifying_details

    details = [
        detail
        for detail in IDENTIFYING_DETAILS
        if kinds is None or {f.kind for f in find_identifying_details(detail)} & set(kinds)
    ]
    around = st.sampled_from(["", "Seen at the clinic with", "<b>note</b>", "Ask about"])
    return st.builds(
        lambda before, detail, after: f"{before} {detail} {after}".strip(),
        around,
        st.sampled_from(details),
        around,
    )


def free_text():
    """What someone might type into a text box, ordinary or not, sometimes with a detail:
    blank, too long, markup, control characters."""
    return st.one_of(
        st.sampled_from(ORDINARY_TEXT),
        st.sampled_from(ORDINARY_TEXT),
        plain_text(),
        st.sampled_from(HOSTILE_TEXT),
        long_text(),
        with_detail(),
    )


def answer_text():
    """Text a form could take: ordinary, odd but printable, markup, or with a planted detail
    (which the guard must refuse), never blank or too long."""
    printable = st.text(st.characters(categories=["L", "M", "N", "P", "S", "Zs"]), max_size=80)
    # Hypothesis favours the first and last branches: ordinary text at both ends.
    return st.one_of(
        st.sampled_from(ORDINARY_TEXT),
        printable.filter(str.strip),
        st.sampled_from(HOSTILE_TEXT[:8]),
        with_detail(),
        st.sampled_from(ORDINARY_TEXT),
    )


def text(forge: bool):
    return free_text() if forge else answer_text()


def choice(valid, forge: bool = True):
    """A value for a radio or select: one it offers, or (forging) usually a forgery."""
    offered = st.sampled_from(list(valid))
    if not forge:
        return offered
    return st.one_of(offered, st.sampled_from(FORGED_CHOICES), plain_text(12))


def an_id(valid, foreign=(), forge: bool = True):
    """A primary key as a form posts it: one offered, or (forging) one of another district's
    rows or a forgery: huge, negative, not a number at all."""
    offered = [st.sampled_from([str(pk) for pk in valid])] if valid else []
    if not forge:
        return offered[0] if offered else st.just("")
    branches = list(offered)
    if foreign:
        branches.append(st.sampled_from([str(pk) for pk in foreign]))
    branches += [
        st.integers(min_value=-(2**70), max_value=2**70).map(str),
        st.sampled_from(FORGED_IDS),
    ]
    return st.one_of(branches)


def ids(valid, foreign=(), forge: bool = True, *, min_size: int = 0, max_size: int = 3):
    """Several primary keys, as ticked boxes post them."""
    one = an_id(valid, foreign, forge)
    return st.lists(one, min_size=min_size, max_size=max_size, unique=not forge)


def number(low: int = 0, high: int = 1000, forge: bool = True):
    """A number typed into a box: in range, or (forging) negative, huge or not one."""
    in_range = st.integers(min_value=low, max_value=high).map(str)
    if not forge:
        return in_range
    return st.one_of(
        in_range,
        st.integers().map(str),
        st.decimals(allow_nan=True, allow_infinity=True).map(str),
        st.sampled_from(FORGED_NUMBERS),
    )


def forging():
    """Whether an example forges (choices, ids, numbers, any text) or posts values of the
    right shape (with generated text): half and half."""
    return st.booleans()


def date_text(forge: bool = True):
    """A date as a form posts it: soon (so that a meeting can be saved), or (forging) any
    date at all, or not a date."""
    today = timezone.localdate()
    soon = st.integers(min_value=-40, max_value=400).map(
        lambda days: (today + datetime.timedelta(days=days)).isoformat()
    )
    if not forge:
        return soon
    anything = st.dates(datetime.date(1, 1, 1), datetime.date(9999, 12, 31))
    return st.one_of(
        soon, anything.map(datetime.date.isoformat), st.sampled_from(FORGED_DATES), soon
    )


def time_text(forge: bool = True):
    """A time of day as a form posts it, or (forging) one that is not."""
    times = st.times().map(lambda t: t.strftime("%H:%M"))
    return st.one_of(times, st.sampled_from(FORGED_TIMES)) if forge else times


def tick():
    """A check box: ticked, unticked (absent), or a forged value."""
    return st.sampled_from(["", "on", "true", "false", "0", "1", "off", "<script>"])


def junk_fields():
    """Fields no form has, which must be ignored."""
    return st.dictionaries(
        st.sampled_from(JUNK_KEYS),
        st.one_of(st.sampled_from(FORGED_IDS), plain_text(20)),
        max_size=3,
    )


def post_data(fields: dict) -> dict:
    """Form data as a browser posts it: an empty check box or field is simply absent."""
    return {name: value for name, value in fields.items() if value not in ("", [], None)}


# The two checks every example ends with.


def _casework_models():
    from django.contrib.auth import get_user_model

    from pei_workflow import models as m

    user = get_user_model()
    history = [
        m.GapInService,
        m.CafEscalation,
        m.Meeting,
        m.PanelMember,
        m.SpotPurchaseBudget,
        m.District,
        m.Priority,
        m.Service,
        m.Theme,
        m.CommissionedProject,
        m.AgreedOutcome,
        m.MonitoringReturn,
        m.OutcomeFigure,
    ]
    return [
        m.GapInService,
        m.CafEscalation,
        m.GapInService.themes.through,
        m.CafEscalation.themes.through,
        m.TransitionLog,
        m.SpotPurchase,
        m.SpotPurchaseBudget,
        m.Meeting,
        m.Meeting.members_present.through,
        m.Meeting.apologies.through,
        m.PanelMember,
        m.Service,
        m.Service.districts.through,
        m.Service.themes.through,
        m.Theme,
        m.Priority,
        m.District,
        m.DistrictAssignment,
        m.ReferenceSequence,
        *_project_models(m),
        user,
        user.groups.through,
        user.user_permissions.through,
        *[model.history.model for model in history],
    ]


def snapshot() -> dict[str, dict]:
    """Every row of the casework tables (and the users, their groups and permissions), as
    {table: {primary key: {column: value}}}."""
    tables = {}
    for model in _casework_models():
        columns = [field.attname for field in model._meta.concrete_fields]
        key = model._meta.pk.attname
        rows = model._base_manager.values(*columns)
        tables[model._meta.label] = {row[key]: row for row in rows}
    return tables


@dataclass(frozen=True)
class Change:
    """A row added, changed or deleted: `before` or `after` is None for an added or a deleted
    row."""

    table: str
    pk: object
    before: dict | None
    after: dict | None


def changes(before: dict, after: dict) -> list[Change]:
    found = []
    for table, rows in after.items():
        old = before[table]
        for pk in old.keys() | rows.keys():
            if old.get(pk) != rows.get(pk):
                found.append(Change(table, pk, old.get(pk), rows.get(pk)))
    return found


def _project_models(m):
    """The commissioned projects' tables: a project, its coverage, themes and links to the
    submissions that led to it, its outcomes, returns and figures."""
    return [
        m.CommissionedProject,
        m.CommissionedProject.districts.through,
        m.CommissionedProject.themes.through,
        m.CommissionedProject.gaps.through,
        m.CommissionedProject.caf_escalations.through,
        m.AgreedOutcome,
        m.MonitoringReturn,
        m.OutcomeFigure,
    ]


SUBMISSION_TABLES = {"pei_workflow.GapInService", "pei_workflow.CafEscalation"}
# Rows that belong to whatever row their `<name>_id` column points at.
_OWNERS = {
    "gapinservice_id": "pei_workflow.GapInService",
    "cafescalation_id": "pei_workflow.CafEscalation",
    "meeting_id": "pei_workflow.Meeting",
}
# Rows of every district at once: changing a service changes it for each district it covers,
# so an EIDO of any of them may (see the directory's permission helper).
SHARED_BY_COVERAGE = {
    "pei_workflow.Service",
    "pei_workflow.HistoricalService",
    "pei_workflow.Service_themes",
}


def _coverage(service_id, *tables) -> set:
    return {
        row["district_id"]
        for rows in tables
        for row in rows["pei_workflow.Service_districts"].values()
        if row["service_id"] == service_id
    }


def districts_of(change: Change, before: dict, after: dict) -> set | None:
    """The districts whose data the changed row is, or None for a row of no district
    (themes, users)."""
    rows = [row for row in (change.before, change.after) if row]
    if change.table == "pei_workflow.District" or change.table == "pei_workflow.HistoricalDistrict":
        return {row["id"] for row in rows}
    if "district_id" in rows[0]:
        return {row["district_id"] for row in rows}
    if change.table == "pei_workflow.TransitionLog":
        return {
            owner["district_id"]
            for row in rows
            for state in (before, after)
            if (
                owner := state[_model_of_content_type(row["content_type_id"])].get(row["object_id"])
            )
        }
    for column, table in _OWNERS.items():
        if column in rows[0]:
            return {
                owner["district_id"]
                for row in rows
                for state in (before, after)
                if (owner := state[table].get(row[column]))
            }
    if change.table in SHARED_BY_COVERAGE:
        service = rows[0].get("service_id", rows[0].get("id"))
        return _coverage(service, before, after)
    project = _project_of(change, before, after)
    if project is not None:
        return {
            row["district_id"]
            for state in (before, after)
            for row in state["pei_workflow.CommissionedProject_districts"].values()
            if row["commissionedproject_id"] == project
        }
    return None


# A commissioned project's rows belong to every district it covers, as a service's do.
_PROJECT_COLUMNS = {
    "pei_workflow.CommissionedProject": "id",
    "pei_workflow.HistoricalCommissionedProject": "id",
    "pei_workflow.CommissionedProject_themes": "commissionedproject_id",
    "pei_workflow.AgreedOutcome": "project_id",
    "pei_workflow.MonitoringReturn": "project_id",
    "pei_workflow.HistoricalMonitoringReturn": "project_id",
}


def _project_of(change: Change, before: dict, after: dict):
    """The id of the commissioned project a changed row belongs to, or None."""
    row = change.after or change.before
    table = change.table
    if table in _PROJECT_COLUMNS:
        return row[_PROJECT_COLUMNS[table]]

    def looked_up(table: str, pk, column: str):
        for state in (after, before):
            if (found := state[table].get(pk)) is not None:
                return found[column]
        return None

    if table == "pei_workflow.HistoricalAgreedOutcome":
        return looked_up("pei_workflow.AgreedOutcome", row["id"], "project_id")
    if table in ("pei_workflow.OutcomeFigure", "pei_workflow.HistoricalOutcomeFigure"):
        return looked_up("pei_workflow.MonitoringReturn", row["monitoring_return_id"], "project_id")
    return None


def _model_of_content_type(content_type_id) -> str:
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_id(content_type_id).model_class()._meta.label


def assert_changes_only(before: dict, after: dict, *, districts, tables=None, shared=False):
    """Every change between the two snapshots is of a district in `districts` (for a row
    shared by coverage, of at least one of them), of a table in `tables` (if given), and, for
    a row of no district, only if `shared` allows it."""
    districts = set(districts)
    for change in changes(before, after):
        label = f"{change.table} {change.pk}: {change.before} -> {change.after}"
        if tables is not None:
            assert change.table in tables, f"unexpected change of {label}"
        owners = districts_of(change, before, after)
        if owners is None:
            assert shared, f"change of a row of no district: {label}"
        elif change.table in SHARED_BY_COVERAGE or _project_of(change, before, after):
            assert owners & districts, f"change of another district's row: {label}"
        else:
            assert owners <= districts, f"change of another district's row: {label}"


def _projects_linked_to(case, after: dict) -> set:
    """The commissioned projects the case is linked to (as evidence), once the change is made."""
    field = "gaps" if case._meta.model_name == "gapinservice" else "caf_escalations"
    column = f"{case._meta.model_name}_id"
    return {
        row["commissionedproject_id"]
        for row in after[f"pei_workflow.CommissionedProject_{field}"].values()
        if row[column] == case.pk
    }


def _is_of_case(change: Change, case, content_type: int, projects=frozenset(), states=()) -> bool:
    row = change.after or change.before
    label = case._meta.label
    if projects:
        linked = row.get("commissionedproject_id") or _project_of(change, *states)
        if linked in projects:
            return True
    if change.table == label:
        return change.pk == case.pk
    if change.table == case.history.model._meta.label:
        return row["id"] == case.pk
    if change.table == "pei_workflow.TransitionLog":
        return (row["content_type_id"], row["object_id"]) == (content_type, case.pk)
    if change.table == "pei_workflow.SpotPurchase":
        return label == "pei_workflow.GapInService" and row["gap_id"] == case.pk
    if change.table == f"{label}_themes":
        return row[f"{case._meta.model_name}_id"] == case.pk
    return False


def changes_outside(before: dict, after: dict, case) -> list[Change]:
    """The changes of anything but `case`: its row, its field history, its review history,
    its themes, (a gap's) spot purchases, and a project its decision commissioned or linked
    it to (the project's rows, its coverage and the link)."""
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.get_for_model(case).pk
    projects = _projects_linked_to(case, after)
    return [
        c
        for c in changes(before, after)
        if not _is_of_case(c, case, content_type, projects, (before, after))
    ]


# Columns that hold the practitioner's own contact details: theirs to give, never checked.
NOT_CHECKED = {"practitioner_name", "email", "phone"}
# Columns checked only for the details that can only be about a person, as the public form
# checks them: a GP practice may be named after a doctor, an organisation known by its
# street.
PERSONAL_ONLY = {"job_title", "organisation"}


def personal_kinds():
    from pei_workflow import anonymity

    return {anonymity.POSTCODE, anonymity.NHS_NUMBER, anonymity.NI_NUMBER, anonymity.DATE_OF_BIRTH}


def _texts(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)


def stored_details(before: dict, after: dict, tables) -> list[tuple]:
    """(table, column, kinds) for each text newly stored in `tables` that holds an
    identifying detail: never the text itself, which would put the detail in the report."""
    from pei_workflow.anonymity import find_identifying_details

    found = []
    for change in changes(before, after):
        if change.table not in tables or change.after is None:
            continue
        for column, value in change.after.items():
            if column in NOT_CHECKED or (change.before and change.before.get(column) == value):
                continue
            for text in _texts(value):
                kinds = {finding.kind for finding in find_identifying_details(text)}
                if column in PERSONAL_ONLY:
                    kinds &= personal_kinds()
                if kinds:
                    found.append((change.table, column, sorted(kinds)))
    return found


# What the anonymity guard's message says, whatever the field and the kind of detail.
GUARD_SAYS = "so that no child, young person or family can be identified"


def assert_the_guard_refused(response):
    """The form came back because of the planted detail, not for some other reason: a test
    whose examples all fail for another reason would prove nothing about the guard."""
    assert response.status_code == 200, response.status_code
    assert GUARD_SAYS in html.unescape(response.content.decode())


#: Where the casework's free text is stored: the submissions and their field history, the
#: review history (comments and step data), spot purchases and meetings.
CASEWORK_TEXT_TABLES = {
    "pei_workflow.GapInService",
    "pei_workflow.CafEscalation",
    "pei_workflow.HistoricalGapInService",
    "pei_workflow.HistoricalCafEscalation",
    "pei_workflow.TransitionLog",
    "pei_workflow.SpotPurchase",
    "pei_workflow.Meeting",
    "pei_workflow.HistoricalMeeting",
}
