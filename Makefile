# Analyst Workbench — the two commands: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test lint typecheck layers bench bench-scale screenshots venv qt-runtime qt-desktop clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

# Make sure Qt can start (installing its runtime libraries on Debian/Ubuntu when missing).
qt-runtime: $(STAMP)
	@packaging/ensure-qt-runtime.sh $(PY) offscreen

qt-desktop: $(STAMP)
	@packaging/ensure-qt-runtime.sh $(PY) desktop

run: qt-desktop
	$(VENV)/bin/workbench

lint: $(STAMP)
	$(VENV)/bin/ruff check workbench tests db packaging
	$(VENV)/bin/ruff format --check workbench tests db packaging

# Every module of the package is type-checked (strict about untyped definitions).
typecheck: $(STAMP)
	$(VENV)/bin/mypy workbench

layers: $(STAMP)
	$(PY) -m pytest -q -p no:randomly tests/test_layers.py

test: qt-runtime lint typecheck
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

bench: qt-runtime
	QT_QPA_PLATFORM=offscreen $(PY) -m workbench.bench

# Every operation an analyst waits for, on generated cases of SIZES articles (cached under
# ~/.cache/analyst-workbench/bench-scale/), each beside its floor. Not part of `make test`.
SIZES ?= 10000,100000
bench-scale: qt-runtime
	@command -v sqlite3 >/dev/null 2>&1 || { command -v apt-get >/dev/null 2>&1 && \
		{ apt-get install -y -qq sqlite3 >/dev/null 2>&1 || sudo apt-get install -y -qq sqlite3; }; } || \
		echo "sqlite3 shell not installed: floors use Python's sqlite3 module"
	QT_QPA_PLATFORM=offscreen $(PY) -m workbench.bench.scale --sizes $(SIZES)

screenshots: qt-runtime
	QT_QPA_PLATFORM=offscreen $(PY) -m workbench.ui.screenshots docs/screenshots

clean:
	rm -rf $(VENV) build dist *.egg-info
