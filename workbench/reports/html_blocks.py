"""The HTML report's repeated parts, built in Python: each article with its claims as notes,
and the rows of the claims table.

These run once per claim, tens of thousands of times, so they are plain string building
instead of template calls; the template (`report.html.j2`) prints each block as it comes.
Every piece of the analyst's text is made XML-safe and escaped (`markupsafe.escape`, as the
template's autoescape does), so nothing the analyst wrote can become markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from workbench.reports.citation_notes import html_mark
from workbench.reports.claim_lines import claim_lines
from workbench.reports.claim_notes import HTML_NOTES, NotedClaim, noted_articles
from workbench.reports.claim_spool import ClaimSpool
from workbench.reports.highlight import Marked, Piece, highlighted
from workbench.reports.kept import Kept
from workbench.reports.model import Article, Claim, Hop, Report, credibility_label
from workbench.reports.safe_text import XmlSafeMarkup, xml_safe
from workbench.reports.tables import claim_row
from workbench.reports.wording import (
    CHAIN_JOIN,
    RELATED,
    RELATED_JOIN,
    hop_details,
    link_facts,
    relations_by_claim,
)

GRADE_TITLE = "Admiralty grade: first-hand source reliability and claim credibility"
NO_CLAIMS = '      <tr><td colspan="7">No claims in this report.</td></tr>\n'
# What `escape` or `xml_safe` would change: markup's five characters and what XML forbids.
_WORK = re.compile("[&<>\"'\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def text(value: str) -> str:
    """The analyst's text as HTML: XML-safe, then escaped (one scan when neither changes it,
    as for most text)."""
    if _WORK.search(value) is None:
        return value
    return str(escape(xml_safe(value)))


def article_blocks(
    report: Report, claims_table: ClaimSpool | None = None
) -> Iterator[XmlSafeMarkup]:
    """Each article of the report as one `<article>` element (a pass with the text); given
    a spool, each claim's row of the closing claims table is written to it on the way. The
    claims' notes come from the database when the report has them (`claim_notes`)."""
    relations = relations_by_claim(report)
    cited = bool(report.citation_style)
    noted = noted_articles(report, HTML_NOTES)
    if noted is not None:
        number = 0
        for _covered, articles in noted:
            for article, claims in articles:
                number += 1
                yield XmlSafeMarkup(article_html(number, article, relations, cited, claims))
                if claims_table is not None:
                    for one in claims:
                        claims_table.add(_noted_row(number, one))
        return
    for number, article in report.numbered():
        yield XmlSafeMarkup(article_html(number, article, relations, cited))
        if claims_table is not None:
            for claim in article.claims:
                claims_table.add(_table_row(number, claim))


def claim_rows(report: Report, claims_table: ClaimSpool | None = None) -> Iterator[XmlSafeMarkup]:
    """The rows of the closing claims table: those the articles' pass wrote to the spool, or
    without one, a pass of their own without the articles' text."""
    if claims_table is not None:
        yield from (XmlSafeMarkup(chunk) for chunk in claims_table.read())
        if not claims_table.rows:
            yield XmlSafeMarkup(NO_CLAIMS)
        return
    empty = True
    for lines in claim_lines(report):
        if lines:
            empty = False
            yield XmlSafeMarkup("".join(_claim_row(claim_row(line)) for line in lines))
    if empty:
        yield XmlSafeMarkup(NO_CLAIMS)


def _table_row(article_number: int, claim: Claim) -> str:
    """A claim's row of the claims table (#, article, claim, status, grade, credibility, chain)."""
    return _row_html(
        claim.number,
        article_number,
        text(claim.summary or claim.exact),
        _KNOWN[claim.status],
        _KNOWN[claim.grade],
        _KNOWN[claim.credibility_label],
        text(claim.chain_text),
    )


def _noted_row(article_number: int, claim: NotedClaim) -> str:
    """The same row of a claim whose text the database escaped."""
    return _row_html(
        claim.number,
        article_number,
        claim.quote if claim.summary is None else claim.summary,
        _KNOWN[claim.status],
        claim.grade,  # a letter and a digit (the tables' CHECKs): nothing to escape
        _KNOWN[credibility_label(claim.credibility)],
        claim.chain_text,
    )


