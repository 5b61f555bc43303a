"""The Whoosh private names we rely on exist in the installed release, and are used nowhere else
than in the two modules that hold them (whoosh_internals: writing and the codec; whoosh_reading)."""

from __future__ import annotations

import ast
import importlib
import inspect
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
import whoosh.codec.whoosh3 as whoosh3
import whoosh.system
from whoosh import formats
from whoosh.fields import TEXT, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import StructFile
from whoosh.query import NumericRange
from whoosh.scoring import BM25F, BM25FScorer
from whoosh.writing import SegmentWriter

from workbench.search import whoosh_internals, whoosh_reading

SEARCH = Path(whoosh_internals.__file__).parent
INTERNALS = {Path(str(module.__file__)).name for module in (whoosh_internals, whoosh_reading)}
PRIVATE_NAMES: dict[str, tuple[str, ...]] = {
    owner: whoosh_internals.PRIVATE_NAMES.get(owner, ())
    + whoosh_reading.PRIVATE_NAMES.get(owner, ())
    for owner in {**whoosh_internals.PRIVATE_NAMES, **whoosh_reading.PRIVATE_NAMES}
}


def _probes(folder: Path) -> dict[str, Callable[[], Any]]:
    """One live Whoosh object per entry of PRIVATE_NAMES, from a tiny index of Whoosh's own."""
    index = FileStorage(str(folder)).create().create_index(Schema(text=TEXT))
    writer = index.writer()
    for _ in range(3):
        writer.add_document(text="the same words again")
    writer.commit()
    reader = index.reader()

    def leaf_matcher() -> Any:
        matcher = reader.postings("text", b"same")
        return getattr(matcher, "child", matcher)

    def postings_writer() -> Any:
        posting_writer = whoosh3.W3Codec().postings_writer(StructFile(BytesIO()))
        posting_writer.start_postings(formats.Positions(), whoosh3.W3TermInfo())
        return posting_writer

    def open_writer() -> Any:
        opened = index.writer()
        opened.cancel()
        return opened

    return {
        "whoosh.codec.whoosh3": lambda: whoosh3,
        "whoosh.system": lambda: whoosh.system,
        "W3Codec": whoosh3.W3Codec,
        "W3PostingsWriter": postings_writer,
        "W3LeafMatcher": leaf_matcher,
        "SegmentWriter": open_writer,
        "W3FieldWriter": lambda: open_writer().fieldwriter,
        "SegmentReader": lambda: reader,
        "W3TermsReader": lambda: reader._terms,
        "W3PerDocReader": lambda: reader._perdoc,
        "NumericColumn.Reader": lambda: reader._perdoc._cached_reader(
            whoosh3._lenfield("text"), whoosh3.LENGTHS_COLUMN
        ),
        "BM25F": BM25F,
        "BM25FScorer": lambda: BM25FScorer,
        "NumericRange": lambda: NumericRange,
    }


def missing_private_names(probes: dict[str, Callable[[], Any]]) -> list[str]:
    """`Owner.name` for each private name of PRIVATE_NAMES the installed Whoosh lacks."""
    missing = []
    for owner, names in PRIVATE_NAMES.items():
        if owner == "SegmentWriter.__init__ keyword":
            keywords = inspect.signature(SegmentWriter.__init__).parameters
            missing += [f"{owner} {name}" for name in names if name not in keywords]
            continue
        found = probes[owner]()
        missing += [f"{owner}.{name}" for name in names if not hasattr(found, name)]
    return missing


def test_every_private_name_exists(tmp_path: Path) -> None:
    """Each private Whoosh name whoosh_internals relies on is in the installed release."""
    missing = missing_private_names(_probes(tmp_path))
    version = ".".join(map(str, whoosh.versionstring().split(".")))
    assert not missing, (
        f"whoosh {version} renamed or removed {', '.join(missing)}; workbench/search/"
        f"{' and '.join(sorted(INTERNALS))} rely on them (pinned to whoosh-reloaded 2.7.x in"
        " pyproject.toml)"
    )


