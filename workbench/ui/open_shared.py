"""File ▸ Open shared project…: a team case on a database server, by URL and password.

The password may be kept in the system keyring (services/team_credentials.py); the URL the
window remembers among recent projects never holds it.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from workbench.services.team_credentials import (
    keyring_available,
    remember_password,
    with_password,
)

PLACEHOLDER = "postgresql://alice@server.example/case"


class OpenSharedDialog(QDialog):
    """Asks for a shared case's URL and password; `location()` is what to open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Open shared project")
        self.url = QLineEdit(self)
        self.url.setPlaceholderText(PLACEHOLDER)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("(the one kept in the keyring, if left empty)")
        self.keep = QCheckBox("Keep the password in the system keyring", self)
        self.keep.setChecked(True)
        if not keyring_available():
            self.keep.setChecked(False)
            self.keep.setEnabled(False)
            self.keep.setToolTip("This computer has no system keyring; keep it in ~/.pgpass")
            self.password.setPlaceholderText("(or the one in ~/.pgpass, if left empty)")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel("A team case on a PostgreSQL server:"))
        form.addRow("&URL", self.url)
        form.addRow("&Password", self.password)
        form.addRow(self.keep)
        form.addRow(buttons)

    def location(self) -> str:
        """The URL to open (with the typed password, else the keyring's), kept if asked."""
        url, password = self.url.text().strip(), self.password.text()
        if password and self.keep.isChecked():
            remember_password(url, password)
        return with_password(url, password or None)


def ask_shared_location(parent: QWidget | None) -> str | None:
    dialog = OpenSharedDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.url.text().strip():
        return None
    return dialog.location()
