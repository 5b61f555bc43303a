"""The elements of a REFI-QDA `project.qde` from the report model, written as markup text: a
case per source, actor and event, a TextSource per article with its claims and mentions as
PlainTextSelections, and the notes and links they point at (gathered in `Spill`, since the
schema puts them after every source).

The bytes are those lxml wrote when each was built as an element tree (a top-level element
declares the namespace; an attribute with an empty value is left out): made from templates, a
million GUIDs and elements cost a few seconds instead of a minute. Every string goes through
`xml_safe` (XML 1.0 cannot carry NUL and the other C0 controls; the text files of the sources
keep them, so positions hold), then `xml_text`, which escapes it as lxml does, so analyst text
stays text."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import IO

from workbench.reports import model as rm
from workbench.reports import refi_qda_codes as codes
from workbench.reports.refi_qda_codes import NS, guid
from workbench.reports.xml_text import safe_attribute, safe_text

DECLARED = f' xmlns="{NS}"'  # on each top-level element, as lxml wrote them


def element(tag: str, content: str = "", /, top: bool = False, **attributes: str) -> str:
    """`<tag …>content</tag>` (or `<tag …/>` when empty), its non-empty attributes in the
    order given; `top` for an element written on its own (it declares the namespace)."""
    named = "".join(
        [f' {key}="{safe_attribute(value)}"' for key, value in attributes.items() if value]
    )
    start = f"<{tag}{DECLARED}{named}" if top else f"<{tag}{named}"
    return f"{start}>{content}</{tag}>" if content else f"{start}/>"


def text_child(name: str, value: str) -> str:
    """`<name>value</name>`, or nothing for no value."""
    return f"<{name}>{safe_text(value)}</{name}>" if value else ""


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
        content = text_child("PlainTextContent", body)
        note = element("Note", content, top=True, guid=note_guid, name=name, creatingUser=self.user)
        self.notes.write(note.encode("utf-8"))
        self.note_count += 1
        return note_guid

    def link(self, name: str, origin: str, target: str, index: int = 0, cue: str = "") -> None:
        link_guid = guid("link", name, origin, target, index)
        start = (
            f'<Link{DECLARED} guid="{link_guid}"'
            + (f' name="{safe_attribute(name)}"' if name else "")
            + f' direction="OneWay" originGUID="{safe_attribute(origin)}"'
            f' targetGUID="{safe_attribute(target)}"'
        )
        if cue:
            reference = note_ref(self.note(link_guid, 0, cue, name="cue"))
            link = f"{start}>{reference}</Link>"
        else:
            link = f"{start}/>"
        self.links.write(link.encode("utf-8"))
        self.link_count += 1


def note_ref(note_guid: str) -> str:
    return element("NoteRef", targetGUID=note_guid)


def value_element(variable: str, kind: str, value: object) -> str:
    """A VariableValue of `variable` (of type `kind`), or nothing when there is no value."""
    if value in ("", None, ()):
        return ""
    if isinstance(value, datetime | date):
        shown = value.isoformat()
    else:
        shown = "\n".join(value) if isinstance(value, tuple) else str(value)
    reference = element("VariableRef", targetGUID=codes.variable_guid(variable))
    held = f"<{kind}Value>{safe_text(shown)}</{kind}Value>"
    return f"<VariableValue>{reference}{held}</VariableValue>"


def tag_refs(tags: Iterable[str]) -> str:
    return "".join(element("CodeRef", targetGUID=codes.tag_code(tag)) for tag in tags)


def record_case(record: rm.Source | rm.Actor, kind: str, spill: Spill) -> str:
    """A source or actor as a Case: kind, reliability and aliases as variables."""
    case_guid = codes.case_guid(kind, record.name)
    content = [text_child("Description", record.description), tag_refs(record.tags)]
    content.append(value_element("record", "Text", kind))
    content.append(value_element("kind", "Text", record.kind))
    content.append(value_element("reliability", "Text", record.reliability))
    content.append(value_element("aliases", "Text", record.aliases))
    _case_notes(case_guid, record.notes, spill)
    return element("Case", "".join(content), top=True, guid=case_guid, name=record.name)


def event_case(event: rm.Event, spill: Spill) -> str:
    """An event as a Case: its dates, precisions and place as variables; its participants as
    links to their actors' cases."""
    case_guid = codes.case_guid(codes.EVENT_CASE, event.ref)
    content = [text_child("Description", event.description), tag_refs(event.tags)]
    for name, value in (
        ("record", codes.EVENT_CASE),
        ("kind", event.kind),
        ("start date", event.start_date),
        ("start precision", event.start_precision if event.start_date else ""),
        ("end date", event.end_date),
        ("end precision", event.end_precision if event.end_date else ""),
        ("place", event.place),
    ):
        content.append(value_element(name, "Date" if name.endswith("date") else "Text", value))
    for participant in event.participants:
        actor = codes.case_guid(codes.ACTOR_CASE, participant.actor)
        spill.link(codes.PARTICIPANT_LINK + participant.role, case_guid, actor)
    _case_notes(case_guid, event.notes, spill)
    return element("Case", "".join(content), top=True, guid=case_guid, name=event.title)


