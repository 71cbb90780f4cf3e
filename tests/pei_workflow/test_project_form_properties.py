"""Property tests of the commissioned projects' forms (the project form and the monitoring
return form), in the manner of test_form_properties: whatever is posted, by whichever role, to
whichever project (of their district, of another, shared, or none), the site never fails,
only the projects' own tables change, only for someone who may change that project, a
forged choice or id changes nothing, what is saved keeps the rules, and no staff text is
stored with an identifying detail in it."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pei_workflow.admin import urls
from pei_workflow.admin.projects.forms import ReturnForm
from pei_workflow.admin.projects.options import ProjectAdmin
from pei_workflow.models import CommissionedProject, District, MonitoringReturn, OutcomeFigure
from tests import strategies as s
from tests.factories import district
from tests.factories_projects import END, START, project
from tests.pei_workflow.test_form_properties import (
    MISSING_PKS,
    a_role,
    changes_districts,
    form_values,
    planted_in,
    posted,
    screen_address,
    staff,  # noqa: F401 - a fixture
)

pytestmark = pytest.mark.django_db

PROJECT_TABLES = {
    f"pei_workflow.{table}"
    for table in (
        "CommissionedProject",
        "HistoricalCommissionedProject",
        "CommissionedProject_districts",
        "CommissionedProject_themes",
        "AgreedOutcome",
        "HistoricalAgreedOutcome",
    )
}
RETURN_TABLES = {
    f"pei_workflow.{table}"
    for table in (
        "MonitoringReturn",
        "HistoricalMonitoringReturn",
        "OutcomeFigure",
        "HistoricalOutcomeFigure",
    )
}
# What the return form may answer a post with.
RETURN_ANSWERS = (200, 302, 403, 404)
# The management data of the project form's (empty) list of agreed outcomes.
NO_NEW_OUTCOMES = {
    "outcomes-TOTAL_FORMS": "0",
    "outcomes-INITIAL_FORMS": "0",
    "outcomes-MIN_NUM_FORMS": "0",
    "outcomes-MAX_NUM_FORMS": "1000",
}


@pytest.fixture
def projects():
    return {
        "pendle": project("PEN", name="Pendle crèche"),
        "burnley": project("BUR", name="Burnley bikes"),
        "shared": project(districts=["PEN", "BUR"], name="East Lancashire lunches"),
    }


def may_change(role: str, whose: str) -> bool:
    own = changes_districts(role)
    codes = {"pendle": {"PEN"}, "burnley": {"BUR"}, "shared": {"PEN", "BUR"}}.get(whose, set())
    return bool({district(code).pk for code in codes} & own)


def return_overrides(forge: bool) -> dict:
    """Periods within the project sometimes, so that returns can be saved."""
    inside = st.dates(START, END).map(lambda day: day.isoformat())
    date = s.sometimes(s.date_text(forge), usually=inside)
    return {"period_start": date, "period_end": date}


def assert_returns_keep_the_rules():
    for saved in MonitoringReturn.objects.select_related("project"):
        saved.full_clean()
        assert saved.project.start_date <= saved.period_start <= saved.period_end
        assert saved.period_end <= saved.project.end_date
    for figure in OutcomeFigure.objects.select_related("outcome", "monitoring_return"):
        figure.full_clean()
        assert figure.achieved >= 0


@given(data=st.data())
@s.examples(12)
def test_any_post_to_a_return_form_changes_only_returns_of_a_project_the_person_may_change(
    staff,  # noqa: F811
    projects,
    data,
):
    """Never a server error; only the return tables change, only for the EIDO of a covered
    district or a county lead; a forged key changes nothing; saved returns keep the rules."""
    whose = data.draw(st.sampled_from([*projects, "missing"]), label="project")
    role = data.draw(a_role(lambda role: may_change(role, whose)), label="role")
    forge = data.draw(s.forging(), label="forge")
    chosen = projects.get(whose)
    with s.one_example():
        outcomes = list(chosen.outcomes.all()) if chosen else []
        form = ReturnForm(outcomes=outcomes)
        body = data.draw(form_values(form, forge, **return_overrides(forge)), label="body")
        pk = chosen.pk if chosen else data.draw(st.sampled_from(MISSING_PKS), label="pk")
        address = urls.add_return_url(CommissionedProject(pk=pk))
        before, after = posted(
            staff,
            role,
            address,
            body,
            form=None,
            label=f"{role} {whose}",
            answers=(200, 302, 403, 404),
        )
        if chosen is None or not may_change(role, whose):
            assert s.changes(before, after) == []
            return
        for change in s.changes(before, after):
            assert change.table in RETURN_TABLES, change.table
        assert_returns_keep_the_rules()


@given(data=st.data())
@s.examples(3, shrink=False)
def test_no_return_is_stored_with_an_identifying_detail_in_what_happened(
    staff,  # noqa: F811
    projects,
    data,
):
    """The narrative goes through the guard: a detail gets its message, stored nowhere."""
    chosen = projects["pendle"]
    with s.one_example():
        form = ReturnForm(outcomes=list(chosen.outcomes.all()))
        overrides = planted_in("narrative", ["narrative"]) | {
            "period_start": st.just(START.isoformat()),
            "period_end": st.just(START.isoformat()),
        }
        body = data.draw(form_values(form, False, **overrides), label="body")
        before = s.snapshot()
        response = staff.clients["pendle_eido"].post(urls.add_return_url(chosen), s.post_data(body))
        assert s.stored_details(before, s.snapshot(), RETURN_TABLES) == []
        s.assert_the_guard_refused(response)


def project_form(user, instance=None):
    admin = ProjectAdmin()
    form_class = admin.get_edit_handler().bind_to_model(CommissionedProject).get_form_class()
    return form_class(instance=instance, for_user=user)


@pytest.mark.parametrize("action", ["create", "edit", "delete"])
@given(data=st.data())
@s.examples(6)
def test_any_post_to_a_project_form_changes_only_projects_the_person_may_change(
    staff,  # noqa: F811
    projects,
    action,
    data,
):
    """Never a server error; only the project tables change, only for districts the
    person may change (a project shared with Burnley is changed by a Pendle EIDO, keeping
    Burnley); a forged district or theme changes nothing; what is saved keeps its rules."""
    whose = None
    if action != "create":
        whose = data.draw(st.sampled_from([*projects, "missing"]), label="project")
    role = data.draw(
        a_role(
            lambda role: bool(changes_districts(role)) and (not whose or may_change(role, whose))
        )
    )
    forge = data.draw(s.forging(), label="forge")
    instance = projects.get(whose) if whose else None
    with s.one_example():
        form = None
        if action == "delete":
            body = data.draw(s.junk_fields(), label="body")
        else:
            form = project_form(staff.users[role], instance)
            body = data.draw(form_values(form, forge, **project_overrides(form, forge)))
            body |= NO_NEW_OUTCOMES
            if instance is not None:
                body |= _existing_outcomes(instance)
        address = screen_address(data, CommissionedProject, action, instance)
        before, after = posted(
            staff, role, address, body, form=form, label=f"{role} {action} {whose or ''}"
        )
        s.assert_changes_only(
            before, after, districts=changes_districts(role), tables=PROJECT_TABLES
        )
        for saved in CommissionedProject.objects.all():
            saved.full_clean()
            assert saved.districts.exists()


def project_overrides(form, forge: bool) -> dict:
    """Dates in order and a district of the person's, usually, so that projects are saved as
    well as refused."""
    offered = list(form.fields["districts"].queryset.values_list("pk", flat=True))
    others = list(District.objects.exclude(pk__in=offered).values_list("pk", flat=True))
    return {
        "start_date": s.sometimes(s.date_text(forge), usually=st.just(START.isoformat())),
        "end_date": s.sometimes(s.date_text(forge), usually=st.just(END.isoformat())),
        "districts": s.ids(offered, others, forge, min_size=1 if offered else 0),
    }


def _existing_outcomes(project) -> dict:
    """The project's agreed outcomes as the form posts them back, unchanged."""
    outcomes = list(project.outcomes.all())
    body = {**NO_NEW_OUTCOMES, "outcomes-TOTAL_FORMS": str(len(outcomes))}
    body["outcomes-INITIAL_FORMS"] = str(len(outcomes))
    for n, outcome in enumerate(outcomes):
        body |= {
            f"outcomes-{n}-id": str(outcome.pk),
            f"outcomes-{n}-description": outcome.description,
            f"outcomes-{n}-target": str(outcome.target),
            f"outcomes-{n}-unit": outcome.unit,
            f"outcomes-{n}-ORDER": str(n + 1),
        }
    return body
