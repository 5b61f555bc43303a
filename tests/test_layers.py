"""The layer rules of DESIGN.md, checked on the source: who may import whom."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "workbench"

# A layer may import only the layers listed for it (and itself); ui and cli sit on top.
ALLOWED = {
    "domain": set(),
    "store": {"domain"},
    "ingest": {"domain"},
    "search": {"domain", "store"},
    "assist": {"domain"},
    "analysis": {"domain"},
    "reports": {"domain"},
    "bench": {"domain", "store", "ingest", "search", "assist", "analysis", "reports", "services"},
    "services": {"domain", "store", "ingest", "search", "assist", "analysis", "reports"},
    "commands": {
        "domain",
        "store",
        "ingest",
        "search",
        "assist",
        "analysis",
        "reports",
        "services",
    },
}
# below every layer: the package files, and whether a file is an SQLite database (plain sqlite3)
SHARED_MODULES = {"resources", "sqlite_files", "__init__", "__version__"}


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _layer(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names.extend(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _workbench_layer(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if parts[0] == "workbench" and len(parts) > 1 else None


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_qt_widgets_only_under_ui(path: Path) -> None:
    """Nothing outside workbench/ui/ imports PySide6.QtWidgets."""
    if _layer(path) == "ui":
        return
    offending = [name for name in _imports(path) if name.startswith("PySide6.QtWidgets")]
    assert not offending, f"{path.name} imports Qt widgets outside workbench/ui/"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_layers_import_only_lower_layers(path: Path) -> None:
    """Each layer imports only the layers below it (domain imports no other layer)."""
    layer = _layer(path)
    if layer not in ALLOWED:
        return
    allowed = ALLOWED[layer] | {layer} | SHARED_MODULES
    wrong = {
        name
        for name in _imports(path)
        if (target := _workbench_layer(name)) is not None and target not in allowed
    }
    assert not wrong, f"{path.relative_to(PACKAGE)} ({layer}) imports {sorted(wrong)}"


def test_domain_does_no_io() -> None:
    """The domain layer opens no files, sockets or processes."""
    banned = {"os", "socket", "subprocess", "shutil", "pathlib", "sqlite3"}
    for path in (PACKAGE / "domain").glob("*.py"):
        imported = {name.split(".")[0] for name in _imports(path)}
        assert not imported & banned, f"{path.name} imports {sorted(imported & banned)}"


def test_no_sql_in_widgets() -> None:
    """Widgets call services: no module under workbench/ui/ imports SQLAlchemy or sqlite3."""
    for path in (PACKAGE / "ui").rglob("*.py"):
        imported = {name.split(".")[0] for name in _imports(path)}
        assert not imported & {"sqlalchemy", "sqlite3"}, f"{path.name} runs SQL"
