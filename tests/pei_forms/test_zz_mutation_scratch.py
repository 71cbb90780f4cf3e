import pytest
from tests.pei_forms.test_form_properties import linked, others  # noqa: F401
from tests.pei_forms.test_form_properties import (  # noqa: F401
    test_an_answer_with_an_identifying_detail_is_refused_and_stored_nowhere as test_status,
    test_every_answer_the_guard_reads_refuses_a_planted_detail as test_forms,
    test_any_answers_to_the_gap_form_send_one_clean_new_gap_and_change_nothing_else as test_gap,
)
pytestmark = pytest.mark.django_db

@pytest.fixture(autouse=True)
def mutate(monkeypatch):
    monkeypatch.setattr("pei_forms.status.forms.refuse_identifying_details", lambda *a, **k: None)
    monkeypatch.setattr("pei_forms.forms.fields.refuse_identifying_details", lambda *a, **k: None)
