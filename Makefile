# ICS Assistant: one entry point for set-up, running and checks.
#   make run    set up, ingest the corpus if needed, serve on http://127.0.0.1:7860
#   make test   set up and run the gate: ruff lint + format check, mypy, pytest (what CI runs)
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export GRADIO_ANALYTICS_ENABLED := False
export ANONYMIZED_TELEMETRY := False

.PHONY: run test check lint format typecheck pytest ingest gate eval bench screenshots setup setup-test browser postgres clean security abuse

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# torch first: the CPU wheel on local disk; an unpinned torch would pull a multi-GB CUDA build.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet "torch==2.13.0"
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

# The local LLM extra compiles llama-cpp-python from source once (pip caches the wheel).
$(VENV)/.installed-llm: $(VENV)/.installed
	$(BIN)/pip install --quiet -e ".[dev,local-llm]"
	touch $@

setup: $(VENV)/.installed

setup-test: $(VENV)/.installed-llm browser postgres

browser:
	bash scripts/setup-chromium.sh

# Debian's postgresql for the shared-database test (each test run starts its own private cluster)
postgres:
	bash scripts/start-postgres.sh --install-only

run: setup
	$(BIN)/ics-assistant serve

ingest: setup
	$(BIN)/ics-assistant ingest

test: setup-test check

check: lint typecheck pytest

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format:
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

typecheck:
	$(BIN)/mypy

pytest:
	$(BIN)/pytest -q

gate: setup
	$(BIN)/pytest -q -m gate

eval: setup
	$(BIN)/ics-assistant eval --dataset evals/datasets/golden.jsonl --out reports/latest

bench: setup
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/query.py
	$(BIN)/python benchmarks/load.py
	$(BIN)/python benchmarks/llm.py

# attacker's probes of issue 9 (scripts/security/*.py): one PASS/FAIL line per check, then a summary
security: setup
	@fail=0; for probe in scripts/security/[a-z]*.py; do \
		echo "== $$probe"; $(BIN)/python $$probe || fail=1; \
	done; \
	if [ $$fail = 0 ]; then echo "security: all probes passed"; else echo "security: FAILED (see above)"; exit 1; fi

abuse: setup
	$(BIN)/python benchmarks/abuse.py

screenshots: setup browser
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf data artifacts reports .pytest_cache .mypy_cache .ruff_cache
