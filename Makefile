# Two commands on a fresh machine: `make run` and `make test`.
# Each creates .venv/ when missing and installs the project into it first.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test bench lint console clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamp files record which install is current; pyproject changes re-install.
$(VENV)/.run-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.test-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@ $(VENV)/.run-installed

run: $(VENV)/.run-installed
	$(BIN)/comp-coach

console: $(VENV)/.run-installed
	$(BIN)/comp-coach console

test: $(VENV)/.test-installed
	@scripts/ensure-postgres
	$(BIN)/ruff check bot tests bench scripts
	$(BIN)/python -m pytest

bench: $(VENV)/.test-installed
	@scripts/ensure-postgres
	$(BIN)/python -m bench

lint: $(VENV)/.test-installed
	$(BIN)/ruff check bot tests bench scripts
	$(BIN)/ruff format --check bot tests bench scripts

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
