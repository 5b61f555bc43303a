"""Rows of a Core query as plain tuples, for reads of tens of thousands of rows (exports).

A query is written once (a module constant) with its lists as expanding parameters
(`bindparam("ids", expanding=True)`), compiled once per dialect, and expanded for each call by
SQLAlchemy (`construct_expanded_state`); each column is converted by its type's own result
processor (`TypeEngine.result_processor`: dates, booleans, JSON), as a Result would. Only the
Row object per row is left out: rows are read straight from the DBAPI cursor of the same
connection, so in the same transaction. The SQL stays SQLAlchemy's, portable.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Select
from sqlalchemy.engine.interfaces import Dialect
from sqlalchemy.sql.compiler import SQLCompiler

Processor = Callable[[Any], Any]
Prepared = tuple[Select, SQLCompiler, list[tuple[int, Processor]]]
_PREPARED: dict[tuple[int, str], Prepared] = {}


def plain_rows(connection: Connection, query: Select, **values: Any) -> list[tuple[Any, ...]]:
    """Every row of `query`, its parameters given by name, as tuples of converted values."""
    _query, compiled, converters = _prepared(connection.dialect, query)
    state = compiled.construct_expanded_state(values or None)
    arguments = state.positional_parameters if compiled.positional else state.parameters
    cursor = connection.connection.cursor()
    try:
        cursor.execute(state.statement, arguments)
        found = list(cursor.fetchall())
    finally:
        cursor.close()
    if not converters:
        return found
    return [_converted(row, converters) for row in found]


def _prepared(dialect: Dialect, query: Select) -> Prepared:
    key = (id(query), dialect.name)
    prepared = _PREPARED.get(key)
    if prepared is None or prepared[0] is not query:
        compiled = query.compile(dialect=dialect)
        assert isinstance(compiled, SQLCompiler)
        prepared = _PREPARED[key] = (query, compiled, _converters(dialect, query))
    return prepared


def _converters(dialect: Dialect, query: Select) -> list[tuple[int, Processor]]:
    found: list[tuple[int, Processor]] = []
    for index, column in enumerate(query.selected_columns):
        processor = column.type.dialect_impl(dialect).result_processor(dialect, None)
        if processor is not None:
            found.append((index, processor))
    return found


def _converted(row: tuple[Any, ...], converters: list[tuple[int, Processor]]) -> tuple[Any, ...]:
    values = list(row)
    for index, processor in converters:
        values[index] = processor(values[index])
    return tuple(values)
