"""Submissions per second and queries per submission, through the full view stack.

Run with `.venv/bin/python bench/submissions.py [-n 200]`. It builds a throwaway database
(SQLite in a temporary folder unless DATABASE_URL is set), loads the PEI content and the two
form pages, then sends N valid forms (half Gap in Service, half CAF escalation, across all
districts) the way a browser does: for each step a GET of the page and a POST of the answers,
then check answers, Send and the confirmation page, each through Django's whole middleware
stack (sessions, CSRF, Wagtail routing). The acknowledgement and EIDO emails are queued, as in
production, but the email worker is not run.

Figures, not assertions: the tests assert behaviour, this prints cost.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def setup_django(database_path: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pei_site.settings.test")
    os.environ.setdefault("SQLITE_PATH", database_path)
    import django

    django.setup()


# What a practitioner types, step by step (the district is set per journey).
GAP_ANSWERS = {
    "district": {"district": "PEN"},
    "about-you": {
        "practitioner_name": "Sam Taylor",
        "job_title": "Learning mentor",
        "organisation": "Example High School",
        "workforce": "education",
        "email": "sam.taylor@example.org",
        "phone": "01632 960 001",
    },
    "why": {
        "route": "caf_needs_unknown",
        "caf_in_place": "yes",
        "tac_consulted": "yes",
        "priority": "none",
    },
    "who-is-affected": {
        "affected_group": "family",
        "age_band": "mixed",
        "children_affected": "3",
        "families_affected": "1",
    },
    "the-need": {
        "unmet_need": "Help with routines for a family with three children in Years 2 to 7. " * 10,
        "what_has_been_tried": "School family support worker since March 2026; a parenting "
        "course with a waiting list. " * 5,
        "service_that_would_meet_need": "A family support service with evening visits.",
        "barrier": "other",
        "barrier_detail": "The nearest service has no evening capacity.",
    },
    "spot-purchase": {
        "spot_purchase_requested": "yes",
        "spot_purchase_amount": "250.00",
        "spot_purchase_purpose": "Six evening sessions from a local provider.",
        "panel_attendee": "lead_professional",
    },
    "confirm": {"confirmed_anonymous": "yes"},
}
CAF_ANSWERS = {
    "district": {"district": "BUR"},
    "about-you": GAP_ANSWERS["about-you"],
    "the-problem": {
        "escalation_type": "agency_not_engaging",
        "agencies_involved": "Housing and a youth service.",
        "issue": "An agency has not come to three Team Around the Child meetings. " * 10,
        "steps_taken": "Emailed and phoned the service manager twice. " * 5,
        "outcome_sought": "The agency attends the next meeting.",
        "county_implications": "unsure",
    },
    "confirm": {"confirmed_anonymous": "yes"},
}


def journeys(n: int):
    """N (page, answers) pairs: Gap and CAF forms in turn, rotating through the districts."""
    from pei_forms.models import CafEscalationFormPage, GapInServiceFormPage
    from pei_workflow.models import District

    gap_page, caf_page = GapInServiceFormPage.objects.get(), CafEscalationFormPage.objects.get()
    codes = list(District.objects.order_by("code").values_list("code", flat=True))
    for index in range(n):
        base = GAP_ANSWERS if index % 2 == 0 else CAF_ANSWERS
        answers = dict(base, district={"district": codes[index % len(codes)]})
        yield (gap_page if base is GAP_ANSWERS else caf_page), answers


def run_journey(client, page, answers: dict, record=None) -> str:
    """One practitioner's whole journey; returns the confirmation page's URL. `record(label,
    fn)` wraps each request when counting queries."""

    def call(label, fn):
        return record(label, fn) if record else fn()

    base = page.url
    for slug, data in answers.items():
        call(f"GET  {slug}", lambda slug=slug: client.get(f"{base}{slug}/"))
        response = call(
            f"POST {slug}", lambda slug=slug, data=data: client.post(f"{base}{slug}/", data)
        )
        assert response.status_code == 302, (slug, response.status_code)
    call("GET  check-answers", lambda: client.get(f"{base}check-answers/"))
    response = call("POST send", lambda: client.post(f"{base}check-answers/", {}))
    assert response.status_code == 302 and response["Location"].endswith("/confirmation/"), (
        response.status_code
    )
    call("GET  confirmation", lambda: client.get(response["Location"]))
    return response["Location"]


def count_queries(page, answers) -> list[tuple[str, int]]:
    """The queries of each request of one journey, in order."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    rows = []

    def record(label, fn):
        with CaptureQueriesContext(connection) as queries:
            result = fn()
        rows.append((label, len(queries)))
        return result

    run_journey(Client(), page, answers, record)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=200, help="forms to send (default 200)")
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="pei-bench-")
    setup_django(str(Path(workdir) / "bench.sqlite3"))

    from django.conf import settings
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from guidance_pages.models import HomePage
    from pei_forms.content import ensure_form_pages
    from pei_forms.models import CafEscalationFormPage, GapInServiceFormPage
    from pei_workflow.models import CafEscalation, GapInService

    # One address sends everything here; the limit is for floods, not for this.
    settings.PEI_SUBMISSION_RATE_LIMIT = f"{args.n * 10}/hour"
    call_command("migrate", verbosity=0)
    call_command("load_pei_content", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    ensure_form_pages(HomePage.objects.get())
    cache.clear()

    # Warm up once, the way a running server is warm, then count one journey of each form.
    run_journey(Client(), GapInServiceFormPage.objects.get(), GAP_ANSWERS)
    per_request = {
        "Gap in Service": count_queries(GapInServiceFormPage.objects.get(), GAP_ANSWERS),
        "CAF escalation": count_queries(CafEscalationFormPage.objects.get(), CAF_ANSWERS),
    }

    work = list(journeys(args.n))
    before = GapInService.objects.count() + CafEscalation.objects.count()
    executed = 0

    def counter(execute, sql, params, many, context):
        # A wrapper rather than CaptureQueriesContext, whose log keeps only the last 9,000.
        nonlocal executed
        executed += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counter):
        started = time.perf_counter()
        for page, answers in work:
            run_journey(Client(), page, answers)
        elapsed = time.perf_counter() - started
    sent = GapInService.objects.count() + CafEscalation.objects.count() - before

    print(f"database: {connection.vendor}; {args.n} forms; full middleware stack")
    print(f"sent: {sent} in {elapsed:.1f}s = {args.n / elapsed:.1f} submissions per second")
    print(f"queries per submission (whole journey, mean): {executed / args.n:.1f}")
    for form, rows in per_request.items():
        print()
        header = f"{form + ' request':<32} {'queries':>8}"
        print(header)
        print("-" * len(header))
        for label, count in rows:
            print(f"{label:<32} {count:>8}")
        print(f"{'whole journey':<32} {sum(count for _, count in rows):>8}")


if __name__ == "__main__":
    main()
