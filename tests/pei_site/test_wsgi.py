"""The app server's entry point (pei_site/wsgi.py), started in a fresh process as gunicorn
starts each worker."""

import os
import subprocess
import sys

from tests.pei_site.subprocesses import ROOT, production_env

# Loads the site as a worker does, then turns a need into a vector, which runs NumPy's
# matrix library; prints that library's setting and the process's threads.
WORKER = """
import os
import pei_site.wsgi
from pei_workflow.similarity.encoder import encoder
encoder().encode(["Evening support for a family."])
print(os.environ.get("OPENBLAS_NUM_THREADS", "unset"), len(os.listdir("/proc/self/task")))
"""


def worker(**env: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", WORKER],
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], **production_env(**env)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_an_app_server_worker_runs_numpy_on_one_thread():
    """Each worker's NumPy works on its own thread only: with a thread per core in every
    worker, workers making vectors at once fight for the cores (bench/load.py)."""
    assert worker() == ["1", "1"]


def test_an_operators_own_thread_count_is_kept():
    """OPENBLAS_NUM_THREADS set by the operator is left as it is."""
    assert worker(OPENBLAS_NUM_THREADS="2")[0] == "2"
