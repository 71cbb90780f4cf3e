"""Property tests of every staff form: each workflow step, corrections and themes, the
meetings, members, budgets and panel maximum screens, the directory (services, themes,
priorities) and people and districts. Whatever is posted, by whichever role, to whichever
row (of their district, of another, or none at all):

- the site never fails (a view's exception fails the example, with its traceback);
- a submission only ever moves as DESIGN.md's tables allow, and only by someone they allow;
- nothing changes but the row the form is about, and never another district's data (a
  Pendle EIDO's request leaves Burnley exactly as it was);
- a forged choice or id (another district's meeting, a retired theme, a huge, negative or
  non-numeric key) gets the form's error, 403 or 404, and changes nothing;
- no free text staff write is stored with an identifying detail in it.

The forms' fields are read from the forms themselves (`form_values`), so a field added later
is generated too, and a field of a kind the tests do not know fails them. Each example runs in
its own savepoint (see tests/strategies.py).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django import forms
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import event, given
from hypothesis import strategies as st

from pei_workflow import roles
from pei_workflow.admin import urls
from pei_workflow.admin.casework.corrections import ThemesForm, correction_form_class
from pei_workflow.admin.casework.steps import STEPS
from pei_workflow.admin.directory.options import PriorityAdmin, ServiceAdmin, ThemeAdmin
from pei_workflow.admin.meetings.options import (
    BudgetAdmin,
    DistrictAdmin,
    MeetingAdmin,
    PanelMemberAdmin,
)
from pei_workflow.admin.people.forms import AssignForm
from pei_workflow.models import (
    CafEscalation,
    District,
    DistrictAssignment,
    GapInService,
    Meeting,
    Priority,
    Service,
    SpotPurchase,
    SpotPurchaseBudget,
    Theme,
    spent_in,
)
from pei_workflow.states import CafState, GapState
from tests import strategies as s
from tests.factories import (
    UserFactory,
    admin_county_lead,
    admin_eido,
    admin_panel_member,
    budget,
    district,
    in_state,
    listed_member,
    meeting,
    priority,
    service,
    submitted_caf,
    submitted_gap,
)
from tests.pei_workflow.test_transition_matrix import CAF_TABLE, COUNTY_LEAD, EIDO, GAP_TABLE

pytestmark = pytest.mark.django_db

ROLES = ("pendle_eido", "county_lead", "burnley_eido", "pendle_panel_member")
MISSING_PKS = (0, 987_654_321, 2**63, 10**30)


# Who acts, and what there is to act on.


def signed_in(user) -> Client:
    client = Client(raise_request_exception=True)
    client.force_login(user)
    return client


@pytest.fixture
def staff():
    """One of each role, signed in once: the sessions outlive the examples' savepoints."""
    users = {
        "pendle_eido": admin_eido("PEN"),
        "burnley_eido": admin_eido("BUR"),
        "county_lead": admin_county_lead(),
        "pendle_panel_member": admin_panel_member("PEN"),
    }
    return SimpleNamespace(users=users, clients={r: signed_in(u) for r, u in users.items()})


def changes_districts(role: str) -> set[int]:
    """The districts whose casework, meetings, members, directory and priorities `role` may
    change."""
    return {
        "pendle_eido": {district("PEN").pk},
        "burnley_eido": {district("BUR").pk},
        "county_lead": set(District.objects.values_list("pk", flat=True)),
        "pendle_panel_member": set(),
    }[role]


@pytest.fixture
def places():
    """Two districts' casework: meetings (coming, later, past; of both kinds), budgets,
    services (own, unpublished, the other district's, shared), priorities, listed members
    (current, left, of the Sub Group) and one submission of each kind."""
    pendle_panel = meeting("PEN")
    places = SimpleNamespace(
        pendle_panel=pendle_panel,
        meetings={
            ("gap", "pendle"): pendle_panel,
            ("caf", "pendle"): meeting("PEN", kind="sub_group"),
            ("gap", "burnley"): meeting("BUR"),
            ("caf", "burnley"): meeting("BUR", kind="sub_group"),
        },
        later=[meeting("PEN", days_ahead=35), meeting("PEN", kind="sub_group", days_ahead=35)],
        past=meeting("PEN", days_ahead=-7),
        budgets={"pendle": budget("PEN", meeting=pendle_panel), "burnley": budget("BUR")},
        services={
            "pendle": service("PEN", "Pendle Lifts"),
            "unpublished": service("PEN", "Closed Club", is_published=False),
            "burnley": service("BUR", "Burnley Bikes"),
            "shared": service("PEN", "East Lancashire Support"),
        },
        priorities={"pendle": priority("PEN"), "burnley": priority("BUR", "Burnley housing")},
        members={
            "pendle": listed_member("PEN"),
            "left": listed_member("PEN", name="Lee Left", is_active=False),
            "sub group": listed_member("PEN", body="sub_group", name="Sam Sub"),
            "burnley": listed_member("BUR", name="Bo Burnley"),
        },
        cases={
            ("gap", "pendle"): submitted_gap("PEN"),
            ("caf", "pendle"): submitted_caf("PEN"),
            ("gap", "burnley"): submitted_gap("BUR"),
            ("caf", "burnley"): submitted_caf("BUR"),
        },
    )
    places.services["shared"].districts.add(district("BUR"))
    # A Pendle item waiting on the coming panel: its meeting keeps its date, district and kind.
    places.waiting = in_state(submitted_gap("PEN"), "on_panel_agenda", meeting=pendle_panel)
    places.retired_theme = Theme.objects.create(name="Retired theme", is_active=False)
    return places


