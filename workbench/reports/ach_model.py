"""The analysis of competing hypotheses as a report holds it: plain, frozen values.

Hypotheses in the analyst's order, each with its score and place in the ranking; one row per
claim weighed against them (by `claim_ref`, as the report's claims are referred to), with a
cell per hypothesis. Every renderer (HTML, PDF, DOCX, Markdown, CSV, JSON, JSON-LD) reads this.
"""

from __future__ import annotations

from dataclasses import dataclass

RATING_WORDS = {
    "CC": "very consistent",
    "C": "consistent",
    "N": "neutral",
    "I": "inconsistent",
    "II": "very inconsistent",
}
SECTION_TITLE = "Analysis of competing hypotheses"
KEY = "CC very consistent · C consistent · N neutral · I inconsistent · II very inconsistent"


@dataclass(frozen=True)
class AchHypothesis:
    """A column: the hypothesis and how much of the evidence speaks against it."""

    title: str
    description: str = ""
    rank: int = 0
    inconsistent: int = 0
    very_inconsistent: int = 0
    inconsistency: int = 0
    weighted_inconsistency: float = 0.0
    weighted_consistency: float = 0.0
    rated: int = 0
    explanation: str = ""


@dataclass(frozen=True)
class AchCell:
    rating: str  # CC, C, N, I, II
    note: str = ""


@dataclass(frozen=True)
class AchRow:
    """A claim weighed against every hypothesis; `cells` follow the hypotheses' order."""

    claim_ref: str
    label: str
    quote: str = ""
    article: str = ""
    grade: str = "F6"
    weight: float = 1.0
    diagnosticity: float = 0.0
    cells: tuple[AchCell | None, ...] = ()
    claim_id: int = 0  # the project's id, for the command line (0 when read from a file)


@dataclass(frozen=True)
class AchTable:
    hypotheses: tuple[AchHypothesis, ...]
    rows: tuple[AchRow, ...] = ()

    @property
    def ranked(self) -> list[AchHypothesis]:
        """Least inconsistent first."""
        return sorted(self.hypotheses, key=lambda hypothesis: hypothesis.rank)

    def header(self, *, titled: bool = True) -> list[str]:
        """The matrix's column titles: evidence, its grade and weight, each hypothesis ("H1:
        its title", or only "H1" where titles are listed apart and a header takes no user text)."""
        return [
            "Evidence",
            "Grade",
            "Weight",
            "Diagnosticity",
            *(
                f"H{n}: {h.title}" if titled else f"H{n}"
                for n, h in enumerate(self.hypotheses, start=1)
            ),
        ]

    def key(self, hypothesis: AchHypothesis) -> str:
        """ "H2", as the matrix's columns call it."""
        return f"H{self.hypotheses.index(hypothesis) + 1}"

    def body(self) -> list[list[str]]:
        """One line of text cells per claim, then the inconsistency score lines."""
        lines = [
            [row.label, row.grade, f"{row.weight:g}", f"{row.diagnosticity:g}"]
            + [cell.rating if cell else "" for cell in row.cells]
            for row in self.rows
        ]
        lines.append(
            ["Inconsistency (I = 1, II = 2)", "", "", ""]
            + [str(h.inconsistency) for h in self.hypotheses]
        )
        lines.append(
            ["Weighted inconsistency", "", "", ""]
            + [f"{h.weighted_inconsistency:g}" for h in self.hypotheses]
        )
        lines.append(["Rank", "", "", ""] + [str(h.rank) for h in self.hypotheses])
        return lines
