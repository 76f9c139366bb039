# ILP Monitor. `make run` and `make test` set up .venv themselves on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
ARTICLES ?= raw_articles
DB ?= warehouse/ilp.db
DAGSTER_HOME ?= $(CURDIR)/.dagster_home

.PHONY: setup run test dev lint evaluate clean-db

setup: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/ilp run --articles $(ARTICLES) --db $(DB)

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .

dev: $(STAMP)
	mkdir -p $(DAGSTER_HOME)
	cp -n pipelines/dagster.yaml $(DAGSTER_HOME)/dagster.yaml
	DAGSTER_HOME=$(DAGSTER_HOME) $(BIN)/dagster dev

evaluate: $(STAMP)
	$(BIN)/ilp evaluate --gold ../shared/gold ../shared/seeds

clean-db:
	rm -f $(DB) $(DB)-wal $(DB)-shm
