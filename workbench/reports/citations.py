"""Articles as citations: CSL-JSON (`workbench export --format csljson`), the format Zotero,
Pandoc and every CSL processor read; `citations_ris` writes the same items as RIS.

`csl_item(article)` is the one mapping from an article to a CSL item (newspaper article: its
title, outlet as container title, authors, publication date, URL, language, tags as keywords),
shared by the CSL-JSON and RIS writers, the citation styles (`citations_style`) and the
import's check that an export comes back the same.
"""

from __future__ import annotations

import json
from typing import Any, BinaryIO

from workbench.reports import model as rm
from workbench.reports.model import Report

PASSES = 1
SECTIONS = False  # an exchange file carries records, not the analysis sections
Json = dict[str, Any]


def csl_item(article: rm.Article) -> Json:
    """The article as a CSL-JSON item (empty fields left out)."""
    item: Json = {"id": article.ref, "type": "article-newspaper", "title": article.title}
    if article.outlet:
        item["container-title"] = article.outlet
    if article.authors:
        item["author"] = [{"literal": name} for name in article.authors]
    if article.published is not None:
        day = article.published
        item["issued"] = {"date-parts": [[day.year, day.month, day.day]]}
        if day.hour or day.minute or day.second:
            item["issued"]["raw"] = day.isoformat()
    if article.url:
        item["URL"] = article.url
    if article.language:
        item["language"] = article.language
    if article.tags:
        item["keyword"] = ", ".join(article.tags)
    if article.notes:
        item["note"] = "\n\n".join(article.notes)
    return item


def write(report: Report, out: BinaryIO) -> None:
    """Write the report's articles as one CSL-JSON array, an item a line."""
    out.write(b"[\n")
    first = True
    for batch in report.batches(text=False, claims=False):
        for article in batch:
            text = json.dumps(csl_item(article), ensure_ascii=False, sort_keys=True)
            out.write(("" if first else ",\n").encode() + text.encode("utf-8"))
            first = False
    out.write(b"\n]\n")
