"""What a new version does to claims: a typo fix keeps the claim on its words; a look-alike
sentence in another paragraph never takes a vanished claim; a quote is never a piece of a word."""

from __future__ import annotations

from workbench.domain.anchoring import AnchorMethod, Span, quote_selector, reanchor
from workbench.domain.quote_search import NewText
from workbench.services import Project
from workbench.services.articles import NewArticle, add_article
from workbench.services.claims import create_claim
from workbench.services.queries import claim_view
from workbench.services.versions import add_version, orphans

QUOTE = "Sources told Reuters that the Iranian leadership is unhappy with the talks."
LOOK_ALIKE = "Sources told Reuters that the Iranian leadership is reportedly with the talks."
OTHER = "\n\n".join(f"Paragraph {n} is about the weather in Oslo and Bergen." for n in range(6))
FIRST = f"Talks in Oman\n\nThe talks began on Sunday. {QUOTE} Araqchi left early.\n\n{OTHER}"


def _claimed(project: Project, text: str = FIRST, quote: str = QUOTE) -> tuple[int, int]:
    article = add_article(project, NewArticle(text=text, title="Talks"))
    start = text.index(quote)
    return article, create_claim(project, article, Span(start, start + len(quote)))


def test_a_claim_after_a_typo_fix_is_placed_exactly(project: Project) -> None:
    """A letter fixed inside the quote and a paragraph added above: the claim covers the
    corrected sentence exactly and is not orphaned."""
    typo = QUOTE.replace("Iranian", "Iranain")
    _article, claim = _claimed(project, FIRST.replace(QUOTE, typo), typo)
    fixed = FIRST.replace("Talks in Oman\n\n", "Talks in Oman\n\nUpdated on Monday.\n\n")
    report = add_version(project, _article, NewArticle(text=fixed))
    view = claim_view(project, claim)
    assert (view.exact, view.start, view.orphaned) == (QUOTE, fixed.index(QUOTE), False)
    assert (report.placed, report.orphaned) == (1, 0)


def test_a_near_identical_sentence_elsewhere_is_orphaned_not_misplaced(project: Project) -> None:
    """The quoted sentence is deleted and a near-identical one stands in another paragraph:
    the claim is kept orphaned with its old quote instead of moving to the look-alike."""
    article, claim = _claimed(project)
    paragraphs = FIRST.replace(f" {QUOTE}", "").split("\n\n")
    paragraphs.insert(5, LOOK_ALIKE)
    add_version(project, article, NewArticle(text="\n\n".join(paragraphs)))
    assert claim_view(project, claim).orphaned
    assert [orphan.exact for orphan in orphans(project, article)] == [QUOTE]


def test_a_quote_found_inside_a_longer_word_is_taken_as_the_whole_word() -> None:
    """ "According" doubled to "AAccording": the claim covers the word as it now is, never
    from its second letter (the exact quote there is a piece of a word)."""
    old = "He said so.\n\nAccording to Hasib, his mother ran the salon for women."
    span = Span(old.index("According"), len(old))
    new = old.replace("According", "AAccording")
    result = reanchor(span, quote_selector(old, span), new)
    assert result.span is not None
    assert result.span.of(new) == "AAccording to Hasib, his mother ran the salon for women."
    assert result.method == AnchorMethod.FUZZY


def test_one_new_text_serves_every_claim_of_the_article() -> None:
    """Placing two claims against one prepared NewText gives the same places as each alone."""
    old = FIRST
    spans = [Span(old.index(QUOTE), old.index(QUOTE) + len(QUOTE)), Span(0, 13)]
    new = "Preface.\n\n" + old.replace("unhappy", "unhapy")
    shared = NewText(new)
    for span in spans:
        selector = quote_selector(old, span)
        assert reanchor(span, selector, shared) == reanchor(span, selector, new)


def test_a_typo_fix_beside_a_look_alike_still_finds_the_quote(project: Project) -> None:
    """A near-identical sentence in another paragraph does not stop a claim whose quote only
    lost a typo: the quote differs by a letter, the look-alike by a word."""
    typo = QUOTE.replace("leadership", "leaddership")
    article, claim = _claimed(project, FIRST.replace(QUOTE, typo), typo)
    paragraphs = FIRST.split("\n\n")
    paragraphs.insert(4, QUOTE.replace("Iranian", "Iraqi"))  # a word off: 94.7 against 99.3
    fixed = "\n\n".join(paragraphs)
    add_version(project, article, NewArticle(text=fixed))
    view = claim_view(project, claim)
    assert (view.exact, view.start, view.orphaned) == (QUOTE, fixed.index(QUOTE), False)
