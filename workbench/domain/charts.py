"""What the analyst keeps of the link chart: named groups of its nodes, and the places of the
nodes moved or pinned."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Float, String
from sqlalchemy.orm import Mapped, mapped_column

from workbench.domain.base import Base, utc_now


class ChartGroup(Base):
    """A named outline round nodes of the link chart, by their node keys ("actor:12")."""

    __tablename__ = "chart_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    members: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class ChartPlace(Base):
    """Where a node of the link chart was put (scene pixels), by its node key ("actor:12");
    a pinned node stays there whatever the layout."""

    __tablename__ = "chart_places"

    id: Mapped[int] = mapped_column(primary_key=True)
    node_key: Mapped[str] = mapped_column(String(60), unique=True)
    x: Mapped[float] = mapped_column(Float)
    y: Mapped[float] = mapped_column(Float)
    pinned: Mapped[bool] = mapped_column(default=False)
