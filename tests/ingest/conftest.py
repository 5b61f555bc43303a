"""Fixtures of the importer's tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def libraries_loaded() -> None:
    """Load trafilatura before sockets are blocked: importing it runs urllib3's check for IPv6
    support, which binds a socket to ::1 (no traffic leaves the machine). Reading documents
    afterwards must open none."""
    import trafilatura  # noqa: F401
