"""The kinds of clutter a reader recognises in a line of an article, one predicate each.

Every rule looks at one whole line and is precise rather than greedy: it matches what sites
print around articles ("- Advertisement -", "Read more: ...", "(Picture by ...)", "... more"),
not sentences that merely use the same words.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE
_ADVERTISEMENT = re.compile(
    r"^[\s\-–—•|·*]*(advertisements?|advertising|sponsored( content)?|ad|anzeige|publicité)"
    r"[\s\-–—•|·*:]*$",
    _I,
)
_SECTION_HEADING = re.compile(
    r"^(trending( now| on .{1,40})?|related( articles| stories| posts| news| content| coverage)?"
    r"|more from .{1,40}|most (read|popular|viewed)|you (may|might) also like"
    r"|recommended( for you| reading| stories)?|read next|more( \w+){0,3} stories"
    r"|share this( article| story)?|keep reading|about the author|comments?"
    r"|leave a (comment|reply))\s*:?$",
    _I,
)
_READ_MORE = re.compile(
    r"^(read more|read also|also read|related|see also|more on this( story)?|read next|must read"
    r"|recommended)\s*[:|»›>–—-]\s*\S.{0,200}$",
    _I,
)
_CREDIT = re.compile(
    r"^\(?\s*((photo|image|picture|illustration|graphic|chart|video)s?\s*)?(credits?|courtesy)"
    r"\s*:.{1,150}$|^(photo|image|picture|illustration|graphic)s?\s*:\s*[^.]{1,120}$",
    _I,
)
_PICTURED = r"\b(photo|picture|image|illustration)s?\b"
_CAPTION_END = re.compile(
    rf"\(([^()]*{_PICTURED}[^()]*(\bby\b|/|:|credit)[^()]*"
    rf"|[^()]*(\bby\b|/|:|credit)[^()]*{_PICTURED}[^()]*)\)\.?$",
    _I,
)
_PAYWALL_WHO = re.compile(r"subscri|sign up|sign in|log in|membership|member\b", _I)
_PAYWALL_WHAT = re.compile(
    r"full story|continue reading|keep reading|read the (full|rest)|unlimited (digital )?access"
    r"|immediate access|already a (subscriber|member)|to view the full",
    _I,
)
_APP_PROMPT = re.compile(r"\bdownload (the|our)\b.{0,60}\bapps?\b", _I)
_CLICK_HERE = re.compile(r"\bclick here\b", _I)
_TEASER_END = re.compile(r"(\.\.\.|…)\s*(read )?more\s*[»›]?$", _I)
_DATELINE_WORDS = re.compile(
    r"^((latest )?updated?|posted( on)?|published( on)?|first published)\b[\s:,-]*", _I
)
_DATE = re.compile(
    r"^(((mon|tues|wednes|thurs|fri|satur|sun)day|(mon|tue|wed|thu|fri|sat|sun)),?\s+)?"
    r"(\w{3,9}\.? \d{1,2}(st|nd|rd|th)?,? \d{4}|\d{1,2}(st|nd|rd|th)? \w{3,9}\.?,? \d{4}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})"
    r"([\s,|at-]+\d{1,2}[:.]\d{2}\s*([ap]\.?m\.?)?(\s*[A-Z]{2,4})?)?$",
    _I,
)
_PLACE_DASH = re.compile(r"^[A-Z][A-Z .,'’()-]{1,40}\s*[—–-]$")
_HEADLINE_BREAK = re.compile(r" [—–|] |: ")
_SENTENCE_END = re.compile(r"[.!?…:;,\"”’)]$")


def is_advertisement(line: str) -> bool:
    """ "- Advertisement -", "Sponsored", "ADVERTISING"."""
    return bool(_ADVERTISEMENT.match(line))


def is_section_heading(line: str) -> bool:
    """The heading of a box that is not the article: "Trending on ...", "More from Author"."""
    return bool(_SECTION_HEADING.match(line))


def is_read_more(line: str) -> bool:
    """ "Read more: <another article's headline>"."""
    return bool(_READ_MORE.match(line))


def is_caption(line: str) -> bool:
    """A photo credit or a caption ending in one: "(Credit: ...)", "... (Picture by ...)"."""
    return bool(_CREDIT.match(line)) or (len(line) < 250 and bool(_CAPTION_END.search(line)))


def is_paywall(line: str) -> bool:
    """ "To view the full story, please subscribe", "Already a subscriber? Log in"."""
    return bool(_PAYWALL_WHO.search(line) and _PAYWALL_WHAT.search(line))


def is_call_to_action(line: str) -> bool:
    """A short prompt to do something other than read: download the app, click here."""
    return len(line) < 200 and bool(_APP_PROMPT.search(line) or _CLICK_HERE.search(line))


def is_teaser(line: str) -> bool:
    """The start of another article, cut off: "The Petroleum Commission is far... more"."""
    return len(line) < 400 and bool(_TEASER_END.search(line))


def is_dateline(line: str) -> bool:
    """A line that is only a date (or "Posted on", "Updated ..."): page furniture."""
    line = line.strip()
    rest = _DATELINE_WORDS.sub("", line).strip()
    if not rest:
        return rest != line  # "Posted on", with its date elsewhere
    return bool(_DATE.match(rest))


def is_place_dash(line: str) -> bool:
    """A dateline set apart from its paragraph: "WASHINGTON —"."""
    return bool(_PLACE_DASH.match(line))


def is_related_headline(text: str) -> bool:
    """A title-case headline of another article, set between paragraphs of plain text.

    Such a line has no closing punctuation, at least nine words, most of them capitalised, and a
    headline break (" — ", ": ", " | "). Short section headings ("Russia's Role in Iran Nuclear
    Crisis") have no such break and are kept.
    """
    words = text.split()
    if len(words) < 9 or len(text) > 200 or _SENTENCE_END.search(text):
        return False
    if not _HEADLINE_BREAK.search(text):
        return False
    long_words = [word for word in words if len(word) > 3 and word[0].isalpha()]
    capitalised = [word for word in long_words if word[0].isupper()]
    return len(capitalised) >= 0.8 * max(1, len(long_words))
