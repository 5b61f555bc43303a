"""The rows of an exchange import inserted as the database stores them, by one executemany.

SQLAlchemy's Core executemany processes every parameter of every row in Python (half a
million rows at 10,000 articles: about as long as SQLite takes to store them). Here each
table's INSERT is made once per set of columns, every value goes through its column type's
own bind processor (`TypeEngine.bind_processor`, as SQLAlchemy would convert it: datetimes,
booleans, JSON), a column the row leaves out gets its scalar default, and the driver receives
plain tuples. A row that leaves out a column whose default is computed (a name key, a time
stamp) goes through SQLAlchemy's own insert, which computes it. Only SQLite takes the plain
path; a shared store on PostgreSQL inserts through SQLAlchemy, as before.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from itertools import groupby
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import Connection, Table, insert

Row = dict[str, Any]


def insert_rows(connection: Connection, table: Table, rows: Sequence[Row]) -> None:
    """Insert `rows` (dicts by column name) into `table`, in their order."""
    if connection.dialect.name != "sqlite":
        connection.execute(insert(table), list(rows))
        return
    for columns, group in _runs(rows):
        plan = _plan(table, columns, connection.dialect)
        if plan is None:
            connection.execute(insert(table), list(group))
        else:
            connection.exec_driver_sql(plan.statement, [plan.values(row) for row in group])


class _Plan:
    """How rows with one set of columns become the driver's tuples."""

    def __init__(self, table: Table, columns: tuple[str, ...], dialect: Any) -> None:
        self.defaults = {
            column.name: cast(Any, column.default).arg
            for column in table.columns
            if column.name not in columns and column.default is not None
        }
        names = (*columns, *self.defaults)
        self.take = itemgetter(*names) if len(names) > 1 else lambda row: (row[names[0]],)
        processors = [
            table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names
        ]
        self.converted = [(i, convert) for i, convert in enumerate(processors) if convert]
        quoted = ", ".join(f'"{name}"' for name in names)
        marks = ", ".join("?" * len(names))
        self.statement = f'INSERT INTO "{table.name}" ({quoted}) VALUES ({marks})'

    def values(self, row: Row) -> tuple[Any, ...]:
        taken: tuple[Any, ...] = self.take({**self.defaults, **row} if self.defaults else row)
        if not self.converted:
            return taken
        values = list(taken)
        for i, convert in self.converted:
            values[i] = convert(values[i])
        return tuple(values)


@cache
def _plans(table: Table) -> dict[tuple[str, ...], _Plan | None]:
    return {}


def _plan(table: Table, columns: tuple[str, ...], dialect: Any) -> _Plan | None:
    """The plan for rows of `table` with these columns (None: a computed default is needed)."""
    plans = _plans(table)
    if columns not in plans:
        computed = [
            column.name
            for column in table.columns
            if column.name not in columns
            and column.default is not None
            and not column.default.is_scalar
        ]
        plans[columns] = None if computed else _Plan(table, columns, dialect)
    return plans[columns]


def _runs(rows: Sequence[Row]) -> Iterator[tuple[tuple[str, ...], list[Row]]]:
    """The rows in runs of one set of columns each, in order."""
    for columns, run in groupby(rows, key=_columns):
        yield columns, list(run)


def _columns(row: Row) -> tuple[str, ...]:
    return tuple(row)
