"""Reading a W3C Web Annotation JSON-LD file as a stream, one record or annotation at a time.

`parts(binary_file)` yields `(kind, node)` in file order: "article", "source", "actor" and
"event" for our `wb:` records, "item" for each annotation (of a collection's pages, of a page,
of a top-level list, or a lone top-level annotation), and last "top" with the small top-level
fields (type, label, creator…). Only one record is held at a time, so a file of any size can be
read; there is no limit on the file's size, only on nesting (`MAX_DEPTH`), which no annotation
needs and which would otherwise exhaust the reader (a 10⁵-deep list in a hostile file).
Parsing is ijson's (its C backend where installed).
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
    """The file's records and annotations, one at a time (see the module's doc)."""
    top: dict[str, Any] = {}
    path: list[str] = []  # "item" for an array, the current key for an object
    builder: ijson.ObjectBuilder | None = None
    kind = ""
    built_at = 0
    try:
        # basic_parse: ijson's own prefixes cost time quadratic in the nesting depth.
        for event, value in ijson.basic_parse(source, use_float=True):
            if event == "map_key":
                path[-1] = value
            prefix = "" if builder is not None else ".".join(path)
            if event in STARTS:
                path.append("item" if event == "start_array" else "")
                if len(path) > MAX_DEPTH:
                    raise ExchangeFormatError(
                        f"the file nests lists and objects more than {MAX_DEPTH} levels deep; "
                        "no annotation needs that many"
                    )
            elif event in ENDS:
                path.pop()
            if builder is not None:
                builder.event(event, value)
                if len(path) == built_at and event in ENDS:
                    yield from _finished(kind, builder.value, top)
                    builder = None
                continue
            kind = _kind(prefix, event, len(path))
            if not kind:
                continue
            if event in STARTS:
                builder, built_at = ijson.ObjectBuilder(), len(path) - 1
                builder.event(event, value)
            else:
                yield from _finished(kind, value, top)
    except ijson.JSONError as error:
        raise ExchangeFormatError(f"this is not valid JSON ({_reason(error)})") from None
    yield "top", top


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
