"""A zip archive of very many members (REFI-QDA's one text file per article) whose index of
members is kept compactly until the archive writes its central directory.

Python's `zipfile` keeps a ZipInfo per member, in `ZipFile.filelist` and by name in
`ZipFile.NameToInfo`, for the central directory it writes on closing: about 470 bytes a
member, 47 MB for 100,000 articles. `keep_members_compactly` gives a new archive a `filelist`
that holds each member's name in one byte block and its numbers (offset, CRC, sizes) in a
typed array, every other field shared by the members alike (one tuple for all of them), and
makes the ZipInfo again when the central directory is written; and a `NameToInfo` that keeps
no name (so the archive neither looks members up by name nor warns of a name given twice:
the writer's names are distinct). The archive's bytes are those of a plain ZipFile (a
contract test compares them).

These are the only uses of zipfile's undocumented `filelist` and `NameToInfo`: zipfile appends
each member written to the first, iterates and counts it for the central directory, and
stores into the second.
"""

from __future__ import annotations

import zipfile
from array import array
from collections.abc import Iterator
from typing import Any

VARYING = ("header_offset", "CRC", "compress_size", "file_size")  # a member's own numbers
NAMES = ("orig_filename", "filename")
_UNSET = object()


class CompactMembers:
    """The archive's members in the order written: names in one block, numbers in a typed
    array, the other fields as one of a few shared tuples (`append`, `len`, iteration)."""

    def __init__(self) -> None:
        self._names = bytearray()
        self._name_ends = array("q")
        self._numbers = array("q")  # VARYING, then the shape's number, for each member
        self._shapes: dict[tuple[Any, ...], int] = {}
        self._shape_list: list[tuple[Any, ...]] = []
        self._fields = tuple(
            name for name in zipfile.ZipInfo.__slots__ if name not in (*VARYING, *NAMES)
        )

    def append(self, info: zipfile.ZipInfo) -> None:
        if info.orig_filename != info.filename:
            raise ValueError(f"a member's name is stored as given, not {info.orig_filename!r}")
        shape = tuple(getattr(info, name, _UNSET) for name in self._fields)
        number = self._shapes.get(shape)
        if number is None:
            number = self._shapes[shape] = len(self._shape_list)
            self._shape_list.append(shape)
        self._names += info.filename.encode("utf-8")
        self._name_ends.append(len(self._names))
        self._numbers.extend([*(int(getattr(info, name)) for name in VARYING), number])

    def __len__(self) -> int:
        return len(self._name_ends)

    def __iter__(self) -> Iterator[zipfile.ZipInfo]:
        for number in range(len(self)):
            yield self[number]

    def __getitem__(self, number: int) -> zipfile.ZipInfo:
        begin = self._name_ends[number - 1] if number else 0
        name = self._names[begin : self._name_ends[number]].decode("utf-8")
        info = zipfile.ZipInfo.__new__(zipfile.ZipInfo)
        info.orig_filename = info.filename = name
        at = number * (len(VARYING) + 1)
        for field, value in zip(VARYING, self._numbers[at : at + len(VARYING)], strict=True):
            setattr(info, field, value)
        shape = self._shape_list[self._numbers[at + len(VARYING)]]
        for field, value in zip(self._fields, shape, strict=True):
            if value is not _UNSET:
                setattr(info, field, value)
        return info


class _NoNames(dict[str, zipfile.ZipInfo]):
    """An index by name that keeps none."""

    def __setitem__(self, name: str, info: zipfile.ZipInfo) -> None:
        return None


def keep_members_compactly(archive: zipfile.ZipFile) -> zipfile.ZipFile:
    """Make a new archive, open to write and empty, keep its members compactly."""
    if archive.mode not in ("w", "x") or archive.filelist:
        raise ValueError("only a new, empty archive keeps its members compactly")
    archive.filelist = CompactMembers()  # type: ignore[assignment]
    archive.NameToInfo = _NoNames()
    return archive
