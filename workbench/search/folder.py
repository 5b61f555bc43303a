"""The index folder beside the project (`<project>.index/`): where it is, whether it is usable.

The folder is a cache: when it is missing, made by another version or damaged, the caller
rebuilds it from the database. A rebuild is written to `<project>.index.building/` and swapped
in only when complete, so a crash mid-build never leaves a half-built index in use.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

from platformdirs import user_cache_dir
from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import StructFile
from whoosh.index import Index

from workbench.search.schema import SCHEMA_VERSION, build_schema
from workbench.search.storage import IndexStorage
from workbench.store import ProjectStore
from workbench.store.index_home import index_home

META_FILE = "workbench-search.json"
# The folder this workstation keeps shared stores' indexes in, instead of the user's cache.
SHARED_INDEXES_VARIABLE = "WORKBENCH_SHARED_INDEXES"
INDEX_NAME = "MAIN"


class IndexUnusable(Exception):
    """The index folder cannot be used as it is; the message says why, for the analyst.

    `kind` is "missing", "version" (made by another version) or "damaged".
    """

    def __init__(self, message: str, kind: str = "damaged") -> None:
        super().__init__(message)
        self.kind = kind


def index_location(store: ProjectStore) -> Path:
    """`<project>.index` beside a project file (the same for each name of one file, see
    `store/index_home.py`); a per-URL folder in the cache for a server."""
    if store.path is not None:
        return index_home(store.path, record=not store.read_only)
    digest = hashlib.sha256(store.location.encode("utf-8")).hexdigest()[:16]
    chosen = os.environ.get(SHARED_INDEXES_VARIABLE)
    home = Path(chosen) if chosen else Path(user_cache_dir("analyst-workbench")) / "indexes"
    return home / digest


def building_location(location: Path) -> Path:
    return location.with_name(location.name + ".building")


def _retired_location(location: Path) -> Path:
    return location.with_name(location.name + ".old")


def open_folder(location: Path) -> Index:
    """Open a complete index of this version, or raise IndexUnusable saying what is wrong."""
    if not location.is_dir():
        raise IndexUnusable("the search index is missing", "missing")
    try:
        meta = json.loads((location / META_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise IndexUnusable("the search index is incomplete or damaged") from None
    if meta.get("schema_version") != SCHEMA_VERSION:
        raise IndexUnusable(
            "the search index was made by another version of the workbench", "version"
        )
    _check_readable(location)
    return open_storage(location).open_index(INDEX_NAME)


def _check_readable(location: Path) -> None:
    """Read the index once; whatever files that opened are closed, even when it fails half-way."""
    storage = _ClosingStorage(str(location), supports_mmap=False)
    try:
        with storage.open_index(INDEX_NAME).reader() as reader:
            reader.doc_count()
            next(iter(reader.lexicon("key")), None)
    except Exception as error:  # Whoosh reports damage in many forms
        raise IndexUnusable(f"the search index is damaged ({type(error).__name__})") from None
    finally:
        storage.close_opened()


class _ClosingStorage(FileStorage):
    """File storage that remembers the files it opened, so a half-built reader leaks none."""

    def __init__(self, path: str, supports_mmap: bool) -> None:
        super().__init__(path, supports_mmap=supports_mmap)
        self._opened: list[StructFile] = []

    def open_file(self, name: str, **kwargs: object) -> StructFile:
        opened = super().open_file(name, **kwargs)
        self._opened.append(opened)
        return opened

    def close_opened(self) -> None:
        for opened in self._opened:
            if not opened.is_closed:
                opened.close()
        self._opened.clear()


def open_storage(location: Path) -> IndexStorage:
    """The folder's files, read with ordinary reads: memory-mapping the segments would make
    every page the searcher touches count as resident memory (1.5 GB at 100,000 articles)."""
    return IndexStorage(location)


def create_folder(location: Path) -> Index:
    """A new, empty index in an empty folder (whatever was there is removed)."""
    if location.exists():
        shutil.rmtree(location)
    location.mkdir(parents=True)
    return whoosh_index.create_in(str(location), build_schema(), indexname=INDEX_NAME)


def mark_complete(location: Path) -> None:
    """Write the marker that says this folder holds a complete index of this version."""
    meta = {"schema_version": SCHEMA_VERSION}
    partial = location / (META_FILE + ".partial")
    partial.write_text(json.dumps(meta), encoding="utf-8")
    partial.replace(location / META_FILE)


def swap_in(building: Path, location: Path) -> None:
    """Put a completed build in place of the current index folder."""
    retired = _retired_location(location)
    if retired.exists():
        shutil.rmtree(retired)
    if location.exists():
        location.rename(retired)
    building.rename(location)
    shutil.rmtree(retired, ignore_errors=True)


def clear_leftovers(location: Path) -> None:
    """Remove what an interrupted rebuild or swap left beside the index."""
    for leftover in (building_location(location), _retired_location(location)):
        if leftover.exists():
            shutil.rmtree(leftover, ignore_errors=True)
