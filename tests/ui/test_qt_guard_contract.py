"""Contract of ui/qt_guard.py with what it reaches into: CPython's object header and PySide6."""

from __future__ import annotations

import ctypes
import sys
import tomllib
from importlib.metadata import version
from pathlib import Path

from packaging.requirements import Requirement
from packaging.version import Version

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def _pinned(name: str) -> Requirement:
    dependencies = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["dependencies"]
    found = [Requirement(line) for line in dependencies if Requirement(line).name == name]
    assert found, f"{name} is not among the project's dependencies"
    return found[0]


def test_pyside6_is_a_version_the_guard_was_tested_with() -> None:
    """The installed PySide6 is inside the pinned range, and the range has an upper bound."""
    pin = _pinned("PySide6-Essentials")
    installed = version("PySide6-Essentials")
    assert any(spec.operator in ("<", "<=", "~=", "==") for spec in pin.specifier), (
        f"{pin} has no upper bound: ui/qt_guard.py works around a fault of one PySide6 series"
    )
    assert pin.specifier.contains(Version(installed)), (
        f"PySide6-Essentials {installed} is outside {pin.specifier}: run tests/ui/test_qt_guard.py "
        "on it, re-check the reference fault qt_guard.py works around, then widen the pin"
    )


def test_the_reference_count_is_where_the_guard_writes_it() -> None:
    """ctypes at id(obj) reads the object's reference count, the field protect_singletons raises."""
    probe = object()
    field = ctypes.c_ssize_t.from_address(id(probe))
    before = field.value
    assert before == sys.getrefcount(probe) - 1  # getrefcount holds one more while it looks
    extra = [probe, probe]
    assert field.value == before + len(extra), "CPython's object header moved the reference count"
