"""Look and feel: the light or dark palette (following the system), claim colours, icons.

Icons come from the desktop's icon theme when it has them (scalable, high-DPI); otherwise a
glyph is painted at whatever size and pixel ratio is asked, so they stay crisp on any screen.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import QApplication

SCHEMES = ("system", "light", "dark")

# Claim highlight colours by status: (red, green, blue). Drawn translucent, so overlaps darken.
STATUS_RGB = {
    "unverified": (242, 201, 76),
    "corroborated": (76, 187, 120),
    "disputed": (242, 140, 56),
    "refuted": (226, 80, 80),
}
MENTION_RGB = (52, 120, 220)

# Icon theme name and fallback glyph for each of the window's actions.
ICONS = {
    "open": ("document-open", "▤"),
    "new": ("document-new", "✚"),
    "import": ("document-import", "⇩"),
    "paste": ("edit-paste", "⤵"),
    "undo": ("edit-undo", "↶"),
    "redo": ("edit-redo", "↷"),
    "mark-claim": ("format-text-highlight", "✎"),
    "mark-mention": ("contact-new", "@"),
    "search": ("edit-find", "⌕"),
    "delete": ("edit-delete", "✕"),
    "up": ("go-up", "▲"),
    "down": ("go-down", "▼"),
    "add": ("list-add", "+"),
    "remove": ("list-remove", "−"),
    "merge": ("merge", "⇉"),
    "help": ("help-contents", "?"),
    "sample": ("document-open-recent", "★"),
}


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def status_colour(status: str, *, strong: bool = False, dark: bool = False) -> QColor:
    """The translucent highlight for a claim of this status (stronger for the current claim)."""
    red, green, blue = STATUS_RGB.get(status, STATUS_RGB["unverified"])
    alpha = (150 if strong else 85) + (25 if dark else 0)
    return QColor(red, green, blue, alpha)


def status_swatch(status: str) -> QColor:
    return QColor(*STATUS_RGB.get(status, STATUS_RGB["unverified"]))


def mention_colour(dark: bool = False) -> QColor:
    colour = QColor(*MENTION_RGB)
    return colour.lighter(150) if dark else colour


def apply_scheme(app: QApplication, scheme: str = "system") -> None:
    """Light or dark, or whatever the system says (and follow it when it changes)."""
    hints = app.styleHints()
    if scheme == "system":
        hints.unsetColorScheme()
    else:
        wanted = Qt.ColorScheme.Dark if scheme == "dark" else Qt.ColorScheme.Light
        hints.setColorScheme(wanted)
    dark = scheme == "dark" or (scheme == "system" and hints.colorScheme() == Qt.ColorScheme.Dark)
    app.setPalette(dark_palette() if dark else app.style().standardPalette())


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#2b2d31"),
        (roles.WindowText, "#e6e6e6"),
        (roles.Base, "#1f2023"),
        (roles.AlternateBase, "#2a2c30"),
        (roles.ToolTipBase, "#3a3d42"),
        (roles.ToolTipText, "#f0f0f0"),
        (roles.Text, "#e6e6e6"),
        (roles.Button, "#34363b"),
        (roles.ButtonText, "#e6e6e6"),
        (roles.BrightText, "#ff6b6b"),
        (roles.Link, "#7fb3ff"),
        (roles.Highlight, "#3d6fb6"),
        (roles.HighlightedText, "#ffffff"),
        (roles.PlaceholderText, "#8a8d93"),
        (roles.Mid, "#45484e"),
        (roles.Dark, "#18191b"),
    ):
        palette.setColor(role, QColor(colour))
    for role in (roles.Text, roles.WindowText, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7d83"))
    return palette


class GlyphIconEngine(QIconEngine):
    """An icon drawn from one character in the palette's text colour, at any size."""

    def __init__(self, glyph: str) -> None:
        super().__init__()
        self.glyph = glyph

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        palette = QGuiApplication.palette()
        group = (
            QPalette.ColorGroup.Disabled
            if mode == QIcon.Mode.Disabled
            else QPalette.ColorGroup.Active
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        font = QFont(QGuiApplication.font())
        font.setPixelSize(max(6, int(rect.height() * 0.8)))
        painter.setFont(font)
        painter.setPen(palette.color(group, QPalette.ColorRole.WindowText))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.glyph)
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return GlyphIconEngine(self.glyph)


def icon(name: str) -> QIcon:
    """The icon for one of the window's actions (theme icon, else a painted glyph)."""
    theme_name, glyph = ICONS[name]
    if QIcon.hasThemeIcon(theme_name):
        return QIcon.fromTheme(theme_name)
    return QIcon(GlyphIconEngine(glyph))
