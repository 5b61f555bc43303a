"""Rows read a page at a time: what the library and the All claims list show.

A list of 100,000 articles or 500,000 claims costs its first page and its total; the ids of a
later page are read when the view scrolls to it (and kept, a page of ids is small), the row
data of a page when it is painted (a few pages kept). Where a listing has no cheap pages (an
order no index holds), the model may hand over every id at once (`keep_all`), read in the
background, and pages are then cut from that list.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from workbench.services.listing_order import PAGE

Row = TypeVar("Row")

BLOCK = PAGE
CACHED_BLOCKS = 64  # pages of row data kept
CACHED_PAGES = 4096  # pages of ids kept (half a million ids)


@dataclass(frozen=True)
class Listing:
    """What a list shows: how many rows, a page of ids (offset, limit), a record's row."""

    total: int
    page: Callable[[int, int], list[int]]
    place: Callable[[int], int | None]
    first: Sequence[int] = field(default=())  # the first page, read already


EMPTY = Listing(0, lambda _offset, _limit: [], lambda _record: None)


def every_id(ids: list[int]) -> Listing:
    """A listing of ids already read, all of them, in order."""
    rows: dict[int, int] = {}

    def place(record_id: int) -> int | None:
        if not rows and ids:
            rows.update((record, row) for row, record in enumerate(ids))
        return rows.get(record_id)

    return Listing(len(ids), lambda offset, limit: ids[offset : offset + limit], place, ids)


class PagedRows(Generic[Row]):
    """The ids of a listing, a page at a time, and each page's row data when first asked."""

    def __init__(
        self, fetch: Callable[[list[int]], dict[int, Row]], block: Callable[[], int] = lambda: BLOCK
    ) -> None:
        self._fetch_block = fetch
        self._block_size = block
        self._listing = EMPTY
        self._pages: OrderedDict[int, list[int]] = OrderedDict()
        self._blocks: OrderedDict[int, dict[int, Row]] = OrderedDict()
        self.fetches = 0
        self.pages_read = 0

    def __len__(self) -> int:
        return self._listing.total

    def show(self, listing: Listing) -> None:
        """List this from now on; every cached id and row is forgotten."""
        self._listing = listing
        self._pages.clear()
        self._blocks.clear()
        self._keep_first(listing)

    def keep_all(self, listing: Listing) -> bool:
        """The same listing, now with every id read: pages are cut from it (rows stay).
        False, and nothing kept, if it is not the same listing (its total differs)."""
        if listing.total != self._listing.total:
            return False
        self._listing = listing
        self._pages.clear()
        return True

    @property
    def whole(self) -> bool:
        """Whether every id is in (pages are cut from them, not read)."""
        return len(self._listing.first) == self._listing.total

    def forget_rows(self) -> None:
        """Forget the cached row data (the ids and their order stay)."""
        self._blocks.clear()

    @property
    def ids(self) -> list[int]:
        """Every id, in order (read page by page: for small lists and the first rows)."""
        size = self._block_size()
        pages = (self._ids_of(number, size) for number in range(-(-len(self) // size)))
        return [record for page in pages for record in page]

    def id_at(self, row: int) -> int | None:
        if not 0 <= row < len(self):
            return None
        size = self._block_size()
        page = self._ids_of(row // size, size)
        return page[row % size] if row % size < len(page) else None

    def row_of(self, record_id: int) -> int | None:
        """The row of a record: looked up in the pages read, else asked of the listing."""
        if self.whole:  # every id is in: the listing's own look-up
            return self._listing.place(record_id)
        size = self._block_size()
        for number, page in self._pages.items():
            if record_id in page:
                return number * size + page.index(record_id)
        return self._listing.place(record_id)

    def get(self, row: int) -> Row | None:
        """The data of a row (fetched with its page if need be); None past the end."""
        record = self.id_at(row)
        if record is None:
            return None
        number = row // self._block_size()
        block = self._blocks.get(number)
        if block is None:
            block = self._fetch(number)
        else:
            self._blocks.move_to_end(number)
        return block.get(record)

    def _keep_first(self, listing: Listing) -> None:
        size = self._block_size()
        for number in range(-(-len(listing.first) // size)):
            self._pages[number] = list(listing.first[number * size : (number + 1) * size])
            if number + 1 >= CACHED_PAGES:
                break

    def _ids_of(self, number: int, size: int) -> list[int]:
        page = self._pages.get(number)
        if page is None:
            self.pages_read += 0 if self.whole else 1  # not read: cut from every id
            page = self._listing.page(number * size, size)
            self._pages[number] = page
            while len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page

    def _fetch(self, number: int) -> dict[int, Row]:
        self.fetches += 1
        block = self._fetch_block(self._ids_of(number, self._block_size()))
        self._blocks[number] = block
        while len(self._blocks) > CACHED_BLOCKS:
            self._blocks.popitem(last=False)
        return block
