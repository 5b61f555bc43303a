"""Keyrings for the team tests: one that keeps passwords in this process only (never the
system's), and a way to put it (or none at all) in place for a test."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import keyring
from keyring.backend import KeyringBackend
from keyring.backends.fail import Keyring as NoKeyring


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps passwords in this process only (never the system's)."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.kept.pop((service, username), None)


@contextmanager
def keyring_in_place(backend: KeyringBackend | None) -> Iterator[KeyringBackend]:
    """`backend` as the keyring while the block runs; None: a machine with no keyring."""
    previous = keyring.get_keyring()
    chosen = NoKeyring() if backend is None else backend
    keyring.set_keyring(chosen)
    try:
        yield chosen
    finally:
        keyring.set_keyring(previous)
