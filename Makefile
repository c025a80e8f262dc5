# Involvement: `make help` lists the targets.
PORT ?= 8000
# Links in the emails the demo prints point at the port it serves on.
export SITE_URL ?= http://127.0.0.1:$(PORT)
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help venv demo run worker beat test test-fast lint format bench bench-quick migrate messages check-deploy clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): requirements.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt
	touch $(STAMP)

venv: $(STAMP)

migrate: $(STAMP) ## Apply database migrations
	$(PY) manage.py migrate --noinput

demo: migrate ## Set everything up, load demo data and serve on http://127.0.0.1:$(PORT)
	$(PY) manage.py seed_demo
	@echo "Serving on http://127.0.0.1:$(PORT)  (Ctrl+C to stop)"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

run: migrate ## Serve on http://127.0.0.1:$(PORT) without reloading demo data
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

worker: $(STAMP) ## Run a Celery worker (needs REDIS_URL)
	$(VENV)/bin/celery -A involvement worker --loglevel=INFO --max-tasks-per-child=50 --concurrency=2

beat: $(STAMP) ## Run the Celery beat scheduler (needs REDIS_URL; run exactly one)
	$(VENV)/bin/celery -A involvement beat --loglevel=INFO

test: $(STAMP) ## Run the whole suite (SQLite, or DATABASE_URL when set)
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMP) ## ruff, djlint and a missing-migration check
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/djlint templates --lint
	$(PY) manage.py makemigrations --check --dry-run

format: $(STAMP) ## Format Python code
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

# Every bench script; harness.py and builders.py are what they share, not benches.
BENCHES = $(filter-out bench/harness.py bench/builders.py,$(wildcard bench/*.py))

bench: migrate ## Run every benchmark at full size (prints `name: value unit`)
	@for script in $(BENCHES); do echo "== $$script"; $(PY) $$script || exit 1; done

bench-quick: migrate ## Run every benchmark once on small data (CI does this so none rots)
	@for script in $(BENCHES); do echo "== $$script"; $(PY) $$script --quick || exit 1; done

messages: $(STAMP) ## Refresh the translation catalogues (needs gettext)
	$(PY) manage.py makemessages --locale cy --ignore '.venv/*' --ignore 'tests/*' --ignore 'bench/*'

check-deploy: $(STAMP) ## `check --deploy` with production settings
	DJANGO_ENV=production SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))') \
	  ALLOWED_HOSTS=example.org $(PY) manage.py check --deploy --fail-level WARNING

clean: ## Remove the virtualenv and local database
	rm -rf $(VENV) db.sqlite3 staticfiles
