"""The elements of a REFI-QDA `project.qde`, built with lxml from the report model: a case per
source, actor and event, a TextSource per article with its claims and mentions as
PlainTextSelections, and the notes and links they point at (gathered in `Spill`, since the
schema puts them after every source). Every string goes through `xml_safe`: XML 1.0 cannot
carry NUL and the other C0 controls (the text files of the sources keep them, so positions hold)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import IO

from lxml import etree
from lxml.etree import _Element as Element

from workbench.reports import model as rm
from workbench.reports import refi_qda_codes as codes
from workbench.reports.refi_qda_codes import NS, guid
from workbench.reports.safe_text import xml_safe


def q(name: str) -> str:
    """The qualified name of a REFI-QDA element."""
    return f"{{{NS}}}{name}"


def element(tag: str, parent: Element | None = None, /, **attributes: str) -> Element:
    kept = {key: xml_safe(value) for key, value in attributes.items() if value != ""}
    if parent is None:
        return etree.Element(q(tag), kept, nsmap={None: NS})
    return etree.SubElement(parent, q(tag), kept)


def text_child(parent: Element, name: str, text: str) -> None:
    if text:
        element(name, parent).text = xml_safe(text)


def stamp(moment: datetime | None) -> str:
    return moment.isoformat() if moment is not None else ""


class Spill:
    """Notes and links met while writing sources, kept in spool files until their turn."""

    def __init__(self, notes: IO[bytes], links: IO[bytes], user: str) -> None:
        self.notes, self.links, self.user = notes, links, user
        self.note_count = self.link_count = 0
        self.creators: dict[str, str] = {}  # name → GUID of each user credited with a claim

    def credit(self, name: str) -> str:
        """The GUID of the user who created a claim (the analyst's when it is not known)."""
        if not name:
            return self.user
        found = self.creators.get(name)
        if found is None:
            found = self.creators[name] = guid("user", name)
        return found

    def note(self, owner: str, index: int, body: str, name: str = "note") -> str:
        """A Note (its text as PlainTextContent) about `owner`; returns its GUID."""
        note_guid = guid("note", owner, index)
        note = element("Note", guid=note_guid, name=name, creatingUser=self.user)
        text_child(note, "PlainTextContent", body)
        self.notes.write(etree.tostring(note, encoding="utf-8"))
        self.note_count += 1
        return note_guid

    def link(self, name: str, origin: str, target: str, index: int = 0, cue: str = "") -> None:
        link_guid = guid("link", name, origin, target, index)
        link = element(
            "Link",
            guid=link_guid,
            name=name,
            direction="OneWay",
            originGUID=origin,
            targetGUID=target,
        )
        if cue:
            element("NoteRef", link, targetGUID=self.note(link_guid, 0, cue, name="cue"))
        self.links.write(etree.tostring(link, encoding="utf-8"))
        self.link_count += 1


def value_element(parent: Element, variable: str, kind: str, value: object) -> None:
    """A VariableValue of `variable` (of type `kind`), left out when there is no value."""
    if value in ("", None, ()):
        return
    held = element("VariableValue", parent)
    element("VariableRef", held, targetGUID=codes.variable_guid(variable))
    if isinstance(value, datetime | date):
        text = value.isoformat()
    else:
        text = "\n".join(value) if isinstance(value, tuple) else str(value)
    element(f"{kind}Value", held).text = xml_safe(text)


def tag_refs(parent: Element, tags: Iterable[str]) -> None:
    for tag in tags:
        element("CodeRef", parent, targetGUID=codes.tag_code(tag))


def record_case(record: rm.Source | rm.Actor, kind: str, spill: Spill) -> Element:
    """A source or actor as a Case: kind, reliability and aliases as variables."""
    case_guid = codes.case_guid(kind, record.name)
    case = element("Case", guid=case_guid, name=record.name)
    text_child(case, "Description", record.description)
    tag_refs(case, record.tags)
    value_element(case, "record", "Text", kind)
    value_element(case, "kind", "Text", record.kind)
    value_element(case, "reliability", "Text", record.reliability)
    value_element(case, "aliases", "Text", record.aliases)
    _case_notes(case_guid, record.notes, spill)
    return case


def event_case(event: rm.Event, spill: Spill) -> Element:
    """An event as a Case: its dates, precisions and place as variables; its participants as
    links to their actors' cases."""
    case_guid = codes.case_guid(codes.EVENT_CASE, event.ref)
    case = element("Case", guid=case_guid, name=event.title)
    text_child(case, "Description", event.description)
    tag_refs(case, event.tags)
    for name, value in (
        ("record", codes.EVENT_CASE),
        ("kind", event.kind),
        ("start date", event.start_date),
        ("start precision", event.start_precision if event.start_date else ""),
        ("end date", event.end_date),
        ("end precision", event.end_precision if event.end_date else ""),
        ("place", event.place),
    ):
        value_element(case, name, "Date" if name.endswith("date") else "Text", value)
    for participant in event.participants:
        actor = codes.case_guid(codes.ACTOR_CASE, participant.actor)
        spill.link(codes.PARTICIPANT_LINK + participant.role, case_guid, actor)
    _case_notes(case_guid, event.notes, spill)
    return case


def _case_notes(case_guid: str, notes: tuple[str, ...], spill: Spill) -> None:
    """The schema gives a case no NoteRef: each note is linked to its case instead."""
    for index, body in enumerate(notes):
        spill.link(codes.NOTE_LINK, spill.note(case_guid, index, body), case_guid, index)


def text_source(article: rm.Article, spill: Spill) -> Element:
    """An article as a TextSource whose text is `sources/<guid>.txt` in the archive."""
    source_guid = codes.guid("article", article.ref)
    source = element(
        "TextSource",
        guid=source_guid,
        name=article.title,
        plainTextPath=f"internal://{source_guid}.txt",
        creatingUser=spill.user,
    )
    for claim in article.claims:
        source.append(claim_selection(claim, spill))
    for index, mention in enumerate(article.mentions):
        source.append(mention_selection(article, index, mention, spill))
    for tag in article.tags:
        _coding(source, source_guid, codes.tag_code(tag), spill.user)
    for index, body in enumerate(article.notes):
        element("NoteRef", source, targetGUID=spill.note(source_guid, index, body))
    for variable, kind in codes.ARTICLE_VARIABLES:
        value_element(source, variable, kind, getattr(article, variable))
    return source


def claim_selection(claim: rm.Claim, spill: Spill) -> Element:
    """A claim as a PlainTextSelection (positions in code points, as the standard counts):
    its summary the description, kind, status, credibility and tags as codings."""
    selection_guid = codes.guid("claim", claim.ref)
    creator = spill.credit(claim.created_by)
    selection = element(
        "PlainTextSelection",
        guid=selection_guid,
        name=claim.exact,
        startPosition=str(claim.start),
        endPosition=str(claim.end),
        creatingUser=creator,
        creationDateTime=stamp(claim.created),
        modifyingUser=spill.user if claim.modified else "",
        modifiedDateTime=stamp(claim.modified),
    )
    text_child(selection, "Description", claim.summary)
    wanted = [codes.kind_code(claim.kind), codes.status_code(claim.status)]
    wanted += [codes.credibility_code(claim.credibility)]
    wanted += [codes.tag_code(tag) for tag in claim.tags]
    if claim.orphaned:
        wanted.append(codes.mark_code(codes.ORPHANED))
    for code in wanted:
        _coding(selection, selection_guid, code, creator)
    for index, body in enumerate(claim.notes):
        element("NoteRef", selection, targetGUID=spill.note(selection_guid, index, body))
    _claim_links(claim, selection_guid, spill)
    return selection


def _claim_links(claim: rm.Claim, selection_guid: str, spill: Spill) -> None:
    for position, hop in enumerate(claim.attribution, start=1):
        name = f"{codes.HOP_LINK} {position}: {hop.role}" + (
            codes.ANONYMOUS if hop.anonymous else ""
        )
        target = codes.case_guid(hop.kind, hop.name)
        spill.link(name, selection_guid, target, position, cue=hop.cue)
    for link in claim.actors:
        target = codes.case_guid(codes.ACTOR_CASE, link.name)
        spill.link(codes.ACTOR_LINK + link.role, selection_guid, target)
    for link in claim.events:
        target = codes.case_guid(codes.EVENT_CASE, link.ref)
        spill.link(codes.EVENT_LINK + link.role, selection_guid, target)


def mention_selection(
    article: rm.Article, index: int, mention: rm.Mention, spill: Spill
) -> Element:
    """An actor mention: a selection coded "actor mention", linked to the actor's case."""
    selection_guid = codes.guid("mention", article.ref, index, mention.start, mention.end)
    selection = element(
        "PlainTextSelection",
        guid=selection_guid,
        name=mention.exact,
        startPosition=str(mention.start),
        endPosition=str(mention.end),
        creatingUser=spill.user,
    )
    _coding(selection, selection_guid, codes.mark_code(codes.MENTION), spill.user)
    target = codes.case_guid(codes.ACTOR_CASE, mention.actor)
    spill.link(codes.MENTION_LINK, selection_guid, target)
    return selection


def _coding(parent: Element, owner: str, code: str, user: str) -> None:
    coding = element("Coding", parent, guid=guid("coding", owner, code), creatingUser=user)
    element("CodeRef", coding, targetGUID=code)
