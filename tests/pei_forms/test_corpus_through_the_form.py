"""The anonymity corpus through the public Gap in Service form, as a practitioner types it: a
sample of the identifying sentences is refused on the need step, and a sample of the ordinary
ones goes through to the next step. The whole corpus is measured against the guard itself in
tests/pei_workflow/test_anonymity_corpus.py; this proves the form applies that guard."""

import pytest

from pei_workflow.models import GapInService
from tests.pei_forms.form_helpers import inline_error
from tests.pei_forms.test_gap_form import post_step
from tests.pei_workflow.anonymity_corpus import ORDINARY, load

pytestmark = pytest.mark.django_db

# Every seventh sentence: each kind of detail and every style of writing, in a minute.
SAMPLE = load()[::7]
IDENTIFYING = [s.text for s in SAMPLE if s.kind != ORDINARY]
EVERYDAY = [s.text for s in SAMPLE if s.kind == ORDINARY]


@pytest.mark.parametrize("sentence", IDENTIFYING)
def test_an_identifying_sentence_in_the_unmet_need_is_refused_by_the_form(
    client, gap_page, sentence
):
    response = post_step(client, gap_page, "the-need", unmet_need=sentence)

    assert response.status_code == 200
    assert "must not include" in inline_error(response, "unmet_need")
    assert GapInService.objects.count() == 0


@pytest.mark.parametrize("sentence", EVERYDAY)
def test_an_ordinary_sentence_in_the_unmet_need_goes_through_the_form(client, gap_page, sentence):
    response = post_step(client, gap_page, "the-need", unmet_need=sentence)

    assert response.status_code == 302, inline_error(response, "unmet_need")
