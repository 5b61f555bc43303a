"""The PDF report's outline (the reader's bookmarks panel), written entry by entry as it is drawn.

reportlab keeps every outline entry until `save` and then builds the whole tree in memory; a
report of 100,000 articles has 200,000 entries. Here an entry is written as soon as it is
complete: when the next entry at its level or above arrives, its `/Next` (or the end of its list)
is known, and so are its children. Only the open entries are kept, one per level.

The object numbers come from `number()` (the document's own count, so they fit among the
objects reportlab numbers), `write(number, body)` writes an object, and each entry leads to a
destination object whose number the caller gives (written when its page is).
"""

from __future__ import annotations

from collections.abc import Callable


class _Entry:
    """An outline entry (or the outline's root) not written yet."""

    __slots__ = ("count", "dest", "first", "last", "number", "parent", "prev", "title")

    def __init__(self, number: int, title: bytes = b"", dest: int = 0, parent: int = 0) -> None:
        self.number, self.title, self.dest, self.parent = number, title, dest, parent
        self.prev = self.first = self.last = self.count = 0


class Outline:
    """Entries in reading order, each at a level at most one deeper than the one before."""

    def __init__(self, number: Callable[[], int], write: Callable[[int, bytes], None]) -> None:
        self._number, self._write = number, write
        self.root: _Entry | None = None
        self.open: list[_Entry] = []  # the last entry of each level, whose list may go on

    def add(self, title: bytes, dest: int, level: int) -> None:
        """An entry titled `title` (a formatted PDF string) leading to object `dest`."""
        if level > len(self.open):
            raise ValueError(
                f"an outline entry at level {level} needs one at level {level - 1} before it"
            )
        if self.root is None:
            self.root = _Entry(self._number())
        while len(self.open) > level + 1:
            self._close(self.open.pop(), 0)
        parent = self.open[level - 1] if level else self.root
        entry = _Entry(self._number(), title, dest, parent.number)
        if len(self.open) > level:
            before = self.open.pop()
            entry.prev = before.number
            self._close(before, entry.number)
        parent.first = parent.first or entry.number
        parent.last = entry.number
        for above in [self.root, *self.open]:  # every entry above it shows one more, open
            above.count += 1
        self.open.append(entry)

    def finish(self) -> int:
        """Write the entries still open and the root; the root's number (0: no entries)."""
        while self.open:
            self._close(self.open.pop(), 0)
        root = self.root
        if root is None:
            return 0
        body = f"/Count {root.count} /First {root.first} 0 R /Last {root.last} 0 R /Type /Outlines"
        self._write(root.number, f"<<\n{body}\n>>".encode("ascii"))
        return root.number

    def _close(self, entry: _Entry, following: int) -> None:
        parts = []
        if entry.count:
            parts.append(f"/Count {entry.count}")
        parts.append(f"/Dest {entry.dest} 0 R")
        if entry.first:
            parts.append(f"/First {entry.first} 0 R /Last {entry.last} 0 R")
        if following:
            parts.append(f"/Next {following} 0 R")
        parts.append(f"/Parent {entry.parent} 0 R")
        if entry.prev:
            parts.append(f"/Prev {entry.prev} 0 R")
        head = " ".join(parts).encode("ascii")
        self._write(entry.number, b"<<\n" + head + b" /Title " + entry.title + b"\n>>")
