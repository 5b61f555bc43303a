"""REFI-QDA Users from the change log: every analyst who worked on the case, each claim credited
to the one who made it."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from io import BytesIO
from pathlib import Path

from lxml import etree

from workbench.domain.anchoring import Span
from workbench.reports import refi_qda_codes as codes
from workbench.reports import render
from workbench.services import Project
from workbench.services.articles import NewArticle, add_article
from workbench.services.claims import create_claim
from workbench.services.reporting import build_report, export_report

NS = {"q": codes.NS}
TEXT = "Officials met on Monday. The minister said the talks failed."


def _qde(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("project.qde"))


def _two_users(project: Project) -> None:
    """Alice adds the article and its first claim; Bob adds the second claim."""
    project.user = "alice"
    article = add_article(project, NewArticle(text=TEXT, title="Talks"))
    create_claim(project, article, Span(0, len("Officials met")))
    project.user = "bob"
    start = TEXT.index("the talks")
    create_claim(project, article, Span(start, start + len("the talks failed")))


def test_users_are_everyone_in_the_change_log_and_claims_name_their_maker(
    project: Project, tmp_path: Path, refi_schema: Path
) -> None:
    """Users lists the analyst, Alice and Bob; each selection and its codings credit its maker."""
    _two_users(project)
    written = export_report(project, "qdpx", tmp_path / "two.qdpx", analyst="Carol")
    root = _qde(written)
    schema = etree.XMLSchema(etree.parse(str(refi_schema)))
    assert schema.validate(root), schema.error_log
    users = {user.get("guid"): user.get("name") for user in root.iterfind(".//q:User", NS)}
    assert sorted(users.values()) == ["Carol", "alice", "bob"]
    made = {}
    for selection in root.iterfind(".//q:PlainTextSelection", NS):
        codings = {coding.get("creatingUser") for coding in selection.iterfind("q:Coding", NS)}
        assert codings == {selection.get("creatingUser")}
        made[selection.get("name")] = users[selection.get("creatingUser")]
    assert made == {"Officials met": "alice", "the talks failed": "bob"}


def test_a_claim_with_no_journalled_maker_is_credited_to_the_analyst(project: Project) -> None:
    """Without a recorded creator (a report built elsewhere), the selection names the analyst."""
    _two_users(project)
    report = build_report(project, analyst="Carol")
    bare = [
        replace(article, claims=tuple(replace(claim, created_by="") for claim in article.claims))
        for _number, article in report.numbered()
    ]
    data = render(replace(report, articles=tuple(bare)), "qdpx")
    with zipfile.ZipFile(BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("project.qde"))
    creators = {s.get("creatingUser") for s in root.iterfind(".//q:PlainTextSelection", NS)}
    assert creators == {codes.guid("user", "Carol")}
