# Every target sets up .venv first, so each works on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test check lint format typecheck bench eval golden screenshot clean

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
	$(BIN)/ruff check jsonld_news tests tools
	$(BIN)/ruff format --check jsonld_news tests tools

format: setup
	$(BIN)/ruff format jsonld_news tests tools
	$(BIN)/ruff check --fix jsonld_news tests tools

typecheck: setup
	$(BIN)/mypy

bench: setup
	$(BIN)/python tools/bench.py
	@for script in tools/bench_*.py; do echo; $(BIN)/python $$script || exit 1; done

eval: setup
	@for script in tools/eval_*.py; do echo; $(BIN)/python $$script || exit 1; done

# Regenerate the golden outputs on purpose, then review the diff before committing it.
golden: setup
	$(BIN)/python tools/golden.py

# Regenerate docs/playground.png (the README's playground picture; needs Debian's chromium).
screenshot: setup
	$(BIN)/python tools/screenshot.py

clean:
	rm -rf $(VENV) examples/out build dist *.egg-info
