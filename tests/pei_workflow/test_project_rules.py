"""The rules of commissioned projects and their monitoring returns, through the services
staff use: each refusal has a clear message keyed by its field, and changes nothing."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from pei_workflow.models import CommissionedProject, MonitoringReturn, OutcomeFigure
from pei_workflow.services import OutcomeChange, save_monitoring_return, save_project
from tests import strategies as s
from tests.factories import admin_eido, admin_panel_member, county_lead, district
from tests.factories_projects import END, START, monitoring_return, project, quarter

pytestmark = pytest.mark.django_db

IDENTIFYING = "Mrs Smith at 14 Acacia Avenue, BB9 7LJ"


def refusal(call) -> dict:
    with pytest.raises(ValidationError) as raised:
        call()
    return raised.value.message_dict


def project_arguments(**overrides) -> dict:
    arguments = {
        "name": "Holiday lunches at Nelson children's centre",
        "provider": "Example Community Kitchen",
        "districts": [district("PEN")],
        "commissioned_by": "sub_group",
        "start_date": START,
        "end_date": END,
        "cost": Decimal("4500.50"),
        "outcomes": [OutcomeChange("Families taking part", 25, "families")],
    }
    return arguments | overrides


def test_a_districts_eido_records_a_project_with_its_outcomes_history_and_log_entry():
    """Saved with its districts and outcomes, its cost as money, a version in its field
    history saying why, and Wagtail's log entry (copied to the audit log)."""
    officer = admin_eido("PEN")
    saved = save_project(actor=officer, **project_arguments())

    saved.refresh_from_db()
    assert saved.cost == Decimal("4500.50")
    assert list(saved.districts.all()) == [district("PEN")]
    assert [(o.description, o.target, o.unit) for o in saved.outcomes.all()] == [
        ("Families taking part", 25, "families")
    ]
    assert saved.history.latest().history_change_reason == "Project added"
    assert saved.history.latest().history_user == officer
    assert ModelLogEntry.objects.filter(object_id=str(saved.pk), action="wagtail.create").exists()
    assert not saved.is_example


def test_a_project_that_ends_before_it_starts_is_refused_and_nothing_is_saved():
    """The end date must not come before the start date: said beside the end date."""
    arguments = project_arguments(end_date=START - datetime.timedelta(days=1))
    errors = refusal(lambda: save_project(actor=county_lead(), **arguments))
    assert errors == {"end_date": ["The end date must be the same as or after the start date."]}
    assert not CommissionedProject.objects.exists()


def test_missing_details_are_each_named_and_nothing_is_saved():
    """No name, provider, dates, cost or target: one message for each, at once."""
    arguments = project_arguments(
        name=" ",
        provider="",
        start_date=None,
        end_date=None,
        cost=None,
        outcomes=[OutcomeChange("", None)],
    )
    errors = refusal(lambda: save_project(actor=county_lead(), **arguments))
    assert set(errors) == {
        "name",
        "provider",
        "start_date",
        "end_date",
        "cost",
        "outcomes-0-description",
    }
    assert not CommissionedProject.objects.exists()


@pytest.mark.parametrize(
    ("field", "arguments"),
    [
        ("name", {"name": IDENTIFYING}),
        ("provider", {"provider": IDENTIFYING}),
        ("description", {"description": f"It helps {IDENTIFYING}."}),
        ("outcomes-0-description", {"outcomes": [OutcomeChange(IDENTIFYING, 3)]}),
        ("outcomes-0-unit", {"outcomes": [OutcomeChange("Families", 3, IDENTIFYING)]}),
    ],
)
def test_every_project_text_goes_through_the_anonymity_guard(field, arguments):
    """A name, provider, description, outcome or unit that identifies someone is refused
    with the guard's message beside it, and stored nowhere."""
    lead = county_lead()
    before = s.snapshot()
    errors = refusal(lambda: save_project(actor=lead, **project_arguments(**arguments)))
    assert s.GUARD_SAYS in " ".join(errors[field])
    assert IDENTIFYING not in str(errors)
    assert not CommissionedProject.objects.exists()
    assert s.changes(before, s.snapshot()) == []


