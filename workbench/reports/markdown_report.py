"""The Markdown report: readable as plain text, with the claims as footnotes (`[^1]`).

Everything the analyst wrote is escaped, so a quote or note can add no markup, link or HTML;
text covered by a claim is set in bold, followed by the claim's footnote reference.
"""

from __future__ import annotations

import re

from workbench.reports.highlight import Piece, anchored, highlighted_paragraphs
from workbench.reports.html_report import web_link
from workbench.reports.model import Article, Claim, Report, long_date
from workbench.reports.tables import summary_tables
from workbench.reports.wording import article_count, claim_facts, relations_by_claim

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~!])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+(?=[.)]))", re.MULTILINE)


def escape(text: str) -> str:
    """Text that Markdown shows exactly as written (no emphasis, links, HTML or lists)."""
    text = _ENTITY.sub(r"\\&", _SPECIAL.sub(r"\\\1", text))
    text = _LINE_START.sub(_escape_line_start, text)
    return text.replace("\n", "  \n")


def _escape_line_start(match: re.Match[str]) -> str:
    indent, mark = match.groups()
    return f"{indent}{mark}\\" if mark.isdigit() else f"{indent}\\{mark}"


def render(report: Report) -> bytes:
    return render_markdown(report).encode("utf-8")


def render_markdown(report: Report) -> str:
    relations = relations_by_claim(report)
    blocks = _title_page(report)
    for number, article in enumerate(report.articles, start=1):
        blocks += _article(number, article)
        blocks += [_footnote(claim, relations.get(claim.ref)) for claim in article.claims]
    blocks += _tables(report)
    return "\n\n".join(blocks) + "\n"


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
    unplaced = [claim for claim in article.claims if claim not in anchored(article)]
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
    lines += [f"{label}: {escape(value)}" for label, value in claim_facts(claim, relations)]
    lines += [f"Note: {escape(note)}" for note in claim.notes]
    return "\n\n    ".join(lines)


def _tables(report: Report) -> list[str]:
    blocks = []
    for table in summary_tables(report):
        blocks += [f"## {table.title}", _table(list(table.header), table.rows)]
    return blocks


def _table(header: list[str], rows: list[list[str]]) -> str:
    if not rows:
        return "None in this report."
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in rows:
        cells = [escape(cell).replace("  \n", " ") for cell in row]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
