"""What the undo property test's steps share: the words they use, finding ids to act on, and
the signal that a step cannot be taken yet."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st
from sqlalchemy import select

from workbench.services import Project

WORDS = ["Reuters", "Kremlin", "Iran", "Russia", "Putin", "Araqchi", "Bushehr", "😀 Tehran"]


class Impossible(Exception):
    """This step cannot be taken yet (e.g. there is no claim to edit)."""


def ids(project: Project, model: Any, at_least: int = 1) -> list[int]:
    with project.reading() as session:
        found = list(session.scalars(select(model.id).order_by(model.id)))
    if len(found) < at_least:
        raise Impossible
    return found


def words(data: st.DataObject) -> str:
    return " ".join(data.draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=12)))
