"""REFI-QDA .qdpx: valid against the standard's XSD, code-point positions, lossless round trip,
other tools' projects, and malformed archives that change nothing."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from workbench.domain.anchoring import Span
from workbench.reports import refi_qda_codes as codes
from workbench.services import Project
from workbench.services.articles import NewArticle, add_article
from workbench.services.claims import create_claim
from workbench.services.errors import InvalidInput
from workbench.services.import_refi_qda import codebook, import_qdpx
from workbench.services.import_refi_qda_codes import KIND, Use
from workbench.services.queries import claim_views, project_counts
from workbench.services.reporting import export_report

from .conftest import EMOJI_TEXT, RoundTrip

NS = {"q": codes.NS}


def _qde(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("project.qde"))


def test_the_export_is_valid_against_the_refi_qda_project_schema(
    sample_project: Project, tmp_path: Path, refi_schema: Path
) -> None:
    """project.qde of the sample's export validates against Project-mrt2019.xsd with lxml."""
    schema = etree.XMLSchema(etree.parse(str(refi_schema)))
    written = export_report(sample_project, "qdpx", tmp_path / "case.qdpx")
    root = _qde(written)
    assert schema.validate(root), schema.error_log
    assert len(root.findall(".//q:PlainTextSelection", NS)) >= 6


def test_positions_count_code_points_as_the_standard_does(
    project: Project, tmp_path: Path, refi_schema: Path
) -> None:
    """Behind emoji, positions are code points into the archive's text, end exclusive."""
    article = add_article(project, NewArticle(text=EMOJI_TEXT, title="Emoji"))
    start = EMOJI_TEXT.index("the test")
    create_claim(project, article, Span(start, start + len("the test 𝔣ailed")))
    written = export_report(project, "qdpx", tmp_path / "emoji.qdpx")
    [selection] = _qde(written).findall(".//q:PlainTextSelection", NS)
    [source] = _qde(written).findall(".//q:TextSource", NS)
    name = source.get("plainTextPath").removeprefix("internal://")
    with zipfile.ZipFile(written) as archive:
        text = archive.read(f"sources/{name}").decode("utf-8")
    begin, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
    assert begin == start
    assert text[begin:end] == "the test 𝔣ailed"


def test_a_round_trip_through_an_empty_project_loses_nothing(round_trip: RoundTrip) -> None:
    """Export → import into an empty project → export: the same project and file."""
    before, after, first, second = round_trip("qdpx", import_qdpx)
    assert after == before

    def plain(path: Path) -> str:
        with zipfile.ZipFile(path) as archive:
            qde = archive.read("project.qde").decode("utf-8")
        return re.sub(r'creationDateTime="[^"]*"', "", qde, count=1)

    assert plain(second) == plain(first)


FOREIGN = """<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Interviews" origin="QualCoder">
 <CodeBook><Codes>
  <Code guid="11111111-1111-4111-8111-111111111111" name="Topics" isCodable="false">
   <Code guid="22222222-2222-4222-8222-222222222222" name="Economy" isCodable="true"/>
   <Code guid="33333333-3333-4333-8333-333333333333" name="Forecast" isCodable="true"/>
  </Code>
 </Codes></CodeBook>
 <Sources>
  <TextSource guid="44444444-4444-4444-8444-444444444444" name="Interview 1"
    plainTextPath="internal://44444444-4444-4444-8444-444444444444.txt">
   <PlainTextSelection guid="55555555-5555-4555-8555-555555555555" name="prices will rise"
     startPosition="{start}" endPosition="{end}">
    <Description>Expects inflation</Description>
    <Coding guid="66666666-6666-4666-8666-666666666666">
     <CodeRef targetGUID="22222222-2222-4222-8222-222222222222"/></Coding>
    <Coding guid="77777777-7777-4777-8777-777777777777">
     <CodeRef targetGUID="33333333-3333-4333-8333-333333333333"/></Coding>
   </PlainTextSelection>
  </TextSource>
 </Sources>
</Project>"""
INTERVIEW = "Q: What next?\n\nA: 👀 I think prices will rise this year."


