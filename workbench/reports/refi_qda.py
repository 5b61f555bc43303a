"""REFI-QDA project exchange (`.qdpx`): the report as a zip archive holding `project.qde`
(valid against the REFI-QDA Project schema) and each article's plain text as
`sources/<guid>.txt`, for ATLAS.ti, NVivo, MAXQDA and QualCoder.

Articles are TextSources; claims are PlainTextSelections whose positions count Unicode code
points from 0 with the end exclusive, as the standard counts them (our own offsets, unchanged);
kind, status, credibility and tags are codes of the codebook; sources, actors and events are
cases with variables; attribution chains, claim–actor and claim–event links, participants and
claim relations are Links. What REFI-QDA has no element for is said in docs/exchange.md.

One pass over the articles writes each article's text into the archive as it comes and its
element into a spool, with notes and links spooled apart, and gathers the tags; then the
project's head (users, the codebook of those tags, variables, cases) and the spools follow
one another in `project.qde`, so memory stays flat. The markup is written as text
(`refi_qda_xml`), and the archive keeps its index of members compactly (`zip_members`).
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from typing import IO, BinaryIO
from xml.sax.saxutils import quoteattr

from workbench.reports import model as rm
from workbench.reports import refi_qda_codes as codes
from workbench.reports import refi_qda_xml as xml
from workbench.reports.model import Report
from workbench.reports.safe_text import xml_safe
from workbench.reports.zip_members import keep_members_compactly

PASSES = 1
SECTIONS = False  # an exchange file carries records, not the analysis sections


def write(report: Report, out: BinaryIO) -> None:
    """Write the report as a .qdpx archive to `out`."""
    user = codes.guid("user", report.analyst)
    with (
        keep_members_compactly(zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED)) as archive,
        tempfile.TemporaryFile() as sources,
        tempfile.TemporaryFile() as notes,
        tempfile.TemporaryFile() as links,
    ):
        spill = xml.Spill(notes, links, user)
        dated = _dated(report)
        tags = _Tags([*report.sources, *report.actors, *report.events])
        cases = _cases(report, spill)
        articles = 0
        for batch in report.batches():
            for article in batch:
                tags.add(article)
                name = f"{codes.SOURCES}{codes.guid('article', article.ref)}.txt"
                archive.writestr(_entry(name, dated), article.text.encode("utf-8"))
                sources.write(xml.text_source(article, spill).encode("utf-8"))
                articles += 1
        for relation in report.relations:
            origin, target = (
                codes.guid("claim", ref) for ref in (relation.from_claim, relation.to_claim)
            )
            spill.link(relation.kind, origin, target)
        with archive.open(_entry(codes.QDE, dated), "w") as qde:
            qde.write(_head(report, user, tags.found(), cases, spill.creators))
            for tag, spool, count in (
                ("Sources", sources, articles),
                ("Notes", notes, spill.note_count),
                ("Links", links, spill.link_count),
            ):
                _copy(qde, tag, spool, count)
            qde.write(b"</Project>\n")


Dated = tuple[int, int, int, int, int, int]  # a zip entry's date and time


def _dated(report: Report) -> Dated:
    moment = report.created
    return moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second


def _entry(name: str, dated: Dated) -> zipfile.ZipInfo:
    """An archive entry dated by the report (not the clock), compressed. The archive keeps
    every entry's ZipInfo until it writes its central directory, one per article: given the
    one `dated` tuple, each costs about 380 bytes instead of 470."""
    info = zipfile.ZipInfo(name, date_time=dated)
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


class _Tags:
    """Every tag the report uses, on records, articles and claims, met in that order (the
    first spelling kept): the codebook, which the schema puts before the sources, is written
    after them, from the spools."""

    def __init__(self, records: list[rm.Source | rm.Actor | rm.Event]) -> None:
        self._found: dict[str, str] = {}
        for record in records:
            self._named(record.tags)

    def add(self, article: rm.Article) -> None:
        self._named(article.tags)
        for claim in article.claims:
            self._named(claim.tags)

    def _named(self, tags: tuple[str, ...]) -> None:
        for tag in tags:
            self._found.setdefault(tag.casefold(), tag)

    def found(self) -> list[str]:
        return list(self._found.values())


def _cases(report: Report, spill: xml.Spill) -> list[str]:
    made = [xml.record_case(source, codes.SOURCE_CASE, spill) for source in report.sources]
    made += [xml.record_case(actor, codes.ACTOR_CASE, spill) for actor in report.actors]
    made += [xml.event_case(event, spill) for event in report.events]
    return made


def _head(
    report: Report, user: str, tags: list[str], cases: list[str], creators: dict[str, str]
) -> bytes:
    """The XML declaration, the Project's start tag, and what comes before the sources."""
    attributes = {
        "name": report.title,
        "origin": report.generator,
        "creatingUserGUID": user,
        "creationDateTime": report.created.isoformat(),
    }
    start = " ".join(f"{key}={quoteattr(xml_safe(value))}" for key, value in attributes.items())
    head = f'<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="{codes.NS}" {start}>'
    parts = [head, _users(report, user, creators), _codebook(tags), _variables()]
    if cases:
        parts += ["<Cases>", *cases, "</Cases>"]
    return "".join(parts).encode("utf-8")


def _users(report: Report, user: str, creators: dict[str, str]) -> str:
    """The analyst, then every user of the change log and each user credited with a claim."""
    users = [xml.element("User", guid=user, name=report.analyst or "analyst")]
    named = {user}
    for name in (*report.users, *creators):
        found = creators.get(name) or codes.guid("user", name)
        if found not in named:
            named.add(found)
            users.append(xml.element("User", guid=found, name=name))
    return xml.element("Users", "".join(users), top=True)


def _codebook(tags: list[str]) -> str:
    groups = []
    for group, members in codes.code_groups(tags):
        inside = "".join(
            xml.element("Code", guid=code.guid, name=code.name, isCodable="true", color=code.colour)
            for code in members
        )
        groups.append(
            xml.element("Code", inside, guid=group.guid, name=group.name, isCodable="false")
        )
    return xml.element("CodeBook", xml.element("Codes", "".join(groups)), top=True)


def _variables() -> str:
    variables = "".join(
        xml.element("Variable", guid=codes.variable_guid(name), name=name, typeOfVariable=kind)
        for name, kind in (*codes.ARTICLE_VARIABLES, *codes.CASE_VARIABLES)
    )
    return xml.element("Variables", variables, top=True)


def _copy(qde: IO[bytes], tag: str, spool: IO[bytes], count: int) -> None:
    """A spooled list of elements, inside its container (left out when empty, as the schema
    wants at least one)."""
    if not count:
        return
    qde.write(f"<{tag}>".encode())
    spool.seek(0)
    shutil.copyfileobj(spool, qde)
    qde.write(f"</{tag}>".encode())
