import os

# NumPy's matrix library (OpenBLAS) starts a thread per core in every process. Each app
# server has a worker per core already, so when workers turn gaps' needs into vectors at
# once (pei_workflow.similarity) their threads fight for the cores and wait on each other:
# under bench/load.py a gap's send took about six times as long. One thread a worker;
# set before NumPy is first imported, and an operator's own value is kept.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from django.core.wsgi import get_wsgi_application  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pei_site.settings.production")

application = get_wsgi_application()
