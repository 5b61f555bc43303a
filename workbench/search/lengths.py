"""A segment's field lengths by document number, read from the length column's bytes.

Whoosh stores a field's length in each document as one byte (`byte_to_length` decodes it).
BM25F asks for the length of every document it scores; `whoosh_reading.preload_lengths`
reads each column once, and this holds its bytes: a length is looked up when asked (no list of
a number per document is kept: about 46 MB at 100,000 articles), and a numpy array of them is
made when ranking first scores many documents at once.
"""

from __future__ import annotations

from typing import Any

from whoosh.util.numeric import byte_to_length

_BYTE_LENGTHS = [byte_to_length(code) for code in range(256)]


class LengthList:
    """A segment's decoded field lengths by document number, read from the column's bytes
    when asked (no list of a number per document is kept), and (made when first asked for)
    the same as a numpy array, for scoring many documents at once."""

    __slots__ = ("_data", "_documents", "numbers")

    def __init__(self, data: bytes, documents: int) -> None:
        self._data, self._documents = data, documents
        self.numbers: Any = None

    def __len__(self) -> int:
        return self._documents

    def __getitem__(self, docnum: int) -> int:
        if not 0 <= docnum < self._documents:
            raise IndexError(docnum)
        return _BYTE_LENGTHS[self._data[docnum]] if docnum < len(self._data) else 0

    def array(self) -> Any:
        if self.numbers is None:
            import numpy as np  # here, not when the project opens

            numbers = np.zeros(self._documents, np.int32)
            codes = np.frombuffer(self._data, np.uint8)[: self._documents]
            numbers[: len(codes)] = np.array(_BYTE_LENGTHS, np.int32)[codes]
            self.numbers = numbers
        return self.numbers


def field_length_array(lengths: Any) -> Any:
    """The numpy array of lengths `field_lengths` gave (None for None); made once."""
    return lengths.array() if isinstance(lengths, LengthList) else None