# What a form is sent: read from the form's own fields.


EMAILS = ["team@example.org", "o'brien+pei@example.org"]
WEBSITES = ["https://example.org/", "http://example.org/referrals?x=1"]


def _pks(queryset) -> list[int]:
    return list(queryset.values_list("pk", flat=True))


def form_values(form: forms.BaseForm, forge: bool, **overrides) -> st.SearchStrategy:
    """Values for every field of `form`: of the right shape with generated text (required
    fields filled, text within its field's length), or (forging) forged choices, ids,
    numbers, dates and any text at all. `overrides` gives a field its own strategy. A field
    of a kind not listed here fails the test, so that no field is left out."""
    values = {}
    for name, field in form.fields.items():
        if name in overrides:
            values[name] = overrides[name]
        elif isinstance(field, forms.ModelChoiceField):
            offered = _pks(field.queryset)
            others = _pks(field.queryset.model._default_manager.exclude(pk__in=offered))
            if isinstance(field, forms.ModelMultipleChoiceField):
                least = 1 if field.required and offered and not forge else 0
                values[name] = s.ids(offered, others, forge, min_size=least)
            else:
                values[name] = s.an_id(offered, others, forge)
        elif isinstance(field, forms.ChoiceField):
            values[name] = s.choice([str(k) for k, _label in field.choices if k != ""], forge)
        elif isinstance(field, forms.BooleanField):
            values[name] = s.tick() if forge else st.sampled_from(["", "on"])
        elif isinstance(field, forms.DecimalField):
            values[name] = s.number(1, 600, forge)
        elif isinstance(field, forms.IntegerField):
            values[name] = s.number(field.min_value or 0, min(field.max_value or 50, 50), forge)
        elif isinstance(field, forms.DateField):
            values[name] = s.date_text(forge)
        elif isinstance(field, forms.TimeField):
            values[name] = s.time_text(forge)
        elif isinstance(field, forms.EmailField | forms.URLField):
            shaped = EMAILS if isinstance(field, forms.EmailField) else WEBSITES
            values[name] = s.text(forge) if forge else _maybe_blank(field, shaped)
        elif isinstance(field, forms.CharField):
            values[name] = s.text(forge) if forge else _fitting(s.answer_text(), field)
        else:
            raise TypeError(f"No strategy for {name}, a {type(field).__name__}")
    return st.fixed_dictionaries(values)


def _maybe_blank(field, shaped: list[str]):
    return st.sampled_from(shaped if field.required else ["", *shaped])


def _fitting(text, field):
    """Text no longer than the field takes."""
    if not field.max_length:
        return text
    return text.map(lambda value: value[: field.max_length].strip() or "A note")


def forged_choices(form: forms.BaseForm, body: dict) -> list[str]:
    """The fields of `form` that were sent a value none of their options has. A key that
    Python reads as an offered one (" 3", "+3", "３") is the same choice, not a forgery."""
    forged = []
    for name, field in form.fields.items():
        sent = body.get(name, "")
        for value in sent if isinstance(sent, list) else [sent]:
            if value == "":
                continue
            if isinstance(field, forms.ModelMultipleChoiceField):
                known = value in {str(pk) for pk in _pks(field.queryset)}
            elif isinstance(field, forms.ModelChoiceField):
                known = _as_int(value) in set(_pks(field.queryset))
            elif isinstance(field, forms.ChoiceField):
                known = value in {str(k) for k, _label in field.choices}
            else:
                continue
            if not known:
                forged.append(name)
    return forged


def _as_int(value):
    try:
        return int(value)
    except ValueError:
        return None


def assert_safe_redirect(response):
    """A redirect after a form stays on this site, whatever `next` said."""
    if response.status_code == 302:
        assert response.url.startswith("/"), response.url
        assert not response.url.startswith(("//", "/\\")), response.url


# A key too large for any row, in a list of tick boxes (SQLite holds 64 bits at most).


def screen_address(data, model, action: str, instance) -> str:
    """The address of a create, edit or delete screen of `model`: for `instance`, or, with
    none, for a row that does not exist."""
    if action == "create":
        return urls.screen_url(model, "create")
    pk = instance.pk if instance else data.draw(st.sampled_from(MISSING_PKS), label="pk")
    return urls.screen_url(model, action, pk=pk)


