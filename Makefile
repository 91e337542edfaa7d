# Two commands: `make run` starts the app, `make test` runs the whole test suite.
# `make test` lints, type-checks (mypy, configured in pyproject.toml) and runs pytest.
# Both create a virtual environment in .venv on first use; only Python 3.11+ and make are needed.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: run test lint format bench loadtest loadtest-browser clean

run: $(VENV)/.runtime
	@# A store that cannot take a write stops the start here, with a message, not later per visitor.
	$(PY) -m reseau check-store
	@# glibc's malloc instead of CPython's arenas: a closed session's memory can go back to the
	@# system (reseau/ui/housekeeping.py); CPython's arenas stay as long as one object lives in them.
	PYTHONMALLOC=malloc $(PY) -m streamlit run app.py --server.port $(PORT)

test: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(PY) -m pytest

format: $(VENV)/.dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: $(VENV)/.dev
	$(PY) benchmarks/bench.py

# Streamlit's own protocol, no browsers: 1, 10, 30 participants every 3 s and 100 every 5 s.
LOADTEST_ARGS ?= --scenarios 1x3,10x3,30x3,100x5 --seconds 60 --cpu-actions 100
loadtest: $(VENV)/.dev
	$(PY) benchmarks/loadtest.py $(LOADTEST_ARGS)

# The smaller check with real browsers (30 Chromium tabs on the server's cores).
loadtest-browser: $(VENV)/.dev
	$(PY) benchmarks/loadtest_browser.py

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
