# popbot — `make run` starts the whole stack locally, `make test` runs every test.
SHELL := /bin/bash
VENV  := .venv
BIN   := $(VENV)/bin
PY    := $(BIN)/python
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# Rasa/TensorFlow chatter off; our own logging config decides what is printed.
export TF_CPP_MIN_LOG_LEVEL := 3
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
# Rasa training and the model fingerprint are reproducible only with a fixed hash seed; it must be
# set before the interpreter starts (setting it inside a running process has no effect).
export PYTHONHASHSEED := 0

.PHONY: help venv deps test-deps build train run test bench lint clean

help:
	@echo "make run    - set up (first time), build personas, train if changed, start the whole stack"
	@echo "make test   - set up, build, train if changed, run the whole test suite"
	@echo "make bench  - run the benchmarks in bench/ (prints ratios against baselines)"
	@echo "make clean  - remove the virtual environment, models and var/"

# --- environment -----------------------------------------------------------
$(VENV)/.stamp-deps: requirements.lock pyproject.toml scripts/find-python310.sh
	@py=$$(scripts/find-python310.sh) || exit 1; \
	  if [ ! -x $(PY) ] || ! $(PY) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))'; then \
	    rm -rf $(VENV); echo "creating $(VENV) with $$py"; "$$py" -m venv $(VENV); fi
	$(BIN)/pip install -qq --upgrade "pip<25" "wheel==0.43.0" "setuptools==70.3.0"
	$(BIN)/pip install -qq -r requirements.lock
	$(BIN)/pip install -qq --no-deps --no-build-isolation -e .
	@touch $@

venv deps: $(VENV)/.stamp-deps

# Browser for the end-to-end tests: Debian's chromium, driven by Playwright (never `playwright install`);
# reverse proxy for the multi-replica tests: Debian's caddy.
test-deps: deps
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "installing Debian chromium for browser tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	    || { echo "could not install chromium (apt-get); browser tests need /usr/bin/chromium" >&2; exit 1; }; fi
	@if [ ! -x /usr/bin/caddy ]; then \
	  echo "installing Debian caddy for the multi-replica tests (the reverse proxy)"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq caddy >/dev/null) \
	    || { echo "could not install caddy (apt-get); the cluster tests need /usr/bin/caddy" >&2; exit 1; }; fi

# --- model -----------------------------------------------------------------
build: deps
	$(BIN)/popbot persona build
	$(BIN)/popbot train

train: build

# --- run / test ------------------------------------------------------------
run: build
	$(BIN)/popbot run

test: test-deps build
	$(BIN)/python -m pytest -p no:randomly tests

bench: build
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) models var .rasa