def test_an_eido_of_another_district_and_a_panel_member_may_not_change_a_project():
    """Only the EIDO of a district the project covers, or a county lead, changes it."""
    pendle = project("PEN")
    for person in (admin_eido("BUR"), admin_panel_member("PEN")):
        with pytest.raises(PermissionDenied):
            save_project(actor=person, project=pendle, **project_arguments(reason="Tidying."))
    pendle.refresh_from_db()
    assert pendle.name == "Mobile crèche for four children's centres"


def test_an_eido_cannot_choose_another_districts_coverage_but_keeps_it_when_editing():
    """A Pendle EIDO choosing Burnley is refused; editing a project of both, they choose
    among Pendle only, and Burnley stays."""
    officer = admin_eido("PEN")
    arguments = project_arguments(districts=[district("BUR")])
    assert set(refusal(lambda: save_project(actor=officer, **arguments))) == {"districts"}

    shared = project(districts=["PEN", "BUR"])
    save_project(
        actor=officer, project=shared, **project_arguments(districts=[], reason="New name.")
    )
    assert list(shared.districts.all()) == [district("BUR")]


def test_a_change_needs_a_reason_kept_in_the_history():
    """Editing a project asks why, as every record that decides a case does."""
    pendle = project()
    errors = refusal(
        lambda: save_project(actor=county_lead(), project=pendle, **project_arguments())
    )
    assert set(errors) == {"change_reason"}
    save_project(
        actor=county_lead(), project=pendle, **project_arguments(reason="The SLA was renewed.")
    )
    assert pendle.history.latest().history_change_reason == "The SLA was renewed."


def test_an_outcome_with_figures_cannot_be_taken_off_but_one_without_can():
    """Taking off an outcome a return has a figure for would lose the figure: refused,
    beside that outcome; one without figures goes."""
    pendle = project()
    crèche, course, caf = pendle.outcomes.all()
    monitoring_return(pendle, [12, None, None])
    keep = [OutcomeChange(o.description, o.target, o.unit, outcome=o) for o in (course, caf)]
    remove = [OutcomeChange(crèche.description, crèche.target, outcome=crèche, remove=True)]
    errors = refusal(
        lambda: save_project(
            actor=county_lead(),
            project=pendle,
            **project_arguments(outcomes=remove + keep, reason="Fewer outcomes."),
        )
    )
    assert errors == {
        "outcomes-0-description": [
            "You cannot take off “Families using the crèche”: 1 monitoring return has a "
            "figure for it. Change its words instead."
        ]
    }
    assert pendle.outcomes.count() == 3

    remove_caf = [OutcomeChange(caf.description, caf.target, outcome=caf, remove=True)]
    kept = [OutcomeChange(o.description, o.target, o.unit, outcome=o) for o in (crèche, course)]
    save_project(
        actor=county_lead(),
        project=pendle,
        **project_arguments(outcomes=kept + remove_caf, reason="Not measured."),
    )
    assert list(pendle.outcomes.all()) == [crèche, course]


def test_a_return_is_saved_with_a_figure_per_outcome_and_no_figure_where_none_was_given():
    """Figures against each agreed outcome, by the outcome's id; an empty one is not saved."""
    pendle = project()
    saved = monitoring_return(pendle, [12, 0, None])
    assert dict(saved.figures.values_list("outcome__description", "achieved")) == {
        "Families using the crèche": 12,
        "Parents who finish their course": 0,
    }
    assert saved.history.latest().history_change_reason == "Monitoring return added"


@pytest.mark.parametrize(
    ("period", "field", "message"),
    [
        (
            (START - datetime.timedelta(days=1), START + datetime.timedelta(days=30)),
            "period_start",
            "The period must be inside the project's dates, 1 April 2026 to 31 March 2027.",
        ),
        (
            (END - datetime.timedelta(days=30), END + datetime.timedelta(days=1)),
            "period_end",
            "The period must be inside the project's dates, 1 April 2026 to 31 March 2027.",
        ),
        (
            (START + datetime.timedelta(days=30), START),
            "period_end",
            "The end of the period must be the same as or after its start.",
        ),
    ],
)
def test_a_return_outside_its_projects_dates_is_refused(period, field, message):
    """A return's period lies inside the project: said beside the end that is wrong."""
    pendle = project()
    errors = refusal(lambda: monitoring_return(pendle, [1, 1, 1], period=period))
    assert errors == {field: [message]}
    assert not MonitoringReturn.objects.exists()


