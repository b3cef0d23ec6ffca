# Wandelwerk — `make` lists the tasks.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_SETTINGS_MODULE := config.settings

.DEFAULT_GOAL := help

help: ## list the tasks
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e '.[dev]'
	touch $@

install: $(VENV)/.installed ## create the virtual environment and install everything

setup: install ## migrate the SQLite database and load geography and demo data (idempotent)
	mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_geography
	$(PY) manage.py load_statistics
	$(PY) manage.py load_demo

demo: setup ## set up everything, load demo data, serve on http://127.0.0.1:8000
	@echo ""
	@echo "  Wandelwerk läuft auf http://$(HOST):$(PORT)/"
	@echo "  Demo-Koordination: koordination@demo.wandelwerk.test / Wandelwerk-Demo-2026"
	@echo ""
	DJANGO_DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

test: install ## run the whole suite: SQLite, PostgreSQL and the browser tests
	scripts/system-deps.sh
	mkdir -p var
	$(PY) -m pytest tests --ignore=tests/browser
	scripts/with-postgres.sh $(PY) -m pytest tests --ignore=tests/browser
	$(PY) -m pytest tests/browser -m browser

check: install ## ruff, mypy, import-linter, djlint, makemigrations --check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy wandelwerk config
	$(VENV)/bin/lint-imports
	$(VENV)/bin/djlint wandelwerk --lint
	$(PY) manage.py makemigrations --check --dry-run

bench: install ## benchmarks (writes docs/benchmarks.md)
	mkdir -p var
	$(PY) -m tests.bench.run

.PHONY: help install setup demo test check bench
