"""How good the similarity is, on the labelled set (`similarity_set`): each of the 240
descriptions asked about in turn, the other 239 the corpus, precision at 5 is the share of
its five most similar gaps that are of its own group. On whichever backend the run uses.

The need vectors reach 0.43 on this set (0.47 without the threshold), whose groups come in
families that share themes, barriers and words; the database's full-text ranking reached
0.30 (SQLite) and 0.25 (PostgreSQL). The issue's aim of 0.8 is not met (see the xfail), and
the floor keeps what is reached from slipping. The same on either backend: the ranking is
done in Python, on the same vectors."""

import pytest

from pei_workflow.selectors import similar_gaps
from tests.factories import county_lead
from tests.pei_workflow.similarity_gaps import load_groups, precision_at
from tests.pei_workflow.similarity_set import ALL_GROUPS

pytestmark = pytest.mark.django_db

# Measured with similar_gaps, threshold included: 0.426 on both backends.
FLOOR = 0.4
AIM = 0.8


@pytest.fixture
def precision():
    lead = county_lead()
    loaded = load_groups(ALL_GROUPS)
    return precision_at(loaded, lambda gap, k: [s.gap for s in similar_gaps(gap, lead, limit=k)])


def test_precision_at_5_over_the_labelled_set_stays_above_what_full_text_ranking_reaches(
    precision,
):
    assert precision >= FLOOR


@pytest.mark.xfail(
    strict=True, reason="A small sentence model reaches 0.43 on these hard families; 0.8 needs more"
)
def test_precision_at_5_over_the_labelled_set_meets_the_issues_aim(precision):
    assert precision >= AIM
