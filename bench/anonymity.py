"""How well and how fast the anonymity guard reads casework text.

Run with `.venv/bin/python bench/anonymity.py [--fields 3000] [--seed 11]`. It prints, for
each half of the corpus in tests/pei_workflow/anonymity_corpus/ and for both together, the
guard's recall (identifying sentences refused), its false-positive rate (ordinary sentences
refused) and its recall for each kind of detail (the labelled kind found); then the time the
guard takes per field, median and 99th percentile in microseconds, over the corpus's ordinary
sentences and over a few thousand generated ordinary fields of about 600 characters, with
the share of those fields it refused.

Figures, not assertions: tests/pei_workflow/test_anonymity_corpus.py asserts the rates.
"""

import argparse
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pei_workflow.anonymity import find_identifying_details  # noqa: E402
from tests.pei_workflow.anonymity_corpus import HALVES, ORDINARY, load  # noqa: E402

DISTRICTS = [
    "Pendle",
    "Burnley",
    "Hyndburn",
    "Rossendale",
    "Ribble Valley",
    "Preston",
    "Chorley",
    "South Ribble",
    "West Lancashire",
    "Lancaster",
    "Wyre",
    "Fylde",
]
SERVICES = [
    "the Bereavement Service",
    "Early Help",
    "CAMHS",
    "Barnardo's",
    "Home-Start",
    "the Surestart centre",
    "the Children's Centre",
    "the Family Hub",
    "Young Carers",
    "the Youth Zone",
    "the 0-19 Healthy Child Programme",
    "Citizens Advice",
    "the food bank",
    "Lancashire Mind",
    "the Educational Psychology Service",
    "the SEND Information, Advice and Support Service",
]
PROGRAMMES = [
    "the Mr Men books",
    "Makaton (Mr Tumble) sessions",
    "the Freedom Programme",
    "Triple P",
    "the Incredible Years course",
    "Forest School sessions",
    "Peppa Pig stickers",
    "a 15 Minute Walk",
    "Drawing and Talking",
    "the Solihull Approach",
]
HELPLINES = ["0800 1111", "0300 123 6720", "0808 800 5000", "116 123", "0800 138 7777"]
RELATIONS = ["mum", "dad", "nan", "the son", "the daughter", "the older sister", "grandad"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
TEMPLATES = [
    "A {age}-year-old in {district} has waited {weeks} weeks for {service}.",
    "{Relation} asked {service} for help on {date}, but the waiting list is {weeks} weeks.",
    "The referral was made on {date} and reviewed at the panel on {date2}.",
    "We have used {programme} with the family since {month} {year}.",
    "A spot purchase of £{amount} would pay for {weeks} weeks of support.",
    "Call {helpline} if the family need advice out of hours.",
    "{Relation} cannot get to {service} in {district} without a bus pass costing £{amount}.",
    "The TAF meeting on {date} agreed that {service} should be asked again.",
    "There is no provision for {age} to {age2}-year-olds in {district} after 6pm.",
    "In {month} the school referred the family to {service}; DOB unknown to the referrer.",
    "{Relation} works shifts and the children miss {programme}.",
    "The CAF was completed on {date} by the Lead Professional from {service}.",
]


def generated_field(rng: random.Random, length: int = 600) -> str:
    """An ordinary answer of about `length` characters, made from casework sentences."""
    sentences = []
    while sum(len(sentence) + 1 for sentence in sentences) < length:
        relation = rng.choice(RELATIONS)
        sentences.append(
            rng.choice(TEMPLATES).format(
                age=rng.randint(2, 15),
                age2=rng.randint(16, 19),
                district=rng.choice(DISTRICTS),
                weeks=rng.randint(2, 52),
                service=rng.choice(SERVICES),
                programme=rng.choice(PROGRAMMES),
                helpline=rng.choice(HELPLINES),
                Relation=relation[:1].upper() + relation[1:],
                amount=rng.randint(20, 500),
                month=rng.choice(MONTHS),
                year=rng.randint(2022, 2026),
                date=f"{rng.randint(1, 28)}/{rng.randint(1, 12):02d}/2026",
                date2=f"{rng.randint(1, 28)} {rng.choice(MONTHS)} 2026",
            )
        )
    return " ".join(sentences)


def rates(sentences) -> tuple[float, float, dict[str, tuple[int, int]]]:
    """Recall, false-positive rate, and (found, total) of each labelled kind."""
    identifying = [sentence for sentence in sentences if sentence.kind != ORDINARY]
    ordinary = [sentence for sentence in sentences if sentence.kind == ORDINARY]
    refused = found = 0
    per_kind: dict[str, list[int]] = {}
    for sentence in identifying:
        kinds = {finding.kind for finding in find_identifying_details(sentence.text)}
        refused += bool(kinds)
        found += sentence.kind in kinds
        tally = per_kind.setdefault(sentence.kind, [0, 0])
        tally[0] += sentence.kind in kinds
        tally[1] += 1
    false_positives = sum(bool(find_identifying_details(s.text)) for s in ordinary)
    return (
        refused / len(identifying),
        false_positives / len(ordinary),
        {kind: (tally[0], tally[1]) for kind, tally in sorted(per_kind.items())},
    )


def timings(texts: list[str], repeats: int = 3) -> tuple[float, float]:
    """Median and 99th percentile microseconds per field, best of `repeats` for each."""
    times = []
    for text in texts:
        best = float("inf")
        for _ in range(repeats):
            started = time.perf_counter()
            find_identifying_details(text)
            best = min(best, time.perf_counter() - started)
        times.append(best * 1_000_000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.99))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fields", type=int, default=3000, help="generated ordinary fields")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()

    corpus = load()
    counts = Counter((sentence.half, sentence.kind == ORDINARY) for sentence in corpus)
    print(
        "corpus:",
        ", ".join(
            f"{half} {counts[half, False]} identifying and {counts[half, True]} ordinary"
            for half in HALVES
        ),
    )
    header = f"{'half':<12} {'recall':>7} {'false positives':>16}"
    print(header)
    print("-" * len(header))
    per_kind_all = {}
    for name, halves in [*((half, (half,)) for half in HALVES), ("both", HALVES)]:
        recall, false_positive_rate, per_kind = rates(
            [sentence for sentence in corpus if sentence.half in halves]
        )
        print(f"{name:<12} {recall:>7.3f} {false_positive_rate:>16.3f}")
        per_kind_all[name] = per_kind
    print()
    print("recall of each kind (the labelled kind found), both halves:")
    for kind, (found, total) in per_kind_all["both"].items():
        print(f"  {kind:<16} {found / total:.3f}  ({found}/{total})")
    print()

    rng = random.Random(args.seed)
    fields = [generated_field(rng) for _ in range(args.fields)]
    refused = sum(bool(find_identifying_details(field)) for field in fields)
    ordinary = [sentence.text for sentence in corpus if sentence.kind == ORDINARY]
    print("time per field on ordinary text, microseconds:")
    median, p99 = timings(ordinary)
    print(f"  corpus ordinary sentences ({len(ordinary)}): median {median:.0f}, p99 {p99:.0f}")
    median, p99 = timings(fields)
    average = sum(map(len, fields)) / len(fields)
    print(
        f"  generated fields ({len(fields)}, {average:.0f} characters on average): "
        f"median {median:.0f}, p99 {p99:.0f}; refused {refused / len(fields):.3f}"
    )


if __name__ == "__main__":
    main()
