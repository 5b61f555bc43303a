"""The look-up key of a name: how sources, actors, aliases and tags are matched "in any case".

SQLite's own `lower()` folds ASCII only ("ÄRZTE" stays "ÄRZTE") and cannot use an index, so each
named table stores `name_key` beside `name`, indexed, and every look-up compares keys.

The key is the name with runs of whitespace collapsed, Unicode-normalised (NFKC) and case-folded
(so "Straße" and "STRASSE" meet); the dot a capital "İ" leaves after folding ("i̇") is dropped, so
"İstanbul", "ISTANBUL" and "istanbul" are one name. Dotless "ı" stays its own letter.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine.default import DefaultExecutionContext

_DOT_ABOVE = "i\u0307"


def name_key(name: str) -> str:
    """The key two names share when an analyst would call them the same name."""
    folded = unicodedata.normalize("NFKC", " ".join(name.split())).casefold()
    return unicodedata.normalize("NFKC", folded).replace(_DOT_ABOVE, "i")


def key_of_inserted_name(context: DefaultExecutionContext) -> str:
    """Column default: the key of the row's `name`, for inserts that do not give one (Core too)."""
    return name_key(context.get_current_parameters().get("name") or "")


def keep_name_key(model: type) -> type:
    """Class decorator: a renamed record's `name_key` follows its `name` on every flush."""

    @event.listens_for(model, "before_update")
    def _follow_name(_mapper: Any, _connection: Any, target: Any) -> None:
        key = name_key(target.name or "")
        if target.name_key != key:
            target.name_key = key

    return model