def _foreign(tmp_path: Path, qde: str | None = None, text: str = INTERVIEW) -> Path:
    start = text.index("prices will rise")
    path = tmp_path / "interviews.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        body = qde if qde is not None else FOREIGN.format(start=start, end=start + 16)
        archive.writestr("project.qde", body)
        archive.writestr("sources/44444444-4444-4444-8444-444444444444.txt", text)
    return path


def test_another_tools_selections_become_claims_and_its_codes_tags(
    project: Project, tmp_path: Path
) -> None:
    """Another tool's selection is a claim: codes its tags, description its summary."""
    summary = import_qdpx(project, _foreign(tmp_path))
    [claim] = claim_views(project)
    assert claim.exact == "prices will rise"
    assert claim.tags == ("Economy", "Forecast")
    assert claim.summary == "Expects inflation"
    assert "1 article (1 new)" in str(summary)


def test_the_analyst_can_make_a_code_a_claim_kind(project: Project, tmp_path: Path) -> None:
    """A plan making “Forecast” the kind prediction gives a prediction without that tag."""
    path = _foreign(tmp_path)
    found, plan = codebook(path)
    forecast = next(code for code in found if code.name == "Forecast")
    assert plan[forecast.guid].what == "tag"
    import_qdpx(project, path, {forecast.guid: Use(KIND, "prediction")})
    [claim] = claim_views(project)
    assert (claim.kind, claim.tags) == ("prediction", ("Economy",))


def test_a_code_cannot_become_a_kind_we_do_not_have(project: Project, tmp_path: Path) -> None:
    """A plan naming an unknown kind is refused in one line before anything is written."""
    with pytest.raises(InvalidInput, match="'rumour' is not a claim kind"):
        import_qdpx(project, _foreign(tmp_path), {"x": Use(KIND, "rumour")})
    assert project_counts(project).articles == 0


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_bytes(b"not a zip"), "not a zip archive"),
        (lambda p: zipfile.ZipFile(p, "w").writestr("other.xml", "<a/>"), "no project.qde"),
        (lambda p: zipfile.ZipFile(p, "w").writestr("project.qde", "<Project"), "not well-formed"),
    ],
)
def test_a_malformed_archive_gets_one_line_and_changes_nothing(
    sample_project: Project, tmp_path: Path, make: Callable[[Path], object], message: str
) -> None:
    """Not a zip, no project.qde, broken XML: a one-line error naming the file."""
    path = tmp_path / "broken.qdpx"
    make(path)
    before = project_counts(sample_project)
    with pytest.raises(InvalidInput, match=message) as raised:
        import_qdpx(sample_project, path)
    assert "\n" not in str(raised.value) and "broken.qdpx" in str(raised.value)
    assert project_counts(sample_project) == before


def test_a_text_missing_from_the_archive_leaves_nothing_half_imported(
    project: Project, tmp_path: Path
) -> None:
    """A second source whose text is not in the archive: the first is not imported either."""
    start = INTERVIEW.index("prices will rise")
    second = (
        '<TextSource guid="88888888-8888-4888-8888-888888888888" name="Lost" '
        'plainTextPath="internal://88888888-8888-4888-8888-888888888888.txt"/></Sources>'
    )
    qde = FOREIGN.format(start=start, end=start + 16).replace("</Sources>", second)
    with pytest.raises(InvalidInput, match="not inside the archive"):
        import_qdpx(project, _foreign(tmp_path, qde))
    assert project_counts(project).articles == 0


def test_an_import_is_one_step_that_undo_takes_back(project: Project, tmp_path: Path) -> None:
    """Undo after importing a .qdpx removes its article and claim: one journalled command."""
    import_qdpx(project, _foreign(tmp_path))
    assert project.undo().startswith("Import REFI-QDA from interviews.qdpx")
    assert tuple(project_counts(project)) == (0, 0, 0, 0, 0)
