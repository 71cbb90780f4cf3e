"""What bench/load.py prints: locust's figures for each kind of request, in the order a
journey makes them, and the checks, each holding or not."""

from bench.submissions import CAF_ANSWERS, GAP_ANSWERS

JOURNEYS = {"gap": GAP_ANSWERS, "caf": CAF_ANSWERS}
PERCENTILES = (0.5, 0.9, 0.99)


def _order(entry) -> tuple:
    """Readers first, then each form's requests in the order of its journey."""
    kind, _, name = entry.name.partition(" ")
    if kind not in JOURNEYS:
        return (0, entry.name, entry.method)
    steps = ["start", *JOURNEYS[kind], "check-answers", "send", "confirmation"]
    place = steps.index(name) if name in steps else len(steps)
    return (1 + list(JOURNEYS).index(kind), place, entry.method != "GET")


def print_figures(args, environment, elapsed: float, seen: dict[str, list[str]]) -> None:
    stats = environment.stats
    print()
    print(
        f"{args.seconds} s of load ({elapsed:.0f} s with the last journeys let finish); "
        f"{args.servers} server(s) of {args.workers} gunicorn sync workers; {args.readers} "
        f"readers, {args.practitioners} practitioners (both forms); milliseconds"
    )
    head = f"{'request':<28} {'method':<6} {'count':>6} {'fails':>5} {'req/s':>7}"
    print(head + "".join(f"{f'p{round(p * 100)}':>7}" for p in PERCENTILES) + f"{'max':>7}")
    rows = sorted((e for e in stats.entries.values() if e.num_requests), key=_order)
    for entry in [*rows, stats.total]:
        label = "all requests" if entry is stats.total else entry.name
        method = "" if entry is stats.total else entry.method
        figures = "".join(f"{entry.get_response_time_percentile(p):>7.0f}" for p in PERCENTILES)
        print(
            f"{label:<28} {method:<6} {entry.num_requests:>6} {entry.num_failures:>5} "
            f"{entry.num_requests / elapsed:>7.1f}{figures}{entry.max_response_time:>7.0f}"
        )
    sent = sum(len(references) for references in seen.values())
    print(
        f"forms sent and confirmed under load: {sent} ({len(seen['gap'])} gaps in service, "
        f"{len(seen['caf'])} CAF escalations): {sent / elapsed:.2f} a second"
    )


def print_checks(checks: list[tuple[str, str]]) -> str:
    """Print each check as holding or failing; the first failure's reason, or ""."""
    for rule, problem in checks:
        print(f"  {'FAIL' if problem else 'ok':<4} {rule}{f': {problem}' if problem else ''}")
    return next((f"{rule}: {problem}" for rule, problem in checks if problem), "")


def print_errors(*environments) -> None:
    """Each kind of failed request once, with how often it failed, the checks' included."""
    errors = [error for env in environments for error in env.stats.errors.values()]
    for error in sorted(errors, key=lambda error: -error.occurrences)[:10]:
        print(f"  {error.occurrences} x {error.method} {error.name}: {error.error}")
