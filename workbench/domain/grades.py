"""Grades and controlled vocabularies, with the wording analysts know them by."""

from enum import StrEnum


class Reliability(StrEnum):
    """Admiralty (NATO) source reliability."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"
    F = "F"

    @property
    def wording(self) -> str:
        return RELIABILITY_WORDING[self]

    @property
    def label(self) -> str:
        return f"{self.value} — {self.wording}"


RELIABILITY_WORDING = {
    Reliability.A: "completely reliable",
    Reliability.B: "usually reliable",
    Reliability.C: "fairly reliable",
    Reliability.D: "not usually reliable",
    Reliability.E: "unreliable",
    Reliability.F: "reliability cannot be judged",
}

CREDIBILITY_WORDING = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}


def credibility_wording(grade: int) -> str:
    """The Admiralty wording of an information credibility grade (1–6)."""
    try:
        return CREDIBILITY_WORDING[grade]
    except KeyError:
        raise ValueError(f"credibility must be 1–6, not {grade!r}") from None


def credibility_label(grade: int) -> str:
    return f"{grade} — {credibility_wording(grade)}"


def combined_grade(first_hand_reliability: str | None, credibility: int) -> str:
    """The Admiralty code of a claim, e.g. "B3": its first-hand source's reliability, then
    the claim's credibility. A chain that starts with no graded source counts as F."""
    return f"{first_hand_reliability or Reliability.F.value}{credibility}"


class ClaimStatus(StrEnum):
    UNVERIFIED = "unverified"
    CORROBORATED = "corroborated"
    DISPUTED = "disputed"
    REFUTED = "refuted"


class ClaimKind(StrEnum):
    STATEMENT = "statement"
    ASSESSMENT = "assessment"
    PREDICTION = "prediction"
    DENIAL = "denial"
    CONFIRMATION = "confirmation"
    ALLEGATION = "allegation"
    REPORT = "report"


class SourceKind(StrEnum):
    WIRE_AGENCY = "wire agency"
    OUTLET = "outlet"
    GOVERNMENT = "government body"
    ORGANISATION = "organisation"
    PERSON = "person"
    ANONYMOUS = "unnamed sources"
    DOCUMENT = "document"
    OTHER = "other"


class ActorKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    STATE = "state"
    GROUP = "group"


class HopRole(StrEnum):
    """How one link of an attribution chain passed the claim on."""

    SPEAKER = "speaker"
    REPORTED_BY = "reported by"
    PUBLISHED_BY = "published by"
    CONFIRMED_BY = "confirmed by"
    QUOTED_BY = "quoted by"
    DENIED_BY = "denied by"


class ActorRole(StrEnum):
    """How an actor figures in a claim."""

    SPEAKER = "speaker"
    SUBJECT = "subject"
    TARGET = "target"
    MENTIONED = "mentioned"


class EventRole(StrEnum):
    """How a claim relates to an event."""

    DESCRIBES = "describes"
    REFERS_TO = "refers to"
    PREDICTS = "predicts"


class ParticipantRole(StrEnum):
    """How an actor takes part in an event."""

    PERPETRATOR = "perpetrator"
    TARGET = "target"
    PARTICIPANT = "participant"
    HOST = "host"
    WITNESS = "witness"


class RelationKind(StrEnum):
    SUPPORTS = "supports"
    CONTRADICTS = "contradicts"
    REPEATS = "repeats"
    UPDATES = "updates"


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    DECADE = "decade"
