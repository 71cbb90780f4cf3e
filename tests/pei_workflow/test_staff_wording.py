"""Staff read the casework in the staff's words: the admin lists, their filters, the exports,
the submission's page and the agenda never show the practitioner's second-person wording
("from you", "I will attend"), which stays on the practitioner's side."""

import csv
import html
import importlib
import io
import pkgutil
import re

import openpyxl
import pytest
from django.apps import apps
from django.db import models
from django.urls import reverse

import pei_workflow
from pei_workflow.choices import (
    PRACTITIONER_ATTENDEE_LABELS,
    PRACTITIONER_ROUTE_HINTS,
    PRACTITIONER_ROUTE_LABELS,
    GapRoute,
    PanelAttendee,
)
from pei_workflow.labels import state_label
from pei_workflow.models import CafEscalation, GapInService
from pei_workflow.services import request_information, start_review
from pei_workflow.states import PRACTITIONER_STATE_LABELS, CafState, GapState
from tests.factories import admin_eido, meeting, on_agenda, submitted_caf, submitted_gap

pytestmark = pytest.mark.django_db

GAPS = "/admin/pei_workflow/gapinservice/"
QUESTION = "Which services have been tried for the bereavement support?"

# "you", "your" and the first person, as whole words; "I" only as a capital, the pronoun.
PERSONAL = re.compile(r"\b(?:you|your|yours|yourself|me|my|mine)\b", re.IGNORECASE)
PRONOUN_I = re.compile(r"\bI\b")

#: Every list the practitioner reads in their own words, with those words.
PRACTITIONER_WORDING = {
    GapState: PRACTITIONER_STATE_LABELS,
    CafState: PRACTITIONER_STATE_LABELS,
    GapRoute: PRACTITIONER_ROUTE_LABELS,
    PanelAttendee: PRACTITIONER_ATTENDEE_LABELS,
}


def speaks_to_someone(label: str) -> bool:
    """Whether a label addresses the reader ("you") or speaks as the writer ("I", "my")."""
    return bool(PERSONAL.search(label) or PRONOUN_I.search(label))


def staff_lists() -> dict[str, list[tuple[str, str]]]:
    """Every fixed list in pei_workflow that staff see: each TextChoices class defined in the
    app's modules and each model field with choices, by name, as (value, label) pairs."""
    for module in pkgutil.walk_packages(pei_workflow.__path__, "pei_workflow."):
        if ".migrations" not in module.name:
            importlib.import_module(module.name)
    found = {
        f"{cls.__module__}.{cls.__name__}": [(value, str(label)) for value, label in cls.choices]
        for cls in models.TextChoices.__subclasses__()
        if cls.__module__.startswith("pei_workflow.")
    }
    for model in apps.get_app_config("pei_workflow").get_models():
        for field in model._meta.get_fields():
            if getattr(field, "choices", None):
                found[f"{model.__name__}.{field.name}"] = [
                    (str(value), str(label)) for value, label in field.flatchoices
                ]
    return found


def text(response) -> str:
    return html.unescape(response.content.decode())


@pytest.fixture
def eido(client):
    user = admin_eido("PEN")
    client.force_login(user)
    return user


@pytest.fixture
def asked(eido):
    """A Pendle gap whose EIDO has asked the practitioner a question."""
    reviewed = start_review(submission=submitted_gap("PEN"), actor=eido)
    return request_information(submission=reviewed, actor=eido, message=QUESTION)


def test_no_list_staff_see_speaks_in_the_practitioners_voice():
    """Every state, route and other fixed list in pei_workflow, as a TextChoices class or a
    model field's choices, is labelled in the third person: no "you", "your", "I" or "my"."""
    for practitioner in (
        "Waiting for more information from you",
        "Your own project or consultation found a gap",
        "I will attend, as the Lead Professional",
        "A representative will attend for me",
    ):
        assert speaks_to_someone(practitioner), f"the check misses {practitioner!r}"
    lists = staff_lists()
    for name in (
        "pei_workflow.states.GapState",
        "pei_workflow.states.CafState",
        "pei_workflow.choices.GapRoute",
        "pei_workflow.choices.PanelAttendee",
        "GapInService.state",
        "GapInService.route",
        "GapInService.panel_attendee",
        "CafEscalation.state",
    ):
        assert name in lists, f"{name} was not found to check"
    offending = [
        (name, label)
        for name, choices in lists.items()
        for _value, label in choices
        if speaks_to_someone(label)
    ]
    assert offending == []


@pytest.mark.parametrize("choices", list(PRACTITIONER_WORDING), ids=lambda c: c.__name__)
def test_each_choice_worded_for_the_practitioner_has_a_third_person_staff_label(choices):
    """A list the practitioner reads in their own words has that wording for every value,
    and a staff label for each that does not say "you" or "I"."""
    wording = PRACTITIONER_WORDING[choices]
    assert set(choices.values) <= set(wording)
    for value, staff_label in choices.choices:
        assert not speaks_to_someone(staff_label), (value, staff_label)
    assert any(wording[value] != label for value, label in choices.choices)


