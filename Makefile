# The commands of README.md. Each sets up .venv itself (and re-installs when pyproject.toml
# changes); .ci/run calls the same targets.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000
# The local PostgreSQL of a development machine and of CI (trust authentication).
LOCAL_POSTGRES_URL := postgresql://postgres@127.0.0.1:5432/test
PYTEST_ARGS ?=

.PHONY: demo test lint bench clean venv

venv: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || { echo "creating $(VENV)"; $(PYTHON) -m venv $(VENV); }
	$(BIN)/pip install --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

## demo: the Vojvodina ICT Cluster sample node on http://127.0.0.1:$(PORT)
demo: $(STAMP)
	$(BIN)/clusterhub demo --port $(PORT)

## test: every test on SQLite, and on PostgreSQL too when one answers on 127.0.0.1
test: $(STAMP)
	@if [ -z "$${CLUSTERHUB_TEST_POSTGRES_URL:-}" ] && command -v pg_isready >/dev/null \
	    && pg_isready -q -h 127.0.0.1; then \
	  export CLUSTERHUB_TEST_POSTGRES_URL=$(LOCAL_POSTGRES_URL); \
	fi; \
	echo "databases: SQLite$${CLUSTERHUB_TEST_POSTGRES_URL:+ and PostgreSQL ($$CLUSTERHUB_TEST_POSTGRES_URL)}"; \
	echo "$(BIN)/python -m pytest -n auto $(PYTEST_ARGS)"; \
	$(BIN)/python -m pytest -n auto $(PYTEST_ARGS)

## lint: ruff, mypy (strict), import-layer contracts; runs all three, fails if any fails
lint: $(STAMP)
	@status=0; \
	echo "$(BIN)/ruff check ."; $(BIN)/ruff check . || status=1; \
	echo "$(BIN)/mypy"; $(BIN)/mypy || status=1; \
	echo "$(BIN)/lint-imports"; $(BIN)/lint-imports || status=1; \
	exit $$status

## bench: the benchmark scripts tests/benchmarks/bench_*.py (BENCH=feed runs bench_feed.py only)
bench: $(STAMP)
	@found=0; status=0; \
	for script in tests/benchmarks/bench_$(or $(BENCH),*).py; do \
	  [ -f "$$script" ] || continue; found=1; \
	  echo "==> $(BIN)/python $$script"; $(BIN)/python "$$script" || status=1; \
	done; \
	[ $$found = 1 ] || echo "no benchmark matches tests/benchmarks/bench_$(or $(BENCH),*).py"; \
	exit $$status

## clean: caches, build output and the demo database (keeps .venv: `rm -rf .venv` for that)
clean:
	rm -rf .pytest_cache .mypy_cache .ruff_cache .benchmarks build dist *.egg-info
	rm -f demo.sqlite3 demo.sqlite3-wal demo.sqlite3-shm
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
