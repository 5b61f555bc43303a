"""The workbench window (PySide6). Only this package imports Qt widgets."""

from workbench.ui.qt_guard import protect_singletons

protect_singletons()
