# Maillage — `make help` lists the targets.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1:8000
BENCH := MAILLAGE_VAR_DIR=var/bench DJANGO_SETTINGS_MODULE=maillage.settings.load
SCALE ?= 1
# pytest processes (pytest-xdist): the two cores of the project's machines.
TEST_PROCESSES ?= 2

.DEFAULT_GOAL := help
.PHONY: help install run migrate demo test test-fast screenshots migrations-check lint format db-stop clean-db bench-data bench-load bench-capacity

help: ## Liste les commandes disponibles
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-16s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

install: $(STAMP) ## Crée .venv et installe le projet avec ses outils de test

migrate: install ## Applique les migrations (démarre PostgreSQL embarqué si besoin)
	$(PY) manage.py migrate --noinput

demo: migrate ## Charge le contenu de démonstration (idempotent)
	$(PY) manage.py seed_demo

run: demo ## Installe, migre, charge la démo et sert http://$(HOST)
	$(PY) manage.py runserver $(HOST)

test: lint ## Lance ruff puis toute la suite (navigateur et contrôle des migrations compris)
	$(PY) -m pytest -n $(TEST_PROCESSES)

screenshots: install ## Parcours navigateur avec leurs captures (tests/browser/screenshots/)
	MAILLAGE_SCREENSHOTS=1 $(PY) -m pytest -n $(TEST_PROCESSES) tests/browser

test-fast: install ## Tests sans navigateur
	$(PY) -m pytest -n $(TEST_PROCESSES) -m "not browser"

migrations-check: install ## Échoue si un modèle a changé sans sa migration
	$(PY) manage.py makemigrations --check --dry-run

lint: install ## Vérifie le style (ruff)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install ## Corrige le style (ruff)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

db-stop: install ## Arrête les PostgreSQL embarqués (var/ et var/bench/)
	$(PY) -m maillage.embedded_db stop
	$(BENCH) $(PY) -m maillage.embedded_db stop

clean-db: db-stop ## Supprime la base embarquée (toutes les données locales)
	rm -rf var/postgres

bench-data: install ## Crée la base de charge (var/bench) à l'échelle SCALE (1 par défaut)
	$(BENCH) $(PY) manage.py migrate --noinput
	$(BENCH) $(PY) manage.py seed_demo
	$(BENCH) $(PY) manage.py seed_bench --scale $(SCALE)

bench-load: install ## Campagne de charge : 20 clients qui lisent 0,5 à 1,5 s par page, 120 s
	$(BENCH) $(PY) bench/load.py --clients 20 --duration 120 --think 1

bench-capacity: install ## Même campagne sans aucune pause : la capacité du serveur
	$(BENCH) MAILLAGE_RATE_LIMITS_ENABLED=false $(PY) bench/load.py --clients 20 --duration 120 --think 0
