"""The article details dialog: correct an article's title, outlet, authors, publication date,
address and language. Only what was changed is stored, as one undo step; anything that cannot
be kept is explained in the dialog, which stays open.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.grades import DatePrecision
from workbench.services.articles import edit_article
from workbench.services.errors import InvalidInput
from workbench.services.queries import ArticleSummary, article_summary
from workbench.services.typed_dates import read_date
from workbench.store.errors import ProjectError
from workbench.ui.session import UiSession

DATE_FORMAT = "%Y-%m-%d %H:%M"
DATE_HINT = "2025-06-23, 23 June 2025 or 2025-06-23 14:05 (empty: not known)"


def shown_date(published: datetime | None) -> str:
    if published is None:
        return ""
    if (published.hour, published.minute) == (0, 0):
        return f"{published:%Y-%m-%d}"
    return published.strftime(DATE_FORMAT)


def read_published(typed: str) -> datetime | None:
    """What the date field holds: None when empty; ValueError naming the expected form."""
    typed = typed.strip()
    if not typed:
        return None
    try:
        return datetime.fromisoformat(typed)
    except ValueError:
        pass
    try:
        read = read_date(typed)  # "23 June 2025", as event dates are typed
    except InvalidInput:
        read = None
    if read is None or read.precision != DatePrecision.DAY:
        raise ValueError(f"“{typed}” is not a date; type it as {DATE_HINT}")
    return datetime(read.when.year, read.when.month, read.when.day)


class ArticleEditor(QDialog):
    """Edit one article's metadata; `accepted` once the changes are stored."""

    def __init__(self, session: UiSession, article_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.article: ArticleSummary = article_summary(session.project, article_id)
        self.setWindowTitle("Article details")
        self.fields = {
            "title": QLineEdit(self.article.title),
            "outlet": QLineEdit(self.article.outlet),
            "authors": QLineEdit(", ".join(self.article.authors)),
            "published": QLineEdit(shown_date(self.article.published)),
            "url": QLineEdit(self.article.url),
            "language": QLineEdit(self.article.language),
        }
        self.fields["authors"].setPlaceholderText("names, separated by commas")
        self.fields["published"].setPlaceholderText(DATE_HINT)
        self.fields["url"].setPlaceholderText("https://…")
        self.fields["language"].setPlaceholderText("en, de, pt-BR …")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName("Problem")
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self.resize(560, self.sizeHint().height())

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        labels = {
            "title": "&Title",
            "outlet": "&Outlet",
            "authors": "&Authors",
            "published": "&Published",
            "url": "&Address",
            "language": "&Language",
        }
        for name, label in labels.items():
            self.fields[name].setAccessibleName(label.replace("&", ""))
            form.addRow(label, self.fields[name])
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def changes(self) -> dict[str, object]:
        """The fields the analyst changed, as the service takes them (ValueError if unreadable)."""
        wanted: dict[str, object] = {
            "title": self.fields["title"].text(),
            "outlet": self.fields["outlet"].text(),
            "authors": [a.strip() for a in self.fields["authors"].text().split(",") if a.strip()],
            "published": read_published(self.fields["published"].text()),
            "url": self.fields["url"].text().strip(),
            "language": self.fields["language"].text().strip(),
        }
        stored: dict[str, object] = {
            "title": self.article.title,
            "outlet": self.article.outlet,
            "authors": list(self.article.authors),
            "published": self.article.published,
            "url": self.article.url,
            "language": self.article.language,
        }
        return {name: value for name, value in wanted.items() if value != stored[name]}

    @Slot()
    def save(self) -> None:
        try:
            changed = self.changes()
            if changed:
                edit_article(self.session.project, self.article.id, **changed)
        except (ValueError, ProjectError) as error:
            self.problem.setText(str(error))
            self.problem.show()
            return
        if changed:
            self.session.tell("Article details saved (Ctrl+Z undoes)")
        self.accept()


def edit_article_details(session: UiSession, article_id: int, parent: QWidget) -> ArticleEditor:
    """Open the details dialog (window-modal, not blocking the event loop)."""
    dialog = ArticleEditor(session, article_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
