# Analyst Workbench — the two commands: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

# Debian/Ubuntu libraries the Qt wheels load at run time (installed only when missing).
QT_DEBS := libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
           libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 \
           libxcb-randr0 libxcb-render-util0 libxcb-image0

.PHONY: run test lint typecheck layers bench screenshots venv qt-runtime clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

# Make sure Qt can load; on Debian-like systems install its runtime libraries if it cannot.
qt-runtime: $(STAMP)
	@$(PY) -c "import PySide6.QtGui" 2>/dev/null || { \
	  echo "Qt runtime libraries missing: installing $(QT_DEBS)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $(QT_DEBS) >/dev/null; }

run: qt-runtime
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

screenshots: qt-runtime
	QT_QPA_PLATFORM=offscreen $(PY) -m workbench.ui.screenshots docs/screenshots

clean:
	rm -rf $(VENV) build dist *.egg-info
