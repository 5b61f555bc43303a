"""The Markdown report: readable as plain text, with the claims as footnotes (`[^1]`).

Everything the analyst wrote is escaped, so a quote or note can add no markup, link or HTML,
and made XML-safe (`safe_text.xml_safe`); text covered by a claim is set in bold, followed by
the claim's footnote reference. Written as it is read, in one pass over the articles: the
closing claims table's rows are made as their claims pass and wait in a spool
(`claim_spool`) until the table comes.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from workbench.reports.citation_notes import citer as cited_by
from workbench.reports.claim_notes import MARKDOWN_NOTES, NotedClaim, noted_articles
from workbench.reports.claim_spool import ClaimSpool
from workbench.reports.highlight import Marked, Piece, highlighted
from workbench.reports.html_report import web_link
from workbench.reports.kept import Kept
from workbench.reports.model import Article, Claim, Hop, Report, credibility_label, long_date
from workbench.reports.safe_text import xml_safe
from workbench.reports.tables import CLAIMS_TABLE, summary_tables
from workbench.reports.wording import (
    CHAIN_JOIN,
    RELATED,
    RELATED_JOIN,
    article_count,
    chain_details,
    chain_details_of,
    link_facts,
    relations_by_claim,
)

# Each character Markdown reads as markup, with the backslash that makes it plain text.
_ESCAPED = str.maketrans({char: f"\\{char}" for char in "\\`*_{}[]<>#|~!"})
_MARKUP = re.compile(r"[\\`*_{}\[\]<>#|~!]")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+(?=[.)]))", re.MULTILINE)
# Anything any rule below would change: markup, "&", a line break, a character XML forbids
# (safe_text), or a list or quote mark at the start. Most text has none and is kept as it is.
# (Two patterns: a character class alone is scanned for far faster than an alternation.)
_WORK = re.compile(r"[\\`*_{}\[\]<>#|~!&\n\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_WORK_AT_START = re.compile(r"\s*(?:[-+=>]|\d+[.)])")
FLUSH_CHARS = 1 << 18  # written once this much is pending: memory flat, few writes
PASSES = 1  # the articles (the claims table is made as they pass)
FACT = "\n\n    "  # before each line of a footnote after its first
Numbered = tuple[int, Article, tuple[NotedClaim, ...] | None]  # None: the article's own claims


def escape(text: str) -> str:
    """Text that Markdown shows exactly as written (no emphasis, links, HTML or lists)."""
    if _WORK.search(text) is None and _WORK_AT_START.match(text) is None:
        return text  # one scan for the text that needs nothing (most)
    text = xml_safe(text)
    if _MARKUP.search(text):  # most text has none: a scan is cheaper than a translation
        text = text.translate(_ESCAPED)
    if "&" in text:
        text = _ENTITY.sub(r"\\&", text)
    if _LINE_START.search(text):
        text = _LINE_START.sub(_escape_line_start, text)
    return text.replace("\n", "  \n")


def _escape_line_start(match: re.Match[str]) -> str:
    indent, mark = match.groups()
    return f"{indent}{mark}\\" if mark.isdigit() else f"{indent}\\{mark}"


_KNOWN: Kept[str] = Kept(escape)  # the values many claims share: statuses, kinds, grades


def write(report: Report, out: BinaryIO) -> None:
    stream = io.TextIOWrapper(out, encoding="utf-8", newline="\n")
    pending: list[str] = []
    size = 0
    for block in _blocks(report):
        pending.append(block)
        size += len(block)
        if size >= FLUSH_CHARS:
            stream.write("".join(pending))
            pending.clear()
            size = 0
    stream.write("".join(pending))
    stream.flush()
    stream.detach()


def render_markdown(report: Report) -> str:
    return "".join(_blocks(report))


def _blocks(report: Report) -> Iterator[str]:
    """The document as blocks, each followed by a blank line."""
    relations = relations_by_claim(report)
    parts: Iterable[str] = _title_page(report)
    yield from (f"{block}\n\n" for block in parts)
    citer = cited_by(report)
    with ClaimSpool() as claims_table:
        for number, article, noted in _numbered(report):
            blocks = _article(number, article, noted)
            if citer is not None:  # the article cited in the chosen style, as a footnote
                blocks[0] += f"[^a{number}]"
            yield from (f"{block}\n\n" for block in blocks)
            if noted is None:
                for claim in article.claims:
                    yield _footnote(claim, relations.get(claim.ref)) + "\n\n"
                    claims_table.add(_claim_row(number, claim))
            else:
                for one in noted:
                    yield _noted_footnote(one, relations.get(one.ref)) + "\n\n"
                    claims_table.add(_noted_row(number, one))
            if citer is not None:
                yield f"[^a{number}]: {escape(citer.note(article))}\n\n"
        for table in summary_tables(report):
            yield f"## {table.title}\n\n"
            if table.anchor == CLAIMS_TABLE:  # its rows were made in the articles' pass
                yield from _spooled(list(table.header), claims_table)
            else:
                yield from _table(list(table.header), table.rows)


def _numbered(report: Report) -> Iterator[Numbered]:
    """(number, article, its claims as the database worded them or None) in report order."""
    noted = noted_articles(report, MARKDOWN_NOTES)
    if noted is None:
        yield from ((number, article, None) for number, article in report.numbered())
        return
    number = 0
    for _covered, articles in noted:
        for article, claims in articles:
            number += 1
            yield number, article, claims


def _title_page(report: Report) -> list[str]:
    facts = [("Analyst", report.analyst), ("Date", long_date(report.created.date()))]
    facts.append(("Contents", article_count(report)))
    lines = [f"**{label}:** {escape(value)}" for label, value in facts if value]
    scope = "\n".join(f"- {escape(line)}" for line in report.scope)
    return [f"# {escape(report.title)}", "  \n".join(lines), f"**Scope**\n\n{scope}", "---"]


def _article(
    number: int, article: Article, noted: tuple[NotedClaim, ...] | None = None
) -> list[str]:
    blocks = [f"## {number}. {escape(article.title)}"]
    if article.byline:
        blocks.append(f"*{escape(article.byline)}*")
    link = web_link(article.url)
    if link:
        blocks.append(f"<{link.replace('>', '%3E').replace(' ', '%20')}>")
    elif article.url:
        blocks.append(escape(article.url))
    if article.tags:
        blocks.append("Tags: " + escape(", ".join(article.tags)))
    blocks += [f"> Note: {escape(note)}" for note in article.notes]
    claims: tuple[Marked, ...] = article.claims if noted is None else noted
    paragraphs, highlighted_claims = highlighted(article, claims)
    blocks += [_paragraph(pieces) for pieces in paragraphs]
    placed = {id(claim) for claim in highlighted_claims}
    unplaced = [claim for claim in claims if id(claim) not in placed]
    if unplaced:
        refs = " ".join(f"[^{claim.number}]" for claim in unplaced)
        blocks.append(f"Claims whose quote is no longer found in the text: {refs}")
    return blocks


def _paragraph(pieces: list[Piece]) -> str:
    """Claimed text in bold (one run however many claims overlap), then footnote references."""
    out: list[str] = []
    bold = False
    last = len(pieces) - 1
    for index, (text, claims, ends) in enumerate(pieces):
        if claims:
            if not bold:
                out.append("**")
            out.append(escape(text))
            bold = index < last and bool(pieces[index + 1].claims)  # the run goes on
            if not bold:
                out.append("**")
        else:
            out.append(escape(text))
        if ends:
            out += [f"[^{number}]" for number in ends]
    return "".join(out)


def _footnote(claim: Claim, relations: list[str] | None) -> str:
    facts = link_facts(claim, relations)
    return _footnote_text(
        claim,
        escape(claim.exact),
        escape(claim.summary) if claim.summary else None,
        (_KNOWN[claim.status], _KNOWN[claim.kind], _KNOWN[claim.grade]),
        escape(chain_details(claim) or "not recorded"),
        "".join(["".join(fact_pieces(label, escape(value))) for label, value in facts]),
        "".join(by_pieces(escape(claim.authors))) if claim.authors else "",
        "".join(["".join(note_pieces(escape(note))) for note in claim.notes]),
    )


def _noted_footnote(claim: NotedClaim, relations: list[str] | None) -> str:
    """The footnote of a claim whose text the database worded and escaped; "Related" (which
    the report works out) between its links."""
    related = (
        "".join(fact_pieces(RELATED, escape(RELATED_JOIN.join(relations)))) if relations else ""
    )
    return _footnote_text(
        claim,
        claim.quote,
        claim.summary,
        (_KNOWN[claim.status], _KNOWN[claim.kind], claim.grade),
        claim.chain or "not recorded",
        f"{claim.links}{related}{claim.later_links}",
        claim.authors,
        claim.notes,
    )


def _footnote_text(
    claim: Claim | NotedClaim,
    quote: str,
    summary: str | None,
    words: tuple[str, str, str],
    chain: str,
    links: str,
    authors: str,
    notes: str,
) -> str:
    """A claim's footnote from its escaped pieces (`words`: status, kind, grade)."""
    _status, _kind, grade = words
    out = [f"[^{claim.number}]: “{quote}”"]
    if summary is not None:
        out.append(f"{FACT}**{summary}**")
    out += [
        _FACTS[claim.status, claim.kind, grade, claim.credibility],
        f"{FACT}Attribution: {chain}",
        links,
        authors,
        notes,
    ]
    return "".join(out)


