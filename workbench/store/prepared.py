"""Statements compiled once per database and run on the driver's own cursor: the hot reads
the window repeats (a list's first page and total, the claim picker's look-up per keystroke).

The SQL of such a read costs a tenth of a millisecond; handing the statement to SQLAlchemy's
`Connection.execute` adds about 0.2 ms of Python to each (the statement's cache key computed and
looked up in the compiled cache, the result's metadata, every row through the result machinery).
Here a statement is compiled once for the database's dialect (its SQL text, the order of its
parameters, each parameter's type processor, as SQLAlchemy applies them) and kept under a key
naming what determines it; a run passes the driver that SQL and the parameters, with any named
values given for this run in place of the compiled ones, and returns the driver's plain tuples.

Only SQL text is kept, never a result: every run reads the database, so nothing read can be
stale. Dialect differences stay in the compiler (the statement is compiled for the dialect).
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Engine
from sqlalchemy.engine import Dialect
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler

KEPT_PER_DATABASE = 256  # statements kept per dialect, the least recently used dropped first
Made = TypeVar("Made")


@dataclass(frozen=True)
class Prepared:
    """A statement's SQL as the driver takes it, with its parameters' order and defaults."""

    sql: str
    names: tuple[str, ...] | None  # in the SQL's order (positional drivers); None: by name
    defaults: Mapping[str, Any]  # each parameter's compiled value, already processed
    processors: Mapping[str, Callable[[Any], Any]]
    named: frozenset[str]  # the parameters named by the statement's maker (`bindparam("x")`)

    def parameters(self, values: Mapping[str, Any] | None = None) -> Any:
        """The driver's parameters: the compiled values, `values` (by name) in their place.
        Every named parameter must be given at each run, so that none keeps the value of the
        run that compiled it; values the statement has no parameter for are left unused (a
        page and its count share one set)."""
        values = values or {}
        missing = self.named - values.keys()
        if missing:
            raise KeyError(f"no value given for the statement's parameters {sorted(missing)}")
        given = dict(self.defaults)
        for name, value in values.items():
            if name in given:
                process = self.processors.get(name)
                given[name] = process(value) if process is not None else value
        if self.names is None:
            return given
        return tuple(given[name] for name in self.names)


def prepare(statement: ClauseElement, dialect: Dialect) -> Prepared:
    """Compile `statement` once for `dialect` (lists of values in `IN` rendered in place)."""
    compiled = statement.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
    if not isinstance(compiled, SQLCompiler):
        raise TypeError(f"only SQL statements are prepared; not {type(statement).__name__}")
    # Parameters by the names the driver sees (a dialect may escape some characters of one).
    driver_names = {name: compiled.escaped_bind_names.get(name, name) for name in compiled.binds}
    processors: dict[str, Callable[[Any], Any]] = {}
    for name, bind in compiled.binds.items():
        process = bind.type.bind_processor(dialect)
        if process is not None:
            processors[driver_names[name]] = process
    defaults = {
        name: processors[name](value) if name in processors else value
        for name, value in (compiled.construct_params() or {}).items()
    }
    names = tuple(compiled.positiontup) if compiled.positiontup is not None else None
    named = frozenset(
        driver_names[name] for name, bind in compiled.binds.items() if not bind.unique
    )
    return Prepared(str(compiled), names, defaults, processors, named)


class _Kept:
    """Prepared statements per dialect, bounded (least recently used dropped first)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_dialect: weakref.WeakKeyDictionary[Dialect, OrderedDict[Hashable, Any]] = (
            weakref.WeakKeyDictionary()
        )

    def get(self, dialect: Dialect, key: Hashable, make: Callable[[], Made]) -> Made:
        with self._lock:
            kept = self._by_dialect.setdefault(dialect, OrderedDict())
            if key in kept:
                kept.move_to_end(key)
                return kept[key]
        made = make()
        with self._lock:
            kept[key] = made
            while len(kept) > KEPT_PER_DATABASE:
                kept.popitem(last=False)
        return made


_KEPT = _Kept()


def kept(dialect: Dialect, key: Hashable, make: Callable[[], Made]) -> Made:
    """What `make` prepares for `dialect` under `key` (a hashable naming everything the
    statements depend on), made at the first call and kept for the next ones."""
    return _KEPT.get(dialect, key, make)


class Reader:
    """Prepared statements run on one of the engine's pooled driver connections."""

    def __init__(self, connection: Any) -> None:
        self._connection = connection

    def rows(self, prepared: Prepared, values: Mapping[str, Any] | None = None) -> list[Any]:
        """Every row the statement reads, as the driver's tuples."""
        cursor = self._connection.cursor()
        try:
            cursor.execute(prepared.sql, prepared.parameters(values))
            return list(cursor.fetchall())
        finally:
            cursor.close()


@contextmanager
def reading(engine: Engine) -> Iterator[Reader]:
    """A driver connection from the engine's pool for a few reads, given back after them."""
    connection = engine.raw_connection()
    try:
        yield Reader(connection)
    finally:
        connection.close()