def posted(staff, role: str, address: str, body: dict, *, form, label: str, answers=None):
    """Post `body` to `address` as `role` and check what every post must keep: an answer of
    `answers` (never a server error), no redirect off the site, and nothing changed by a
    forged choice in `form`. Returns the snapshots before and after."""
    before = s.snapshot()
    response = staff.clients[role].post(address, s.post_data(body))
    after = s.snapshot()
    event(f"{label}: {response.status_code}")
    assert response.status_code in (answers or (200, 302, 400, 403, 404, 409))
    assert_safe_redirect(response)
    if form is not None and forged_choices(form, body):
        assert s.changes(before, after) == []
    return before, after


def tick_box_forms(places):
    """(who posts, address, form data with {key} where a ticked key goes) for every form
    with a list of tick boxes."""
    soon = (timezone.localdate() + datetime.timedelta(days=10)).isoformat()
    pendle = district("PEN").pk
    return {
        "themes": ("pendle_eido", urls.themes_url(places.cases[("gap", "pendle")]), "themes", {}),
        "meeting members": (
            "pendle_eido",
            urls.screen_url(Meeting, "create"),
            "members_present",
            {"district": pendle, "kind": "resource_panel", "date": soon},
        ),
        "service districts": (
            "pendle_eido",
            urls.screen_url(Service, "create"),
            "districts",
            {
                "name": "Pendle Swims",
                "offers": "Swimming lessons.",
                "who_for": "Children.",
                "how_to_refer": "Email us.",
                "waiting_list": "none",
                "contact_email": "swim@example.org",
            },
        ),
        "people districts": (
            "county_lead",
            urls.screen_url(DistrictAssignment, "create"),
            "districts",
            {"email": "new.eido@example.org", "role": "eido"},
        ),
    }


@pytest.mark.parametrize(
    "form", ["themes", "meeting members", "service districts", "people districts"]
)
@given(key=st.one_of(st.integers(min_value=2**63, max_value=10**40), st.just(-(2**63) - 1)))
@s.examples(3, shrink=False)
def test_a_huge_id_ticked_in_any_list_of_tick_boxes_gets_the_forms_error(staff, places, form, key):
    """A key too large for any row, ticked in a list of tick boxes (themes, members present,
    districts), gets the form's error and changes nothing, like any other unknown key."""
    role, address, field, data = tick_box_forms(places)[form]
    with s.one_example():
        before = s.snapshot()
        response = staff.clients[role].post(address, {**data, field: [str(key)]})
        assert response.status_code == 200
        assert s.changes(before, s.snapshot()) == []


# Workflow steps.


KINDS = {"gap": (GapInService, GapState, GAP_TABLE), "caf": (CafEscalation, CafState, CAF_TABLE)}
STEP_CASES = [
    (kind, transition)
    for kind, (_model, _states, table) in KINDS.items()
    for transition in table
    if transition in STEPS
]
# States in which a case has a meeting: the one it is (or was) on.
WITHOUT_A_MEETING = {"new", "submitted", "in_review", "information_requested"}


def may_take(role: str, whose: str, who: set[str]) -> bool:
    """Whether the table lets `role` take a step on `whose` case: an "EIDO" step is for the
    case's district's EIDO or a county lead, a "county lead" step for a county lead."""
    if role == "county_lead":
        return bool(who & {EIDO, COUNTY_LEAD})
    own = {"pendle_eido": "pendle", "burnley_eido": "burnley"}.get(role)
    return EIDO in who and own == whose


def a_role(may) -> st.SearchStrategy:
    """Any role, though more often one that `may` act, so that the forms are used as well as
    refused."""
    allowed = [role for role in ROLES if may(role)]
    return s.sometimes(st.sampled_from(ROLES), usually=st.sampled_from(allowed or ROLES))


def put_in(places, kind: str, whose: str, state: str):
    on = None if state in WITHOUT_A_MEETING else places.meetings[(kind, whose)]
    return in_state(places.cases[(kind, whose)], state, meeting=on)


def assert_step_left_allowed_values(case, transition: str, meeting_before):
    """After a step was taken, what it recorded is what the step allows."""
    case.full_clean(exclude=["state"])  # protected: only a transition sets it
    if transition in ("add_to_agenda", "defer"):
        assert case.meeting in Meeting.objects.hears(case).upcoming()
        if transition == "defer" and meeting_before is not None:
            assert case.meeting.date > meeting_before.date
    service = getattr(case, "identified_service", None)
    if service is not None and transition in ("signpost", "record_panel_decision"):
        assert service.is_published
        assert case.district in service.districts.all()
    if transition == "record_panel_decision":
        for purchase in SpotPurchase.objects.filter(gap=case):
            assert Decimal("0") < purchase.amount <= case.district.panel_maximum
            year_budget = SpotPurchaseBudget.objects.get(
                district=case.district, financial_year=purchase.financial_year
            )
            assert spent_in(case.district_id, purchase.financial_year) <= year_budget.amount
    if transition == "close":
        assert case.children_benefiting >= 0 and case.families_benefiting >= 0


