# ILP Monitor. `make run` and `make test` set up .venv themselves on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
ARTICLES ?= raw_articles
DB ?= warehouse/ilp.db
DAGSTER_HOME ?= $(CURDIR)/.dagster_home

IDNER ?= ../shared/datasets/idner-news-2k

REVIEWS_DIR ?= reviews
REVIEWED_GOLD ?= $(REVIEWS_DIR)/gold

.PHONY: setup run test dev lint evaluate evaluate-test clean-db train-ner evaluate-ner explore review export report \
	bench bench-quick

setup: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev,deploy]'
	touch $(STAMP)

run: $(STAMP)
	DAGSTER_HOME=$(DAGSTER_HOME) $(BIN)/ilp run --articles $(ARTICLES) --db $(DB)

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .

# The Dagster UI (http://127.0.0.1:3000) and the daemon (sensor, schedule, run queue, backfills) together,
# on the project's instance in .dagster_home: the same one `ilp run` records its runs in.
dev: $(STAMP)
	DAGSTER_HOME=$(DAGSTER_HOME) $(BIN)/python -c 'from ilp.run import dagster_home; dagster_home()'
	DAGSTER_HOME=$(DAGSTER_HOME) $(BIN)/dg dev

# Browse the warehouse in Datasette (http://127.0.0.1:8001), with descriptions, facets and canned queries.
explore: $(STAMP)
	test -f $(DB) || $(BIN)/ilp run --articles $(ARTICLES) --db $(DB)
	$(BIN)/datasette serve $(DB) --metadata warehouse/datasette.json --host 127.0.0.1 --port 8001

# The review page (http://127.0.0.1:8001/-/review): check facts with the keyboard; verdicts go into `reviews`.
review: $(STAMP)
	test -f $(DB) || $(BIN)/ilp run --articles $(ARTICLES) --db $(DB)
	@echo "Review page: http://127.0.0.1:8001/-/review"
	$(BIN)/datasette serve $(DB) --metadata warehouse/datasette.json --host 127.0.0.1 --port 8001

export: $(STAMP)
	$(BIN)/ilp export --db $(DB) --format csv --out exports/csv
	$(BIN)/ilp export --db $(DB) --format parquet --out exports/parquet

report: $(STAMP)
	$(BIN)/ilp report --db $(DB) --out reports/ilp_report.html

# Development data: the shared seeds and the dev split of the evaluation corpus (tests/evaluation/dev);
# then the users' own reviewed news, where `ilp review export-gold $(REVIEWED_GOLD)` has written gold.
evaluate: $(STAMP)
	$(BIN)/ilp evaluate --gold ../shared/gold ../shared/seeds
	$(BIN)/ilp evaluate --gold tests/evaluation/dev/gold tests/evaluation/dev/articles
	if ls $(REVIEWED_GOLD)/*.json >/dev/null 2>&1; then \
		echo "reviewed news ($(REVIEWED_GOLD)):"; $(BIN)/ilp evaluate --gold $(REVIEWED_GOLD) $(ARTICLES); fi

# The frozen test split: score it when a piece of extractor work starts and once when it ends, never fix against it.
evaluate-test: $(STAMP)
	$(BIN)/ilp evaluate --gold tests/evaluation/test/gold tests/evaluation/test/articles

# Reviews live in the warehouse: they are saved to $(REVIEWS_DIR)/backup-*.csv first (`ilp review import`
# takes that file back after the next run).
clean-db:
	if [ -f $(DB) ] && [ "$$($(BIN)/ilp query 'select count(*) from reviews' --db $(DB) 2>/dev/null | tail -1)" -gt 0 ] 2>/dev/null; \
	then mkdir -p $(REVIEWS_DIR) && $(BIN)/ilp query "select fact_id, verdict, field, value, reviewer, note, reviewed_at, kind, \
		source, span, evidence from reviews order by review_id" --db $(DB) --format csv > $(REVIEWS_DIR)/backup-$$(date +%Y%m%d-%H%M%S).csv \
		&& echo "reviews saved in $(REVIEWS_DIR)/"; fi
	rm -f $(DB) $(DB)-wal $(DB)-shm

# Rebuild the person recogniser from idner-news-2k (train + dev in CoNLL form): make train-ner IDNER=path
train-ner: $(STAMP)
	mkdir -p build/ner
	$(BIN)/python training/conll_to_docbin.py $(IDNER)/train.txt build/ner/train.spacy
	$(BIN)/python training/conll_to_docbin.py $(IDNER)/dev.txt build/ner/dev.spacy
	$(BIN)/python -m spacy train training/ner.cfg --output build/ner/out \
		--paths.train build/ner/train.spacy --paths.dev build/ner/dev.spacy
	$(BIN)/python training/build_common_words.py $(IDNER)/train.txt > extractors/people/common_words.txt
	rm -rf extractors/people/ner_model
	cp -r build/ner/out/model-best extractors/people/ner_model
	$(BIN)/python training/evaluate_people.py $(IDNER)/dev.txt

# Person-name F1 the benchmark way (each sentence its own article) on the dev split.
evaluate-ner: $(STAMP)
	$(BIN)/python training/evaluate_people.py $(IDNER)/dev.txt

# Cost as the corpus grows (ratios measured in one run on this machine); writes bench/results.json.
bench: $(STAMP)
	$(BIN)/python bench/run_bench.py

bench-quick: $(STAMP)
	$(BIN)/python bench/run_bench.py --quick --out bench/results-quick.json
