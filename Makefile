# Peerpath: `make run` to try it, `make test` to check it. Everything else is optional.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# The first Python >= 3.12 on PATH (pyenv's shims honour .python-version).
PYTHON ?= $(shell for p in python3.13 python3.12 python3; do \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1 && { echo $$p; break; }; \
	done)
VENV := .venv
PY := $(VENV)/bin/python
PEERPATH := $(VENV)/bin/peerpath
STAMPS := .make
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help run test lint audit format setup assets translations chromium serve \
	bench bench-matching bench-web clean

help:
	@echo "make run    set up and start Peerpath on http://$(HOST):$(PORT) with demo data"
	@echo "make test   set up and run the whole test suite (lint, migrations, tests)"
	@echo "make bench  run the benchmarks under bench/ and print their figures"

# --- set-up steps (each runs again only when its inputs change) -----------------------
$(STAMPS):
	@mkdir -p $(STAMPS)

$(PY):
	@if [ -z "$(PYTHON)" ]; then \
		echo "Peerpath needs Python 3.12 or newer, and none was found on PATH."; \
		echo "Install one (e.g. 'pyenv install 3.12') or run: make PYTHON=/path/to/python3.12 run"; \
		exit 1; fi
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMPS)/install: pyproject.toml | $(PY) $(STAMPS)
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $@

$(STAMPS)/npm: package.json package-lock.json | $(STAMPS)
	@command -v npm >/dev/null || { echo "Installing Node.js and npm from Debian"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq nodejs npm; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(STAMPS)/assets: $(STAMPS)/npm $(wildcard peerpath/assets/*) | $(STAMPS)
	mkdir -p peerpath/static/build peerpath/static/vendor/govuk peerpath/static/vendor/htmx
	node_modules/.bin/sass --no-source-map --style=compressed --quiet-deps \
		--load-path=node_modules/govuk-frontend/dist \
		peerpath/assets/peerpath.scss peerpath/static/build/peerpath.css
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js peerpath/static/vendor/govuk/
	cp node_modules/htmx.org/dist/htmx.min.js peerpath/static/vendor/htmx/
	@touch $@

$(STAMPS)/translations: $(wildcard peerpath/locale/*/LC_MESSAGES/*.po) | $(STAMPS)/install
	$(PY) -m peerpath.lib.compile_translations
	@touch $@

# WeasyPrint (PDF reports) needs Pango from Debian; most machines have it already.
$(STAMPS)/system: | $(STAMPS)
	@ldconfig -p | grep -q libpango-1.0 || { echo "Installing Pango for PDF output"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0; }
	@touch $@

$(STAMPS)/chromium: | $(STAMPS)
	@test -x /usr/bin/chromium || { echo "Installing Debian's Chromium for the browser tests"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }
	@touch $@

# GNU gettext: the Welsh test extracts strings with Django's makemessages, which calls it.
$(STAMPS)/gettext: | $(STAMPS)
	@command -v xgettext >/dev/null && command -v msgmerge >/dev/null || { \
		echo "Installing GNU gettext for the translation checks"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq gettext; }
	@touch $@

setup: $(STAMPS)/system $(STAMPS)/install $(STAMPS)/assets $(STAMPS)/translations

# --- the two commands -----------------------------------------------------------------
# Links in emails (invitations, password resets) point at the server being started.
run serve: export SITE_URL ?= http://$(HOST):$(PORT)

run: setup
	$(PEERPATH) migrate --noinput
	$(PEERPATH) load-frameworks
	$(PEERPATH) load-programmes
	$(PEERPATH) seed-demo --if-empty
	$(PEERPATH) seed-demo-programmes
	@$(PEERPATH) demo-logins --url http://$(HOST):$(PORT)/
	@# The task worker (emails, exports) runs beside the server and stops with it.
	trap 'kill 0' EXIT; $(PEERPATH) worker & DEBUG=true $(PEERPATH) runserver $(HOST):$(PORT)

test: setup $(STAMPS)/chromium $(STAMPS)/gettext
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/bandit --quiet --recursive peerpath --severity-level high --confidence-level high
	$(PEERPATH) makemigrations --check --dry-run
	$(PY) -m pytest $(PYTEST_ARGS)

# --- everything else ------------------------------------------------------------------
serve: setup
	$(PEERPATH) migrate --noinput
	$(PEERPATH) collectstatic --noinput
	$(VENV)/bin/gunicorn peerpath.wsgi --bind $(HOST):$(PORT) --workers 2

lint:
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# Known-vulnerability audit of the installed packages. Needs the PyPI JSON API or OSV,
# which this project's CI network does not reach, so it is not part of `make test`.
audit: setup
	$(VENV)/bin/pip install --quiet pip-audit
	$(VENV)/bin/pip-audit --progress-spinner off --strict

format:
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: bench-matching bench-web

# Page speed under load (wrk from Debian); see bench/bench_web.py.
bench-web: setup
	@command -v wrk >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq wrk; }
	$(PY) bench/bench_web.py $(BENCH_ARGS)

bench-matching: setup
	$(PY) bench/bench_matching.py $(BENCH_ARGS)

clean:
	rm -rf $(STAMPS) node_modules peerpath/static/build peerpath/static/vendor