def state_of(case) -> str:
    return type(case).objects.values_list("state", flat=True).get(pk=case.pk)


@pytest.mark.parametrize(("kind", "transition"), STEP_CASES)
@given(data=st.data())
@s.examples(6)
def test_any_post_to_a_workflow_step_moves_only_its_case_and_only_as_the_table_allows(
    staff, places, kind, transition, data
):
    """Any role posting anything to a step's form, on a case of their district, of another or
    none, in any state: never a server error; the case stays put or moves to the table's
    target from one of its sources, only for someone the table allows; nothing but the case
    changes, so a Pendle EIDO never changes Burnley; a forged choice or id changes nothing;
    what a step records is what it allows."""
    model, states, table = KINDS[kind]
    sources, target, who = table[transition]
    whose = data.draw(st.sampled_from(["pendle", "pendle", "burnley", "missing"]), label="case")
    role = data.draw(a_role(lambda role: may_take(role, whose, who)), label="role")
    state = data.draw(
        s.sometimes(st.sampled_from(states.values), usually=st.sampled_from(sources)),
        label="state",
    )
    forge = data.draw(s.forging(), label="forge")
    with s.one_example():
        case = put_in(places, kind, "burnley" if whose == "burnley" else "pendle", state)
        form = STEPS[transition].form_class(submission=case)
        body = data.draw(
            form_values(form, forge, seen_state=s.choice(states.values, forge)), label="body"
        )
        extra = {"next": data.draw(st.sampled_from(s.FORGED_NEXT)), **data.draw(s.junk_fields())}
        address = urls.step_url(case, transition)
        if whose == "missing":
            pk = data.draw(st.sampled_from(MISSING_PKS), label="pk")
            address = address.replace(f"/{case.pk}/", f"/{pk}/")
        before = s.snapshot()
        response = staff.clients[role].post(address, s.post_data({**extra, **body}))
        after = s.snapshot()

        event(f"{role} {'forging' if forge else 'posting'}: {response.status_code}")
        assert response.status_code in (200, 302, 403, 404, 409)
        assert_safe_redirect(response)
        allowed = whose != "missing" and may_take(role, whose, who)
        moved = state_of(case)
        assert moved == state or (moved == target and state in sources and allowed), moved
        if whose == "missing" or not allowed or forged_choices(form, body):
            assert s.changes(before, after) == []
            return
        assert s.changes_outside(before, after, case) == []
        if s.changes(before, after):
            event("the step was taken")
            assert_step_left_allowed_values(model.objects.get(pk=case.pk), transition, case.meeting)


def text_fields(form_class) -> list[str]:
    """The step's boxes for free text (not the hidden state the form was shown in)."""
    return [
        name
        for name, field in form_class.base_fields.items()
        if type(field) is forms.CharField and name != "seen_state"
    ]


def planted_in(field: str, texts) -> dict:
    """A detail planted in `field` (in the job title or organisation, one of the details
    that can only be about a person); ordinary text in the other text boxes, so that only
    the planted detail can be why the form is refused."""
    detail = s.with_detail(s.personal_kinds() if field in s.PERSONAL_ONLY else None)
    return {name: detail if name == field else st.sampled_from(s.ORDINARY_TEXT) for name in texts}


# What else a step needs for its text to be used at all: a spot purchase's "what it buys"
# is read only when the outcome is a spot purchase, a new project's name and provider only
# when a service was commissioned as a new project (a field a form lacks is not sent).
_NEW_PROJECT = {
    "agreement": st.just("commissioned_service"),
    "project_action": st.just("new"),
}
TEXT_NEEDS = {
    "purchase_for": {"outcome": st.just("spot_purchase")},
    "project_name": _NEW_PROJECT,
    "project_provider": _NEW_PROJECT,
}


TEXT_STEP_CASES = [
    (kind, transition, field)
    for kind, transition in STEP_CASES
    for field in text_fields(STEPS[transition].form_class)
]


