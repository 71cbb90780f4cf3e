"""How alike two gaps' needs are: the cosine of their need vectors, made by a small
sentence-embedding model (`encoder`) from the unmet need, what has been tried and the
barrier's detail, and compared in memory (`index`). `selectors.similarity` is the only
caller; screens use the selectors.

Why a model and not the database's own full-text ranking: on the labelled set of 240 needs
(tests/pei_workflow/similarity_set), precision at 5 was 0.30 on SQLite's FTS5 and 0.25 on
PostgreSQL's ts_rank, and 0.47 with this model (bench/similarity.py). Shared themes, barrier
and age band, added to either, did not raise it: needs that a panel tells apart share them
as often as not.
"""

# What redaction and the retention schedule leave in place of words (services.redaction,
# services.retention: a test holds these to theirs). They are not the need's words: a gap
# whose words are all gone has no vector, rather than one like every other scrubbed gap.
MARKERS = ("[redacted]", "[removed]")


def need_text(gap) -> str:
    """The words of a gap that its need vector is made from."""
    parts = []
    for part in (gap.unmet_need, gap.what_has_been_tried, gap.barrier_detail):
        for marker in MARKERS:
            part = (part or "").replace(marker, " ")
        if part.strip():
            parts.append(" ".join(part.split()))
    return " ".join(parts)
