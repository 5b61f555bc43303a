"""The words of each index segment by field, for fuzzy search: read from Whoosh's term index
once and kept beside the segment.

A fuzzy word (`Khamenie~`) is compared with every word of each field it searches, in every
segment. Whoosh hands those words out one at a time from its term index, in Python: the first
fuzzy search of a session read some 140,000 of them before comparing any (360 ms of CPU at
100,000 articles; 25 ms with the words read from the files below). Segments never change once
written, so each segment's words of a field are saved beside it (`<segment>.<field>.wbwords`,
UTF-8, one word a line, sorted as Whoosh sorts them; Whoosh removes the file with its segment
when segments merge) and read back in one piece by the next session. A rebuild writes those of
the fields a plain search looks in (`schema.DEFAULT_FIELDS`); a drained edit's small segment
gets its own on its first fuzzy search. A word holding a line break, a file that cannot be read
or written, or an index in memory only costs speed: the words are then read from the term index
as before.
"""

from __future__ import annotations

import contextlib
import os
import threading
import weakref
from bisect import bisect_left
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from workbench.search.whoosh_reading import segment_folder

SUFFIX = ".wbwords"
_HEADER = "WBw1\n"  # the file's first line: its format
_kept: weakref.WeakKeyDictionary[Any, dict[str, list[str]]] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def words_beginning(reader: Any, fieldname: str, prefix: str) -> list[str]:
    """The segment's words of the field that begin with `prefix`, in Whoosh's order."""
    words = field_words(reader, fieldname)
    if not prefix:
        return words
    low = bisect_left(words, prefix)
    last = ord(prefix[-1])
    if last == 0x10FFFF:
        high = low
        while high < len(words) and words[high].startswith(prefix):
            high += 1
    else:  # code point order: the words with the prefix come before its successor
        high = bisect_left(words, prefix[:-1] + chr(last + 1), low)
    return words[low:high]


def field_words(reader: Any, fieldname: str) -> list[str]:
    """Every word of the field in one segment (its reader), sorted: kept in memory for the
    reader's life, read from the file beside the segment, else from the term index (and saved)."""
    with _lock:
        held = _kept.setdefault(reader, {})
        found = held.get(fieldname)
    if found is None:
        path = _path(reader, fieldname)
        found = _load(path) if path is not None else None
        if found is None:
            found = _from_term_index(reader, fieldname)
            if path is not None:
                _save(path, found)
        with _lock:
            held[fieldname] = found
    return found


def prepare_folder(index: Any, fieldnames: Iterable[str]) -> None:
    """Save the words of the fields for each segment of a freshly built index."""
    names = list(fieldnames)
    with index.reader() as reader:
        for leaf, _ in reader.leaf_readers():
            for name in names:
                if name in leaf.schema:
                    field_words(leaf, name)


def _path(reader: Any, fieldname: str) -> Path | None:
    folder = segment_folder(reader)
    segment = reader.segment() if hasattr(reader, "segment") else None
    if folder is None or segment is None:
        return None
    return folder / f"{segment.segment_id()}.{fieldname}{SUFFIX}"


def _from_term_index(reader: Any, fieldname: str) -> list[str]:
    field = reader.schema[fieldname]
    return [field.from_bytes(word) for word in reader.expand_prefix(fieldname, "")]


def _load(path: Path) -> list[str] | None:
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if not text.startswith(_HEADER) or not text.endswith("\n"):
        return None  # not ours, or cut short
    body = text[len(_HEADER) : -1]
    return body.split("\n") if body else []


def _save(path: Path, words: list[str]) -> None:
    """Write the words beside the segment, whole or not at all."""
    if not all(isinstance(word, str) and word and "\n" not in word for word in words):
        return  # not one word a line
    partial = path.with_name(path.name + ".partial")
    with contextlib.suppress(OSError):
        partial.write_bytes((_HEADER + "".join(word + "\n" for word in words)).encode("utf-8"))
        os.replace(partial, path)
