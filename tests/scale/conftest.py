"""A small generated case, shared by the scale tests (generated once per test session)."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.bench.scale.generate import ensure_case

TINY = 200


@pytest.fixture(scope="session")
def tiny_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ensure_case(TINY, tmp_path_factory.mktemp("bench-scale-cache"), say=lambda _text: None)
