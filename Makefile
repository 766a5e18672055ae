# One entry point per job. `make run` and `make test` do all set-up on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000
export HOST PORT

.PHONY: install lock run migrate seed test lint typecheck check format bench eval fuzz clean

LOCK_OPTIONS := --python-version 3.11 --quiet

# Pinned versions from the dev lock, then the project itself without resolving anything again.
$(STAMP): pyproject.toml requirements/dev.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements/dev.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP) ## create .venv and install the pinned dependencies and the project

lock: install ## re-pin requirements/runtime.lock and dev.lock from pyproject.toml (uv pip compile)
	$(BIN)/uv pip compile pyproject.toml $(LOCK_OPTIONS) -o requirements/runtime.lock
	$(BIN)/uv pip compile pyproject.toml --extra dev $(LOCK_OPTIONS) -o requirements/dev.lock

migrate: install ## apply database migrations (DATABASE_URL, default SQLite under ./var/)
	$(BIN)/darien migrate

seed: migrate ## load seed/ documents (idempotent)
	$(BIN)/darien seed

run: seed ## migrate, seed and serve on http://$(HOST):$(PORT)
	$(BIN)/darien serve --host $(HOST) --port $(PORT)

test: install ## the whole test suite (PostgreSQL too when TEST_DATABASE_URL is set)
	$(BIN)/pytest

lint: install ## formatting, lint and strict typing
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy

check: lint test ## is it mergeable?

format: install ## rewrite files to the project's format
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

eval: install ## precision/recall of the figure extractor on the labelled set
	$(BIN)/python scripts/eval_extract.py

fuzz: install ## schemathesis, every check, against a live server on the fixture seed
	$(BIN)/python scripts/fuzz.py

bench: install ## throughput and latency benchmark (see README)
	# Byte-compiled first, as an installed copy is: a start then loads no module from source,
	# even where PYTHONDONTWRITEBYTECODE keeps Python from writing the cache itself.
	$(BIN)/python -m compileall -q app
	$(BIN)/python scripts/bench.py

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache .pytest_cache