def _claim_row(cells: list[str]) -> str:
    return _row_html(*(text(cell) for cell in cells))


def _row_html(
    number: object,
    article: object,
    claim: str,
    status: str,
    grade: str,
    credibility: str,
    chain: str,
) -> str:
    """A row of the claims table, its cells escaped."""
    return (
        f'      <tr><td><a href="#claim-{number}">{number}</a></td>\n'
        f"        <td>{article}</td>\n"
        f"        <td>{claim}</td>\n"
        f'        <td><span class="status st-{status}">{status}</span></td>\n'
        f"        <td>{grade}</td>\n"
        f"        <td>{credibility}</td>\n"
        f"        <td>{chain}</td></tr>\n"
    )


def article_html(
    number: int,
    article: Article,
    relations: dict[str, list[str]],
    cited: bool = False,
    noted: tuple[NotedClaim, ...] | None = None,
) -> str:
    """One article: heading (linked to its citation note when `cited`), byline, link, tags,
    notes, highlighted text, claim notes (made from `noted`, the database's, when given)."""
    mark = html_mark(number) if cited else ""
    out = [
        f'<article class="article" id="article-{number}">\n',
        f'  <h2><span class="number">{number}.</span> {text(article.title)}{mark}</h2>\n',
    ]
    if article.byline:
        out.append(f'<p class="byline">{text(article.byline)}</p>')
    link = web_link(article.url)
    if link:
        out.append(f'<p class="url"><a href="{text(link)}" rel="noreferrer noopener">')
        out.append(f"{text(link)}</a></p>\n")
    elif article.url:
        out.append(f'<p class="url">{text(article.url)}</p>')
    if article.tags:
        tags = "".join(f'<span class="tag">{text(tag)}</span> ' for tag in article.tags)
        out.append(f'<p class="tags">{tags}</p>')
    out += [f'<p class="note">{text(note)}</p>' for note in article.notes]
    claims: tuple[Marked, ...] = article.claims if noted is None else noted
    paragraphs, highlighted_claims = highlighted(article, claims)
    out.append(f'  <div class="text">\n  {text_html(paragraphs)}\n  </div>\n')
    if claims:
        out.append(
            '  <section class="claims" aria-label="Claims in this article">\n'
            "    <h3>Claims</h3>\n"
            '    <ol class="footnotes">\n'
        )
        placed = {id(claim) for claim in highlighted_claims}
        if noted is None:
            for claim in article.claims:
                out.append(_claim_note(claim, id(claim) in placed, relations.get(claim.ref)))
        else:
            for one in noted:
                out.append(_noted_note(one, id(one) in placed, relations.get(one.ref)))
        out.append("    </ol>\n  </section>\n")
    out.append("</article>\n")
    return "".join(out)


def hop_pieces(name: Any, details: Any) -> list[Any]:
    """A hop of a claim's chain, its name and details escaped (pieces: strings here, SQL in
    `services.note_table`, so the layout is stated once)."""
    return ["          <li><b>", name, '</b> <span class="hop">', details, "</span></li>\n"]


def link_fact_pieces(label: Any, value: Any) -> list[Any]:
    """A fact of what the claim is linked to (`wording.link_facts`), its value escaped."""
    return ["          <dt>", label, "</dt><dd>", value, "</dd>\n"]


def by_pieces(authors: Any) -> list[Any]:
    """Who made the claim (`model.Claim.authors`), escaped."""
    return ['        <p class="by">By ', authors, "</p>\n"]


def note_pieces(body: Any) -> list[Any]:
    """A note on a claim, escaped."""
    return ['<p class="note">', body, "</p>"]


def _hop_html(hop: Hop) -> str:
    return "".join(hop_pieces(text(hop.name), text(hop_details(hop))))


_KNOWN: Kept[str] = Kept(text)  # statuses, kinds, grades, credibility wordings
_HOP_ITEMS: Kept[Hop] = Kept(_hop_html)  # a source recurs in claim after claim
_HOP_LINES: Kept[Hop] = Kept(lambda hop: text(hop.text))


def noted_chain(hops: tuple[Hop, ...]) -> tuple[str, str]:
    """A chain as a claim's note shows it (its list items) and as the claims table does."""
    items = "".join([_HOP_ITEMS[hop] for hop in hops])  # (escaping goes character by
    return items, CHAIN_JOIN.join([_HOP_LINES[hop] for hop in hops])  # character)


