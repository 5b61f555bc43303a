"""A page's title and bylines, tidied: the full headline, and authors who are people."""

from __future__ import annotations

import re

from lxml.etree import _Element

_LETTER = re.compile(r"[^\W\d_]")
_TITLE_PARTS = re.compile(r"\s+[|–—-]\s+")
_AUTHOR_PREFIX = re.compile(r"^(article |written |posted |words )?by\s+", re.IGNORECASE)
_ROLE_WORDS = re.compile(
    r"(\s+(staff|writer|reporter|correspondent|contributor|editor))+$", re.IGNORECASE
)
_NOT_NAMES = {
    "by", "staff", "article by", "editorial staff", "editorial", "web desk", "news desk",
    "admin", "administrator", "editor", "editors", "newsroom", "staff writer", "unknown",
}  # fmt: skip
_MONTHS = re.compile(
    r"\b(january|february|march|april|may|june|july|august|september|october|november"
    r"|december)\b",
    re.IGNORECASE,
)


def best_title(metadata_title: str, headlines: list[str], site: str) -> str:
    """The article's headline: the page's <h1> where it is the metadata title made whole
    (an emoji in front, the rest of a shortened title), else the metadata title without the
    site's name."""
    title = without_site_name(metadata_title, site)
    for headline in headlines:
        if headline and title and _completes(headline, title):
            return headline
    words_in_title = len(title.split())
    for headline in headlines:
        if words_in_title < 2 and len(headline.split()) >= 3:
            return headline  # a placeholder title ("escenic") beside a real headline
    return title or next((headline for headline in headlines if headline), "")


def _completes(headline: str, title: str) -> bool:
    if headline in title:
        return True  # "Headline | Section | Site"
    if title in headline:
        extra = headline.replace(title, "", 1)
        return headline.startswith(title) or not _LETTER.search(extra)
    return False


def without_site_name(title: str, site: str) -> str:
    """ "Headline - St. Lucia Times" -> "Headline" when the last part names the site."""
    parts = _TITLE_PARTS.split(title.strip())
    if len(parts) > 1 and site and _same_name(parts[-1], site):
        return " - ".join(parts[:-1]).strip()
    return title.strip()


def _same_name(a: str, b: str) -> bool:
    def key(name: str) -> str:
        return re.sub(r"[\W_]|^the|com$", "", name.casefold())

    return key(a) == key(b)


def split_authors(value: str) -> list[str]:
    names = (_AUTHOR_PREFIX.sub("", " ".join(part.split())) for part in value.split(";"))
    return [name for name in names if name]


def people(names: tuple[str, ...], site: str) -> tuple[str, ...]:
    """Bylines that are people: not the outlet ("The Haitian Times"), not "Editorial Staff",
    and with the outlet's name taken out ("Adam Aaronson PhillyVoice Staff")."""
    kept = []
    for name in names:
        if site and _same_name(name, site):
            continue
        if site and site.casefold() in name.casefold():
            name = re.sub(re.escape(site), " ", name, flags=re.IGNORECASE)
            name = _ROLE_WORDS.sub("", " ".join(name.split()))
            if len(name.split()) < 2 or _MONTHS.search(name):
                continue
        if name.casefold() not in _NOT_NAMES:
            kept.append(name)
    return tuple(dict.fromkeys(kept))


_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)


def page_urls(tree: _Element, markup: str) -> tuple[str, ...]:
    """Every address the page gives for itself: `<link rel="canonical">`, `og:url` and the
    browser's "saved from" note, in that order, each once (http and https only)."""
    found = [
        *tree.xpath(
            "//link[contains(concat(' ', normalize-space(@rel), ' '), ' canonical ')]/@href"
        ),
        *tree.xpath("//meta[@property='og:url' or @name='og:url']/@content"),
        *_SAVED_FROM.findall(markup[:2048]),
    ]
    urls = (str(url).strip() for url in found)
    return tuple(dict.fromkeys(url for url in urls if url.startswith(("http://", "https://"))))


def url_variants(url: str) -> tuple[str, ...]:
    """The forms a stored article's URL may have for the same page: as given, without its
    #fragment, and with or without the final slash."""
    base = url.strip().split("#", 1)[0]
    if not base:
        return ()
    bare = base.rstrip("/")
    return tuple(dict.fromkeys((url.strip(), base, bare, bare + "/")))
