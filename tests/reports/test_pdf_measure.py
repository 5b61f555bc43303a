"""What the PDF report keeps of its measured words, and how a word too wide for a line is cut."""

from __future__ import annotations

from io import BytesIO
from typing import Any

import pytest
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from workbench.reports import pdf_measure
from workbench.reports.pdf_fonts import report_fonts
from workbench.reports.pdf_typeset import Look, Segment, Typesetter, _joined


def test_a_word_used_all_along_stays_kept_among_many_others(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A word met again after those kept were put aside is kept again, not measured again,
    however many other words come and go; the others are measured again once forgotten."""
    monkeypatch.setattr(pdf_measure, "WORDS_KEPT", 3)
    typeset = Typesetter(Canvas(BytesIO()), report_fonts())
    font = report_fonts().regular
    measured: list[str] = []
    real = typeset._words.measure

    def measure(word: str, face: str) -> Any:
        measured.append(word)
        return real(word, face)

    monkeypatch.setattr(typeset._words, "measure", measure)
    for number in range(40):
        typeset.word("claims", font)
        typeset.word(f"other{number}", font)
    assert measured.count("claims") == 1
    assert typeset.word("claims", font) == real("claims", font)
    typeset.word("other0", font)
    assert measured.count("other0") == 2
    assert sum(len(kept) for kept in (typeset._words[font], typeset._words.aside[font])) <= 6


WIDE = [
    "1234567",  # a claim's number beside its note
    "Переговорыпровалились",
    "Ｗｉｄｅ＝＋－＠ｗｏｒｄ",  # in the full-width fallback font
    "abc→def—ghi",  # stand-ins
    "سلامسلامسلامسلام",  # Arabic, which the oblique face lacks
]


@pytest.mark.parametrize("word", WIDE)
@pytest.mark.parametrize("face", ["regular", "bold", "italic"])
def test_a_word_wider_than_a_line_is_cut_into_pieces_encoded_as_each_piece_whole(
    word: str, face: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pieces of a cut word (ASCII, Cyrillic, full-width, stand-ins, Arabic in the
    oblique face) carry the codes the piece would have encoded whole."""
    fonts = report_fonts()
    look = Look(getattr(fonts, face), 9.5, colors.black)

    def lines(cut_whole: bool) -> Any:
        typeset = Typesetter(Canvas(BytesIO()), fonts)
        if cut_whole:
            monkeypatch.setattr(
                typeset,
                "_piece",
                lambda piece, codes, name: _joined([typeset._measured(piece, name)[1]]),
            )
        return typeset.lines([Segment(f"{word} and {word}", look)], 20)[0]

    ours = lines(cut_whole=False)
    assert len(ours) > 4
    assert ours == lines(cut_whole=True)


def test_every_character_is_cleaned_as_the_xml_rule_and_tabs_say() -> None:
    """`clean` (one scan first) drops what XML forbids, makes a tab a space and drops a
    carriage return, for every character, as `xml_safe` and the two replacements do."""
    from workbench.reports.pdf_typeset import clean
    from workbench.reports.safe_text import xml_safe

    def by_the_rules(text: str) -> str:
        return xml_safe(text).replace("\t", " ").replace("\r", "")

    texts = [f"a{chr(code)}b" for code in range(0x110000)]
    assert [text for text in texts if clean(text) != by_the_rules(text)] == []
