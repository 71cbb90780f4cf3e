"""Similarity keeps no copy of the words: after a redaction or the retention schedule's
scrubbing, a gap's old words no longer find it, and they are found nowhere in the database,
full-text index included. The database keeps the index (a generated column on PostgreSQL,
triggers on SQLite), so no service has to remember to."""

import datetime

import pytest
import time_machine
from django.db import connection

from pei_workflow import services
from pei_workflow.models import GapInService
from pei_workflow.selectors import similar_gap_counts, similar_gaps
from pei_workflow.services.retention import apply_retention, years_before
from pei_workflow.similarity import sqlite as sqlite_index
from tests.database_scan import find_everywhere
from tests.factories import county_lead, eido, in_state, submitted_gap

pytestmark = pytest.mark.django_db

PHRASE = "the only boy in his class who keeps racing pigeons on the allotment"
NEED = f"Bereavement counselling for {PHRASE}."
# The asked-about gap shares only the phrase's words with the gap that holds it.
ASKED = {
    "unmet_need": "A lad who keeps racing pigeons with his grandad at the allotment.",
    "what_has_been_tried": "Racing pigeons club members have been kind.",
    "barrier": "cost",
    "age_band": "16_19",
}
ENDED = datetime.datetime(2020, 3, 10, 10, 0, tzinfo=datetime.UTC)


def finds(holder) -> bool:
    asked = submitted_gap("PEN", **ASKED)
    found = [similar.gap for similar in similar_gaps(asked, county_lead())]
    return holder in found


def test_the_phrases_words_find_the_gap_before_anything_is_removed():
    holder = submitted_gap("PEN", unmet_need=NEED)
    assert finds(holder)


def test_after_a_redaction_the_old_words_no_longer_find_the_gap_nor_are_kept_anywhere():
    officer = eido("PEN")
    holder = submitted_gap("PEN", unmet_need=NEED)
    services.redact(
        submission=holder,
        actor=officer,
        field="unmet_need",
        reason="It identifies the boy.",
        passage=PHRASE,
    )
    assert not finds(holder)
    assert find_everywhere(PHRASE) == []


def test_after_a_correction_the_gap_is_found_by_its_new_words_only():
    officer = eido("PEN")
    holder = services.start_review(submission=submitted_gap("PEN", unmet_need=NEED), actor=officer)
    services.correct_answers(
        submission=holder,
        actor=officer,
        changes={"unmet_need": "Counselling after a loss in the family."},
        reason="The practitioner asked for the detail to go.",
    )
    assert not finds(holder)


def test_after_the_retention_schedule_the_old_words_no_longer_find_the_gap():
    with time_machine.travel(ENDED, tick=False):
        holder = in_state(submitted_gap("PEN", unmet_need=NEED), "action_agreed")
        holder = services.close(
            submission=holder,
            actor=eido("PEN"),
            outcome="met",
            children_benefiting=1,
            families_benefiting=1,
            caf_in_place="yes",
            notes="Counselling was arranged.",
        )
    assert finds(holder)
    apply_retention(now=years_before(ENDED, -7))
    assert GapInService.objects.get(pk=holder.pk).unmet_need == "[removed]"
    assert not finds(holder)
    assert find_everywhere(PHRASE) == []


def test_a_removed_gap_leaves_the_counts():
    holder = submitted_gap("PEN", unmet_need=NEED)
    asked = submitted_gap("PEN", **ASKED)
    assert similar_gap_counts(asked, since=datetime.date(2000, 1, 1)).district == 1
    GapInService.objects.filter(pk=holder.pk).delete()
    assert similar_gap_counts(asked, since=datetime.date(2000, 1, 1)).district == 0


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's full-text index only")
def test_on_sqlite_the_index_is_kept_by_triggers_on_the_gaps_table():
    """SQLite alters a column by rebuilding the table, which drops its triggers: a later
    migration of the gaps' table must call `similarity.sqlite.create_index` again."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s",
            [GapInService._meta.db_table],
        )
        assert {name for (name,) in cursor.fetchall()} >= set(sqlite_index.TRIGGERS)
