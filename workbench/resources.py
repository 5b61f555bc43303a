"""Where the application's data is found: resources (icons, desktop files, report templates,
fonts, the sample's material) and the schema's Alembic scripts.

Both are packages of data inside `workbench` (`_resources`, `_migrations`; setup.py maps the
checkout's `resources/` and `db/` onto them), read through `importlib.resources`: from a wheel,
an editable install and a PyInstaller bundle alike. Only the standard library is imported here.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

RESOURCES_PACKAGE = "workbench._resources"
MIGRATIONS_PACKAGE = "workbench._migrations"


def resources_dir() -> Path:
    """The folder of the installed resources."""
    return _package_folder(RESOURCES_PACKAGE, "resources")


def resource(*parts: str) -> Path:
    """One resource, e.g. `resource("reports", "report.css")`."""
    return resources_dir().joinpath(*parts)


def migration_scripts() -> Path:
    """The folder of the Alembic environment (`env.py`) and its `versions/`."""
    return _package_folder(MIGRATIONS_PACKAGE, "schema migrations")


def _package_folder(package: str, what: str) -> Path:
    try:
        folder = resources.files(package)
    except ModuleNotFoundError:
        missing = f"the workbench's {what} are missing from this installation"
        raise FileNotFoundError(missing) from None
    if not isinstance(folder, Path) or not folder.is_dir():
        # Jinja2, ReportLab and Alembic read files by name: a zipped install cannot serve them.
        raise FileNotFoundError(
            f"the workbench's {what} are not a folder in this installation ({folder}): "
            "install the wheel with pip"
        )
    return folder