def test_a_removed_name_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If a release drops `_write_block` or `_finalize_segment`, the contract names both."""
    probes = _probes(tmp_path)
    monkeypatch.delattr(whoosh3.W3PostingsWriter, "_write_block")
    monkeypatch.delattr(SegmentWriter, "_finalize_segment")
    missing = missing_private_names(probes)
    assert missing == ["W3PostingsWriter._write_block", "SegmentWriter._finalize_segment"]


def test_every_owner_has_a_probe(tmp_path: Path) -> None:
    """No entry of PRIVATE_NAMES goes unchecked."""
    unchecked = set(PRIVATE_NAMES) - set(_probes(tmp_path)) - {"SegmentWriter.__init__ keyword"}
    assert not unchecked


def _own_names() -> set[str]:
    """Private names our search package defines itself (methods, attributes it assigns)."""
    own: set[str] = set()
    for path in SEARCH.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.ClassDef):
                own.add(node.name)
            targets = node.targets if isinstance(node, ast.Assign) else []
            if isinstance(node, ast.AnnAssign):
                targets = [node.target]
            own.update(
                name.attr
                for target in targets
                for name in ast.walk(target)
                if isinstance(name, ast.Attribute)
            )
    return own


def _derives_from_whoosh(module: str, name: str) -> bool:
    found = getattr(importlib.import_module(f"workbench.search.{module}"), name, None)
    bases = inspect.getmro(found)[1:] if inspect.isclass(found) else ()
    return any(base.__module__.startswith("whoosh") for base in bases)


def _private_uses(path: Path, own: set[str]) -> list[str]:
    """Whoosh's private names a module touches: imported, or used as attributes."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("whoosh"):
            found += [f"import {a.name}" for a in node.names if a.name.startswith("_")]
        if isinstance(node, ast.ClassDef) and _derives_from_whoosh(path.stem, node.name):
            mine = _defined_in(node)
            found += [
                f"{node.name}: self.{item.attr}"
                for item in ast.walk(node)
                if isinstance(item, ast.Attribute)
                and _on_self(item)
                and _private(item.attr)
                and item.attr not in mine
            ]
        if _foreign_private(node, own):
            found.append(f".{node.attr}")  # type: ignore[attr-defined]
    return [f"{path.name}: {use}" for use in found]


WHOOSH_PRIVATE = {name for names in PRIVATE_NAMES.values() for name in names}


def _foreign_private(node: ast.AST, own: set[str]) -> bool:
    """`other._x` where `_x` is Whoosh's (or defined nowhere in our search package)."""
    if not isinstance(node, ast.Attribute) or _on_self(node) or not _private(node.attr):
        return False
    return node.attr in WHOOSH_PRIVATE or node.attr not in own


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _on_self(node: ast.Attribute) -> bool:
    return isinstance(node.value, ast.Name) and node.value.id in {"self", "cls"}


def _defined_in(node: ast.ClassDef) -> set[str]:
    """Methods a class defines and attributes it assigns on self."""
    mine = {item.name for item in node.body if isinstance(item, ast.FunctionDef)}
    for item in ast.walk(node):
        targets = item.targets if isinstance(item, ast.Assign) else []
        if isinstance(item, ast.AnnAssign):
            targets = [item.target]
        for target in targets:
            mine.update(n.attr for n in ast.walk(target) if isinstance(n, ast.Attribute))
            mine.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
    return mine


def test_private_names_only_in_whoosh_internals() -> None:
    """Outside whoosh_internals and whoosh_reading, the search package uses no private name
    of Whoosh's."""
    own = _own_names()
    uses = [
        use
        for path in sorted(SEARCH.glob("*.py"))
        if path.name not in INTERNALS
        for use in _private_uses(path, own)
    ]
    assert not uses, f"private names used outside {INTERNALS}: {uses}"