def _claim_note(claim: Claim, placed: bool, relations: list[str] | None) -> str:
    facts = link_facts(claim, relations)
    return _note_html(
        claim.number,
        _KNOWN[claim.status],
        text(claim.exact),
        placed,
        text(claim.summary) if claim.summary else None,
        (_KNOWN[claim.kind], _KNOWN[claim.grade], _KNOWN[claim.credibility_label]),
        "".join(by_pieces(text(claim.authors))) if claim.authors else "",
        "".join([_HOP_ITEMS[hop] for hop in claim.attribution]),
        "".join(["".join(link_fact_pieces(label, text(value))) for label, value in facts]),
        "".join(["".join(note_pieces(text(note))) for note in claim.notes]),
    )


def _noted_note(claim: NotedClaim, placed: bool, relations: list[str] | None) -> str:
    """The note of a claim whose text the database worded and escaped; "Related" (which
    the report works out) between its links."""
    related = (
        "".join(link_fact_pieces(RELATED, text(RELATED_JOIN.join(relations)))) if relations else ""
    )
    return _note_html(
        claim.number,
        _KNOWN[claim.status],
        claim.quote,
        placed,
        claim.summary,
        (_KNOWN[claim.kind], claim.grade, _KNOWN[credibility_label(claim.credibility)]),
        claim.authors,
        claim.chain,
        f"{claim.links}{related}{claim.later_links}",
        claim.notes,
    )


def _note_html(
    number: int,
    status: str,
    quote: str,
    placed: bool,
    summary: str | None,
    grades: tuple[str, str, str],
    authors: str,
    chain: str,
    links: str,
    notes: str,
) -> str:
    """A claim's note from its escaped pieces (`grades`: kind, grade, credibility)."""
    kind, grade, credibility = grades
    back = f' <a class="back" href="#ref-{number}" title="Back to the text">↩</a>' if placed else ""
    out = [
        f'      <li id="claim-{number}" value="{number}" class="footnote st-{status}">\n'
        f"        <blockquote>“{quote}”{back}</blockquote>\n"
    ]
    if summary is not None:
        out.append(f'<p class="summary">{summary}</p>')
    out.append(
        f'        <p class="grades"><span class="status st-{status}">{status}</span>\n'
        f'          <span class="kind">{kind}</span>\n'
        f'          <span class="grade" title="{GRADE_TITLE}">{grade}</span>\n'
        f'          <span class="credibility">credibility {credibility}</span></p>\n'
    )
    out.append(authors)
    if chain:
        out += ['        <ol class="chain" aria-label="Attribution chain">\n', chain]
        out.append("        </ol>\n")
    out += ['        <dl class="links">\n', links, "        </dl>\n", notes, "      </li>\n"]
    return "".join(out)


def text_html(paragraphs: list[list[Piece]]) -> Markup:
    """The article's paragraphs as HTML: claimed text in a <mark> coloured by status, each
    claim's footnote number after it."""
    out: list[str] = []
    for pieces in paragraphs:
        out.append("<p>")
        for piece_text, claims, ends in pieces:
            if claims:
                out.append(_mark(text(piece_text), claims))
            else:
                out.append(text(piece_text))
            if ends:
                out += [
                    f'<sup class="ref"><a href="#claim-{n}" id="ref-{n}">{n}</a></sup>'
                    for n in ends
                ]
        out.append("</p>\n")
    return Markup("".join(out))


def _mark(piece_html: str, claims: tuple[Marked, ...]) -> str:
    """A piece of claimed text, coloured by its innermost claim (`Piece.status`)."""
    status = _KNOWN[claims[0].status]
    if len(claims) == 1:
        return (
            f'<mark class="claim st-{status}" title="Claim {claims[0].number}">{piece_html}</mark>'
        )
    numbers = ", ".join([str(claim.number) for claim in claims])  # Piece.overlapping
    return f'<mark class="claim st-{status} overlap" title="Claim {numbers}">{piece_html}</mark>'


def web_link(url: str) -> str | None:
    """The URL if it is safe to link to (http or https); anything else is shown as text only."""
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in {"http", "https"} and parts.netloc else None
