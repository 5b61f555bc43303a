"""BM25F scoring as Whoosh computes it, with each segment's field lengths held in memory.

Whoosh's scorer looks up the field length of every document it scores through four layers
of calls; for a common word that is most of the ranking time. The formula and the inputs are
the same here (the tests compare scores), only the lookup is direct.
"""

from __future__ import annotations

from typing import Any

from whoosh.scoring import BM25F, BM25FScorer, WeightScorer

from workbench.search.lengths import field_length_array
from workbench.search.whoosh_reading import field_b, field_lengths, scorer_score


class QuickBM25F(BM25F):
    """Whoosh's BM25F model (B=0.75, K1=1.2), with QuickBM25FScorer."""

    def scorer(self, searcher: Any, fieldname: str, text: bytes, qf: float = 1) -> Any:
        if not searcher.schema[fieldname].scorable:
            return WeightScorer.for_(searcher, fieldname, text)
        B = field_b(self, fieldname)
        return QuickBM25FScorer(searcher, fieldname, text, B, self.K1, qf=qf)


class QuickBM25FScorer(BM25FScorer):
    def __init__(
        self, searcher: Any, fieldname: str, text: bytes, B: float, K1: float, qf: float = 1
    ) -> None:
        super().__init__(searcher, fieldname, text, B, K1, qf=qf)
        self._lengths = field_lengths(searcher.reader(), fieldname)
        self._scale = B / self.avgfl
        self._base = 1 - B

    def score_of(self, docnum: int, weight: float) -> float:
        """The score of a document where the word has this weight (frequency × boost)."""
        if self._lengths is None:
            return scorer_score(self, weight, self.dfl(docnum))
        K1 = self.K1
        norm = self._base + self._scale * self._lengths[docnum]
        return self.idf * ((weight * (K1 + 1)) / (weight + K1 * norm))

    def scores_of(self, documents: Any, weights: Any) -> Any:
        """`score_of` for many documents at once (numpy arrays of numbers and weights): the
        same formula, the same operations in the same order, so the same numbers."""
        import numpy as np  # here, not when the project opens

        lengths = field_length_array(self._lengths)
        if lengths is None:
            return np.array(
                [
                    self.score_of(doc, weight)
                    for doc, weight in zip(documents, weights, strict=True)
                ],
                np.float64,
            )
        # in place, fewer arrays made: each step is one of the formula's, and a product or a
        # sum of two numbers is the same whichever comes first, so the scores are the same
        K1 = self.K1
        below = lengths[documents] * self._scale
        below += self._base
        below *= K1
        below += weights
        scores = weights * (K1 + 1)
        scores /= below
        scores *= self.idf
        return scores

    def score(self, matcher: Any) -> float:
        return self.score_of(matcher.id(), matcher.weight())
