"""Similarity keeps nothing of words that are gone: after a redaction, a correction or the
retention schedule's scrubbing, a gap's old words no longer find it and its need vector is
made from the words it has now (or it has none). The database itself deletes a vector whose
words change (a trigger, migration 0020), whatever code changed them."""

import datetime

import pytest
import time_machine
from django.db import connection

from pei_workflow import services
from pei_workflow.models import GapInService, NeedVector
from pei_workflow.selectors import similar_gap_counts, similar_gaps
from pei_workflow.services.retention import apply_retention, years_before
from pei_workflow.similarity import need_text
from pei_workflow.similarity.encoder import encoder
from tests.database_scan import find_everywhere
from tests.factories import county_lead, eido, in_state, submitted_gap

pytestmark = pytest.mark.django_db

PHRASE = "the only boy in his class who keeps racing pigeons on the allotment"
NEED = f"Somewhere to go after school for {PHRASE}."
# The asked-about gap is like the gap that holds the phrase only through the phrase: without
# it, what is left ("Somewhere to go after school for [redacted]") is nothing like it.
ASKED = {
    "unmet_need": "A boy who races pigeons on an allotment needs a club for his hobby.",
    "what_has_been_tried": "School pastoral support since March 2026.",
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


def vector_of(gap) -> NeedVector | None:
    return NeedVector.objects.filter(gap_id=gap.pk).first()


def test_after_a_redaction_the_vector_is_made_from_the_redacted_words():
    holder = submitted_gap("PEN", unmet_need=NEED)
    before = NeedVector.unpack(vector_of(holder).vector)
    services.redact(
        submission=holder,
        actor=eido("PEN"),
        field="unmet_need",
        reason="It identifies the boy.",
        passage=PHRASE,
    )
    holder.refresh_from_db()
    after = NeedVector.unpack(vector_of(holder).vector)
    assert after == pytest.approx(encoder().encode([need_text(holder)])[0], abs=1e-6)
    assert after != pytest.approx(before, abs=1e-3)


def test_the_database_deletes_a_vector_whose_words_or_district_change_by_any_route():
    words, district, theme_only = (submitted_gap("PEN", unmet_need=NEED) for _ in range(3))
    GapInService.objects.filter(pk=words.pk).update(what_has_been_tried="Something new.")
    burnley = submitted_gap("BUR").district
    GapInService.objects.filter(pk=district.pk).update(district=burnley)
    GapInService.objects.filter(pk=theme_only.pk).update(priority=None, age_band="mixed")
    assert vector_of(words) is None
    assert vector_of(district) is None
    assert vector_of(theme_only) is not None


def test_the_trigger_survives_every_migration():
    """SQLite alters a column by rebuilding the table, which drops its triggers: a later
    migration of the gaps' table that did so must make the trigger again."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s",
                [GapInService._meta.db_table],
            )
        else:
            cursor.execute(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = %s::regclass",
                [GapInService._meta.db_table],
            )
        names = {name for (name,) in cursor.fetchall()}
    assert "pei_workflow_gap_need_changed" in names
