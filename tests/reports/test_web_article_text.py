"""An article's record in the exchange file is the compact JSON json.dumps writes of its dict,
for any text and whichever optional fields it has."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import pytest

from workbench.reports import web_annotation as wa
from workbench.reports import web_vocabulary as vocab
from workbench.reports.model import Article

HASH = "ab" * 32
TEXTS = [
    'a "quote", a \\ backslash, </script>',
    "".join(map(chr, range(0x20))) + "\x7f \u2028\u2029",
    "beyond the BMP 𝔘😀 \U0010fffd, right to left مرحبا \u202e",
]


def _expected(article: Article) -> str:
    """The record as a dict, dumped as the file writes JSON."""
    found: dict[str, Any] = {
        "id": vocab.article_iri(article.ref),
        "type": "Text",
        "format": "text/plain",
        "wb:contentHash": article.ref,
        "wb:title": article.title,
    }
    if article.language:
        found["language"] = article.language
    optional = {
        "wb:outlet": article.outlet,
        "wb:authors": list(article.authors),
        "wb:url": article.url,
        "wb:published": article.published.isoformat() if article.published else "",
    }
    found.update({key: value for key, value in optional.items() if value})
    found["wb:text"] = article.text
    return json.dumps(found, ensure_ascii=False, separators=(",", ":"))


@pytest.mark.parametrize("text", TEXTS)
def test_an_article_with_every_field_is_written_as_its_dict(text: str) -> None:
    """Title, language, outlet, authors, URL, date and text holding hostile characters."""
    article = Article(
        HASH,
        text[::-1],
        text,
        outlet=text[:9],
        authors=(text[:4], "Ruta Deshpande", text),
        url=f"https://example.org/{text[:3]}",
        published=datetime(2025, 6, 23, 9, 30, 15, 123),
        language="ar",
    )
    written = wa._article(article)
    assert written == _expected(article).encode()
    assert json.loads(written)["wb:text"] == text


def test_an_article_without_optional_fields_leaves_them_out() -> None:
    """No language, outlet, authors, URL or date: none of their keys."""
    article = Article(HASH, "", TEXTS[0])
    written = wa._article(article)
    assert written == _expected(article).encode()
    assert set(json.loads(written)) == {
        "id",
        "type",
        "format",
        "wb:contentHash",
        "wb:title",
        "wb:text",
    }