def test_returns_may_not_overlap_since_the_page_adds_them_up():
    """Each day belongs to one return only; the message names the other return."""
    pendle = project()
    monitoring_return(pendle, [5, 5, 5], n=1)
    first, _ = quarter(1)
    overlapping = (first + datetime.timedelta(days=40), first + datetime.timedelta(days=100))
    errors = refusal(lambda: monitoring_return(pendle, [1, 1, 1], period=overlapping))
    assert "overlaps the return for 1 April to 30 June 2026" in errors["period_start"][0]
    assert MonitoringReturn.objects.count() == 1


def test_a_negative_figure_is_refused_beside_its_outcome_and_nothing_is_saved():
    """Figures are whole numbers of 0 or more."""
    pendle = project()
    crèche = pendle.outcomes.first()
    errors = refusal(lambda: monitoring_return(pendle, [-1, 2, 3]))
    assert errors == {f"figure_{crèche.pk}": ["Enter a whole number, 0 or more."]}
    assert not MonitoringReturn.objects.exists()
    assert not OutcomeFigure.objects.exists()


def test_one_figure_per_outcome_per_return_and_only_for_the_returns_own_project():
    """The database and the model refuse a second figure for an outcome, and a figure for
    another project's outcome."""
    pendle, other = project(), project("BUR", name="Burnley bikes")
    saved = monitoring_return(pendle, [1, 2, 3])
    crèche = pendle.outcomes.first()
    twice = OutcomeFigure(monitoring_return=saved, outcome=crèche, achieved=4)
    assert refusal(twice.full_clean) == {
        "__all__": ["This return already has a figure for that outcome."]
    }
    elsewhere = OutcomeFigure(monitoring_return=saved, outcome=other.outcomes.first(), achieved=1)
    assert refusal(elsewhere.full_clean) == {
        "outcome": ["Choose an outcome agreed for this return's project."]
    }
    with pytest.raises(ValidationError):
        save_monitoring_return(
            actor=county_lead(),
            project=pendle,
            period_start=quarter(2)[0],
            period_end=quarter(2)[1],
            narrative="Fine.",
            figures={other.outcomes.first().pk: 3},
        )


def test_changing_a_projects_dates_so_that_a_return_falls_outside_is_refused():
    """The project's dates and its returns' periods are one rule, kept from either side."""
    pendle = project()
    monitoring_return(pendle, [1, 1, 1], n=4)
    later_start = project_arguments(end_date=END - datetime.timedelta(days=31), reason="Shorter.")
    errors = refusal(lambda: save_project(actor=county_lead(), project=pendle, **later_start))
    assert "The return for 1 January to 31 March 2027 would be outside" in errors["end_date"][0]
    pendle.refresh_from_db()
    assert pendle.end_date == END


def test_the_narrative_is_required_guarded_and_a_correction_needs_a_reason():
    """What happened is required and goes through the guard; correcting a return asks why,
    and its history keeps the answer."""
    pendle = project()
    assert "narrative" in refusal(lambda: monitoring_return(pendle, [1], narrative=""))
    errors = refusal(lambda: monitoring_return(pendle, [1], narrative=f"{IDENTIFYING} came."))
    assert s.GUARD_SAYS in errors["narrative"][0]

    saved = monitoring_return(pendle, [1, 2, 3])
    correction = {
        "actor": county_lead(),
        "project": pendle,
        "monitoring_return": saved,
        "period_start": saved.period_start,
        "period_end": saved.period_end,
        "narrative": "Corrected figures from the provider.",
        "figures": {outcome.pk: 9 for outcome in pendle.outcomes.all()},
    }
    assert set(refusal(lambda: save_monitoring_return(**correction))) == {"change_reason"}
    save_monitoring_return(**correction, reason="The provider sent corrected figures.")
    saved.refresh_from_db()
    assert set(saved.figures.values_list("achieved", flat=True)) == {9}
    assert saved.history.latest().history_change_reason == "The provider sent corrected figures."


def test_only_the_eido_of_a_covered_district_or_a_county_lead_enters_a_return():
    """A Burnley EIDO and a Pendle panel member are refused; the Pendle EIDO is not."""
    pendle = project()
    for person in (admin_eido("BUR"), admin_panel_member("PEN")):
        with pytest.raises(PermissionDenied):
            monitoring_return(pendle, [1, 1, 1], actor=person)
    monitoring_return(pendle, [1, 1, 1], actor=admin_eido("PEN"))
    assert pendle.returns.count() == 1
