# Analyst Workbench — the two commands: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test lint typecheck layers bench bench-scale screenshots venv qt-runtime qt-desktop clean \
	desktop-tools postgresql dist check-dist bundle check-bundle deb check-deb install-desktop icons

venv: $(STAMP)

$(STAMP): pyproject.toml setup.py constraints.txt
	@packaging/ensure-build-tools.sh
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	PYTHONWARNINGS="ignore:Editable installation" \
		$(PY) -m pip install --quiet -c constraints.txt -e '.[test]'
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

test: qt-runtime desktop-tools postgresql lint typecheck
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# The benchmarks, then the bundle built and smoke-tested: building it takes 5 to 30 minutes on two
# cores, too long for `make test` in CI, so the bundle's check runs here.
bench: qt-runtime
	QT_QPA_PLATFORM=offscreen $(PY) -m workbench.bench
	$(MAKE) --no-print-directory bundle check-bundle

# Every operation an analyst waits for, on generated cases of SIZES articles (cached under
# ~/.cache/analyst-workbench/bench-scale/), each beside its floor. Not part of `make test`.
# Each size's parts (registry.PARTS) run side by side, longest first, on two cores or more;
# BENCH_SCALE_JOBS=1: everything one after another.
SIZES ?= 10000,100000
bench-scale: qt-runtime
	@command -v sqlite3 >/dev/null 2>&1 || { command -v apt-get >/dev/null 2>&1 && \
		{ apt-get install -y -qq sqlite3 >/dev/null 2>&1 || sudo apt-get install -y -qq sqlite3; }; } || \
		echo "sqlite3 shell not installed: floors use Python's sqlite3 module"
	QT_QPA_PLATFORM=offscreen $(PY) -m workbench.bench.scale --sizes $(SIZES)

screenshots: qt-runtime
	QT_QPA_PLATFORM=offscreen $(PY) -m workbench.ui.screenshots docs/screenshots
	QT_QPA_PLATFORM=offscreen $(PY) -m workbench.ui.packaging_shots docs/screenshots

# PostgreSQL's server programs: the team-case tests start a throwaway server (tests/team/).
postgresql:
	@packaging/ensure-postgresql.sh

# The validators the desktop files are tested with (Debian's desktop-file-utils and appstream).
desktop-tools:
	@packaging/ensure-desktop-tools.sh

# Packaging (see README, "Install"): the wheel and sdist in dist/; a fresh venv that installs the
# wheel and is used as an analyst would; the PyInstaller one-folder bundle and the same check.
VERSION      = $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' workbench/__init__.py)
WHEEL        = dist/analyst_workbench-$(VERSION)-py3-none-any.whl
CHECK_VENV   := build/check-venv
BUNDLE_VENV  := build/bundle-venv
BUNDLE       = dist/analyst-workbench-$(VERSION)

dist: $(STAMP)
	rm -f dist/analyst_workbench-$(VERSION)*
	@mkdir -p build
	$(PY) -m build --outdir dist . >build/dist.log 2>&1 || { tail -30 build/dist.log; exit 1; }
	@ls -1 dist/analyst_workbench-$(VERSION)*

check-dist: dist qt-runtime
	rm -rf $(CHECK_VENV)
	$(PYTHON) -m venv $(CHECK_VENV)
	$(CHECK_VENV)/bin/python -m pip install --quiet -c constraints.txt $(WHEEL)
	$(CHECK_VENV)/bin/python packaging/smoke_install.py $(CHECK_VENV)/bin/workbench --window 3

bundle: dist
	@test -x $(BUNDLE_VENV)/bin/python || $(PYTHON) -m venv $(BUNDLE_VENV)
	$(BUNDLE_VENV)/bin/python -m pip install --quiet -c constraints.txt $(WHEEL) 'pyinstaller>=6.10,<7'
	$(BUNDLE_VENV)/bin/python -m pip install --quiet --force-reinstall --no-deps $(WHEEL)
	cd build && nice ../$(BUNDLE_VENV)/bin/python -m PyInstaller --noconfirm --log-level WARN \
		--distpath ../dist --workpath pyinstaller ../packaging/workbench.spec
	@echo "bundle: $(BUNDLE)/workbench"

check-bundle: qt-runtime
	@test -x $(BUNDLE)/workbench || { echo "no bundle at $(BUNDLE): run make bundle first"; exit 1; }
	$(BUNDLE_VENV)/bin/python packaging/smoke_install.py $(BUNDLE)/workbench --window 3

# A Debian package of the bundle (dpkg-deb), and the same smoke test run from its unpacked files.
DEB = dist/analyst-workbench_$(VERSION)_$(shell dpkg --print-architecture 2>/dev/null || echo all).deb
deb:
	@test -x $(BUNDLE)/workbench || { echo "no bundle at $(BUNDLE): run make bundle first"; exit 1; }
	packaging/make_deb.sh $(BUNDLE) $(VERSION) dist

check-deb: qt-runtime
	@test -f $(DEB) || { echo "no package at $(DEB): run make deb first"; exit 1; }
	rm -rf build/deb-root && dpkg-deb -x $(DEB) build/deb-root
	$(BUNDLE_VENV)/bin/python packaging/smoke_install.py build/deb-root/opt/analyst-workbench/workbench --window 3

# The launcher, the *.wbproj file type and the icon for the current user (~/.local/share).
install-desktop: $(STAMP)
	$(VENV)/bin/workbench install-desktop

# The icon's PNG sizes, rendered from its SVG (resources/icons/hicolor/scalable/apps/).
icons: qt-runtime
	QT_QPA_PLATFORM=offscreen $(PY) packaging/make_icons.py

clean:
	rm -rf $(VENV) build dist *.egg-info
