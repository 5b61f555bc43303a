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
SHAPES_KEPT = 256
Place = tuple[str | None, int, Any]  # where an expanded statement's argument comes from
_EXPANDED: dict[tuple[int, tuple[tuple[str, int], ...]], tuple[SQLCompiler, str, list[Place]]] = {}


def plain_rows(connection: Connection, query: Select, **values: Any) -> list[tuple[Any, ...]]:
    """Every row of `query`, its parameters given by name, as tuples of converted values."""
    _query, compiled, converters = _prepared(connection.dialect, query)
    statement, arguments = _expanded(compiled, values)
    cursor = connection.connection.cursor()
    try:
        cursor.execute(statement, arguments)
        found = list(cursor.fetchall())
    finally:
        cursor.close()
    if not converters:
        return found
    return [_converted(row, converters) for row in found]


def _expanded(compiled: SQLCompiler, values: dict[str, Any]) -> tuple[str, Any]:
    """The statement with its lists expanded, and its arguments. The expanded text depends only
    on how long each list is, so it is made once per shape (SQLAlchemy's own expansion, of
    stand-ins that say where each value goes) and reused, positional dialects only."""
    if not compiled.positional or not values or compiled.literal_execute_params:
        state = compiled.construct_expanded_state(values or None)
        arguments = state.positional_parameters if compiled.positional else state.parameters
        return state.statement, arguments
    shape = tuple(
        (name, len(value) if isinstance(value, list | tuple) else -1)
        for name, value in sorted(values.items())
    )
    key = (id(compiled), shape)
    found = _EXPANDED.get(key)
    if found is None or found[0] is not compiled:
        if len(_EXPANDED) >= SHAPES_KEPT:  # batches of many sizes: start afresh
            _EXPANDED.clear()
        found = _EXPANDED[key] = (compiled, *_expansion(compiled, values))
    _compiled, statement, places = found
    return statement, [
        constant if name is None else values[name] if at < 0 else values[name][at]
        for name, at, constant in places
    ]


def _expansion(compiled: SQLCompiler, values: dict[str, Any]) -> tuple[str, list[Place]]:
    """The expanded statement for values of this shape, and where each of its arguments comes
    from: (parameter, index in its list or -1, None), or (None, -1, the query's own value)."""
    stand_ins: dict[int, tuple[object, Place]] = {}

    def stand_in(name: str, at: int) -> object:
        marker = object()
        stand_ins[id(marker)] = (marker, (name, at, None))
        return marker

    made: dict[str, Any] = {}
    for name, value in values.items():
        if isinstance(value, list | tuple):
            made[name] = [stand_in(name, at) for at in range(len(value))]
        else:
            made[name] = stand_in(name, -1)
    state = compiled.construct_expanded_state(made)
    places: list[Place] = []
    for argument in state.positional_parameters:
        marker, place = stand_ins.get(id(argument), (None, None))
        places.append(place if marker is argument and place else (None, -1, argument))
    return state.statement, places


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
