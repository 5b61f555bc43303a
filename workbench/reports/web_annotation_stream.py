"""Reading a W3C Web Annotation JSON-LD file as a stream, one record or annotation at a time.

The file is read twice. `parts(binary_file)` yields `(kind, node)` in file order: "article",
"source", "actor" and "event" for our `wb:` records, ("items", prefix) the first time annotations
turn up under a prefix (of a collection's pages, of a page, of a top-level list), and last
"top" with the small top-level fields (type, label, creator…); the annotations themselves are
only stepped over. `items(binary_file, prefixes)` then yields every annotation under those
prefixes, each built by ijson's C backend (where installed) rather than event by event in
Python, so the records are all known before the first annotation is read, whatever the key
order, with nothing put aside. Only one record or annotation is held at a time, so a file of any
size can be read; there is no limit on the file's size, only on nesting (`MAX_DEPTH`, checked in
the first reading), which no annotation needs and which would otherwise exhaust the reader (a
10⁵-deep list in a hostile file).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, BinaryIO

import ijson

from workbench.reports.web_records import ExchangeFormatError, types_of

MAX_DEPTH = 64
RECORDS = {
    "wb:articles.item": "article",
    "wb:sources.item": "source",
    "wb:actors.item": "actor",
    "wb:events.item": "event",
}
# The annotations of a collection's first page and the pages chained after it, of a page, or
# of a top-level list.
ITEMS = re.compile(r"^(?:first(?:\.next)*\.items|items)\.item$|^item$")
CONTAINERS = {"wb:articles", "wb:sources", "wb:actors", "wb:events", "first", "items"}
STARTS, ENDS = {"start_map", "start_array"}, {"end_map", "end_array"}


def parts(source: BinaryIO) -> Iterator[tuple[str, Any]]:
    """The file's records and where its annotations are (see the module's doc)."""
    top: dict[str, Any] = {}
    path: list[str] = []  # "item" for an array, the current key for an object
    builder: ijson.ObjectBuilder | None = None
    kind = ""
    built_at = 0
    found: set[str] = set()
    try:
        # basic_parse: ijson's own prefixes cost time quadratic in the nesting depth.
        events = ijson.basic_parse(source, use_float=True)
        for event, value in events:
            if event in STARTS:
                path.append("item" if event == "start_array" else "")
                if len(path) > MAX_DEPTH:
                    raise _too_deep()
            elif event in ENDS:
                path.pop()
            elif event == "map_key":
                path[-1] = value
            if builder is not None:
                builder.event(event, value)
                if len(path) == built_at and event in ENDS:
                    yield from _finished(kind, builder.value, top)
                    builder = None
                continue
            prefix = _prefix(path, event)
            kind = _kind(prefix, event, len(path))
            if kind == "item":
                if prefix not in found:
                    found.add(prefix)
                    yield "items", prefix
                if event in STARTS:  # read in the second pass: here only stepped over
                    _step_over(events, len(path))
                    path.pop()
            elif kind and event in STARTS:
                builder, built_at = ijson.ObjectBuilder(), len(path) - 1
                builder.event(event, value)
            elif kind:
                yield from _finished(kind, value, top)
    except ijson.JSONError as error:
        raise ExchangeFormatError(f"this is not valid JSON ({_reason(error)})") from None
    yield "top", top


def _step_over(events: Iterator[tuple[str, Any]], depth: int) -> None:
    """Consume the events of the value that began at `depth`, up to its end (nesting checked)."""
    level = depth
    for event, _value in events:
        if event in STARTS:
            level += 1
            if level > MAX_DEPTH:
                raise _too_deep()
        elif event in ENDS:
            level -= 1
            if level < depth:
                return


def _too_deep() -> ExchangeFormatError:
    return ExchangeFormatError(
        f"the file nests lists and objects more than {MAX_DEPTH} levels deep; "
        "no annotation needs that many"
    )


def items(source: BinaryIO, prefixes: list[str]) -> Iterator[Any]:
    """Every annotation under each prefix `parts` found, in file order (`source` at the start
    of the JSON, read anew for each prefix: a file has one, a chain of pages a few)."""
    start = source.tell()
    for prefix in prefixes:
        source.seek(start)
        try:
            yield from ijson.items(source, prefix, use_float=True)
        except ijson.JSONError as error:  # changed since the first reading
            raise ExchangeFormatError(f"this is not valid JSON ({_reason(error)})") from None


def _prefix(path: list[str], event: str) -> str:
    """Where the value starting at this event lies, as ijson names it ("first.items.item")."""
    if event in STARTS:
        return ".".join(path[:-1])
    return ".".join(path)


def _kind(prefix: str, event: str, depth: int) -> str:
    """What the value starting at this event is: a record, an annotation, a top-level field."""
    if event == "map_key" or (event in ENDS):
        return ""
    if prefix in RECORDS:
        return RECORDS[prefix]
    if ITEMS.match(prefix):
        return "item"
    is_top_field = bool(prefix) and "." not in prefix and depth == (2 if event in STARTS else 1)
    if is_top_field and not (prefix in CONTAINERS and event in STARTS):
        return f"top:{prefix}"
    return ""


def _finished(kind: str, value: Any, top: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    if kind.startswith("top:"):
        top[kind[4:]] = value
        return
    yield kind, value


def lone_annotation(top: dict[str, Any]) -> bool:
    """Whether the file's top level is itself one annotation (not a collection or a page)."""
    return "Annotation" in types_of(top)


def check_kind(top: dict[str, Any], items: int) -> None:
    """Refuse a file that is no Web Annotation collection, page, annotation or list of them."""
    kinds = types_of(top)
    if items or kinds & {"AnnotationCollection", "AnnotationPage", "Annotation"}:
        return
    raise ExchangeFormatError(
        "this is not a W3C Web Annotation file (no AnnotationCollection, page or annotation)"
    )


def _reason(error: Exception) -> str:
    text = " ".join(str(error).split())
    return text[:160] or type(error).__name__
