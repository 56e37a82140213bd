# Two commands: `make demo` and `make test`. Everything else is a helper of theirs.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: demo test lint typecheck pytest bench install clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $$(scripts/find-python) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@rm -f $(VENV)/.installed-*; touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	DEBUG=1 $(VENV)/bin/tuyengiao demo --port $(PORT)

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests benchmarks

typecheck: $(STAMP)
	$(VENV)/bin/mypy src tests benchmarks

pytest: $(STAMP)
	$(VENV)/bin/pytest $(PYTEST_ARGS)

# The whole suite: lint, types, tests on SQLite, and again on PostgreSQL when TEST_DATABASE_URL names one.
test: lint typecheck pytest
	@if [ -n "$$TEST_DATABASE_URL" ]; then \
	  echo "== again on PostgreSQL ($$TEST_DATABASE_URL)"; \
	  DATABASE_URL="$$TEST_DATABASE_URL" $(VENV)/bin/pytest -m "not browser" $(PYTEST_ARGS); \
	fi

bench: $(STAMP)
	$(PY) -m benchmarks $(BENCH_ARGS)

clean:
	rm -rf $(VENV) var/test* .mypy_cache .ruff_cache

# The user guide's screenshots (docs/huong-dan/anh/*.png), taken by the browser tests.
.PHONY: docs-screenshots
docs-screenshots: $(STAMP)
	DOCS_SCREENSHOTS=$(CURDIR)/docs/huong-dan/anh $(VENV)/bin/pytest -q -m browser $(PYTEST_ARGS)
