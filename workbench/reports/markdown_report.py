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
from typing import BinaryIO

from workbench.reports.citation_notes import citer as cited_by
from workbench.reports.claim_spool import ClaimSpool
from workbench.reports.highlight import Piece, anchored, highlighted_paragraphs
from workbench.reports.html_report import web_link
from workbench.reports.kept import Kept
from workbench.reports.model import Article, Claim, Report, long_date
from workbench.reports.safe_text import xml_safe
from workbench.reports.tables import CLAIMS_TABLE, summary_tables
from workbench.reports.wording import article_count, chain_details, link_facts, relations_by_claim

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
        for number, article in report.numbered():
            blocks = _article(number, article)
            if citer is not None:  # the article cited in the chosen style, as a footnote
                blocks[0] += f"[^a{number}]"
            yield from (f"{block}\n\n" for block in blocks)
            for claim in article.claims:
                yield _footnote(claim, relations.get(claim.ref)) + "\n\n"
                claims_table.add(_claim_row(number, claim))
            if citer is not None:
                yield f"[^a{number}]: {escape(citer.note(article))}\n\n"
        for table in summary_tables(report):
            yield f"## {table.title}\n\n"
            if table.anchor == CLAIMS_TABLE:  # its rows were made in the articles' pass
                yield from _spooled(list(table.header), claims_table)
            else:
                yield from _table(list(table.header), table.rows)


def _title_page(report: Report) -> list[str]:
    facts = [("Analyst", report.analyst), ("Date", long_date(report.created.date()))]
    facts.append(("Contents", article_count(report)))
    lines = [f"**{label}:** {escape(value)}" for label, value in facts if value]
    scope = "\n".join(f"- {escape(line)}" for line in report.scope)
    return [f"# {escape(report.title)}", "  \n".join(lines), f"**Scope**\n\n{scope}", "---"]


def _article(number: int, article: Article) -> list[str]:
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
    blocks += [_paragraph(pieces) for pieces in highlighted_paragraphs(article)]
    placed = {id(claim) for claim in anchored(article)}
    unplaced = [claim for claim in article.claims if id(claim) not in placed]
    if unplaced:
        refs = " ".join(f"[^{claim.number}]" for claim in unplaced)
        blocks.append(f"Claims whose quote is no longer found in the text: {refs}")
    return blocks


def _paragraph(pieces: list[Piece]) -> str:
    """Claimed text in bold (one run however many claims overlap), then footnote references."""
    out: list[str] = []
    bold = False
    for index, piece in enumerate(pieces):
        if piece.claims and not bold:
            out.append("**")
            bold = True
        out.append(escape(piece.text))
        next_claimed = index + 1 < len(pieces) and bool(pieces[index + 1].claims)
        if bold and not next_claimed:
            out.append("**")
            bold = False
        out.append("".join(f"[^{number}]" for number in piece.ends))
    return "".join(out)


def _footnote(claim: Claim, relations: list[str] | None) -> str:
    lines = [f"[^{claim.number}]: “{escape(claim.exact)}”"]
    if claim.summary:
        lines.append(f"**{escape(claim.summary)}**")
    lines += [  # `wording.claim_facts`, the values many claims share escaped once
        f"{label}: {_KNOWN[value]}"
        for label, value in (
            ("Status", claim.status),
            ("Kind", claim.kind),
            ("Grade", claim.grade),
            ("Credibility", claim.credibility_label),
        )
        if value
    ]
    lines.append(f"Attribution: {escape(chain_details(claim) or 'not recorded')}")
    lines += [f"{label}: {escape(value)}" for label, value in link_facts(claim, relations)]
    if claim.authors:
        lines.append(f"By: {escape(claim.authors)}")
    lines += [f"Note: {escape(note)}" for note in claim.notes]
    return "\n\n    ".join(lines)


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
        str(claim.number),
        str(article_number),
        escape(claim.summary or claim.exact).replace("  \n", " "),
        _KNOWN[claim.status].replace("  \n", " "),
        _KNOWN[claim.grade].replace("  \n", " "),
        _KNOWN[claim.credibility_label].replace("  \n", " "),
        escape(claim.chain_text).replace("  \n", " "),
    )
    return "| " + " | ".join(cells) + " |\n"


def _row(row: list[str]) -> str:
    cells = [escape(cell).replace("  \n", " ") for cell in row]
    return "| " + " | ".join(cells) + " |\n"
