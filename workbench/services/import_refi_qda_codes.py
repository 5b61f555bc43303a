"""What each code of a REFI-QDA codebook becomes in our project: a tag, a claim kind, status or
credibility, a mark of ours (orphaned claim, actor mention), or nothing.

`codebook(path)` lists the codes of a .qdpx (for the preview dialog) with the plan the import
would follow unless the analyst changes it: codes of our own codebook are read back as what
they were (kind, status, credibility, tags); every other tool's code becomes a tag of its name.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from workbench.domain.grades import CREDIBILITY_WORDING, ClaimKind, ClaimStatus
from workbench.reports import refi_qda_codes as ours
from workbench.services.errors import InvalidInput

TAG, KIND, STATUS, CREDIBILITY, MARK, IGNORE = (
    "tag",
    "kind",
    "status",
    "credibility",
    "mark",
    "ignore",
)
CHOICES = (TAG, KIND, STATUS, CREDIBILITY, IGNORE)


@dataclass(frozen=True)
class Use:
    """What a code becomes: `what` (tag, kind, status, credibility, mark, ignore) and the
    value (a tag's name, a kind, a status, a grade "1"–"6", a mark)."""

    what: str
    value: str = ""


@dataclass(frozen=True)
class ForeignCode:
    guid: str
    name: str
    path: tuple[str, ...]  # the names of its parents, then its own
    codable: bool


Plan = dict[str, Use]


def codes_of(root: etree._Element) -> list[ForeignCode]:
    """Every code of the project's codebook, parents before their children."""
    book = root.find(f"{{{ours.NS}}}CodeBook/{{{ours.NS}}}Codes")
    return list(_walk(book, ())) if book is not None else []


def _walk(parent: etree._Element, path: tuple[str, ...]) -> Iterator[ForeignCode]:
    for code in parent.iterfind(f"{{{ours.NS}}}Code"):
        name = code.get("name", "")
        guid = code.get("guid", "")
        if not guid:
            raise InvalidInput(f"the codebook's code “{name}” has no guid")
        yield ForeignCode(guid, name, (*path, name), code.get("isCodable", "true") == "true")
        yield from _walk(code, (*path, name))


def default_plan(codes: list[ForeignCode]) -> Plan:
    """Ours back to what they were; anyone else's code a tag named as the code."""
    return {code.guid: _default_use(code) for code in codes}


def _default_use(code: ForeignCode) -> Use:
    group = code.path[0] if len(code.path) == 2 else ""
    name = code.name
    if group == ours.KIND and name in set(ClaimKind):
        return Use(KIND, name)
    if group == ours.STATUS and name in set(ClaimStatus):
        return Use(STATUS, name)
    if group == ours.CREDIBILITY and name[:1].isdigit() and int(name[0]) in CREDIBILITY_WORDING:
        return Use(CREDIBILITY, name[0])
    if group == ours.WORKBENCH and name in (ours.ORPHANED, ours.MENTION):
        return Use(MARK, name)
    if not code.codable and len(code.path) == 1 and name in _OUR_GROUPS:
        return Use(IGNORE)
    return Use(TAG, name)


_OUR_GROUPS = (ours.KIND, ours.STATUS, ours.CREDIBILITY, ours.TAGS, ours.WORKBENCH)


def checked_use(use: Use) -> Use:
    """A use the analyst chose, refused in one line when its value is not one of ours."""
    known = {
        KIND: {kind.value for kind in ClaimKind},
        STATUS: {status.value for status in ClaimStatus},
        CREDIBILITY: {str(grade) for grade in CREDIBILITY_WORDING},
    }
    if use.what in known and use.value not in known[use.what]:
        raise InvalidInput(f"{use.value!r} is not a claim {use.what}")
    if use.what not in (*CHOICES, MARK):
        raise InvalidInput(f"a code can become one of: {', '.join(CHOICES)}; not {use.what!r}")
    return use