@pytest.mark.parametrize(("kind", "transition", "field"), TEXT_STEP_CASES)
@given(data=st.data())
@s.examples(2)
def test_no_step_stores_a_staff_text_that_identifies_someone(
    staff, places, kind, transition, field, data
):
    """A county lead taking a step with an identifying detail in its question, reason or
    notes gets the guard's message on the form, and the detail is stored nowhere (not on the
    case, in its field history, in the review history or on a spot purchase)."""
    model, states, table = KINDS[kind]
    sources = table[transition][0]
    state = data.draw(st.sampled_from(sources), label="state")
    with s.one_example():
        case = put_in(places, kind, "pendle", state)
        form = STEPS[transition].form_class(submission=case)
        planted = planted_in(field, text_fields(type(form))) | TEXT_NEEDS.get(field, {})
        body = data.draw(form_values(form, False, **planted), label="body")
        if "amount" in body:
            body["amount"] = "100.00"  # within the maximum and the budget, so it could save
        before = s.snapshot()
        response = staff.clients["county_lead"].post(
            urls.step_url(case, transition), s.post_data(body)
        )
        assert s.stored_details(before, s.snapshot(), s.CASEWORK_TEXT_TABLES) == []
        s.assert_the_guard_refused(response)


@given(
    role=st.sampled_from(ROLES),
    model_name=st.sampled_from(["gapinservice", "cafescalation", "meeting", "user", "x"]),
    pk=st.one_of(st.sampled_from(MISSING_PKS), st.integers(min_value=0, max_value=40)),
    transition=st.one_of(
        st.sampled_from([*STEPS, "submit", "provide_information", "__init__", "save"]),
        s.plain_text(20).filter(lambda t: "/" not in t),
    ),
    action=st.sampled_from(["step", "correct", "themes"]),
)
@s.examples(15)
def test_a_made_up_casework_address_never_changes_another_districts_case(
    staff, places, role, model_name, pk, transition, action
):
    """Any kind, key and step in a casework form's address: never a server error, and
    whatever happens is to a case of a district the person works in."""
    if action == "step":
        kwargs = {"model_name": model_name, "pk": pk, "transition": transition}
        address = reverse(urls.STEP, kwargs=kwargs)
    else:
        name = urls.CORRECT if action == "correct" else urls.THEMES
        address = reverse(name, kwargs={"model_name": model_name, "pk": pk})
    with s.one_example():
        before = s.snapshot()
        response = staff.clients[role].post(address, {"reason": "Because.", "message": "Why?"})
        assert response.status_code in (200, 302, 403, 404, 409)
        s.assert_changes_only(before, s.snapshot(), districts=changes_districts(role))


# Corrections and themes.


def correction_body(form, forge: bool, case) -> st.SearchStrategy:
    """Any answers, a reason, and the `updated_at` the form was shown with (or a forgery)."""
    shown = type(case).objects.values_list("updated_at", flat=True).get(pk=case.pk)
    return form_values(
        form,
        forge,
        seen_updated_at=st.sampled_from([shown.isoformat(), "", "2020-01-01T00:00:00", "x"]),
        children_affected=s.number(0, 10_000, forge),
        families_affected=s.number(0, 10_000, forge),
    )


@pytest.mark.parametrize("kind", KINDS)
@given(data=st.data())
@s.examples(12)
def test_any_correction_changes_only_its_case_and_never_its_state(staff, places, kind, data):
    """Any answers and reason posted to the correction form, by any role, on any case in any
    state: never a server error; the state never moves; only the case (its answers, field
    history and review history) changes, only for its district's EIDO or a county lead and
    while the case is active; the corrected answers are ones the form offers."""
    model, states, _table = KINDS[kind]
    whose = data.draw(st.sampled_from(["pendle", "pendle", "burnley"]), label="case")
    role = data.draw(a_role(lambda role: may_take(role, whose, {EIDO})), label="role")
    state = data.draw(st.sampled_from(states.values), label="state")
    forge = data.draw(s.forging(), label="forge")
    with s.one_example():
        case = put_in(places, kind, whose, state)
        form = correction_form_class(model)(instance=case)
        body = data.draw(correction_body(form, forge, case), label="body")
        before = s.snapshot()
        response = staff.clients[role].post(urls.correct_url(case), s.post_data(body))
        after = s.snapshot()
        event(f"{role}: {response.status_code}")
        assert response.status_code in (200, 302, 403, 404, 409)
        assert state_of(case) == state
        allowed = may_take(role, whose, {EIDO}) and case.is_active_case
        if not allowed or forged_choices(form, body):
            assert s.changes(before, after) == []
            return
        assert s.changes_outside(before, after, case) == []
        corrected = model.objects.get(pk=case.pk)
        corrected.full_clean(exclude=["state"])
        if getattr(corrected, "priority", None) is not None:
            assert corrected.priority.district_id == corrected.district_id


def correction_texts(model) -> list[str]:
    """The corrected answers the guard reads (every free-text answer, the job title and the
    organisation) and the reason."""
    form = correction_form_class(model)()
    return [
        name
        for name, field in form.fields.items()
        if isinstance(field.widget, forms.Textarea) or name in s.PERSONAL_ONLY
    ]


