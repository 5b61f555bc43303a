"""The import journal: each import of files, written when it starts and settled file by file.

An import killed half-way (kill -9 of the command or the window) leaves its run unsettled, so
the next open can say what was stored and what not, and offer to import the rest.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from workbench.domain.base import Base, utc_now


class RunState(StrEnum):
    RUNNING = "running"  # or killed: nobody settled it
    FINISHED = "finished"
    CANCELLED = "cancelled"  # stopped by the analyst, told at once
    INTERRUPTED = "interrupted"  # found killed; the analyst has been told


class FileOutcome(StrEnum):
    STORED = "stored"
    DUPLICATE = "duplicate"  # already in the project
    FAILED = "failed"


class ImportRun(Base):
    """One import of files (a batch or a single file)."""

    __tablename__ = "import_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(default=utc_now)
    settled_at: Mapped[datetime | None]
    state: Mapped[str] = mapped_column(String(16), default=RunState.RUNNING.value)
    pid: Mapped[int]


class ImportRunFile(Base):
    """One file of an import run; `outcome` stays empty until the file is dealt with."""

    __tablename__ = "import_run_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(
        ForeignKey("import_runs.id", ondelete="CASCADE"), index=True
    )
    path: Mapped[str] = mapped_column(String(2000))
    outcome: Mapped[str | None] = mapped_column(String(16))
