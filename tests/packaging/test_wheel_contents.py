"""What the wheel carries: every resource the code loads, the Alembic scripts, honest metadata."""

from __future__ import annotations

import ast
import email
import zipfile
from importlib import resources
from pathlib import Path

from workbench.resources import (
    MIGRATIONS_PACKAGE,
    RESOURCES_PACKAGE,
    migration_scripts,
    resource,
    resources_dir,
)

CHECKOUT = Path(__file__).resolve().parents[2]
DATA_FOLDERS = {"resources": "workbench/_resources", "db": "workbench/_migrations"}


def resources_the_code_names() -> set[tuple[str, ...]]:
    """Every `resource("a", "b")` call with literal names in the package's code."""
    named = set()
    for module in (CHECKOUT / "workbench").rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "resource"
                and node.args
                and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args)
            ):
                named.add(tuple(a.value for a in node.args))  # type: ignore[attr-defined]
    return named


def test_every_resource_the_code_loads_is_in_the_wheel(wheel_files: set[str]) -> None:
    """Each resource named in the code is inside the wheel, and readable where it is installed."""
    named = resources_the_code_names()
    assert {("sample", "sample.json"), ("reports", "report.css")} <= named
    for parts in named:
        inside = "/".join(("workbench/_resources", *parts))
        assert any(path == inside or path.startswith(inside + "/") for path in wheel_files), parts
        assert resource(*parts).exists(), parts


def test_every_file_of_resources_and_db_is_in_the_wheel(wheel_files: set[str]) -> None:
    """Nothing in resources/ or db/ is left out of the wheel (icons, templates, revisions)."""
    for folder, package in DATA_FOLDERS.items():
        files = [
            path
            for path in (CHECKOUT / folder).rglob("*")
            if path.is_file() and "__pycache__" not in path.parts
        ]
        assert files
        for path in files:
            inside = f"{package}/{path.relative_to(CHECKOUT / folder).as_posix()}"
            assert inside in wheel_files, f"{path.relative_to(CHECKOUT)} is not in the wheel"


def test_data_is_found_through_importlib_resources() -> None:
    """The resources and the migrations are the packages' own files, not a path guessed from
    where the source happens to be."""
    assert resources_dir() == resources.files(RESOURCES_PACKAGE)
    assert migration_scripts() == resources.files(MIGRATIONS_PACKAGE)
    assert (migration_scripts() / "env.py").is_file()


def test_metadata_names_the_licence_and_bounds_every_dependency(wheel: Path) -> None:
    """The wheel says Apache-2.0 in SPDX form, and each dependency has an upper bound."""
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        meta = email.message_from_bytes(archive.read(name))
    assert meta["License-Expression"] == "Apache-2.0"
    assert "Proprietary" not in str(meta)
    requirements = [r for r in meta.get_all("Requires-Dist") or [] if "extra ==" not in r]
    assert len(requirements) >= 20
    unbounded = [r for r in requirements if "<" not in r]
    assert not unbounded, f"no upper bound: {unbounded}"