def _facts(values: tuple[str, str, str, int]) -> str:
    """A footnote's lines of the values many claims share (`wording.claim_facts`): status, kind,
    grade (escaped already) and credibility."""
    status, kind, grade, credibility = values
    worded = _KNOWN[credibility_label(credibility)]
    return "".join(
        f"{FACT}{label}: {shown}"
        for label, value, shown in (
            ("Status", status, _KNOWN[status]),
            ("Kind", kind, _KNOWN[kind]),
            ("Grade", grade, grade),
            ("Credibility", worded, worded),
        )
        if value
    )


_FACTS: Kept[tuple[str, str, str, int]] = Kept(_facts)


def noted_chain(hops: tuple[Hop, ...]) -> tuple[str, str]:
    """A chain as a claim's footnote shows it (with reliabilities) and as the claims table
    does ("" for none)."""
    return escape(chain_details_of(hops)), escape(CHAIN_JOIN.join([hop.text for hop in hops]))


def fact_pieces(label: Any, value: Any) -> list[Any]:
    """A line of a footnote, its value escaped (pieces: strings here, SQL in
    `services.note_table`, so the layout is stated once)."""
    return [FACT, label, ": ", value]


def by_pieces(authors: Any) -> list[Any]:
    """Who made the claim (`model.Claim.authors`), escaped."""
    return fact_pieces("By", authors)


