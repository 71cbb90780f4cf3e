"""The casework screens: every view, search and export shows a person only the submissions
of their own districts."""

import csv
import io
import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from pei_workflow import services
from pei_workflow.admin.casework.steps import STEPS
from pei_workflow.models import Priority, Theme, TransitionLog
from pei_workflow.services import answer_fields, submit_caf_escalation, submit_gap_in_service
from tests.factories import (
    UserFactory,
    admin_county_lead,
    budget,
    caf_answers,
    county_lead,
    eido,
    gap_answers,
    in_state,
    meeting,
    service,
    submitted_caf,
    submitted_gap,
)

pytestmark = pytest.mark.django_db

MODELS = ["gapinservice", "cafescalation"]
VISIBLE_CONTROL = re.compile(
    r'<(?:input|select|textarea)\b(?![^>]*type="hidden")[^>]*\bid="([^"]+)"'
)


def admin_user(user):
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def url(model, action, *args):
    return reverse(f"pei_workflow_{model}_modeladmin_{action}", args=args)


@pytest.fixture
def cases():
    return {
        "gapinservice": {
            "PEN": submit_gap_in_service(answers=gap_answers("PEN")),
            "BUR": submit_gap_in_service(
                answers=gap_answers("BUR", unmet_need="Burnley only need about transport.")
            ),
        },
        "cafescalation": {
            "PEN": submit_caf_escalation(answers=caf_answers("PEN")),
            "BUR": submit_caf_escalation(
                answers=caf_answers("BUR", issue="Burnley only issue about a delay.")
            ),
        },
    }


@pytest.fixture
def pendle_eido(client):
    user = admin_user(eido("PEN"))
    client.force_login(user)
    return user


@pytest.mark.parametrize("model", MODELS)
def test_eido_list_shows_only_their_districts_submissions(client, pendle_eido, cases, model):
    """The Pendle EIDO's list holds the Pendle case and not the Burnley one."""
    response = client.get(url(model, "index"))
    assert response.status_code == 200
    body = response.content.decode()
    assert cases[model]["PEN"].reference in body
    assert cases[model]["BUR"].reference not in body


@pytest.mark.parametrize("model", MODELS)
def test_eido_cannot_open_another_districts_submission_by_any_url(
    client, pendle_eido, cases, model
):
    """Inspect, edit, delete and history of a Burnley case all refuse the Pendle EIDO
    without showing anything of it."""
    burnley = cases[model]["BUR"]
    for action in ["inspect", "edit", "delete"]:
        response = client.get(url(model, action, burnley.pk))
        assert response.status_code in (403, 404), action
        assert burnley.reference not in response.content.decode()
        assert "Burnley only" not in response.content.decode()
    response = client.post(url(model, "delete", burnley.pk))
    assert response.status_code in (403, 404)
    assert type(burnley).objects.filter(pk=burnley.pk).exists()


@pytest.mark.parametrize("model", MODELS)
def test_eido_search_by_reference_finds_only_their_districts(client, pendle_eido, cases, model):
    """Searching for a Burnley reference finds nothing for the Pendle EIDO."""
    own, other = cases[model]["PEN"], cases[model]["BUR"]
    found = client.get(url(model, "index"), {"q": own.reference}).content.decode()
    assert url(model, "inspect", own.pk) in found
    # The search box echoes the query, so look for the result's link, not the reference.
    not_found = client.get(url(model, "index"), {"q": other.reference}).content.decode()
    assert url(model, "inspect", other.pk) not in not_found
    assert url(model, "inspect", own.pk) not in not_found


