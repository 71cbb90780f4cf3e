"""Similar gaps (issue 15): how good and how fast.

Run with `.venv/bin/python bench/similarity.py [--sizes 10000 100000] [--lookups 50]`, on the
backend of DATABASE_URL (SQLite in a temporary folder unless it is set: use a database you
can drop). It loads the labelled set (tests/pei_workflow/similarity_set: groups of six
descriptions of one need) as gaps of Pendle, then prints:

- precision at 5 on the dev groups and on the held-out groups: each description is asked
  about, and the share of its five most similar labelled gaps that are of its own group;
- at SIMILARITY_THRESHOLD and a few values around it, the share of a dev description's group
  and of the other dev descriptions that the threshold admits (how it was calibrated);
- at each size, after `generate_casework` has made the submissions around the labelled set,
  the time per lookup (median and 90th percentile over `--lookups` lookups, after warm-up)
  of similar_gaps (a county lead and a Pendle EIDO), similar_gap_counts and
  similar_counts_for (a page of 50), the "Similar gaps" panel of a gap's page (a Pendle EIDO)
  and the repeated-need marks of a list page of 50, precision at 5 again (of the labelled
  set's ranking, and of similar_gaps itself among the casework), the time a process takes
  to read every vector the first time and to check it is current before each later lookup,
  and the memory the vectors take.

A database that already holds a size's casework is measured as it is, as bench/reports.py
does. Figures, not assertions.
"""

import argparse
import datetime
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.casework import grow_to, setup_django, users  # noqa: E402


def labelled(groups):
    """The labelled gaps, loaded once: [(gap, group key)] of every group given."""
    from pei_workflow.models import GapInService
    from tests.pei_workflow.similarity_gaps import LoadedGap, load_groups

    first = groups[0].needs[0]
    if not GapInService.objects.filter(unmet_need=first.unmet_need).exists():
        return load_groups(groups)
    loaded = []
    for group in groups:
        for need in group.needs:
            gap = GapInService.objects.filter(
                unmet_need=need.unmet_need, what_has_been_tried=need.what_has_been_tried
            ).first()
            loaded.append(LoadedGap(gap, group.key))
    return loaded


def ranked_among(asked, pks):
    """[(pk, score)] of the labelled gaps `pks` by their cosine with `asked`, best first:
    the ranking of similar_gaps, with the corpus narrowed to the labelled set."""
    from pei_workflow.similarity.index import current_vectors

    vectors = current_vectors()
    need = vectors.vector_of(asked.pk)
    rows = [vectors.row_of[pk] for pk in pks if pk != asked.pk]
    scores = vectors.matrix[rows] @ need
    ranked = sorted(zip(rows, scores, strict=True), key=lambda pair: -pair[1])
    return [(int(vectors.gap_ids[row]), float(score)) for row, score in ranked]


def precision(loaded, everyone, threshold, k=5) -> float:
    pks = [item.gap.pk for item in everyone]
    group_of = {item.gap.pk: item.group for item in everyone}
    hits = 0
    for item in loaded:
        top = [(pk, score) for pk, score in ranked_among(item.gap, pks) if score >= threshold]
        hits += sum(1 for pk, _ in top[:k] if group_of[pk] == item.group)
    return hits / (k * len(loaded))


def precision_in_casework(loaded, user, k=5) -> float:
    """Precision at 5 of similar_gaps itself, the generated casework around the set."""
    from pei_workflow.selectors import similar_gaps

    group_of = {item.gap.pk: item.group for item in loaded}
    hits = 0
    for item in loaded:
        found = similar_gaps(item.gap, user, limit=k)
        hits += sum(1 for each in found if group_of.get(each.gap.pk) == item.group)
    return hits / (k * len(loaded))


def admitted(dev, thresholds) -> list[tuple[float, float, float]]:
    """For each threshold, the share of pairs of one group and of two groups it admits."""
    pks = [item.gap.pk for item in dev]
    group_of = {item.gap.pk: item.group for item in dev}
    scores = []  # (score, same group) for every ordered pair
    members = others = 0
    for item in dev:
        for pk, score in ranked_among(item.gap, pks):
            scores.append((score, group_of[pk] == item.group))
        size = sum(1 for other in dev if other.group == item.group) - 1
        members += size
        others += len(dev) - 1 - size
    return [
        (
            t,
            sum(1 for s, same in scores if same and s >= t) / members,
            sum(1 for s, same in scores if not same and s >= t) / others,
        )
        for t in thresholds
    ]


def first_read() -> tuple[float, float, int]:
    """A process's first read of every vector (ms, MB of the matrix) and the vectors read,
    then the check before each later lookup (ms)."""
    from pei_workflow.similarity import index

    index._kept.clear()
    started = time.perf_counter()
    vectors = index.current_vectors()
    read_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    index.current_vectors()
    check_ms = (time.perf_counter() - started) * 1000
    return read_ms, check_ms, vectors.matrix.nbytes / 2**20, len(vectors)


