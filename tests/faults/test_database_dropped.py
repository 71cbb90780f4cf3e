"""Fault: the database connection is cut while the practitioner's Send is being handled.

gunicorn serves the site under the production settings through a TCP proxy to PostgreSQL,
which cuts the connection as the submission's INSERT goes by. The practitioner sees the
site's own error page; nothing of the submission is left (not its row, its history, its
reference number or its queued emails); Send again once the database is back makes one.
"""

import time

import pytest
from django_tasks_db.models import DBTaskResult

from pei_workflow.models import GapInService, TransitionLog
from tests.faults.browser import Browser
from tests.faults.db_proxy import CuttingProxy
from tests.faults.processes import on_postgresql, production_environment
from tests.pei_forms.form_helpers import GAP_ANSWERS

pytestmark = [on_postgresql, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SITE_PORT = 8211
PROXY_PORT = 2530
MAIL_PORT = 2531  # nothing listens: this test sends no email
THE_SUBMISSION_INSERT = b'INSERT INTO "pei_workflow_gapinservice"'
ERROR_PAGE_HEADING = "Sorry, there is a problem with the service"


@pytest.fixture
def proxy():
    from django.db import connection

    db = connection.settings_dict
    cutting = CuttingProxy(PROXY_PORT, (db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432)))
    yield cutting
    cutting.close()


def nothing_of_the_submission() -> dict[str, int]:
    return {
        "submissions": GapInService.objects.count(),
        "history rows": TransitionLog.objects.count(),
        "queued tasks": DBTaskResult.objects.count(),
    }


def test_a_connection_cut_during_send_shows_the_error_page_leaves_nothing_and_send_again_works(
    gap_page, processes, proxy, static_root, tmp_path
):
    """Cut as the submission is written: a 500 with the site's own page, no traceback; no
    submission, history row or queued email; Send again, with the database back, gives one
    submission with the first reference number, its history and its emails queued."""
    env = production_environment(tmp_path, smtp_port=MAIL_PORT, database_port=PROXY_PORT)
    env["STATIC_ROOT"] = str(static_root)
    processes.gunicorn(env, SITE_PORT)
    browser = Browser(SITE_PORT)
    start = gap_page.url
    assert browser.get(f"{start}district/").status == 200
    for slug, answers in GAP_ANSWERS.items():
        answer = browser.post(f"{start}{slug}/", answers)
        assert answer.status == 302, (slug, answer.text[:500])
    assert browser.get(f"{start}check-answers/").status == 200

    proxy.cut_on(THE_SUBMISSION_INSERT)
    began = time.monotonic()
    failed = browser.post(f"{start}check-answers/", {})
    failed_in = time.monotonic() - began

    assert proxy.cut.is_set()
    assert failed.status == 500
    assert ERROR_PAGE_HEADING in failed.text
    assert "Traceback" not in failed.text and "OperationalError" not in failed.text
    assert nothing_of_the_submission() == {"submissions": 0, "history rows": 0, "queued tasks": 0}

    proxy.restore()
    began = time.monotonic()
    again = browser.post(f"{start}check-answers/", {})
    again_in = time.monotonic() - began

    assert again.status == 302, again.text[:500]
    sent = GapInService.objects.get()
    confirmation = browser.get(again.location)
    assert confirmation.status == 200 and sent.reference in confirmation.text
    assert sent.reference.endswith("-0001")  # the cut send's number was rolled back too
    assert list(TransitionLog.objects.values_list("object_id", "transition")) == [
        (sent.pk, "submit")
    ]
    assert sorted(DBTaskResult.objects.values_list("task_path", flat=True)) == [
        "pei_forms.notifications.acknowledge_submission",
        "pei_workflow.notifications.notify_eidos_of_new_submission",
    ]
    print(
        f"\ndatabase cut mid-send: error page after {failed_in:.2f} s; "
        f"Send again with the database back took {again_in:.2f} s"
    )
