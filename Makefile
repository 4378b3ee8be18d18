# Two entry points for a fresh machine: `make demo` (build the seed graph) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-slow install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/kg build seeds/ -o out/

test: $(STAMP)
	$(BIN)/python -m pytest

# The 20 MB one-line and 50 MB documents (about 8 minutes on 2 cores; CI runs them).
test-slow: $(STAMP)
	$(BIN)/python -m pytest -m slow -rP

clean:
	rm -rf $(VENV) out