def timed(lookup, askeds, warm: int = 5) -> tuple[float, float]:
    """Median and 90th percentile ms of `lookup(asked)` over `askeds`, after warm-up."""
    for asked in askeds[:warm]:
        lookup(asked)
    times = []
    for asked in askeds:
        started = time.perf_counter()
        lookup(asked)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.9 * (len(times) - 1))]


def lookups(loaded, people, count: int) -> dict[str, tuple[float, float]]:
    from django.utils import timezone

    from pei_workflow.admin.casework.similar import similar_panel
    from pei_workflow.models import GapInService
    from pei_workflow.repeated_needs import repeated_need_ids
    from pei_workflow.selectors import similar_counts_for, similar_gap_counts, similar_gaps

    askeds = [item.gap for item in loaded[:: max(1, len(loaded) // count)]][:count]
    year_ago = timezone.localdate() - datetime.timedelta(days=365)
    pages = [
        list(GapInService.objects.exclude(state="new").order_by("-submitted_at", "-pk")[n : n + 50])
        for n in range(0, 50 * 10, 50)
    ]
    since = {each.district_id: year_ago for page in pages for each in page}
    return {
        "similar_gaps, county lead": timed(
            lambda gap: similar_gaps(gap, people["county lead"]), askeds
        ),
        "similar_gaps, Pendle EIDO": timed(lambda gap: similar_gaps(gap, people["eido"]), askeds),
        "similar_gap_counts": timed(lambda gap: similar_gap_counts(gap, since=year_ago), askeds),
        "similar_counts_for, 50": timed(
            lambda page: similar_counts_for(page, since_by_district=since), pages, warm=2
        ),
        "gap page's panel, Pendle EIDO": timed(
            lambda gap: similar_panel(gap, people["eido"]), askeds
        ),
        "list page's repeated needs, 50": timed(repeated_need_ids, pages, warm=2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--lookups", type=int, default=50, help="lookups timed (default 50)")
    args = parser.parse_args()

    workdir = tempfile.TemporaryDirectory(prefix="pei-bench-")
    setup_django(str(Path(workdir.name) / "bench.sqlite3"))

    from django.core.management import call_command
    from django.db import connection

    from pei_workflow.models import CafEscalation, GapInService
    from pei_workflow.selectors import similarity
    from tests.pei_workflow.similarity_set import DEV_GROUPS, HELD_OUT_GROUPS

    call_command("migrate", verbosity=0)
    people = users()
    dev, held_out = labelled(DEV_GROUPS), labelled(HELD_OUT_GROUPS)
    everyone = dev + held_out
    threshold = similarity.SIMILARITY_THRESHOLD
    made = GapInService.objects.count() + CafEscalation.objects.count()
    print(f"database: {connection.vendor}; {len(dev)} dev and {len(held_out)} held-out gaps")
    print(f"precision at 5 among {made} submissions (the labelled set's own ranking):")
    print(f"  dev {precision(dev, everyone, threshold):.3f}")
    print(f"  held-out {precision(held_out, everyone, threshold):.3f}")
    print("threshold (dev): share of a gap's own group admitted, and of other groups' gaps")
    for t, members, others in admitted(dev, [threshold - 0.1, threshold, threshold + 0.1]):
        mark = "  <- SIMILARITY_THRESHOLD" if t == threshold else ""
        print(f"  {t:.2f}: group {members:.1%}, others {others:.1%}{mark}")

    rows, sizes = {}, []
    for size in args.sizes:
        made = grow_to(size)
        if made >= size and sizes:
            continue
        size = max(made, size)
        sizes.append(size)
        print(f"measuring at {size} submissions", flush=True)
        for name, figures in lookups(everyone, people, args.lookups).items():
            rows.setdefault(name, []).append(figures)
        dev_p, held_p = (
            precision(dev, everyone, threshold),
            precision(held_out, everyone, threshold),
        )
        rows.setdefault("precision at 5, dev / held-out", []).append((dev_p, held_p))
        rows.setdefault("similar_gaps' precision, lead", []).append(
            (precision_in_casework(everyone, people["county lead"]), 0.0)
        )
        read_ms, check_ms, megabytes, count = first_read()
        rows.setdefault("first read, later check (ms)", []).append((read_ms, check_ms))
        rows.setdefault("vectors held (MB, thousands)", []).append((megabytes, count / 1000))

    print(f"database: {connection.vendor}; ms per lookup, median and 90th percentile")
    header = f"{'':<32}" + "".join(f" | {size:>15}" for size in sizes)
    print(header)
    print("-" * len(header))
    for name, figures in rows.items():
        cells = "".join(f" | {a:>7.3g} {b:>7.3g}" for a, b in figures)
        print(f"{name:<32}{cells}")


if __name__ == "__main__":
    main()
