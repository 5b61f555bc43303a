"""The elements of a parsed `project.qde` read into the report model: cases as sources, actors
and events (ours carry a "record" variable; other tools' cases are left out and said so),
text sources as articles, selections as claims or mentions, links as chains and relations."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from lxml.etree import _Element as Element

from workbench.domain.grades import RelationKind
from workbench.reports import model as rm
from workbench.reports import refi_qda_codes as ours
from workbench.services.import_exchange import ExchangeContents
from workbench.services.import_refi_qda_codes import CREDIBILITY, KIND, MARK, STATUS, TAG, Plan

RELATIONS = {kind.value for kind in RelationKind}


def _q(name: str) -> str:
    return f"{{{ours.NS}}}{name}"


def _children(parent: Element, name: str) -> Iterator[Element]:
    return parent.iterfind(_q(name))


def _text(parent: Element, name: str) -> str:
    found = parent.find(_q(name))
    return (found.text or "") if found is not None else ""


@dataclass
class _Link:
    name: str
    origin: str
    target: str
    cue: str = ""


@dataclass
class QdeReader:
    root: Element
    texts: dict[str, str]
    plan: Plan
    skipped: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.variables = {
            v.get("guid", ""): v.get("name", "") for v in self.root.iter(_q("Variable"))
        }
        self.notes = {note.get("guid", ""): note for note in self.root.iter(_q("Note"))}
        self.links: dict[str, list[_Link]] = {}
        for link in self.root.iter(_q("Link")):
            cues = [
                self._note_text(ref.get("targetGUID", "")) for ref in _children(link, "NoteRef")
            ]
            found = _Link(
                link.get("name", ""), link.get("originGUID", ""), link.get("targetGUID", "")
            )
            found.cue = cues[0] if cues else ""
            self.links.setdefault(found.origin, []).append(found)
        self.cases: dict[str, tuple[str, str]] = {}  # guid → (record kind, name or event ref)
        self.case_names = {
            case.get("guid", ""): case.get("name", "") for case in self.root.iter(_q("Case"))
        }

    def contents(self) -> ExchangeContents:
        contents = ExchangeContents()
        for case in self.root.iter(_q("Case")):
            self._case(case, contents)
        for source in self.root.iter(_q("TextSource")):
            if source.getparent() is not None and source.getparent().tag == _q("Sources"):
                contents.articles.append((source.get("guid", ""), self._article(source)))
        for pdf in self.root.iter(_q("PDFSource")):
            text = pdf.find(_q("Representation"))
            if text is not None:
                contents.articles.append((pdf.get("guid", ""), self._article(text, pdf)))
        contents.relations = self._relations(contents)
        return contents

    def _note_text(self, guid: str) -> str:
        note = self.notes.get(guid)
        if note is None:
            return ""
        path = note.get("plainTextPath", "")
        return self._file_text(path) if path else _text(note, "PlainTextContent")

    def _file_text(self, path: str) -> str:
        name = path.removeprefix("internal://").lower()
        if not path.startswith("internal://") or name not in self.texts:
            raise ValueError(f"the text {path} is not inside the archive")
        return self.texts[name]

    def _values(self, element: Element) -> dict[str, str]:
        found = {}
        for held in _children(element, "VariableValue"):
            ref = held.find(_q("VariableRef"))
            name = self.variables.get(ref.get("targetGUID", "") if ref is not None else "", "")
            values = [child.text or "" for child in held if child.tag != _q("VariableRef")]
            if name and values:
                found[name] = values[0]
        return found

    def _tags(self, element: Element, name: str) -> tuple[str, ...]:
        refs = [ref.get("targetGUID", "") for ref in _children(element, name)]
        if name == "Coding":
            refs = [self._coded(coding) for coding in _children(element, "Coding")]
        uses = [self.plan.get(ref) for ref in refs]
        return tuple(
            sorted({use.value for use in uses if use and use.what == TAG}, key=str.casefold)
        )

    @staticmethod
    def _coded(coding: Element) -> str:
        ref = coding.find(_q("CodeRef"))
        return ref.get("targetGUID", "") if ref is not None else ""

    def _case_notes(self, guid: str) -> tuple[str, ...]:
        noted = [
            self._note_text(link.origin)
            for links in self.links.values()
            for link in links
            if link.name == ours.NOTE_LINK and link.target == guid
        ]
        return tuple(noted)

    def _case(self, case: Element, contents: ExchangeContents) -> None:
        guid, name = case.get("guid", ""), case.get("name", "")
        values = self._values(case)
        record = values.get("record", "")
        common: dict[str, Any] = {"description": _text(case, "Description")}
        common["tags"] = self._tags(case, "CodeRef")
        common["notes"] = self._case_notes(guid)
        if record == ours.SOURCE_CASE:
            source = rm.Source(
                name,
                values.get("kind", "other"),
                values.get("reliability", "F"),
                _aliases(values),
                **common,
            )
            contents.sources.append((guid, source))
            self.cases[guid] = (rm.SOURCE, name)
        elif record == ours.ACTOR_CASE:
            actor = rm.Actor(
                name,
                values.get("kind", "person"),
                _aliases(values),
                reliability=values.get("reliability", "F"),
                **common,
            )
            contents.actors.append((guid, actor))
            self.cases[guid] = (rm.ACTOR, name)
        elif record == ours.EVENT_CASE:
            contents.events.append((guid, self._event(case, guid, values, common)))
            self.cases[guid] = (ours.EVENT_CASE, guid)
        else:
            self.skipped.append(f"case “{name}” is not a source, actor or event of ours")

    def _event(
        self, case: Element, guid: str, values: dict[str, str], common: dict[str, Any]
    ) -> rm.Event:
        participants = [
            rm.Participant(
                self._case_name(link.target), link.name.removeprefix(ours.PARTICIPANT_LINK)
            )
            for link in self.links.get(guid, [])
            if link.name.startswith(ours.PARTICIPANT_LINK)
        ]
        return rm.Event(
            ref=guid,
            title=case.get("name", ""),
            kind=values.get("kind", ""),
            start_date=_date(values.get("start date")),
            start_precision=values.get("start precision", "day"),
            end_date=_date(values.get("end date")),
            end_precision=values.get("end precision", "day"),
            place=values.get("place", ""),
            participants=tuple(participants),
            **common,
        )

    def _case_name(self, guid: str) -> str:
        if guid not in self.case_names:
            raise ValueError(f"a link points at the case {guid}, which the project does not hold")
        return self.case_names[guid]

    def _article(self, source: Element, owner: Element | None = None) -> rm.Article:
        owner = source if owner is None else owner
        path = source.get("plainTextPath", "")
        text = self._file_text(path) if path else _text(source, "PlainTextContent")
        values = self._values(owner)
        claims, mentions = [], []
        for selection in _children(source, "PlainTextSelection"):
            made = self._selection(selection, text)
            if isinstance(made, rm.Mention):
                mentions.append(made)
            elif made is not None:
                claims.append(made)
        notes = [self._note_text(ref.get("targetGUID", "")) for ref in _children(owner, "NoteRef")]
        return rm.Article(
            ref=owner.get("guid", ""),
            title=owner.get("name", ""),
            text=text,
            outlet=values.get("outlet", ""),
            authors=tuple(a for a in values.get("authors", "").split("\n") if a),
            url=values.get("url", ""),
            published=_moment(values.get("published")),
            language=values.get("language", ""),
            tags=self._tags(owner, "Coding"),
            notes=tuple(notes),
            claims=tuple(claims),
            mentions=tuple(mentions),
        )

    def _selection(self, selection: Element, text: str) -> rm.Claim | rm.Mention | None:
        guid = selection.get("guid", "")
        start, end = (
            int(selection.get("startPosition", "0")),
            int(selection.get("endPosition", "0")),
        )
        uses = [self.plan.get(self._coded(c)) for c in _children(selection, "Coding")]
        marks = {use.value for use in uses if use and use.what == MARK}
        exact = text[start:end] if ours.ORPHANED not in marks else selection.get("name", "")
        links = self.links.get(guid, [])
        if ours.MENTION in marks:
            actor = [self._case_name(to.target) for to in links if to.name == ours.MENTION_LINK]
            return rm.Mention(actor[0], start, end, exact) if actor else None
        first = {use.what: use.value for use in reversed(uses) if use}
        notes = [
            self._note_text(ref.get("targetGUID", "")) for ref in _children(selection, "NoteRef")
        ]
        return rm.Claim(
            ref=guid,
            number=0,
            start=start,
            end=end,
            exact=exact,
            summary=_text(selection, "Description"),
            kind=first.get(KIND, "statement"),
            status=first.get(STATUS, "unverified"),
            credibility=int(first.get(CREDIBILITY, "6")),
            orphaned=ours.ORPHANED in marks,
            attribution=tuple(self._hops(links)),
            actors=tuple(self._claim_links(links, ours.ACTOR_LINK)),
            events=tuple(self._claim_links(links, ours.EVENT_LINK)),
            tags=self._tags(selection, "Coding"),
            notes=tuple(notes),
            created=_moment(selection.get("creationDateTime")),
            modified=_moment(selection.get("modifiedDateTime")),
        )

    def _hops(self, links: list[_Link]) -> Iterator[rm.Hop]:
        for link in links:
            if not link.name.startswith(ours.HOP_LINK + " ") or link.target not in self.cases:
                continue
            role = link.name.split(": ", 1)[-1]
            anonymous = role.endswith(ours.ANONYMOUS)
            kind, name = self.cases[link.target]
            yield rm.Hop(name, role.removesuffix(ours.ANONYMOUS), kind, link.cue, anonymous)

    def _claim_links(self, links: list[_Link], prefix: str) -> Iterator[rm.Link]:
        for link in links:
            if link.name.startswith(prefix) and link.target in self.cases:
                _, key = self.cases[link.target]
                name = self._case_name(link.target)
                yield rm.Link(key, name, link.name.removeprefix(prefix))

    def _relations(self, contents: ExchangeContents) -> list[rm.Relation]:
        claims = {claim.ref for _, article in contents.articles for claim in article.claims}
        return [
            rm.Relation(link.origin, link.target, link.name)
            for links in self.links.values()
            for link in links
            if link.name in RELATIONS and link.origin in claims and link.target in claims
        ]


def _aliases(values: dict[str, str]) -> tuple[str, ...]:
    return tuple(alias for alias in values.get("aliases", "").split("\n") if alias)


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def _moment(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None
