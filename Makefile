# The commands a newcomer needs: `make run` and `make test`. Both create .venv on first use and
# install exactly the versions pinned (with hashes) in requirements/*.lock.
# `make lock` after changing the dependencies in pyproject.toml; `make upgrade` to move every pin
# to the newest release the ranges allow (then run `make test` before committing the locks).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUN_LOCK := requirements/run.lock
DEV_LOCK := requirements/dev.lock
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev
HEADLESS := QT_QPA_PLATFORM=offscreen
COMPILE = $(BIN)/uv pip compile pyproject.toml --universal --python-version 3.11 --generate-hashes \
	--custom-compile-command "make lock" --quiet

.PHONY: run test bench schema lock upgrade dist check-dist clean

$(BIN)/python:
	$(PY) -m venv $(VENV)

$(RUN_STAMP): $(RUN_LOCK) | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r $(RUN_LOCK)
	touch $@

$(DEV_STAMP): $(DEV_LOCK) | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r $(DEV_LOCK)
	touch $@ $(RUN_STAMP)

run: $(RUN_STAMP)
	$(BIN)/python main.py

test: $(DEV_STAMP)
	$(BIN)/lint-imports
	$(HEADLESS) $(BIN)/python -m pytest

bench: $(DEV_STAMP)
	$(HEADLESS) $(BIN)/python -m bench

schema: $(RUN_STAMP)
	$(BIN)/python -m scenario.schema resources/schema/pack.schema.json

# Re-resolve after a change to pyproject.toml, keeping every pin that still fits.
lock: $(DEV_STAMP)
	$(COMPILE) -o $(RUN_LOCK)
	$(COMPILE) --extra test --extra dist --extra lock -c $(RUN_LOCK) -o $(DEV_LOCK)

upgrade: $(DEV_STAMP)
	$(COMPILE) --upgrade -o $(RUN_LOCK)
	$(COMPILE) --upgrade --extra test --extra dist --extra lock -c $(RUN_LOCK) -o $(DEV_LOCK)

# The self-contained desktop bundle: dist/divestiture-lab-<version>-<os>-<arch>.tar.gz
dist: $(DEV_STAMP)
	$(BIN)/python packaging/build.py

# Unpack the bundle outside the checkout and run it with a bare environment (CI does this).
check-dist: $(DEV_STAMP)
	$(BIN)/python -m pytest -m bundle tests/test_bundle.py

clean:
	rm -rf $(VENV) build dist *.egg-info bench/results.json
