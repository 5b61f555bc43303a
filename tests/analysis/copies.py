"""The sample project built once per test process, copied for each test that needs it."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from workbench.services import Project
from workbench.services.sample import build_sample


@cache
def _template() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="ach-sample-"))
    atexit.register(shutil.rmtree, folder, True)
    path = folder / "sample.wbproj"
    with Project.create(path) as project:
        build_sample(project)
        project.undo_stack.clear()
    return path


@contextmanager
def sample_copy(folder: Path) -> Iterator[Project]:
    """A project holding the annotated sample article (as the `sample_project` fixture), made
    by copying one built for the whole run instead of building it again."""
    path = folder / "sample.wbproj"
    shutil.copyfile(_template(), path)
    with Project.open(path) as project:
        yield project