@pytest.mark.parametrize("kind", KINDS)
@given(data=st.data())
@s.examples(2)
def test_no_correction_stores_an_identifying_detail(staff, places, kind, data):
    """An EIDO's correction that brings an identifying detail into any answer the guard
    reads, or gives it as the reason, gets the guard's message: the detail is stored
    nowhere, not even as the field history's reason. Each example plants a detail in each
    of those fields in turn."""
    model, _states, _table = KINDS[kind]
    texts = correction_texts(model)
    for field in texts:
        with s.one_example():
            case = put_in(places, kind, "pendle", "in_review")
            form = correction_form_class(model)(instance=case)
            values = form_values(
                form,
                False,
                seen_updated_at=st.just(case.updated_at.isoformat()),
                children_affected=st.just("1"),
                families_affected=st.just("1"),
                **planted_in(field, texts),
            )
            body = data.draw(values, label=field)
            before = s.snapshot()
            client = staff.clients["pendle_eido"]
            response = client.post(urls.correct_url(case), s.post_data(body))
            assert s.stored_details(before, s.snapshot(), s.CASEWORK_TEXT_TABLES) == []
            s.assert_the_guard_refused(response)


@pytest.mark.parametrize("kind", KINDS)
@given(data=st.data())
@s.examples(10)
def test_any_themes_posted_change_only_that_cases_themes(staff, places, kind, data):
    """Any theme ids posted to the themes form: never a server error; the state never moves;
    only the case's themes and review history change, for its district's EIDO or a county
    lead on an active case; a retired theme is never added."""
    model, states, _table = KINDS[kind]
    whose = data.draw(st.sampled_from(["pendle", "burnley"]), label="case")
    role = data.draw(a_role(lambda role: may_take(role, whose, {EIDO})), label="role")
    state = data.draw(st.sampled_from(states.values), label="state")
    forge = data.draw(s.forging(), label="forge")
    with s.one_example():
        case = put_in(places, kind, whose, state)
        form = ThemesForm(submission=case)
        body = data.draw(form_values(form, forge), label="body")
        before = s.snapshot()
        response = staff.clients[role].post(urls.themes_url(case), s.post_data(body))
        after = s.snapshot()
        assert response.status_code in (200, 302, 403, 404, 409)
        assert state_of(case) == state
        if not (may_take(role, whose, {EIDO}) and case.is_active_case):
            assert s.changes(before, after) == []
            return
        assert s.changes_outside(before, after, case) == []
        assert places.retired_theme not in model.objects.get(pk=case.pk).themes.all()


# Meetings, members, budgets, panel maximums, the directory.


def keeps_shared_rows(role: str) -> bool:
    """Who changes the rows that belong to every district (themes): EIDOs and county leads."""
    return role != "pendle_panel_member"


def county_lead_districts(role: str) -> set[int]:
    """Budgets and panel maximums: every district for a county lead, none for anyone else."""
    return changes_districts(role) if role == "county_lead" else set()


@dataclass(frozen=True)
class Screen:
    """A meetings or directory screen: its model admin, the tables its forms may change, and
    which districts' rows a role may change there."""

    admin: type
    tables: frozenset[str]
    may_change: Callable[[str], set[int]]

    @property
    def model(self):
        return self.admin.model


SCREENS = {
    "meeting": Screen(
        MeetingAdmin,
        frozenset({"Meeting", "HistoricalMeeting", "Meeting_members_present", "Meeting_apologies"}),
        changes_districts,
    ),
    "panelmember": Screen(
        PanelMemberAdmin, frozenset({"PanelMember", "HistoricalPanelMember"}), changes_districts
    ),
    "spotpurchasebudget": Screen(
        BudgetAdmin,
        frozenset({"SpotPurchaseBudget", "HistoricalSpotPurchaseBudget"}),
        county_lead_districts,
    ),
    "district": Screen(
        DistrictAdmin, frozenset({"District", "HistoricalDistrict"}), county_lead_districts
    ),
    "service": Screen(
        ServiceAdmin,
        frozenset({"Service", "HistoricalService", "Service_districts", "Service_themes"}),
        changes_districts,
    ),
    "theme": Screen(ThemeAdmin, frozenset({"Theme", "HistoricalTheme"}), changes_districts),
    "priority": Screen(
        PriorityAdmin, frozenset({"Priority", "HistoricalPriority"}), changes_districts
    ),
}
SCREEN_MODELS = {screen.model.__name__: screen.model for screen in SCREENS.values()}


def rows_of(screen: str, places) -> dict:
    """The rows each screen's edit and delete forms may be pointed at, by whose they are."""
    return {
        "meeting": {
            "pendle": places.meetings[("gap", "pendle")],
            "pendle, empty": places.later[0],
            "burnley": places.meetings[("gap", "burnley")],
        },
        "panelmember": {"pendle": places.members["pendle"], "burnley": places.members["burnley"]},
        "spotpurchasebudget": places.budgets,
        "district": {"pendle": district("PEN"), "burnley": district("BUR")},
        "service": places.services,
        "theme": {"in use": Theme.objects.get(name="Bereavement"), "retired": places.retired_theme},
        "priority": places.priorities,
    }[screen]


