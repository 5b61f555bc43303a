"""The annotations of an exchange file written into the project: claims (with their chains,
links, tags and notes), actor mentions, claim relations, and tags and notes on whole records.

A claim is placed by position, else by its quote with context (`domain.anchoring.reanchor`); one
whose quote is no longer in its article's text (or that the file marks orphaned) is kept as an
orphaned claim with its old quote and context, to be re-attached by the analyst, never dropped.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import select

from workbench.domain import ActorMention, Article, Claim, ClaimRelation
from workbench.domain.anchoring import CONTEXT_CHARS, QuoteSelector, Span, quote_selector, reanchor
from workbench.domain.base import utc_now
from workbench.domain.grades import ActorRole, EventRole, RelationKind
from workbench.reports import model as rm
from workbench.reports.web_items import ClaimPiece, MentionPiece, NotesPiece, Piece
from workbench.reports.web_records import ExchangeFormatError
from workbench.services import claims
from workbench.services.errors import InvalidInput
from workbench.services.exchange_batches import Batches
from workbench.services.exchange_checks import claim_problem
from workbench.services.exchange_records import RecordWriter
from workbench.services.exchange_seen import SeenInImport
from workbench.services.project import Project
from workbench.services.vocabulary import chosen

# The text is read once per article, tens of thousands of times: plain SQL, no compiled
# statement's parameter handling.
TEXT_OF = "SELECT text FROM articles WHERE id = {mark}"


class ClaimWriter:
    def __init__(
        self, project: Project, batches: Batches, summary: Any, records: RecordWriter
    ) -> None:
        self.project, self.batches, self.summary = project, batches, summary
        self.records = records
        self.bulk = records.bulk
        # annotation IRI → (claim id, hash of what it says), and the mentions written: on disk
        # (half a million of each at 100,000 articles); `close()` lets them go
        self.seen = SeenInImport()
        self.relations: list[rm.Relation] = []
        self.related: set[tuple[int, int, str]] = set()
        self.spans: dict[int, Counter[tuple[int, int]]] = {}
        self.orphans: dict[int, Counter[str]] = {}
        self.text: tuple[int, str] = (0, "")
        self.by_url: dict[str, int] = {}

    def write(self, piece: Piece) -> None:
        if isinstance(piece, ClaimPiece):
            self._claim(self._article(piece.article), piece.claim)
        elif isinstance(piece, MentionPiece):
            self._mention(self._article(piece.article), piece.mention)
        elif isinstance(piece, rm.Relation):
            self.relations.append(piece)
        elif isinstance(piece, NotesPiece):
            self._notes(piece)

    def close(self) -> None:
        self.seen.close()

    def finish(self) -> None:
        """Relations (once every claim is in), then every row still waiting is written."""
        for relation in self.relations:
            self._relation(relation)
        self.bulk.flush()

    def _article(self, iri: str) -> int:
        """The article an annotation targets: one of the file's, or one in the project by URL."""
        known = self.records.ids.get(iri) if self.records.kind_of(iri) == "article" else None
        if known is not None:
            return known
        if iri not in self.by_url:
            found = self.batches.session.scalar(
                select(Article.id).where(Article.url == iri).limit(1)
            )
            if found is None:
                raise InvalidInput(
                    f"annotations target {iri}, which is neither in the file nor in this "
                    "project; import that article first"
                )
            self.by_url[iri] = found
            self.summary.article_ids.append(found)
        return self.by_url[iri]

    def _text(self, article_id: int) -> str:
        """The article's text (the last one asked for is kept: its annotations come together)."""
        if self.text[0] != article_id:
            connection = self.batches.session.connection()
            mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
            statement = TEXT_OF.format(mark=mark)
            found = connection.exec_driver_sql(statement, (article_id,)).scalar()
            self.text = (article_id, found or "")
        return self.text[1]

    def _notes(self, piece: NotesPiece) -> None:
        kind = self.records.kind_of(piece.target)
        if kind is None:
            kind, target = "article", self._article(piece.target)
        else:
            target = self.records.ids[piece.target]
        self.records.annotate(kind, target, piece.tags, piece.notes)

    def _mention(self, article_id: int, mention: rm.Mention) -> None:
        span = _placed(self._text(article_id), mention)
        if span is None:
            self.summary.skipped.append(f"mention “{mention.exact[:40]}” not found in the text")
            return
        actor = self.records.named("actor", mention.actor)
        text = self._text(article_id)
        span = claims.trimmed_span(span, text)
        key = (article_id, actor, span.start, span.end)
        if self._mentioned_before(key) or not self.seen.first_mention(*key):
            return
        row = {"article_id": article_id, "actor_id": actor, **_span_columns(text, span)}
        self.bulk.add("actor_mentions", row)
        self.summary.mentions_added += 1

    def _mentioned_before(self, key: tuple[int, int, int, int]) -> bool:
        """Whether an article that was in the project already has this mention."""
        article_id, actor, start, end = key
        if self.bulk.is_new("articles", article_id):
            return False
        known = select(ActorMention.id).where(
            ActorMention.article_id == article_id,
            ActorMention.actor_id == actor,
            ActorMention.start == start,
            ActorMention.end == end,
        )
        return self.batches.session.scalar(known.limit(1)) is not None

    def _claim(self, article_id: int, claim: rm.Claim) -> None:
        if claim.ref in self.seen:
            if self.seen[claim.ref][1] != hash(claim):
                raise ExchangeFormatError(
                    f"two different annotations share the id {claim.ref}; give each its own id"
                )
            self.summary.merged += 1
            return
        problem = claim_problem(claim)
        if problem:
            self.summary.skipped.append(f"claim “{claim.exact[:40]}”: {problem}")
            return
        span = None if claim.orphaned else _placed(self._text(article_id), claim)
        claim_id = (
            self._placed_claim(article_id, span, claim)
            if span is not None
            else self._orphaned_claim(article_id, claim)
        )
        self.seen.remember_claim(claim.ref, claim_id, hash(claim))

    def _placed_claim(self, article_id: int, span: Span, claim: rm.Claim) -> int:
        existing = self._existing(article_id)
        if existing[(span.start, span.end)] > 0:
            existing[(span.start, span.end)] -= 1
            self.summary.claims_present += 1
            query = select(Claim.id).where(
                Claim.article_id == article_id, Claim.start == span.start, Claim.end == span.end
            )
            return self.batches.session.scalars(query.order_by(Claim.id).limit(1)).one()
        text = self._text(article_id)
        if text[span.start : span.end] != claim.exact:  # found near its words: as a selection
            span = claims.trimmed_span(span, text)
        return self._new_claim(article_id, claim, _span_columns(text, span))

    def _orphaned_claim(self, article_id: int, claim: rm.Claim) -> int:
        """A claim whose quote is lost: kept with its old quote, context and place, flagged."""
        orphans = self._existing_orphans(article_id)
        if orphans[claim.exact] > 0:
            orphans[claim.exact] -= 1
            self.summary.claims_present += 1
            query = select(Claim.id).where(
                Claim.article_id == article_id, Claim.orphaned.is_(True), Claim.exact == claim.exact
            )
            return self.batches.session.scalars(query.order_by(Claim.id).limit(1)).one()
        length = len(self._text(article_id))
        start = min(claim.start, length)
        place = {"start": start, "end": min(max(claim.end, start), length), "exact": claim.exact}
        place |= {"prefix": claim.prefix[-32:], "suffix": claim.suffix[:32], "orphaned": True}
        self.summary.claims_orphaned += 1
        return self._new_claim(article_id, claim, place)

    def _new_claim(self, article_id: int, claim: rm.Claim, place: dict[str, Any]) -> int:
        """The claim's row (checked as `claims.create_claim` checks it) and its details'."""
        fields = claims.checked_claim_fields(
            {
                "summary": claim.summary,
                "kind": claim.kind,
                "status": claim.status,
                "credibility": claim.credibility,
            }
        )
        now = utc_now()
        claim_id = self.bulk.new_id("claims")
        row = {"id": claim_id, "article_id": article_id, **fields, "orphaned": False, **place}
        row |= {"created_at": claim.created or now, "updated_at": claim.modified or now}
        self.bulk.add("claims", row)
        self.summary.claims_added += 1
        self._details(claim_id, claim)
        return claim_id

    def _details(self, claim_id: int, claim: rm.Claim) -> None:
        """Its chain, actor and event links, tags and notes (as the link services check them)."""
        bulk = self.bulk
        for position, hop in enumerate(claim.attribution):
            bulk.add("attribution_hops", self._hop_row(claim_id, position, hop))
        actors = dict.fromkeys(
            (
                self.records.named("actor", link.name),
                chosen(ActorRole, link.role, "claim–actor role"),
            )
            for link in claim.actors
        )
        for actor, role in actors:
            bulk.add("claim_actors", {"claim_id": claim_id, "actor_id": actor, "role": role})
        linked = dict.fromkeys(
            (self.records.ids[link.ref], chosen(EventRole, link.role, "claim–event role"))
            for link in claim.events
        )
        for event, role in linked:
            bulk.add("claim_events", {"claim_id": claim_id, "event_id": event, "role": role})
        self.records.annotate("claim", claim_id, claim.tags, claim.notes)

    def _existing(self, article_id: int) -> Counter[tuple[int, int]]:
        if self.bulk.is_new("articles", article_id):
            return Counter()
        if article_id not in self.spans:
            rows = self.batches.session.execute(
                select(Claim.start, Claim.end).where(
                    Claim.article_id == article_id, Claim.orphaned.is_(False)
                )
            )
            self.spans[article_id] = Counter((start, end) for start, end in rows)
        return self.spans[article_id]

    def _existing_orphans(self, article_id: int) -> Counter[str]:
        if self.bulk.is_new("articles", article_id):
            return Counter()
        if article_id not in self.orphans:
            rows = self.batches.session.scalars(
                select(Claim.exact).where(Claim.article_id == article_id, Claim.orphaned.is_(True))
            )
            self.orphans[article_id] = Counter(rows)
        return self.orphans[article_id]

    def _hop_row(self, claim_id: int, position: int, hop: rm.Hop) -> dict[str, Any]:
        """One hop of the chain, checked as `claims.set_attribution` checks it."""
        named = self.records.named(hop.kind, hop.name)
        checked = claims.Hop(
            role=hop.role,
            source_id=named if hop.kind == rm.SOURCE else None,
            actor_id=named if hop.kind == rm.ACTOR else None,
            cue=hop.cue,
            anonymous=hop.anonymous,
        )
        claims.check_hop(checked)
        return {
            "claim_id": claim_id,
            "position": position,
            "source_id": checked.source_id,
            "actor_id": checked.actor_id,
            "role": checked.role,
            "cue": checked.cue.strip(),
            "anonymous": checked.anonymous,
        }

    def _relation(self, relation: rm.Relation) -> None:
        source, target = self.seen.get(relation.from_claim), self.seen.get(relation.to_claim)
        if source is None or target is None or source[0] == target[0]:
            return
        kind = chosen(RelationKind, relation.kind, "claim relation")
        key = (source[0], target[0], kind)
        if key in self.related or self._related_before(key):
            return
        self.related.add(key)
        row = {"from_claim_id": key[0], "to_claim_id": key[1], "kind": kind}
        self.bulk.add("claim_relations", row)
        self.summary.relations_added += 1

    def _related_before(self, key: tuple[int, int, str]) -> bool:
        if self.bulk.is_new("claims", key[0]) or self.bulk.is_new("claims", key[1]):
            return False
        known = select(ClaimRelation.id).filter_by(
            from_claim_id=key[0], to_claim_id=key[1], kind=key[2]
        )
        return self.batches.session.scalar(known.limit(1)) is not None


def _placed(text: str, span: rm.Claim | rm.Mention) -> Span | None:
    """Where a selected span lies in the text: by position, else by quote; None if lost."""
    start, end, exact = span.start, span.end, span.exact
    if not exact:
        if end > len(text) or start >= end:
            return None
        exact = text[start:end]
    prefix, suffix = span.prefix, span.suffix
    if text[start:end] == exact:  # context left out (W3C makes it optional) is the text's own
        prefix = prefix or text[max(0, start - CONTEXT_CHARS) : start]
        suffix = suffix or text[end : end + CONTEXT_CHARS]
    selector = QuoteSelector(exact, prefix, suffix)
    return reanchor(Span(start, max(start, end)), selector, text).span


def _span_columns(text: str, span: Span) -> dict[str, Any]:
    """A placed span's columns, with its quote and context taken from the text."""
    selector = quote_selector(text, span)
    place = {"start": span.start, "end": span.end, "exact": selector.exact}
    return place | {"prefix": selector.prefix, "suffix": selector.suffix}
