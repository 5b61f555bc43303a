"""Which packages the wheel holds; everything else about the project is in pyproject.toml.

The Alembic scripts (`db/`) and the resources (`resources/`) stay at the top of the checkout,
where developers look for them, and travel inside the package as `workbench._migrations` and
`workbench._resources` (every file in them, every subfolder), so an installed workbench reads
them with `importlib.resources` (`workbench/resources.py`). The editable install maps them too.
"""

from setuptools import find_namespace_packages, find_packages, setup

DATA_FOLDERS = {"workbench._migrations": "db", "workbench._resources": "resources"}


def data_packages() -> list[str]:
    """Each data folder and its subfolders, as the packages they are installed as."""
    found = []
    for package, folder in DATA_FOLDERS.items():
        subfolders = find_namespace_packages(where=folder, exclude=["*__pycache__*"])
        found += [package, *(f"{package}.{subfolder}" for subfolder in subfolders)]
    return found


setup(
    packages=[*find_packages(include=["workbench*"]), *data_packages()],
    package_dir=DATA_FOLDERS,
    package_data={package: ["*"] for package in data_packages()},
    exclude_package_data={package: ["*.pyc"] for package in data_packages()},
)