SCREEN_CASES = [
    (screen, action)
    for screen in SCREENS
    for action in ("create", "edit", "delete")
    if not (screen == "district" and action != "edit")
]


def admin_form(screen: str, user, instance=None):
    """The form the screen shows `user` (for `instance`, or a new row)."""
    admin = SCREENS[screen].admin()
    form_class = admin.get_edit_handler().bind_to_model(admin.model).get_form_class()
    return form_class(instance=instance, for_user=user)


def screen_overrides(screen: str, forge: bool) -> dict:
    if screen == "spotpurchasebudget":
        return {"financial_year": s.number(2020, 2035, forge)}
    if screen == "district":
        return {
            "panel_maximum": s.number(0, 2000, forge),
            "repeated_need_count": s.number(0, 120, forge),
            "repeated_need_months": s.number(0, 40, forge),
        }
    if screen == "priority":
        return {"sort_order": s.number(0, 20, forge)}
    return {}


def assert_screen_rules(screen: str, before, after):
    """What each screen's rules promise about the rows it saved."""
    for change in s.changes(before, after):
        table = change.table.removeprefix("pei_workflow.")
        if change.after is None or table.startswith("Historical") or "_" in table:
            continue
        saved = SCREEN_MODELS[table].objects.get(pk=change.pk)
        saved.full_clean()
        if isinstance(saved, Meeting):
            present, sorry = set(saved.members_present.all()), set(saved.apologies.all())
            assert not present & sorry
            for member in present | sorry:
                assert (member.district_id, member.body) == (saved.district_id, saved.kind)
            if change.before and (saved.gaps.exists() or saved.caf_escalations.exists()):
                was = change.before
                assert (saved.district_id, saved.kind) == (was["district_id"], was["kind"])
                if saved.date != was["date"]:
                    assert saved.date >= timezone.localdate()
        if isinstance(saved, Service):
            assert saved.districts.exists()
            assert saved.contact_email or saved.contact_phone or saved.website
        if isinstance(saved, SpotPurchaseBudget):
            assert saved.amount >= spent_in(saved.district_id, saved.financial_year)
        if isinstance(saved, Theme):
            assert Theme.objects.filter(name__iexact=saved.name).count() == 1
        if isinstance(saved, Priority):
            same = Priority.objects.filter(district=saved.district, title__iexact=saved.title)
            assert same.count() == 1


@pytest.mark.parametrize(("screen", "action"), SCREEN_CASES)
@given(data=st.data())
@s.examples(6)
def test_any_post_to_a_meetings_or_directory_form_changes_only_what_the_person_may(
    staff, places, screen, action, data
):
    """Any role posting anything to a create, edit or delete form of the meetings, members,
    budgets, panel maximum, services, themes or priorities screens, for a row of their
    district, of another or none: never a server error; only the screen's own tables change,
    only for districts the person may change (never Burnley's for a Pendle EIDO, nothing for
    a panel member, budgets and maximums for a county lead only); a forged choice or id
    changes nothing; what is saved keeps the screen's rules."""
    who = SCREENS[screen].may_change
    role = data.draw(a_role(lambda role: bool(who(role))), label="role")
    user = staff.users[role]
    rows = rows_of(screen, places)
    whose = None
    if action != "create":
        whose = data.draw(st.sampled_from([*sorted(rows), "missing"]), label="row")
    instance = rows.get(whose)
    forge = data.draw(s.forging(), label="forge")
    with s.one_example():
        if action == "delete":
            form, body = None, data.draw(s.junk_fields(), label="body")
        else:
            form = admin_form(screen, user, instance)
            body = data.draw(
                form_values(form, forge, **screen_overrides(screen, forge)), label="body"
            )
        address = screen_address(data, SCREENS[screen].model, action, instance)
        before, after = posted(
            staff, role, address, body, form=form, label=f"{role} {action} {whose or ''}"
        )
        s.assert_changes_only(
            before,
            after,
            districts=who(role),
            tables={f"pei_workflow.{table}" for table in SCREENS[screen].tables},
            shared=screen == "theme" and keeps_shared_rows(role),
        )
        assert_screen_rules(screen, before, after)


def create_with_detail(client, user, screen: str, field: str, data):
    """Post a new row of the screen, of the right shape, with a detail planted in `field`;
    return the response and the details stored."""
    form = admin_form(screen, user)
    texts = [name for name, f in form.fields.items() if type(f) is forms.CharField]
    overrides = planted_in(field, texts) | screen_overrides(screen, False)
    if screen == "meeting":
        overrides |= {"members_present": st.just([]), "apologies": st.just([])}
    body = data.draw(form_values(form, False, **overrides), label="body")
    model = SCREENS[screen].model
    before = s.snapshot()
    response = client.post(urls.screen_url(model, "create"), s.post_data(body))
    tables = s.CASEWORK_TEXT_TABLES | {
        f"pei_workflow.{table}"
        for table in ("Theme", "HistoricalTheme", "Priority", "HistoricalPriority")
    }
    return response, s.stored_details(before, s.snapshot(), tables)


