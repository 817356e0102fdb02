# Every target sets itself up: .venv is created on first use and refreshed only when a
# pinned requirements file changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed-build: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-test: requirements.txt requirements-test.txt $(VENV)/.installed-build
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $@

serve: $(VENV)/.installed-build  ## build and serve the course at http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(VENV)/.installed-build  ## strict build into site/ (replaced only when the build succeeds)
	$(BIN)/python -m tools.build

test: $(VENV)/.installed-test  ## the whole test suite
	$(BIN)/python -m pytest $(PYTEST_ARGS)

clean:
	rm -rf site .site-build-* dist
