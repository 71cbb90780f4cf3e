"""A load test of the site under its production settings: readers and practitioners at once,
on one app server or two sharing the database and the cache (issue 16).

Run with `.venv/bin/python bench/load.py [--seconds 60] [--servers 1]` (or `make load`,
`make load SERVERS=2`). It needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust),
Redis at 127.0.0.1:6379 (it empties db 10, or --redis-db, before and after), locust (a
development dependency) and the built front end (`make static`). It takes about a minute
to build the site (most of it migrating), then --seconds of load, then a few seconds:
about two minutes for --seconds 60.

1. It makes a throwaway PostgreSQL database (bench_load_<pid>), migrates it, loads the PEI
   content (`load_pei_content`), collects the static files, and makes a guidance approver
   with a password and a backup code. The production settings keep the second factor on
   (PEI_REQUIRE_SECOND_FACTOR is not read from the environment there, and a switch to turn
   it off in production is not worth having for a benchmark), so the approver signs in with
   the password and then the backup code, as staff do.
2. It starts --servers gunicorns (--workers sync workers each) on 127.0.0.1 from port 8111
   (--port), under the production settings (SECURE_SSL_REDIRECT=0, REDIS_URL on the Redis
   db), sharing the database and Redis, with PEI_TRUSTED_PROXY_HOPS=1: every request says it
   came over HTTPS and from its own client address, as through a load balancer that ends
   TLS, so the form rate limit (PEI_SUBMISSION_RATE_LIMIT, per address) stays as production
   has it.
3. For --seconds, locust (as a library) sends --readers readers at every public page type
   (bench.pages.sample_urls), without a session, and --practitioners practitioners, half
   sending the Gap in Service form and half the CAF escalation, each journey a new
   practitioner with a new address: every step's page read, its CSRF token and fields
   parsed, its answers posted, check answers, Send, and the confirmation's reference read.
   Each user sticks to one server, taking turns. When the time is up each journey finishes.
4. While the load runs it checks (bench/load_checks.py): one address fills in the rate limit
   plus two forms and sends them, taking turns between the servers, and exactly the limit
   is accepted (the rest are told "too many", as they should be); and a guidance page read
   from the page cache on the last server is retitled and published in the page editor on
   the first, and the last server's next answer shows the new title.

It prints, for each kind of request (a reader's page; each form's start, each step's page
and post, check answers, the send, the confirmation), the count, failures, requests a
second and the 50th, 90th and 99th percentiles and maximum in milliseconds; the forms
sent; and each check. It exits non-zero with a one-line reason if a request failed, if the
confirmations seen and the submissions stored differ in number or in references, if a
reference is stored twice, or if either check fails. Its gunicorns are stopped, the Redis db
emptied and the database dropped however it ends, Ctrl-C (or a plain kill) included.

The sends of gaps in service include each worker's first loading of the sentence model (for
similar gaps, about 90 MB): a fresh deployment pays that too. Figures, not assertions: on
two shared cores they are noisy.
"""

import argparse
import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import gevent  # noqa: E402 (locust, imported below, runs under gevent)
from locust.env import Environment  # noqa: E402

from bench import load_users  # noqa: E402
from bench.load_checks import publish_is_fresh, rate_limit_across, stored_once  # noqa: E402
from bench.load_report import print_checks, print_errors, print_figures  # noqa: E402
from bench.servers import (  # noqa: E402
    PYTHON,
    ROOT,
    django_json,
    launch,
    site_env,
    stop,
    wait_until_answering,
)

FIRST_PORT = 8111
DATABASE_SERVER = "postgres://postgres@127.0.0.1:5432"
PG_ARGS = ("-h", "127.0.0.1", "-U", "postgres")
# Long enough for a journey under load to end; a journey cut short would leave a form sent
# whose confirmation nobody read.
STOP_TIMEOUT = 30
# How long the checks may go on once the load has stopped.
CHECKS_TIMEOUT = 90


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="time under load (60)")
    parser.add_argument("--servers", type=int, default=1, choices=(1, 2), help="app servers (1)")
    parser.add_argument("--workers", type=int, default=2, help="sync workers a server (2)")
    parser.add_argument("--readers", type=int, default=8, help="simulated readers (8)")
    parser.add_argument(
        "--practitioners", type=int, default=4, help="simulated practitioners, half each form (4)"
    )
    parser.add_argument("--redis-db", type=int, default=10, help="Redis database to use (10)")
    parser.add_argument("--port", type=int, default=FIRST_PORT, help="first server's port")
    return parser.parse_args()