def test_every_route_has_the_practitioners_short_label_and_the_guidance_hint():
    """The Gap form's six routes each have the practitioner's option and its full wording."""
    assert set(PRACTITIONER_ROUTE_LABELS) == set(GapRoute.values)
    assert set(PRACTITIONER_ROUTE_HINTS) == set(GapRoute.values)


def test_the_gaps_list_filters_and_shows_states_and_routes_in_staff_wording(client, asked):
    """The gaps list's state filter says "Waiting for the practitioner's answer" and its
    route column and filter name routes in short staff words, never the practitioner's."""
    page = text(client.get(GAPS))
    assert asked.reference in page
    assert "Waiting for the practitioner's answer" in page
    assert "Waiting for more information from you" not in page
    for label in GapRoute.labels:
        assert label in page, label
    assert page.count("CAF done, needs not known") >= 2  # the row's column and the filter
    for practitioner in (*PRACTITIONER_ROUTE_LABELS.values(), *PRACTITIONER_ROUTE_HINTS.values()):
        assert practitioner not in page, practitioner


def test_the_gaps_list_filtered_by_state_still_finds_the_case(client, asked):
    """Filtering the list on the waiting state finds the case waiting for the practitioner."""
    page = text(client.get(GAPS, {"state": "information_requested"}))
    assert asked.reference in page
    assert "Waiting for the practitioner's answer" in page


def _export_rows(response, export_format) -> list[dict]:
    if export_format == "csv":
        content = b"".join(response.streaming_content).decode("utf-8-sig")
        return list(csv.DictReader(io.StringIO(content)))
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    headings, *rows = sheet.iter_rows(values_only=True)
    return [dict(zip(headings, row, strict=True)) for row in rows]


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_the_export_has_the_state_and_route_in_staff_wording(client, asked, export_format):
    """The CSV and XLSX exports' state, route and attendee cells are the staff's words."""
    response = client.get(GAPS, {"export": export_format})
    assert response.status_code == 200
    (row,) = _export_rows(response, export_format)
    assert row["Reference"] == asked.reference
    assert row["State"] == "Waiting for the practitioner's answer"
    assert row["Route"] == "CAF done, needs not known"
    assert row["Who will attend the panel"] == "The Lead Professional"


@pytest.mark.parametrize("model", [GapInService, CafEscalation], ids=lambda m: m.__name__)
def test_no_export_heading_speaks_to_the_practitioner(client, eido, model):
    """Neither export's headings say "you" or "your": they name the practitioner's answers."""
    response = client.get(f"/admin/pei_workflow/{model._meta.model_name}/", {"export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    headings = next(csv.reader(io.StringIO(content)))
    assert "Reference" in headings
    assert [heading for heading in headings if speaks_to_someone(heading)] == []


def test_the_submissions_page_and_history_name_the_state_in_staff_wording(client, asked):
    """The gap's page (its summary, answers and review history) says "Waiting for the
    practitioner's answer" and the staff route, and nothing of the practitioner's wording."""
    page = text(client.get(f"{GAPS}inspect/{asked.pk}/"))
    assert "Waiting for the practitioner's answer" in page
    assert "CAF done, needs not known" in page
    assert "The Lead Professional" in page
    for practitioner in (
        "Waiting for more information from you",
        PRACTITIONER_ROUTE_LABELS[GapRoute.CAF_NEEDS_UNKNOWN],
        PRACTITIONER_ROUTE_HINTS[GapRoute.CAF_NEEDS_UNKNOWN],
        PRACTITIONER_ATTENDEE_LABELS[PanelAttendee.LEAD_PROFESSIONAL],
    ):
        assert practitioner not in page, practitioner


def test_the_caf_escalations_page_labels_the_answers_in_the_third_person(client, eido):
    """The answers the form asked as "your name" and "the outcome you want" are labelled
    for staff on the escalation's page ("Name", "The outcome wanted")."""
    caf = submitted_caf("PEN")
    page = text(client.get(f"/admin/pei_workflow/cafescalation/inspect/{caf.pk}/"))
    assert "The outcome wanted" in page
    assert caf.outcome_sought in page
    assert "The outcome you want" not in page
    assert "Your name" not in page


def test_the_agenda_gives_the_route_and_who_will_attend_in_staff_wording(client, eido):
    """A Resource Panel agenda says why the form was used and who will attend in the third
    person ("CAF done, needs not known", "The Lead Professional")."""
    panel = meeting("PEN")
    on_agenda(submitted_gap("PEN"), panel, eido)
    page = text(client.get(reverse("pei_workflow_agenda", args=[panel.pk])))
    assert "CAF done, needs not known" in page
    assert "The Lead Professional" in page
    assert PRACTITIONER_ROUTE_HINTS[GapRoute.CAF_NEEDS_UNKNOWN] not in page
    assert PRACTITIONER_ATTENDEE_LABELS[PanelAttendee.LEAD_PROFESSIONAL] not in page


@pytest.mark.parametrize("model", [GapInService, CafEscalation], ids=lambda m: m.__name__)
def test_the_state_labels_staff_read_are_the_models_own(model):
    """One home for the staff's state labels: the screens' `state_label` is the model's."""
    for value, label in model._meta.get_field("state").choices:
        assert state_label(model, value) == label
