# Two entry points for a fresh machine: `make demo` (build the seed graph) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-integration test-slow test-all install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/kg build seeds/ -o out/

# The fast tier: unit, doctest, property and in-process command-line tests, nothing that starts a
# process, a server or a browser (under 3 minutes on 2 idle cores). The other tiers run in CI
# (.ci/run), or here with `make test-all`.
test: $(STAMP)
	$(BIN)/python -m pytest

# kg as subprocesses, Dask clusters, the benchmark scripts (about 10 minutes on 2 cores).
test-integration: $(STAMP)
	$(BIN)/python -m pytest -m 'integration and not slow'

# 10,000 files, builds killed mid-way, the 20 MB one-line and 50 MB documents (about 15
# minutes on 2 cores).
test-slow: $(STAMP)
	$(BIN)/python -m pytest -m slow -rP

test-all: test test-integration test-slow

clean:
	rm -rf $(VENV) out