@contextlib.contextmanager
def throwaway_database(name: str):
    """A new, empty PostgreSQL database, dropped afterwards whatever happens."""
    subprocess.run(["createdb", *PG_ARGS, name], check=True, capture_output=True)
    try:
        yield f"{DATABASE_SERVER}/{name}"
    finally:
        subprocess.run(
            ["dropdb", *PG_ARGS, "--if-exists", "--force", name], capture_output=True, timeout=60
        )


@contextlib.contextmanager
def empty_redis(db: int):
    flush = ["redis-cli", "-h", "127.0.0.1", "-n", str(db), "flushdb"]
    subprocess.run(flush, check=True, capture_output=True, timeout=10)
    try:
        yield f"redis://127.0.0.1:6379/{db}"
    finally:
        subprocess.run(flush, capture_output=True, timeout=10)


def build_site(env: dict) -> dict:
    """Migrate and load the content while the static files are collected beside it; then
    what the load needs to know of the site (bench.load_site.build)."""
    collecting = subprocess.Popen(
        [PYTHON, "manage.py", "collectstatic", "--noinput"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        site = django_json(env, "build()", imports="from bench.load_site import build")
    except BaseException:
        collecting.kill()
        collecting.wait()
        raise
    _, errors = collecting.communicate(timeout=120)
    if collecting.returncode:
        raise SystemExit(f"collectstatic failed: {errors.decode(errors='replace')[-300:]}")
    return site


def run_load(args, plan: load_users.LoadPlan) -> tuple[Environment, float]:
    """Readers and practitioners for args.seconds; then each journey is let finish."""
    load_users.configure(plan)
    gap = args.practitioners // 2
    counts = {
        load_users.Reader: args.readers,
        load_users.GapPractitioner: gap,
        load_users.CafPractitioner: args.practitioners - gap,
    }
    for user_class, count in counts.items():
        user_class.fixed_count = count
    classes = [user_class for user_class, count in counts.items() if count]
    environment = Environment(user_classes=classes, stop_timeout=STOP_TIMEOUT)
    runner = environment.create_local_runner()
    started = time.monotonic()
    total = sum(counts.values())
    runner.start(total, spawn_rate=min(total, 100))
    gevent.spawn_later(args.seconds, runner.quit)
    try:
        runner.greenlet.join()
    except BaseException:
        # Interrupted: no journey is waited for.
        runner.user_greenlets.kill(block=True, timeout=5)
        raise
    return environment, time.monotonic() - started


def main() -> None:
    args = arguments()
    # Ctrl-C and a plain kill raise KeyboardInterrupt here, in the main greenlet (a signal's
    # own handler would raise it in whichever user's greenlet ran, and locust would count it
    # as that user's error), so that the servers are stopped and the database dropped.
    for number in (signal.SIGINT, signal.SIGTERM):
        gevent.signal_handler(number, gevent.kill, gevent.getcurrent(), KeyboardInterrupt)
    database = f"bench_load_{os.getpid()}"
    ports = [args.port + index for index in range(args.servers)]
    hosts = [f"http://127.0.0.1:{port}" for port in ports]
    with (
        tempfile.TemporaryDirectory(prefix="pei-load-") as folder,
        throwaway_database(database) as database_url,
        empty_redis(args.redis_db) as redis_url,
    ):
        env = site_env(
            Path(folder),
            redis_url=redis_url,
            DATABASE_URL=database_url,
            PEI_TRUSTED_PROXY_HOPS="1",
            ALLOWED_HOSTS="127.0.0.1",
        )
        print(f"building the site in {database} (migrate, load_pei_content)...", flush=True)
        began = time.monotonic()
        site = build_site(env)
        print(f"built in {time.monotonic() - began:.0f} s", flush=True)
        plan = load_users.LoadPlan(
            hosts=hosts,
            reader_pages=[
                (label, path, 404 if label == "404" else 200)
                for label, path in site["reader_pages"]
            ],
            form_pages=site["form_pages"],
            districts=site["districts"],
        )
        log = Path(folder) / "gunicorn.log"
        servers = []
        try:
            # Started side by side, each then waited for.
            for port in ports:
                servers.append(launch(env, "pei_site.wsgi", port, log, workers=args.workers))
            for server, port in zip(servers, ports, strict=True):
                wait_until_answering(server, port, log)
            print(
                f"{len(servers)} server(s) up on {', '.join(hosts)} after "
                f"{time.monotonic() - began:.0f} s; load for {args.seconds} s",
                flush=True,
            )
            # The checks run while the load does: the limit and the cache must hold under it.
            checking = Environment()
            checking.create_local_runner()  # which counts its requests; no users are started
            limit_check = gevent.spawn(
                rate_limit_across, checking, hosts, plan.form_pages, **site["rate_limit"]
            )
            fresh_check = gevent.spawn(
                publish_is_fresh,
                checking,
                editor_host=hosts[0],
                reader_host=hosts[-1],
                publisher=site["publisher"],
                page=site["page"],
            )
            environment, elapsed = run_load(args, plan)
            gevent.joinall([limit_check, fresh_check], timeout=CHECKS_TIMEOUT)
            limit_problem, limited = _outcome(limit_check, failed=lambda why: (why, []))
            fresh_problem = _outcome(fresh_check, failed=lambda why: why)
            print(f"load and checks done after {time.monotonic() - began:.0f} s", flush=True)
            # Read while the servers stop, which takes a few seconds.
            stored = gevent.spawn(
                django_json,
                env,
                "stored_references()",
                imports="from bench.load_site import stored_references",
            )
        finally:
            stop(servers)
        stored = stored.get()
        server_log = log.read_text(errors="replace") if log.exists() else ""

    seen = load_users.SEEN.references
    print_figures(args, environment, elapsed, seen)
    print_errors(environment, checking)
    confirmed = seen["gap"] + seen["caf"] + limited
    failed = environment.stats.total.num_failures + checking.stats.total.num_failures
    sent = environment.stats.total.num_requests + checking.stats.total.num_requests
    ports = [host.rpartition(":")[2] for host in hosts]
    limit = site["rate_limit"]["limit"]
    checks = [
        (f"no failed requests ({failed} of {sent}, the checks' included)", _failures(failed)),
        ("no errors in the load's code", _exceptions(environment)),
        (
            f"confirmations seen ({len(confirmed)}: {len(confirmed) - len(limited)} under load, "
            f"{len(limited)} by the rate limit check) are the submissions stored "
            f"({len(stored)}, {len(set(stored))} references), each once",
            stored_once(confirmed, stored),
        ),
        (
            f"the rate limit holds across port(s) {', '.join(ports)}: {len(limited)} of "
            f"{limit + 2} sends from one address accepted, the limit is {limit}",
            limit_problem,
        ),
        (
            f"a page published through port {ports[0]} is served fresh at once by port "
            f"{ports[-1]}, which had it in its page cache",
            fresh_problem,
        ),
    ]
    problem = print_checks(checks)
    # The sample of a missing page is logged each time it is read, and the sends the rate
    # limit check expects to be refused: neither is an error.
    expected = ("Not Found:", "Too Many Requests:")
    errors = [line for line in server_log.splitlines() if not line.startswith(expected)]
    if problem and errors:
        print("gunicorn's errors, last lines:", *errors[-15:], sep="\n  ")
    if problem:
        raise SystemExit(f"load test failed: {problem}")


def _outcome(check: gevent.Greenlet, *, failed):
    """What a check returned; or, if it did not return, `failed` of the reason why."""
    if check.successful():
        return check.value
    check.kill()
    if check.exception is not None:
        return failed(f"the check stopped with {check.exception!r}")
    return failed(f"the check did not end within {CHECKS_TIMEOUT} s of the load")


def _failures(failed: int) -> str:
    return f"{failed} failed: their errors are above the checks" if failed else ""


def _exceptions(environment) -> str:
    errors = environment.runner.exceptions.values()
    return "; ".join(f"{error['count']} x {error['msg']}" for error in errors)[:300]


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        raise SystemExit("load test interrupted: servers stopped, database dropped") from None
