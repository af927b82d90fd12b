# Two entry points: `make demo` (a real decision, explained) and `make test` (everything CI runs).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test docs bench clean dist sdist-test site wheel-check

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
	$(MAKE) --no-print-directory dist wheel-check sdist-test site

# The documentation site from docs/ and the docstrings (mkdocs with mkdocstrings), built strictly: a warning fails.
site: $(STAMP)
	$(BIN)/mkdocs build --strict --quiet

# The distributions (issue 14): build the sdist and the wheel, check their metadata and the wheel's contents.
DIST := build/dist
dist: $(STAMP)
	rm -rf $(DIST) && mkdir -p $(DIST)
	$(BIN)/python -m build --outdir $(DIST) . > build/dist.log 2>&1 || { cat build/dist.log; exit 1; }
	$(BIN)/twine check --strict $(DIST)/*
	$(BIN)/check-wheel-contents $(DIST)/*.whl

# The wheel in a fresh virtual environment of its own: the README's example runs and a script using the public
# API is `mypy --strict` clean against the installed package (the test venv's mypy, pointed at the new one).
WHEEL_VENV := build/wheel-venv
wheel-check: dist
	rm -rf $(WHEEL_VENV) && $(PYTHON) -m venv $(WHEEL_VENV)
	$(WHEEL_VENV)/bin/python -m pip install --quiet $(DIST)/*.whl
	cd build && ../$(WHEEL_VENV)/bin/python -m doctest ../README.md
	$(BIN)/mypy --strict --python-executable $(WHEEL_VENV)/bin/python tools/typed_client.py
	$(WHEEL_VENV)/bin/python tools/typed_client.py

# The sdist's own tests, run from the unpacked sdist against its own src/ (about two minutes).
sdist-test: dist
	rm -rf build/sdist && mkdir -p build/sdist
	tar xzf $(DIST)/*.tar.gz -C build/sdist
	cd build/sdist/gongshang_rules-* && $(CURDIR)/$(BIN)/python -m pytest -q -p no:cacheprovider

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py --check-bytes --instructions

docs: $(STAMP)
	$(BIN)/python -m gongshang_rules.oracle._docgen docs
	$(BIN)/python -m gongshang_rules.oracle._helpgen

clean:
	rm -rf $(VENV) .coverage .mypy_cache .ruff_cache build dist src/*.egg-info
