"""Page chrome removed from the parsed page before the main text is chosen, and page facts
(headlines, language, syndication notes) read while the page is whole.

Chrome is recognised by what sites call it in class and id names ("share", "newsletter",
"related-inline", "ad"...), by "Also read" / "Read more" link paragraphs, and by tag (nav,
scripts, forms). An element holding several long paragraphs is never removed as chrome.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import html as lxml_html
from lxml.etree import _Element

from workbench.ingest.rendering import element_paragraphs, squash

_CHROME_WORDS = {
    "ad", "ads", "adslot", "advert", "advertisement", "advertising", "sponsored", "promo",
    "promotion", "newsletter", "cta", "subscribe", "signup", "related", "share", "sharing",
    "social", "trending", "comment", "comments", "outbrain", "taboola", "popular", "recommended",
    "breadcrumb", "breadcrumbs", "callout",
}  # fmt: skip
_CHROME_NAMES = {"author-box", "authorbox", "author-bio", "about-author", "more-from-author"}
_CHROME_TAGS = ("nav", "form", "button", "iframe", "noscript", "template", "svg", "canvas")
_TAXONOMY_PREFIXES = ("tag-", "category-", "cat-", "post-", "format-", "postid-", "has-")
_LINK_BLOCKS = ("p", "div", "h2", "h3", "h4")
_KEEP_TAGS = {"html", "body", "main", "article"}
_LINK_LABEL = re.compile(
    r"^(read more|read also|also read|related( articles?| stories)?|see also|read next"
    r"|must read|recommended|don'?t miss)\s*[:|»›>–—-]?\s*$",
    re.IGNORECASE,
)
_SYNDICATION = re.compile(
    r"^(this|the) (post|article|story|piece|report) (was )?(originally|first) "
    r"(appeared|published|ran)\b",
    re.IGNORECASE,
)
_LONG_PARAGRAPH = 200


@dataclass
class PageFacts:
    """What is read from the whole page before extraction narrows it to the article."""

    headlines: list[str] = field(default_factory=list)
    language: str = ""
    syndication: str = ""
    page_text: str = ""
    story_groups: list[list[list[str]]] = field(default_factory=list)


def parse_page(text: str) -> _Element:
    """Parse markup with no network access (lxml never fetches DTDs or resources)."""
    parser = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True, no_network=True)
    return lxml_html.document_fromstring(text.encode("utf-8"), parser=parser)


def read_facts(tree: _Element) -> PageFacts:
    """Headlines, language, a syndication note and repeated story blocks of the page."""
    return PageFacts(
        headlines=[squash(h1.text_content()) for h1 in tree.iter("h1")],
        language=page_language(tree),
        syndication=_syndication_note(tree),
        page_text=squash(" ".join(p.text_content() for p in tree.iter("p"))),
        story_groups=_story_groups(tree),
    )


def remove_chrome(tree: _Element) -> None:
    """Drop menus, share bars, ads, author boxes and related-article links from the page."""
    doomed = [element for element in tree.iter(*_CHROME_TAGS)]
    doomed += [element for element in _named_elements(tree) if _named_as_chrome(element)]
    doomed += [element for element in tree.iter(*_LINK_BLOCKS) if _link_only(element)]
    for element in doomed:
        if element.getparent() is not None and not _holds_article(element):
            element.drop_tree()


def page_language(tree: _Element) -> str:
    """The page's language code ("en") from <html lang>, Content-Language or og:locale."""
    candidates = [tree.get("lang", ""), tree.get("xml:lang", "")]
    for meta in tree.iter("meta"):
        key = (meta.get("http-equiv") or meta.get("property") or meta.get("name") or "").lower()
        if key in {"content-language", "og:locale", "language", "dc.language"}:
            candidates.append(meta.get("content", ""))
    for candidate in candidates:
        code = re.split(r"[-_,; ]", candidate.strip().lower(), maxsplit=1)[0]
        if re.fullmatch(r"[a-z]{2,3}", code):
            return code
    return ""


def _named_elements(tree: _Element) -> Iterator[_Element]:
    for element in tree.iter():
        named = element.get("class") or element.get("id")
        if named and isinstance(element.tag, str) and element.tag not in _KEEP_TAGS:
            yield element


def _named_as_chrome(element: _Element) -> bool:
    names = f"{element.get('class', '')} {element.get('id', '')}".lower().split()
    for name in names:
        if name.startswith(_TAXONOMY_PREFIXES):
            continue
        if name in _CHROME_NAMES or _CHROME_WORDS.intersection(re.split(r"[-_]", name)):
            return True
    return False


def _link_only(element: _Element) -> bool:
    """An "Also read: <headline>" block: a label and one link, nothing else."""
    links = [a for a in element.iter("a") if (a.get("href") or "#")[:1] != "#"]
    if len(links) != 1:
        return False
    whole = squash(element.text_content())
    label = squash(whole.replace(squash(links[0].text_content()), "", 1))
    return bool(label) and bool(_LINK_LABEL.match(label))


def _holds_article(element: _Element) -> bool:
    long_paragraphs = 0
    for paragraph in element.iter("p"):
        if len(paragraph.text_content()) > _LONG_PARAGRAPH:
            long_paragraphs += 1
            if long_paragraphs >= 3:
                return True
    return False


def _syndication_note(tree: _Element) -> str:
    """ "This post originally appeared on Grist." — where a syndicated article came from."""
    for element in tree.iter("p", "div", "span", "em"):
        text = squash(element.text_content())
        if len(text) < 300 and _SYNDICATION.match(text):
            return text
    return ""


def _story_groups(tree: _Element) -> list[list[list[str]]]:
    """Blocks sharing one class that each hold a story (a newsletter's several items)."""
    groups: dict[tuple[str, str], list[_Element]] = {}
    for paragraph in tree.iter("p"):
        parent = paragraph.getparent()
        if parent is not None and parent.get("class"):
            members = groups.setdefault((parent.tag, parent.get("class")), [])
            if not members or members[-1] is not parent:
                members.append(parent)
    stories = []
    for members in groups.values():
        if len(members) < 2:
            continue
        rendered = [element_paragraphs(member) for member in members]
        if all(len(story) >= 2 and sum(map(len, story)) >= 250 for story in rendered):
            stories.append(rendered)
    return stories
