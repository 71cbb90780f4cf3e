"""The synthetic casework generator makes histories the state machines allow."""

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from pei_workflow.models import CafEscalation, GapInService, TransitionLog
from pei_workflow.services import submit_gap_in_service
from pei_workflow.synthetic import generate_casework
from tests.factories import gap_answers

pytestmark = pytest.mark.django_db


def test_every_synthetic_history_is_a_chain_that_ends_in_the_submissions_state():
    """Each step starts where the previous one ended, is a transition of the model from that
    state, and the last one ends in the submission's state."""
    made = generate_casework(90)
    assert made["gap"] + made["caf"] == 90
    for model in (GapInService, CafEscalation):
        transitions = {
            (t.name, t.source, t.target)
            for t in model._meta.get_field("state").get_all_transitions(model)
        }
        for submission in model.objects.all():
            steps = TransitionLog.objects.filter(
                content_type__model=model._meta.model_name, object_id=submission.pk
            ).order_by("created_at", "pk")
            state = "new"
            for step in steps:
                assert step.from_state == state
                assert (step.transition, step.from_state, step.to_state) in transitions
                state = step.to_state
            assert state == submission.state


def test_a_real_submission_after_synthetic_ones_gets_the_next_free_reference():
    generate_casework(30)
    references = set(GapInService.objects.values_list("reference", flat=True))
    gap = submit_gap_in_service(answers=gap_answers("BUR"))
    assert gap.reference not in references


@override_settings(PEI_ALLOW_DEMO_ACCOUNTS=False)
def test_the_command_refuses_where_demo_data_is_switched_off():
    with pytest.raises(CommandError, match="switched off"):
        call_command("generate_casework", "10")
    assert not GapInService.objects.exists()


def test_a_second_run_adds_casework_without_reusing_references_or_meetings():
    from pei_workflow.models import Meeting

    generate_casework(24)
    meetings = Meeting.objects.count()
    generate_casework(24, seed=7)
    assert GapInService.objects.count() + CafEscalation.objects.count() == 48
    assert Meeting.objects.count() == meetings


def test_synthetic_meetings_are_made_even_where_a_real_meeting_exists():
    """A district's real coming meeting does not stop the other districts' meetings."""
    from pei_workflow.models import Meeting
    from tests.factories import meeting

    meeting("PEN")
    generate_casework(12)
    assert Meeting.objects.values("district").distinct().count() == 12
