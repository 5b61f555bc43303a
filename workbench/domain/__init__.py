"""The analyst's data model: ORM models and value types. No I/O, no other layer imported."""

from workbench.domain.annotations import Note, Tag, Tagging
from workbench.domain.articles import ActorMention, Article
from workbench.domain.base import Base
from workbench.domain.charts import ChartGroup, ChartPlace
from workbench.domain.claims import (
    AttributionHop,
    Claim,
    ClaimActor,
    ClaimEvent,
    ClaimRelation,
)
from workbench.domain.entities import (
    Actor,
    ActorAlias,
    Event,
    EventActor,
    Source,
    SourceAlias,
)
from workbench.domain.hypotheses import Hypothesis, HypothesisEvidence, HypothesisRating
from workbench.domain.imports import ImportRun, ImportRunFile
from workbench.domain.journal import ChangeRecord, FeedHorizon, OutboxEntry
from workbench.domain.matches import RejectedMatch
from workbench.domain.provenance import RowVersion
from workbench.domain.signatures import ArticleSignature, NearDuplicateKey
from workbench.domain.sort_keys import ArticleClaimCount, ClaimSortKey
from workbench.domain.suggestions import SuggestionDecision
from workbench.domain.versions import ArticleVersion

__all__ = [
    "Actor",
    "ActorAlias",
    "ActorMention",
    "Article",
    "ArticleClaimCount",
    "ArticleSignature",
    "ArticleVersion",
    "AttributionHop",
    "Base",
    "ChangeRecord",
    "ChartGroup",
    "ChartPlace",
    "Claim",
    "ClaimActor",
    "ClaimEvent",
    "ClaimRelation",
    "ClaimSortKey",
    "Event",
    "EventActor",
    "FeedHorizon",
    "Hypothesis",
    "HypothesisEvidence",
    "HypothesisRating",
    "ImportRun",
    "ImportRunFile",
    "NearDuplicateKey",
    "Note",
    "OutboxEntry",
    "RejectedMatch",
    "RowVersion",
    "Source",
    "SourceAlias",
    "SuggestionDecision",
    "Tag",
    "Tagging",
]
