"""Making the need vectors that similar gaps are found by (`NeedVector`): when a gap is sent,
when its words are corrected or redacted, and for any sent gap still without one (after
installing this, or after an import: `manage.py record_need_vectors`)."""

from collections.abc import Callable

from ..models import GapInService, NeedVector, Submission
from ..similarity import need_text
from ..similarity.encoder import MODEL_NAME, encoder
from ..states import GapState

TEXT_FIELDS = ("unmet_need", "what_has_been_tried", "barrier_detail")
KNOWN_MOST = 20_000  # vectors kept by words while filling in, about 30 MB


def refresh_need_vector(submission: Submission) -> None:
    """Make a gap's vector anew from its words as saved now; nothing for a CAF escalation.
    Call it inside the step's transaction, after the save: the vector and the words then
    change together or not at all."""
    if not isinstance(submission, GapInService):
        return
    gap = GapInService.objects.only("state", *TEXT_FIELDS).get(pk=submission.pk)
    # A gap not yet sent keeps no vector, so the model need not run for it.
    store_need_vector(gap, None if gap.state == GapState.NEW else encoded_need(gap))


def encoded_need(submission: Submission) -> bytes | None:
    """The vector of a gap's words as they stand on `submission`, saved or not, packed; None
    for a CAF escalation or a gap without words. Sending a gap works it out before its
    transaction, so that no lock (the district's reference sequence) is held while the model
    runs, about 30 ms."""
    if not isinstance(submission, GapInService):
        return None
    text = need_text(submission)
    return NeedVector.pack(encoder().encode([text])[0]) if text else None


def store_need_vector(submission: Submission, vector: bytes | None) -> None:
    """Keep `vector` (`encoded_need` of the words just saved) as the gap's, in place of any
    before; none for a gap not yet sent or without words."""
    if not isinstance(submission, GapInService):
        return
    NeedVector.objects.filter(gap_id=submission.pk).delete()
    if vector is None or submission.state == GapState.NEW:
        return
    NeedVector.objects.create(gap_id=submission.pk, vector=vector, model_name=MODEL_NAME)


def record_missing_need_vectors(
    *, batch: int = 500, progress: Callable[[int], None] | None = None
) -> int:
    """A vector for every sent gap with words that has none, in batches; gaps with the same
    words share one run of the model. Returns how many were made."""
    made = 0
    known: dict[str, object] = {}  # words -> vector, for repeated words across batches
    missing = (
        GapInService.objects.exclude(state=GapState.NEW)
        .exclude(pk__in=NeedVector.objects.values("gap_id"))
        .order_by("pk")
    )
    last = 0
    while True:
        gaps = list(missing.filter(pk__gt=last).only(*TEXT_FIELDS)[:batch])
        if not gaps:
            return made
        last = gaps[-1].pk
        texts = {gap.pk: need_text(gap) for gap in gaps}
        if len(known) > KNOWN_MOST:
            known.clear()
        new = sorted({text for text in texts.values() if text and text not in known})
        if new:
            known.update(zip(new, encoder().encode(new), strict=True))
        rows = [
            NeedVector(gap_id=pk, vector=NeedVector.pack(known[text]), model_name=MODEL_NAME)
            for pk, text in texts.items()
            if text
        ]
        NeedVector.objects.bulk_create(rows)
        made += len(rows)
        if progress:
            progress(len(gaps))
