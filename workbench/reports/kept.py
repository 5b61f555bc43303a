"""Pieces of a report many claims share (a status, a grade, a chain's hop), made once.

A `Kept` is a dict that makes a missing value with its maker and keeps at most `LIMIT`
(starting afresh past it), so a renderer asks `kept[value]` for each claim and pays the
escaping only the first time; what is made depends on the key alone."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

LIMIT = 4096
Key = TypeVar("Key", bound=Hashable)


class Kept(dict[Key, str], Generic[Key]):
    def __init__(self, make: Callable[[Key], str]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, key: Key) -> str:
        if len(self) >= LIMIT:
            self.clear()
        value = self[key] = self._make(key)
        return value
