"""Which rating a key gives a cell of the ACH matrix.

C, N and I rate a cell consistent, neutral or inconsistent; with Shift — or pressed again on
a cell that already holds C or I — they give the strong form, CC or II. The digits follow the
scale from left to right: 1 CC, 2 C, 3 N, 4 I, 5 II.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from workbench.domain.hypotheses import Consistency

Key = Qt.Key
LETTERS = {
    Key.Key_C: (Consistency.CONSISTENT, Consistency.VERY_CONSISTENT),
    Key.Key_I: (Consistency.INCONSISTENT, Consistency.VERY_INCONSISTENT),
    Key.Key_N: (Consistency.NEUTRAL, Consistency.NEUTRAL),
}
DIGITS = {
    Key.Key_1: Consistency.VERY_CONSISTENT,
    Key.Key_2: Consistency.CONSISTENT,
    Key.Key_3: Consistency.NEUTRAL,
    Key.Key_4: Consistency.INCONSISTENT,
    Key.Key_5: Consistency.VERY_INCONSISTENT,
}
HINT = (
    "Keys: C consistent · I inconsistent · N neutral · Shift or twice: CC, II · 1–5: CC…II · "
    "Del clears · Ins: new hypothesis · F2 renames · Ctrl+F2 describes · Shift+F2: why this "
    "rating · Ctrl+Shift+←/→ moves a hypothesis · Enter opens the claim"
)


def rating_for_key(key: int, shifted: bool, current: Consistency | None) -> Consistency | None:
    """The rating the key gives a cell now holding `current`; None if the key rates nothing."""
    if key in DIGITS:
        return DIGITS[Key(key)]
    if key not in LETTERS:
        return None
    single, strong = LETTERS[Key(key)]
    return strong if shifted or (current in (single, strong) and single != strong) else single
