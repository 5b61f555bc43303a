"""Checking a value against one of the analyst's controlled vocabularies."""

from __future__ import annotations

from enum import StrEnum

from workbench.services.errors import InvalidInput


def chosen(vocabulary: type[StrEnum], value: object, noun: str) -> str:
    """The vocabulary's value for `value`, or a clear error listing the choices."""
    if isinstance(value, str):
        try:
            return vocabulary(value).value
        except ValueError:
            pass
    choices = ", ".join(member.value for member in vocabulary)
    raise InvalidInput(f"{value!r} is not a {noun}; choose one of: {choices}")
