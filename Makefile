# Two entry points: `make demo` (a real decision, explained) and `make test` (everything CI runs).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test docs bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/python -m gongshang_rules demo

test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools
	$(BIN)/mypy --strict src
	$(BIN)/python -m pytest -q -p no:cacheprovider --cov=gongshang_rules --cov-branch --cov-report=term --cov-fail-under=95

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

docs: $(STAMP)
	$(BIN)/python -m gongshang_rules._docgen docs

clean:
	rm -rf $(VENV) .coverage .mypy_cache .ruff_cache build src/*.egg-info
