"""Importing a REFI-QDA project (.qdpx) — ours, or one from ATLAS.ti, NVivo, MAXQDA or
QualCoder: text sources become articles, their text selections claims (or actor mentions),
codes become tags, kinds, statuses or credibility grades as the plan says
(`import_refi_qda_codes`), cases written by us become sources, actors and events again, and
links become attribution chains, claim links and claim relations.

The archive is read and checked whole before anything is written, then written in one
command (`import_exchange`), so a malformed file changes nothing.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from workbench.reports import refi_qda_codes as ours
from workbench.services.errors import InvalidInput
from workbench.services.exchange import ExchangeSummary
from workbench.services.import_exchange import ExchangeContents, import_contents
from workbench.services.import_refi_qda_codes import (
    ForeignCode,
    Plan,
    checked_use,
    codes_of,
    default_plan,
)
from workbench.services.import_refi_qda_parts import QdeReader
from workbench.services.project import Project

MAX_QDE_BYTES = 2**31 - 1  # the standard's limit for one file of the archive


def is_qdpx(path: Path) -> bool:
    """Whether the file is a zip archive holding a project.qde (whatever its name)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return ours.QDE in {name.lower() for name in archive.namelist()}
    except (zipfile.BadZipFile, OSError):
        return False


def codebook(path: Path | str) -> tuple[list[ForeignCode], Plan]:
    """The archive's codes, and what the import makes of each unless told otherwise."""
    root, _ = _opened(Path(path))
    codes = codes_of(root)
    return codes, default_plan(codes)


def import_qdpx(project: Project, path: Path | str, plan: Plan | None = None) -> ExchangeSummary:
    """Read a .qdpx into the project (all of it, or nothing); `plan` maps code GUIDs to what
    each becomes (by default: `default_plan`)."""
    path = Path(path)
    root, texts = _opened(path)
    chosen = default_plan(codes_of(root)) | {
        guid: checked_use(use) for guid, use in (plan or {}).items()
    }
    reader = QdeReader(root, texts, chosen)
    try:
        contents: ExchangeContents = reader.contents()
    except ValueError as error:
        raise InvalidInput(f"{path.name}: {error}") from None
    summary = import_contents(project, path, contents, "REFI-QDA")
    summary.skipped.extend(reader.skipped)
    return summary


def _opened(path: Path) -> tuple[etree._Element, dict[str, str]]:
    """The parsed project.qde and the text of every `sources/*.txt` of the archive."""
    if not path.is_file():
        raise InvalidInput(f"no file at {path}")
    try:
        with zipfile.ZipFile(path) as archive:
            names = {name.lower(): name for name in archive.namelist()}
            if ours.QDE not in names:
                raise InvalidInput(f"{path.name}: not a REFI-QDA project (no project.qde inside)")
            info = archive.getinfo(names[ours.QDE])
            if info.file_size > MAX_QDE_BYTES:
                raise InvalidInput(f"{path.name}: its project.qde is larger than 2 GB")
            root = _parsed(archive.read(info), path)
            texts = {
                name.rsplit("/", 1)[-1].lower(): archive.read(name).decode("utf-8")
                for lower, name in names.items()
                if lower.startswith(ours.SOURCES) and lower.endswith(".txt")
            }
    except zipfile.BadZipFile:
        raise InvalidInput(f"{path.name}: not a REFI-QDA project (not a zip archive)") from None
    except UnicodeDecodeError:
        raise InvalidInput(
            f"{path.name}: a text source is not UTF-8, as REFI-QDA requires"
        ) from None
    return root, texts


def _parsed(data: bytes, path: Path) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise InvalidInput(
            f"{path.name}: its project.qde is not well-formed XML ({error})"
        ) from None
    if root.tag != f"{{{ours.NS}}}Project":
        raise InvalidInput(f"{path.name}: its project.qde holds no REFI-QDA Project")
    return root
