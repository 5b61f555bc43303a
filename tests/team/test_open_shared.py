"""File ▸ Open shared project…: the URL and password asked for, the password kept in the
keyring (an in-memory one here) and never in the settings file, and the case reopened from
Open recent with the keyring's password."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.team.conftest import Databases
from tests.team.keyrings import MemoryKeyring, keyring_in_place
from workbench.services import Project
from workbench.services.team_credentials import SERVICE, with_password
from workbench.store.shared import without_password
from workbench.ui.open_shared import OpenSharedDialog
from workbench.ui.settings import WindowSettings

pytestmark = pytest.mark.gui


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    with keyring_in_place(MemoryKeyring()) as kept:
        assert isinstance(kept, MemoryKeyring)
        yield kept


def test_the_password_goes_to_the_keyring_never_to_settings(
    qtbot: QtBot, tmp_path: Path, databases: Databases, memory_keyring: MemoryKeyring
) -> None:
    """The dialog's URL and password open the case; the keyring keeps the password under the
    URL without it; the settings file remembers only that URL; it reopens from there."""
    url = databases.project()
    dialog = OpenSharedDialog()
    qtbot.addWidget(dialog)
    dialog.url.setText(url)
    dialog.password.setText("s3cret-pass")
    location = dialog.location()
    assert "s3cret-pass" in location
    assert memory_keyring.kept == {(SERVICE, without_password(url)): "s3cret-pass"}
    settings = WindowSettings.in_file(tmp_path / "settings.ini")
    with Project.open(location) as project:
        settings.remember_project(project.store.location)
        settings.sync()
    assert "s3cret-pass" not in (tmp_path / "settings.ini").read_text(encoding="utf-8")
    remembered = settings.recent_projects()[0]
    assert with_password(remembered) == location
    with Project.open(with_password(remembered)) as reopened:
        assert reopened.name.startswith("case_")


def test_without_keeping_the_keyring_stays_empty(
    qtbot: QtBot, databases: Databases, memory_keyring: MemoryKeyring
) -> None:
    """With "keep" unticked the password opens the case once and is kept nowhere."""
    dialog = OpenSharedDialog()
    qtbot.addWidget(dialog)
    dialog.url.setText(databases.project())
    dialog.password.setText("once")
    dialog.keep.setChecked(False)
    assert "once" in dialog.location()
    assert memory_keyring.kept == {}
