# Every target sets itself up: .venv is created on first use and refreshed only when a
# pinned requirements file changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test bench clean export check new-module new-quiz handouts

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The course package (course/) is installed editable: hooks, commands and tests import it.
$(VENV)/.installed-build: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps --editable .
	touch $@

$(VENV)/.installed-test: requirements.txt requirements-test.txt pyproject.toml $(VENV)/.installed-build
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $@

# Search in the offline bundle (file://) runs through the iframe-worker shim: the npm
# package iframe-worker 1.0.4, fetched from the registry and checked against its integrity.
IFRAME_WORKER := .cache/iframe-worker-1.0.4
IFRAME_WORKER_INTEGRITY := sha512-roeaaI+Lg1LJNfgpCjoRe/+WzEjy9+Z08LoEvu85MCPbBjwm+qXz8Ag5U05lHa6V1CysZyGzE0SOkAtSUA5q7Q==
LIGHTHOUSE_VERSION := 12.8.2
LIGHTHOUSE := .cache/lighthouse-$(LIGHTHOUSE_VERSION)
LIGHTHOUSE_INTEGRITY := sha512-+5SKYzVaTFj22MgoYDPNrP9tlD2/Ay7j3SxPSFD9FpPyVxGr4UtOQGKyrdZ7wCmcnBaFk0mCkPfARU3CsE0nvA==
SHA512 := import base64, hashlib, sys; print("sha512-" + base64.b64encode(hashlib.sha512(open(sys.argv[1], "rb").read()).digest()).decode())
# (defined before the targets that list it: make expands prerequisites as it reads them)

# The tests run on this many processes (pytest-xdist); TEST_PROCESSES=0 runs them in one.
TEST_PROCESSES ?= 2

# actionlint on every workflow; without ShellCheck and pyflakes, so that the result does not
# depend on which of them a machine happens to have.
ACTIONLINT_ARGS := -shellcheck= -pyflakes=

serve: $(VENV)/.installed-build  ## build and serve the course at http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(VENV)/.installed-build $(IFRAME_WORKER)/shim.js  ## strict build into site/ and the offline zip into dist/, both with the trainers' PDF files (replaced only on success)
	$(BIN)/python -m course.build

bench: $(VENV)/.installed-test $(IFRAME_WORKER)/shim.js $(LIGHTHOUSE)/.installed  ## build times, sizes, first-visit bytes, Lighthouse scores and the quiz engine's cost -> dist/bench.md (not part of make test)
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} $(BIN)/python -m course.bench

# Lighthouse for make bench: npm's lighthouse 12.8.2 with every dependency pinned by
# tools/lighthouse/package-lock.json (npm ci checks each package against its integrity hash),
# installed into .cache/; no install scripts run, so nothing else (no browser) is downloaded.
$(LIGHTHOUSE)/.installed: tools/lighthouse/package.json tools/lighthouse/package-lock.json
	@test "$$(node -p 'require("./tools/lighthouse/package-lock.json").packages["node_modules/lighthouse"].integrity')" = "$(LIGHTHOUSE_INTEGRITY)" || \
	  { echo "tools/lighthouse/package-lock.json does not pin lighthouse $(LIGHTHOUSE_VERSION) ($(LIGHTHOUSE_INTEGRITY))"; exit 1; }
	rm -rf $(LIGHTHOUSE) && mkdir -p $(LIGHTHOUSE)
	cp tools/lighthouse/package.json tools/lighthouse/package-lock.json $(LIGHTHOUSE)/
	npm ci --prefix $(LIGHTHOUSE) --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

$(IFRAME_WORKER)/shim.js:
	@scratch=$$(mktemp -d) && trap 'rm -rf "$$scratch"' EXIT && \
	  (cd "$$scratch" && npm pack --silent iframe-worker@1.0.4 >/dev/null) && \
	  test "$$($(PYTHON) -c '$(SHA512)' "$$scratch"/iframe-worker-1.0.4.tgz)" = "$(IFRAME_WORKER_INTEGRITY)" && \
	  tar -xzf "$$scratch"/iframe-worker-1.0.4.tgz -C "$$scratch" && \
	  mkdir -p $(IFRAME_WORKER) && cp "$$scratch"/package/LICENSE $(IFRAME_WORKER)/LICENSE && \
	  cp "$$scratch"/package/shim/index.js $@ && echo "Fetched iframe-worker 1.0.4 from the npm registry (integrity checked)"

handouts: $(VENV)/.installed-build  ## PDF handouts and answer keys into dist/handouts/<lang>/ (and site/trainers/pdf/ when site/ exists)
	$(BIN)/python -m course.handouts

export: $(VENV)/.installed-build  ## quizzes for Moodle (GIFT) and other LMSs (QTI 2.1) into dist/export/; links use SITE_URL
	$(BIN)/python -m course.export

check: $(VENV)/.installed-build  ## check quizzes, modules and links in seconds and show the translation status (FORMAT=json for scripts)
	@$(BIN)/python -m course.check --format $(or $(FORMAT),text)

new-module: $(VENV)/.installed-build  ## SLUG=09-my-topic: a draft module in three languages with a starter quiz
	@$(BIN)/python -m course.scaffold module "$(SLUG)"

new-quiz: $(VENV)/.installed-build  ## MODULE=<module-folder>: a starter quiz for an existing module that has none
	@$(BIN)/python -m course.scaffold quiz "$(MODULE)"

test: $(VENV)/.installed-test $(IFRAME_WORKER)/shim.js  ## lint, format, type and workflow checks, then the whole test suite
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/actionlint $(ACTIONLINT_ARGS)
	$(BIN)/python -m pytest --numprocesses $(TEST_PROCESSES) --dist loadfile $(PYTEST_ARGS)

clean:
	rm -rf site .site-build-* dist
