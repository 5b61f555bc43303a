"""Who created and last changed each record, and the version its editors compare."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, false
from sqlalchemy.orm import Mapped, mapped_column

from workbench.domain.base import Base


class RowVersion(Base):
    """One journalled row's version (counted up by every change, undo included), who made
    it first and who changed it last (a database role on a shared store, the login name on a
    file), and the change-log entry of that last change. Kept after a delete (`deleted`)."""

    __tablename__ = "row_versions"

    table_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    row_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[int]
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime]
    changed_by: Mapped[str] = mapped_column(String(100))
    changed_at: Mapped[datetime]
    change_id: Mapped[int | None]
    deleted: Mapped[bool] = mapped_column(default=False, server_default=false())