def note_pieces(body: Any) -> list[Any]:
    """A note on a claim, escaped."""
    return fact_pieces("Note", body)


def _table(header: list[str], rows: Iterable[list[str]]) -> Iterator[str]:
    empty = True
    for row in rows:
        if empty:
            yield _header(header)
            empty = False
        yield _row(row)
    yield "None in this report.\n\n" if empty else "\n"


def _spooled(header: list[str], rows: ClaimSpool) -> Iterator[str]:
    """A table whose rows, already written, wait in a spool."""
    if not rows.rows:
        yield "None in this report.\n\n"
        return
    yield _header(header)
    yield from rows.read()
    yield "\n"


def _header(header: list[str]) -> str:
    return "| " + " | ".join(header) + " |\n" + "|" + "---|" * len(header) + "\n"


def _claim_row(article_number: int, claim: Claim) -> str:
    """A claim's row of the claims table (#, article, claim, status, grade, credibility, chain;
    its numbers need no escaping)."""
    cells = (
        escape(claim.summary or claim.exact),
        _KNOWN[claim.status],
        _KNOWN[claim.grade],
        _KNOWN[claim.credibility_label],
        escape(claim.chain_text),
    )
    return _row_text(claim.number, article_number, cells)


def _noted_row(article_number: int, claim: NotedClaim) -> str:
    """The same row of a claim whose text the database escaped."""
    cells = (
        claim.quote if claim.summary is None else claim.summary,
        _KNOWN[claim.status],
        claim.grade,
        _KNOWN[credibility_label(claim.credibility)],
        claim.chain_text,
    )
    return _row_text(claim.number, article_number, cells)


def _row_text(number: int, article_number: int, cells: tuple[str, ...]) -> str:
    lines = [cell.replace("  \n", " ") for cell in cells]
    return f"| {number} | {article_number} | {' | '.join(lines)} |\n"


def _row(row: list[str]) -> str:
    cells = [escape(cell).replace("  \n", " ") for cell in row]
    return "| " + " | ".join(cells) + " |\n"
