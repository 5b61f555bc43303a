"""Rows over ids, fetched a block at a time: what the library and the All claims list share.

A list of 100,000 articles or 500,000 claims costs one id query; the rows on screen are fetched
in blocks, and a small cache keeps the blocks seen most recently.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

Row = TypeVar("Row")

BLOCK = 128
CACHED_BLOCKS = 64


class LazyRows(Generic[Row]):
    """The ids in their order, and each row's data fetched with its block when first asked."""

    def __init__(
        self, fetch: Callable[[list[int]], dict[int, Row]], block: Callable[[], int] = lambda: BLOCK
    ) -> None:
        self._fetch_block = fetch
        self._block_size = block
        self._ids: list[int] = []
        self._rows_of: dict[int, int] | None = None
        self._blocks: OrderedDict[int, dict[int, Row]] = OrderedDict()
        self.fetches = 0

    def __len__(self) -> int:
        return len(self._ids)

    def show(self, ids: list[int]) -> None:
        """List these ids from now on; every cached row is forgotten."""
        self._ids, self._rows_of = ids, None
        self._blocks.clear()

    def forget_rows(self) -> None:
        """Forget the cached row data (the ids and their order stay)."""
        self._blocks.clear()

    @property
    def ids(self) -> list[int]:
        return list(self._ids)

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: int) -> int | None:
        if self._rows_of is None:
            self._rows_of = {record_id: row for row, record_id in enumerate(self._ids)}
        return self._rows_of.get(record_id)

    def get(self, row: int) -> Row | None:
        """The data of a row (fetched with its block if need be); None past the end."""
        if not 0 <= row < len(self._ids):
            return None
        size = self._block_size()
        number = row // size
        block = self._blocks.get(number)
        if block is None:
            block = self._fetch(number, size)
        else:
            self._blocks.move_to_end(number)
        return block.get(self._ids[row])

    def _fetch(self, number: int, size: int) -> dict[int, Row]:
        self.fetches += 1
        block = self._fetch_block(self._ids[number * size : (number + 1) * size])
        self._blocks[number] = block
        while len(self._blocks) > CACHED_BLOCKS:
            self._blocks.popitem(last=False)
        return block
