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
# `editable_mode=compat` puts the repository on sys.path with a plain .pth line instead of
# setuptools' import hook, which every import would otherwise consult: measured as a third
# of the time from process start to a first answer (bench/lookup.py).
EDITABLE := --config-settings editable_mode=compat
$(VENV)/.run-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet $(EDITABLE) -e .
	@touch $@

$(VENV)/.test-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet $(EDITABLE) -e '.[test]'
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
