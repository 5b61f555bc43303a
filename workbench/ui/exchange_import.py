"""Importing exchange files in the window (REFI-QDA, STIX, FollowTheMoney, citations, Web
Annotations), told by their content: each is one command on the task runner, its summary in the
status line. A REFI-QDA project first shows its codebook in a preview dialog, where the analyst
chooses what each code becomes (a tag, a claim kind, status or credibility grade, or nothing).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.grades import CREDIBILITY_WORDING, ClaimKind, ClaimStatus
from workbench.ui.session import UiSession, describe
from workbench.ui.tasks import TaskControl

if TYPE_CHECKING:
    from workbench.services.import_refi_qda_codes import ForeignCode, Plan, Use


def split_exchange(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """(exchange files, everything else) among the paths the analyst chose or dropped."""
    from workbench.services.import_formats import exchange_format

    exchange = [path for path in paths if exchange_format(path)]
    return exchange, [path for path in paths if path not in exchange]


def use_choices() -> list[tuple[str, tuple[str, str]]]:
    """(label, (what, value)) of every use a code can be given, in the order offered."""
    found = [("a tag", ("tag", ""))]
    found += [(f"claim kind: {kind.value}", ("kind", kind.value)) for kind in ClaimKind]
    found += [(f"status: {status.value}", ("status", status.value)) for status in ClaimStatus]
    found += [
        (f"credibility {grade}: {wording}", ("credibility", str(grade)))
        for grade, wording in CREDIBILITY_WORDING.items()
    ]
    return [*found, ("nothing (leave it out)", ("ignore", ""))]


class CodePlanDialog(QDialog):
    """A .qdpx's codes, each with what it will become; OK imports with that plan."""

    def __init__(
        self, path: Path, codes: list[ForeignCode], plan: Plan, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Import {path.name}")
        self.codes = [code for code in codes if code.codable and plan[code.guid].what != "mark"]
        self.defaults = plan
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(f"{len(self.codes)} codes in {path.name}: choose what each becomes")
        )
        self.table = QTableWidget(len(self.codes), 2, self)
        self.table.setAccessibleName("Codes")
        self.table.setHorizontalHeaderLabels(["Code", "Becomes"])
        self.choosers: list[QComboBox] = []
        for row, code in enumerate(self.codes):
            self.table.setItem(row, 0, QTableWidgetItem(" / ".join(code.path)))
            self.table.setCellWidget(row, 1, self._chooser(plan[code.guid]))
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 480)

    def _chooser(self, use: Use) -> QComboBox:
        chooser = QComboBox(self)
        chooser.setAccessibleName("Becomes")
        for label, (what, value) in use_choices():
            chooser.addItem(label, (what, value))
        wanted = (use.what, "" if use.what == "tag" else use.value)
        found = chooser.findData(wanted)
        chooser.setCurrentIndex(max(found, 0))
        self.choosers.append(chooser)
        return chooser

    def choose(self, code_name: str, label: str) -> None:
        """Choose a use for the code named so (as the analyst picks it from the list)."""
        row = next(row for row, code in enumerate(self.codes) if code.name == code_name)
        chooser = self.choosers[row]
        chooser.setCurrentIndex(chooser.findText(label, Qt.MatchFlag.MatchExactly))

    def plan(self) -> Plan:
        from workbench.services.import_refi_qda_codes import Use

        chosen = dict(self.defaults)
        for code, chooser in zip(self.codes, self.choosers, strict=True):
            what, value = chooser.currentData()
            chosen[code.guid] = Use(what, code.name if what == "tag" else value)
        return chosen


class ExchangeImport(QObject):
    """Imports a window's exchange files one after another; `dialog` is the open preview."""

    def __init__(self, session: UiSession, window: QWidget) -> None:
        super().__init__(window)
        self.session, self.window = session, window
        self.dialog: CodePlanDialog | None = None
        self.summaries: list[str] = []

    def start(self, paths: list[Path]) -> None:
        from workbench.services.import_formats import exchange_format

        for path in paths:
            if exchange_format(path) == "qdpx":
                self._preview(path)
            else:
                self._run(path, None)

    def _preview(self, path: Path) -> None:
        from workbench.services.import_refi_qda import codebook

        self.session.tasks.run(
            f"Read {path.name}",
            lambda _control: codebook(path),
            on_done=lambda found: self._ask(path, *found),
            on_error=lambda error: self.session.tell(describe(error, f"reading {path.name}")),
            writes=False,
            owner=self,
        )

    def _ask(self, path: Path, codes: list[ForeignCode], plan: Plan) -> None:
        dialog = CodePlanDialog(path, codes, plan, self.window)
        dialog.accepted.connect(lambda: self._run(path, dialog.plan()))
        self.dialog = dialog
        dialog.open()

    def _run(self, path: Path, plan: Plan | None) -> None:
        project = self.session.project

        def work(_control: TaskControl) -> Any:
            if plan is not None:
                from workbench.services.import_refi_qda import import_qdpx

                return import_qdpx(project, path, plan)
            from workbench.services.import_formats import import_exchange_file

            return import_exchange_file(project, path)

        self.session.tasks.run(
            f"Import {path.name}",
            work,
            on_done=self._done,
            on_error=lambda error: self.session.tell(describe(error, f"importing {path.name}")),
            owner=self,
        )

    def _done(self, summary: object) -> None:
        self.session.flush()
        self.summaries.append(str(summary))
        self.session.tell(str(summary))
