"""The report model's records as plain JSON values and back, for the formats whose own fields
cannot hold all of ours (STIX custom properties, FollowTheMoney's `summary` left aside): what
they carry beside their standard fields so that our own files come back losslessly.

`dumped(record)` gives a JSON object of every field (dates as ISO text, tuples as lists,
nested records as objects); `loaded(Type, value)` reads one back, checking each field's type,
and refuses a wrong one in one line (`ExchangeFormatError`).
"""

from __future__ import annotations

import dataclasses
import operator
import sys
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from functools import lru_cache
from typing import Any, TypeVar

from workbench.reports import model as rm
from workbench.reports.web_records import ExchangeFormatError

T = TypeVar("T")
Json = dict[str, Any]


def dumped(record: Any, *, leave_out: tuple[str, ...] = ()) -> Json:
    """Every field of a report-model record as JSON values, but those named in `leave_out`
    (the same as `_plain` gives field by field; a test holds the two equal)."""
    kind: Any = type(record)  # a class is hashable (mypy's Hashable disagrees about type[Any])
    return _dumper(kind, leave_out)(record)


@lru_cache(maxsize=64)
def _dumper(kind: Any, leave_out: tuple[str, ...]) -> Callable[[Any], Json]:
    """How to dump a record of `kind`, worked out once from its fields' types: the fields
    that are JSON as they are taken together, the others each converted by its type."""
    hints = typing.get_type_hints(kind, vars(sys.modules[kind.__module__]))
    names = tuple(item.name for item in dataclasses.fields(kind) if item.name not in leave_out)
    converted = tuple(
        (name, convert)
        for name in names
        if (convert := _converter(hints.get(name, Any))) is not None
    )
    if not names:
        return lambda record: {}
    values = operator.attrgetter(*names)
    if len(names) == 1:
        return lambda record: _converted({names[0]: values(record)}, converted)
    return lambda record: _converted(dict(zip(names, values(record), strict=True)), converted)


def _converted(made: Json, converted: tuple[tuple[str, Callable[[Any], Any]], ...]) -> Json:
    for name, convert in converted:
        made[name] = convert(made[name])
    return made


def _converter(hint: Any) -> Callable[[Any], Any] | None:
    """How a field of type `hint` becomes JSON (None: it is JSON as it is)."""
    if hint in _AS_THEY_ARE:
        return None
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (types.UnionType, typing.Union) and type(None) in args:
        if all(arg in _AS_THEY_ARE for arg in args):
            return None
        return _optional(_plain)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        if args[0] in _AS_THEY_ARE:
            return list
        if dataclasses.is_dataclass(args[0]):
            each = _dumper(args[0], ())  # type: ignore[arg-type]
            return lambda items: [each(item) for item in items]
    return _plain


def _optional(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else convert(value)


_AS_THEY_ARE = frozenset({str, int, float, bool, type(None)})


def _plain(value: object) -> Any:
    """Any value as JSON, by what it is (the reference `_dumper` is held to)."""
    kind = type(value)
    if kind in _AS_THEY_ARE:
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {item.name: _plain(getattr(value, item.name)) for item in dataclasses.fields(value)}
    return value


def loaded(kind: type[T], value: object, **given: Any) -> T:
    """A record of `kind` from `dumped` JSON; `given` fields are taken as they are."""
    if not isinstance(value, dict):
        raise ExchangeFormatError(f"a {kind.__name__.lower()} must be a JSON object")
    hints = typing.get_type_hints(kind, vars(rm))
    fields = {}
    for item in dataclasses.fields(kind):  # type: ignore[arg-type]
        if item.name in given:
            fields[item.name] = given[item.name]
        elif item.name in value:
            fields[item.name] = _typed(hints[item.name], value[item.name], item.name)
    try:
        return kind(**fields)
    except TypeError as error:
        raise ExchangeFormatError(f"a {kind.__name__.lower()} lacks a field ({error})") from None


def _typed(hint: Any, value: object, name: str) -> Any:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        if value is None and type(None) in args:
            return None
        return _typed(next(arg for arg in args if arg is not type(None)), value, name)
    if origin is tuple:
        if not isinstance(value, list):
            raise ExchangeFormatError(f"{name} must be a list")
        return tuple(_typed(args[0], item, name) for item in value)
    if dataclasses.is_dataclass(hint):
        return loaded(hint, value)  # type: ignore[arg-type]
    if hint in (datetime, date):
        try:
            return hint.fromisoformat(str(value))
        except ValueError:
            raise ExchangeFormatError(f"{name} is not a date: {value!r}") from None
    if hint is bool and isinstance(value, bool):
        return value
    if hint is int and isinstance(value, int) and not isinstance(value, bool):
        return value
    if hint is str and isinstance(value, str):
        return value
    raise ExchangeFormatError(f"{name} must be {getattr(hint, '__name__', hint)}, not {value!r}")