def _case_notes(case_guid: str, notes: tuple[str, ...], spill: Spill) -> None:
    """The schema gives a case no NoteRef: each note is linked to its case instead."""
    for index, body in enumerate(notes):
        spill.link(codes.NOTE_LINK, spill.note(case_guid, index, body), case_guid, index)


def text_source(article: rm.Article, spill: Spill) -> str:
    """An article as a TextSource whose text is `sources/<guid>.txt` in the archive."""
    source_guid = codes.guid("article", article.ref)
    content = [claim_selection(claim, spill) for claim in article.claims]
    content += [
        mention_selection(article, index, mention, spill)
        for index, mention in enumerate(article.mentions)
    ]
    content += [_coding(source_guid, codes.tag_code(tag), spill.user) for tag in article.tags]
    content += [
        note_ref(spill.note(source_guid, index, body)) for index, body in enumerate(article.notes)
    ]
    content += [
        value_element(variable, kind, getattr(article, variable))
        for variable, kind in codes.ARTICLE_VARIABLES
    ]
    return element(
        "TextSource",
        "".join(content),
        top=True,
        guid=source_guid,
        name=article.title,
        plainTextPath=f"internal://{source_guid}.txt",
        creatingUser=spill.user,
    )


def claim_selection(claim: rm.Claim, spill: Spill) -> str:
    """A claim as a PlainTextSelection (positions in code points, as the standard counts):
    its summary the description, kind, status, credibility and tags as codings."""
    selection_guid = codes.guid("claim", claim.ref)
    creator = spill.credit(claim.created_by)
    wanted = [codes.kind_code(claim.kind), codes.status_code(claim.status)]
    wanted += [codes.credibility_code(claim.credibility)]
    wanted += [codes.tag_code(tag) for tag in claim.tags]
    if claim.orphaned:
        wanted.append(codes.mark_code(codes.ORPHANED))
    content = [text_child("Description", claim.summary)]
    content += [_coding(selection_guid, code, creator) for code in wanted]
    content += [
        note_ref(spill.note(selection_guid, index, body)) for index, body in enumerate(claim.notes)
    ]
    _claim_links(claim, selection_guid, spill)
    return element(
        "PlainTextSelection",
        "".join(content),
        guid=selection_guid,
        name=claim.exact,
        startPosition=str(claim.start),
        endPosition=str(claim.end),
        creatingUser=creator,
        creationDateTime=stamp(claim.created),
        modifyingUser=spill.user if claim.modified else "",
        modifiedDateTime=stamp(claim.modified),
    )


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


def mention_selection(article: rm.Article, index: int, mention: rm.Mention, spill: Spill) -> str:
    """An actor mention: a selection coded "actor mention", linked to the actor's case."""
    selection_guid = codes.guid("mention", article.ref, index, mention.start, mention.end)
    target = codes.case_guid(codes.ACTOR_CASE, mention.actor)
    spill.link(codes.MENTION_LINK, selection_guid, target)
    return element(
        "PlainTextSelection",
        _coding(selection_guid, codes.mark_code(codes.MENTION), spill.user),
        guid=selection_guid,
        name=mention.exact,
        startPosition=str(mention.start),
        endPosition=str(mention.end),
        creatingUser=spill.user,
    )


def _coding(owner: str, code: str, user: str) -> str:
    """A Coding of `code` (a GUID of ours) by `user` (a GUID) of what `owner` (a GUID) names;
    the GUIDs, made by us, need no escaping."""
    return (
        f'<Coding guid="{guid("coding", owner, code)}" creatingUser="{user}">'
        f'<CodeRef targetGUID="{code}"/></Coding>'
    )
