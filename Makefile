# The two commands a newcomer needs: `make run` and `make test`. Both create .venv on first use.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test
HEADLESS := QT_QPA_PLATFORM=offscreen

.PHONY: run test bench schema clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(RUN_STAMP)

run: $(RUN_STAMP)
	$(BIN)/python main.py

test: $(TEST_STAMP)
	$(BIN)/lint-imports
	$(HEADLESS) $(BIN)/python -m pytest

bench: $(TEST_STAMP)
	$(HEADLESS) $(BIN)/python -m bench

schema: $(RUN_STAMP)
	$(BIN)/python -m scenario.schema resources/schema/pack.schema.json

clean:
	rm -rf $(VENV) build *.egg-info bench/results.json
