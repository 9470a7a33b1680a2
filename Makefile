# Every target sets up .venv first, so each works on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test check lint format typecheck bench eval clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: setup
	$(BIN)/jsonld-news convert examples/inputs --to jsonld,turtle -o examples/out
	@echo
	@echo "Outputs are in examples/out/ ; for instance:"
	@echo "  $(BIN)/jsonld-news convert examples/inputs/moscowtimes-scholz-putin.txt"

test: setup
	$(BIN)/pytest -q

check: lint typecheck

lint: setup
	$(BIN)/ruff check jsonld_news tests
	$(BIN)/ruff format --check jsonld_news tests

format: setup
	$(BIN)/ruff format jsonld_news tests
	$(BIN)/ruff check --fix jsonld_news tests

typecheck: setup
	$(BIN)/mypy

bench: setup
	$(BIN)/python -m jsonld_news.bench

eval: setup
	$(BIN)/python -m jsonld_news.evaluation

clean:
	rm -rf $(VENV) examples/out build dist *.egg-info