@pytest.mark.parametrize(
    "field",
    [
        "location",
        "notes",
    ],
)
@given(data=st.data())
@s.examples(3, shrink=False)
def test_no_meeting_is_stored_with_an_identifying_detail_in_its_location_or_notes(
    staff, places, field, data
):
    """A meeting's location and notes are read on its agenda by everyone at the meeting: a
    detail in either gets the guard's message and is stored nowhere."""
    with s.one_example():
        response, stored = create_with_detail(
            staff.clients["pendle_eido"], staff.users["pendle_eido"], "meeting", field, data
        )
        assert stored == []
        s.assert_the_guard_refused(response)


@pytest.mark.parametrize(
    ("screen", "field"), [("theme", "name"), ("theme", "description"), ("priority", "title")]
)
@given(data=st.data())
@s.examples(2, shrink=False)
def test_no_theme_or_priority_is_stored_with_an_identifying_detail(
    staff, places, screen, field, data
):
    """A theme's name and description and a priority's title are shown on every tagged
    case, in the reports and (priorities) on the public Gap form: one that identifies someone
    gets the guard's message and is stored nowhere."""
    with s.one_example():
        response, stored = create_with_detail(
            staff.clients["pendle_eido"], staff.users["pendle_eido"], screen, field, data
        )
        assert stored == []
        s.assert_the_guard_refused(response)


# People and districts.


@pytest.fixture
def people(staff):
    """Someone to give a role to, a second county lead, and a superuser nobody but a
    superuser may change."""
    another_lead = admin_county_lead()
    return SimpleNamespace(
        newcomer=UserFactory(first_name="Nia", last_name="New"),
        another_lead=another_lead,
        superuser=UserFactory(is_superuser=True),
        assignments={
            "pendle": DistrictAssignment.objects.get(user=staff.users["pendle_eido"]),
            "burnley": DistrictAssignment.objects.get(user=staff.users["burnley_eido"]),
        },
    )


def people_changes_allowed(role: str, before, after, superuser):
    """Only a county lead changes anyone's roles, and never a superuser's."""
    found = s.changes(before, after)
    if role != "county_lead":
        assert found == []
        return
    user = get_user_model()._meta.label
    tables = {"pei_workflow.DistrictAssignment", user, f"{user}_groups", f"{user}_user_permissions"}
    for change in found:
        row = change.after or change.before
        assert change.table in tables, change.table
        assert row.get("user_id", row.get("id")) != superuser.pk


@given(data=st.data())
@s.examples(20)
def test_any_post_to_the_people_forms_changes_roles_only_for_a_county_lead(
    staff, places, people, data
):
    """Any role posting anything to "Give someone a role", "Remove from a district" or
    "Remove a county lead": never a server error; nothing changes unless a county lead asked,
    a superuser is never changed, an EIDO or panel member is always left with a district for
    each role they hold, and a forged person, role or district changes nothing."""
    role = data.draw(a_role(lambda role: role == "county_lead"), label="role")
    action = data.draw(st.sampled_from(["assign", "assign", "remove", "remove lead"]))
    forge = data.draw(s.forging(), label="forge")
    user = staff.users[role]
    form = None
    with s.one_example():
        if action == "assign":
            form = AssignForm(actor=user)
            body = data.draw(form_values(form, forge), label="body")
            address = urls.screen_url(DistrictAssignment, "create")
        elif action == "remove":
            body = {}
            whose = data.draw(st.sampled_from([*sorted(people.assignments), "missing"]))
            chosen = people.assignments.get(whose)
            pk = chosen.pk if chosen else data.draw(st.sampled_from(MISSING_PKS))
            address = urls.screen_url(DistrictAssignment, "delete", pk=pk)
        else:
            body = {}
            target = data.draw(
                st.sampled_from([people.another_lead, people.superuser, people.newcomer, user])
            )
            address = urls.remove_county_lead_url(target)
        before = s.snapshot()
        response = staff.clients[role].post(address, s.post_data(body))
        after = s.snapshot()
        event(f"{role} {action}: {response.status_code}")
        assert response.status_code in (200, 302, 403, 404)
        if form is not None and forged_choices(form, body):
            assert s.changes(before, after) == []
        people_changes_allowed(role, before, after, people.superuser)
        # Someone in the EIDOs or Panel members group always has a district in that role.
        for group, district_role in ((roles.EIDOS, "eido"), (roles.PANEL_MEMBERS, "panel_member")):
            for person in get_user_model().objects.filter(groups__name=group):
                assert DistrictAssignment.objects.filter(user=person, role=district_role).exists()