@pytest.mark.parametrize("model", MODELS)
def test_eido_export_holds_only_their_districts_rows(client, pendle_eido, cases, model):
    """The CSV export is scoped like the list."""
    response = client.get(url(model, "index"), {"export": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    references = [row[0] for row in rows[1:]]
    assert references == [cases[model]["PEN"].reference]


# Every start the design names that a spreadsheet runs as a formula, alone and behind spaces.
FORMULA_STARTS = [
    pytest.param(f"{spaces}{start}", id=f"{len(spaces)}-spaces-{name}")
    for start, name in [
        ("=", "equals"),
        ("+", "plus"),
        ("-", "minus"),
        ("@", "at"),
        ("\t", "tab"),
        ("\r", "carriage-return"),
    ]
    for spaces in ("", "  ")
]
FREE_TEXT_ANSWER = {"gapinservice": "what_has_been_tried", "cafescalation": "issue"}


def exported_cells(response, export_format) -> list[tuple[str | None, object]]:
    """Every cell of an export below its heading row, as (openpyxl data type, value); the
    data type is None for CSV, which has none."""
    if export_format == "csv":
        rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
        return [(None, value) for row in rows[1:] for value in row]
    from openpyxl import load_workbook
    from openpyxl.utils.escape import unescape

    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    # The file escapes control characters as Excel does (a carriage return is "_x000D_"),
    # which openpyxl leaves as they are in text written into its cell.
    return [
        (cell.data_type, unescape(cell.value) if cell.data_type == "s" else cell.value)
        for row in sheet.iter_rows(min_row=2)
        for cell in row
    ]


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_export_neutralises_cells_that_a_spreadsheet_would_run_as_formulas(
    client, pendle_eido, cases, model, export_format, start
):
    """A practitioner's answer that a spreadsheet would run as a formula is exported as text,
    with an apostrophe in front, in CSV and in XLSX; no XLSX cell is a formula."""
    submission = cases[model]["PEN"]
    answer = f'{start}HYPERLINK("https://example.org","Open")'
    type(submission).objects.filter(pk=submission.pk).update(**{FREE_TEXT_ANSWER[model]: answer})
    response = client.get(url(model, "index"), {"export": export_format})
    assert response.status_code == 200
    cells = exported_cells(response, export_format)
    values = [value for _, value in cells]
    assert "'" + answer in values
    assert answer not in values
    assert [kind for kind, _ in cells if kind == "f"] == []
    # Ordinary answers are left exactly as they were typed.
    assert submission.reference in values


def test_a_plain_answer_is_exported_unchanged(client, pendle_eido, cases):
    """Neutralising touches only cells that would run: an ordinary answer keeps its text."""
    response = client.get(url("gapinservice", "index"), {"export": "csv"})
    values = [value for _, value in exported_cells(response, "csv")]
    assert gap_answers("PEN")["what_has_been_tried"] in values


def export_queries(client, model):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url(model, "index"), {"export": "csv"})
        b"".join(response.streaming_content)  # the rows are read as they stream
    return len(queries)


def decided_cases(count):
    """Gaps and CAF escalations that each have a meeting and a decision to export."""
    from pei_workflow.models import GapInService

    officer = eido("PEN")
    panel, sub_group = meeting("PEN"), meeting("PEN", kind="sub_group")
    for _ in range(count):
        gap = in_state(submitted_gap("PEN"), "on_panel_agenda", meeting=panel)
        GapInService.objects.filter(pk=gap.pk).update(
            identified_service=service("PEN", name=f"Service {gap.pk}"),
            priority=Priority.objects.create(district=gap.district, title=f"P{gap.pk}"),
        )
        in_state(submitted_caf("PEN"), "on_sub_group_agenda", meeting=sub_group)
    return officer


@pytest.mark.parametrize("model", MODELS)
def test_an_export_costs_the_same_queries_for_3_rows_as_for_12(client, pendle_eido, model):
    """The export's meeting, service and priority columns are joined in, not fetched per row."""
    decided_cases(3)
    few = export_queries(client, model)
    decided_cases(9)
    assert export_queries(client, model) == few


def test_inspect_shows_every_answer_and_the_review_history(client, pendle_eido, cases):
    """The inspect view holds the answers, in groups, and the history row of the submission."""
    gap = cases["gapinservice"]["PEN"]
    response = client.get(url("gapinservice", "inspect", gap.pk))
    assert response.status_code == 200
    body = response.content.decode()
    assert gap.unmet_need in body
    assert gap.practitioner_name in body
    for heading in ("The practitioner", "Who is affected", "The need", "Themes", "Meeting"):
        assert f">{heading}</h2>" in body
    assert "Review history" in body
    assert "Sent by the practitioner" in body
    assert "From “Not yet sent” to “Received”" in body


def test_county_lead_sees_every_district(client, cases):
    """A county lead's list and inspect views cover all districts."""
    client.force_login(admin_user(county_lead()))
    body = client.get(url("gapinservice", "index")).content.decode()
    assert cases["gapinservice"]["PEN"].reference in body
    assert cases["gapinservice"]["BUR"].reference in body
    burnley = cases["gapinservice"]["BUR"]
    assert client.get(url("gapinservice", "inspect", burnley.pk)).status_code == 200


@pytest.mark.parametrize("model", MODELS)
def test_admin_user_with_no_district_sees_no_submissions(client, cases, model):
    """An editor (admin access, no district) gets no list and no submission."""
    client.force_login(admin_user(UserFactory()))
    assert client.get(url(model, "index")).status_code in (302, 403)
    response = client.get(url(model, "inspect", cases[model]["PEN"].pk))
    assert response.status_code in (403, 404)


def test_a_malformed_submission_id_is_a_404(client, pendle_eido):
    """An id that is not a number answers 404, not a server error."""
    assert client.get("/admin/pei_workflow/gapinservice/inspect/abc/").status_code == 404


def test_nobody_can_create_a_submission_in_the_admin(client, cases):
    """Submissions come only from practitioners; the create view is refused."""
    client.force_login(admin_user(county_lead()))
    assert client.get(url("gapinservice", "create")).status_code in (302, 403)


def test_district_filter_offers_only_the_districts_the_user_may_see(client, pendle_eido, cases):
    """The Pendle EIDO's district filter lists Pendle and no other district."""
    body = client.get(url("gapinservice", "index")).content.decode()
    assert "Pendle" in body
    assert "Burnley" not in body


# The review history's words, corrections and themes.


def correct_url(submission):
    kwargs = {"model_name": submission._meta.model_name, "pk": submission.pk}
    return reverse("pei_workflow_correct", kwargs=kwargs)


def themes_url(submission):
    kwargs = {"model_name": submission._meta.model_name, "pk": submission.pk}
    return reverse("pei_workflow_themes", kwargs=kwargs)


def answers_post(submission, **changes):
    """The correction form as the EIDO sends it: every answer as it is, with `changes`."""
    data = {}
    for name in answer_fields(type(submission)):
        value = getattr(submission, name)
        if hasattr(value, "pk"):
            value = value.pk
        if isinstance(value, bool):
            if value:
                data[name] = "on"
            continue
        data[name] = "" if value is None else value
    data["seen_updated_at"] = submission.updated_at.isoformat()
    data.update(changes)
    return data


def history_rows(submission):
    return TransitionLog.objects.filter(
        content_type=ContentType.objects.get_for_model(submission), object_id=submission.pk
    )


def test_the_review_history_shows_each_steps_data_in_words(client, pendle_eido):
    """Who, from and to in plain state labels, the meeting as a link to its agenda, the
    outcome's label and the amount in pounds."""
    budget("PEN", "900.00")
    panel = meeting("PEN")
    gap = services.start_review(submission=submitted_gap("PEN"), actor=pendle_eido)
    gap = services.add_to_agenda(submission=gap, actor=pendle_eido, meeting=panel)
    gap = services.record_panel_decision(
        submission=gap,
        actor=pendle_eido,
        outcome="spot_purchase",
        amount=Decimal("250.00"),
        purchase_for="Five sessions",
    )
    body = client.get(url("gapinservice", "inspect", gap.pk)).content.decode()
    assert "From “Received” to “Being reviewed”" in body
    assert "From “On the Resource Panel agenda” to “Action agreed”" in body
    assert f'href="{reverse("pei_workflow_agenda", args=[panel.pk])}"' in body
    assert "Spot purchase" in body
    assert "£250.00" in body
    assert "Five sessions" in body
    assert "meeting_id" not in body


def test_a_correction_needs_a_reason_and_changes_nothing_without_one(client, pendle_eido):
    """No reason, no correction: the message is beside the reason box."""
    gap = submitted_gap("PEN")
    response = client.post(correct_url(gap), answers_post(gap, job_title="Mentor", reason=""))
    assert response.status_code == 200
    assert "Enter why you are correcting it." in response.content.decode()
    gap.refresh_from_db()
    assert gap.job_title == "Learning mentor"


def test_a_correction_is_saved_with_its_reason_in_the_field_history(client, pendle_eido):
    """The corrected answer, the reason in simple-history and a review history row naming it."""
    gap = submitted_gap("PEN")
    data = answers_post(gap, job_title="Mentor", reason="The practitioner asked by phone.")
    assert client.post(correct_url(gap), data).status_code == 302
    gap.refresh_from_db()
    assert gap.job_title == "Mentor"
    assert gap.history.first().history_change_reason == "The practitioner asked by phone."
    row = history_rows(gap).last()
    assert (row.transition, row.data) == ("correct_answers", {"fields": ["job title"]})


def test_a_closed_submissions_answers_cannot_be_corrected(client, pendle_eido):
    """A closed case is read-only: the form and the post are refused with 403."""
    gap = in_state(submitted_gap("PEN"), "closed")
    assert client.get(correct_url(gap)).status_code == 403
    response = client.post(correct_url(gap), answers_post(gap, job_title="X", reason="Typo"))
    assert response.status_code == 403
    assert "Reopen it first" in response.content.decode()
    gap.refresh_from_db()
    assert gap.job_title == "Learning mentor"
    assert client.get(themes_url(gap)).status_code == 403


def test_a_correction_after_someone_else_changed_it_keeps_the_input_with_409(client, pendle_eido):
    """If the case changed after the form was shown, nothing is overwritten and the person
    keeps what they typed."""
    gap = submitted_gap("PEN")
    data = answers_post(gap, job_title="Head of year", reason="Typo in the job title.")
    services.start_review(submission=gap, actor=pendle_eido)
    response = client.post(correct_url(gap), data)
    assert response.status_code == 409
    body = response.content.decode()
    assert "Someone else changed" in body
    assert "Head of year" in body
    gap.refresh_from_db()
    assert gap.job_title == "Learning mentor"


def test_themes_are_chosen_from_those_in_use_and_logged(client, pendle_eido):
    """Ticked themes are saved with a history row; a theme no longer in use is not offered."""
    gap = submitted_gap("PEN")
    retired = Theme.objects.create(name="Retired theme", is_active=False)
    form = client.get(themes_url(gap)).content.decode()
    assert "Retired theme" not in form
    chosen = list(Theme.objects.filter(is_active=True)[:2])
    response = client.post(themes_url(gap), {"themes": [t.pk for t in chosen]})
    assert response.status_code == 302
    assert set(gap.themes.all()) == set(chosen)
    assert history_rows(gap).last().data == {"themes": sorted(t.name for t in chosen)}
    response = client.post(themes_url(gap), {"themes": [retired.pk]})
    assert response.status_code == 200
    assert "Select only themes from the list." in response.content.decode()


@pytest.mark.parametrize("model", MODELS)
def test_every_input_of_the_correction_form_has_a_label(client, pendle_eido, cases, model):
    """The correction form of both kinds opens, with the answers in groups and every input
    labelled."""
    submission = cases[model]["PEN"]
    response = client.get(correct_url(submission))
    assert response.status_code == 200
    body = response.content.decode()
    assert "<legend" in body and ">The practitioner</legend>" in body
    assert 'name="seen_updated_at"' in body
    controls = VISIBLE_CONTROL.findall(body)
    assert controls
    for control_id in controls:
        assert f'for="{control_id}"' in body, control_id


# Every step form, as a county lead opens it.


def step_cases():
    gap_sources = {
        "start_review": "submitted",
        "request_information": "in_review",
        "signpost": "in_review",
        "add_to_agenda": "in_review",
        "defer": "on_panel_agenda",
        "record_panel_decision": "on_panel_agenda",
        "escalate_to_sub_group": "on_panel_agenda",
        "record_sub_group_decision": "escalated_sub_group",
        "escalate_to_trust_board": "escalated_sub_group",
        "record_trust_board_decision": "escalated_trust_board",
        "close": "action_agreed",
        "decline": "submitted",
        "withdraw": "in_review",
        "reopen": "closed",
    }
    caf_sources = {
        "add_to_agenda": "in_review",
        "defer": "on_sub_group_agenda",
        "record_sub_group_decision": "on_sub_group_agenda",
        "escalate_to_trust_board": "on_sub_group_agenda",
        "refer_to_county_caf_group": "on_sub_group_agenda",
        "record_county_response": "referred_to_county",
    }
    yield from (pytest.param("gap", n, s, id=f"gap-{n}") for n, s in gap_sources.items())
    yield from (pytest.param("caf", n, s, id=f"caf-{n}") for n, s in caf_sources.items())


@pytest.mark.parametrize("kind,transition,state", list(step_cases()))
def test_every_step_form_labels_every_input(client, kind, transition, state):
    """Each step's form opens for a county lead, and every input it shows has a label."""
    client.force_login(admin_county_lead())
    meeting_kind = "resource_panel" if kind == "gap" else "sub_group"
    on = meeting("PEN", kind=meeting_kind)
    meeting("PEN", kind=meeting_kind, days_ahead=30)
    submission = submitted_gap("PEN") if kind == "gap" else submitted_caf("PEN")
    submission = in_state(submission, state, meeting=on)
    kwargs = {"model_name": submission._meta.model_name, "pk": submission.pk}
    response = client.get(reverse("pei_workflow_step", kwargs={**kwargs, "transition": transition}))
    assert response.status_code == 200
    body = response.content.decode()
    controls = VISIBLE_CONTROL.findall(body)
    form = STEPS[transition].form_class(submission=submission)
    visible = [field for field in form if not field.is_hidden]
    # A step with fields shows each of them; a step that only confirms shows none.
    assert bool(controls) == bool(visible), (transition, controls)
    assert len(controls) >= len(visible), (transition, controls)
    for control_id in controls:
        assert f'for="{control_id}"' in body, f"{transition}: {control_id} has no label"
    assert f">{form.submit_label}<" in body or f'value="{form.submit_label}"' in body, transition
