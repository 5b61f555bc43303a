"""Which exchange format a file is in, told by its content (not only its name), and the one
import function for each: `exchange_format(path)` and `import_exchange_file(project, path)`.

A file none of these recognises is left to the ordinary article import (HTML, text, PDF…).
"""

from __future__ import annotations

import importlib
import json
import zipfile
from pathlib import Path
from typing import Any

from workbench.services.errors import InvalidInput
from workbench.services.project import Project

# format → (module, function): each takes (project, path) and returns a one-line summary.
IMPORTERS = {
    "jsonld": ("workbench.services.exchange", "import_web_annotations"),
    "qdpx": ("workbench.services.import_refi_qda", "import_qdpx"),
    "stix": ("workbench.services.import_stix", "import_stix"),
    "ftm": ("workbench.services.import_ftm", "import_ftm"),
    "csljson": ("workbench.services.import_citations", "import_citations"),
    "ris": ("workbench.services.import_citations", "import_citations"),
}
SUFFIXES = {".jsonld": "jsonld", ".qdpx": "qdpx", ".ris": "ris"}
HEAD_BYTES = 64 * 1024


def exchange_format(path: Path | str) -> str | None:
    """The exchange format the file's content is in (its suffix when the content is broken)."""
    path = Path(path)
    if not path.is_file():
        return None
    with path.open("rb") as stream:
        head = stream.read(HEAD_BYTES)
    if head.startswith(b"PK"):
        return _zipped(path)
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"TY  -"):
        return "ris"
    found = _json_kind(head) if head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[") else None
    return found or SUFFIXES.get(path.suffix.lower())


def import_exchange_file(project: Project, path: Path | str, fmt: str | None = None) -> Any:
    """Import one exchange file (its format told by its content), as one command."""
    fmt = fmt or exchange_format(path)
    if fmt is None:
        raise InvalidInput(f"{Path(path).name}: not an exchange file this workbench reads")
    if fmt not in IMPORTERS:
        raise InvalidInput(f"{Path(path).name}: {fmt} files are exported, not imported")
    module, function = IMPORTERS[fmt]
    return getattr(importlib.import_module(module), function)(project, path)


def _zipped(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as archive:
            names = {name.lower() for name in archive.namelist()}
    except zipfile.BadZipFile:
        return SUFFIXES.get(path.suffix.lower())
    return "qdpx" if "project.qde" in names else None


def _json_kind(head: bytes) -> str | None:
    """A JSON file's format from the keys near its start (the file may be longer than read)."""
    text = head.decode("utf-8", errors="ignore")
    markers = (
        ('"type": "bundle"', "stix"),
        ('"type":"bundle"', "stix"),
        ('"ClaimReview"', "claimreview"),
        ("anno.jsonld", "jsonld"),
        ('"AnnotationCollection"', "jsonld"),
        ('"Annotation"', "jsonld"),
    )
    for marker, fmt in markers:
        if marker in text:
            return fmt
    return _ftm_or_csl(text)


def _ftm_or_csl(text: str) -> str | None:
    """FollowTheMoney: JSON lines each with "schema"; CSL-JSON: an array of items with "type"
    and "title" or "id"."""
    first = text.lstrip("\ufeff \t\r\n").split("\n", 1)[0]
    try:
        value = json.loads(first)
    except ValueError:
        value = None
    if isinstance(value, dict) and "schema" in value and "properties" in value:
        return "ftm"
    if text.lstrip("\ufeff \t\r\n").startswith("[") and '"type"' in text and '"title"' in text:
        return "csljson"
    return None
