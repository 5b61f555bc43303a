"""Hostile exchange files: each is refused in one line with nothing imported, or merged and
reported; annotations whose quote is lost are kept as orphaned claims."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.reports.conftest import REUTERS_QUOTE
from workbench.services import Project
from workbench.services.errors import InvalidInput
from workbench.services.exchange import import_web_annotations
from workbench.services.queries import claim_views, project_counts
from workbench.services.reporting import export_report


def _exported(project: Project, tmp_path: Path) -> dict:
    path = tmp_path / "export.jsonld"
    export_report(project, "jsonld", path)
    return json.loads(path.read_text(encoding="utf-8"))


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "hostile.jsonld"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _refused(tmp_path: Path, path: Path, message: str) -> None:
    with Project.create(tmp_path / "fresh.wbproj") as fresh:
        with pytest.raises(InvalidInput, match=re.escape(message)) as raised:
            import_web_annotations(fresh, path)
        assert "\n" not in str(raised.value)
        assert project_counts(fresh) == (0, 0, 0, 0, 0)
        assert not fresh.undo_stack.can_undo


def test_deep_nesting_is_refused_in_one_line(tmp_path: Path) -> None:
    """A list nested 100,000 deep is refused without a traceback."""
    path = tmp_path / "deep.jsonld"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    _refused(tmp_path, path, "more than 64 levels deep")


def test_deep_nesting_inside_an_annotation_is_refused_in_one_line(
    sample_project: Project, tmp_path: Path
) -> None:
    """An annotation of a real export whose body nests 100 lists deep is refused whole."""
    data = _exported(sample_project, tmp_path)
    deep: object = "x"
    for _ in range(100):
        deep = [deep]
    data["first"]["items"][-1]["body"] = deep
    _refused(tmp_path, _write(tmp_path, data), "more than 64 levels deep")


def test_a_numeric_target_is_refused_in_one_line(sample_project: Project, tmp_path: Path) -> None:
    """An annotation whose target is a number names its id and what is wrong."""
    data = _exported(sample_project, tmp_path)
    data["first"]["items"][0]["target"] = 5
    _refused(tmp_path, _write(tmp_path, data), "its target must be an IRI or an object")


def test_two_different_sources_under_one_id_are_refused(
    sample_project: Project, tmp_path: Path
) -> None:
    """A second wb:source under Reuters' id, renamed Deftechtimes, cannot re-point claims."""
    data = _exported(sample_project, tmp_path)
    reuters = next(s for s in data["wb:sources"] if s["wb:name"] == "Reuters")
    data["wb:sources"].append({**reuters, "wb:name": "Deftechtimes"})
    _refused(tmp_path, _write(tmp_path, data), "two different sources share the id")


def test_a_record_given_twice_alike_is_merged_and_reported(
    sample_project: Project, tmp_path: Path
) -> None:
    """The same source twice is one source, and the summary says a record was merged."""
    data = _exported(sample_project, tmp_path)
    data["wb:sources"].append(data["wb:sources"][0])
    with Project.create(tmp_path / "fresh.wbproj") as fresh:
        summary = import_web_annotations(fresh, _write(tmp_path, data))
        assert project_counts(fresh).sources == len(data["wb:sources"]) - 1
        assert "merged 1 repeated record" in str(summary)


def test_an_article_over_the_file_import_limit_is_refused(
    sample_project: Project, tmp_path: Path
) -> None:
    """An article of more than 5,000,000 characters is refused, as a file import refuses it."""
    data = _exported(sample_project, tmp_path)
    data["wb:articles"][0]["wb:text"] = "word " * 1_000_001
    _refused(tmp_path, _write(tmp_path, data), "an article can hold at most 5,000,000")


def test_a_lost_quote_is_kept_as_an_orphaned_claim(sample_project: Project, tmp_path: Path) -> None:
    """The Reuters claim's quote, changed so the text no longer holds it, comes in orphaned
    with its quote and chain, and the summary counts it; a second import adds nothing."""
    data = _exported(sample_project, tmp_path)
    claim = next(
        item
        for item in data["first"]["items"]
        if item["motivation"] == "assessing"
        and item["target"]["selector"][0]["exact"].startswith(REUTERS_QUOTE)
    )
    lost = "Sources told Reuters nothing of the kind, ever, at any time in June."
    claim["target"]["selector"][0]["exact"] = lost
    path = _write(tmp_path, data)
    with Project.create(tmp_path / "fresh.wbproj") as fresh:
        summary = import_web_annotations(fresh, path)
        orphans = [view for view in claim_views(fresh) if view.orphaned]
        assert [view.exact for view in orphans] == [lost]
        assert [hop.name for hop in orphans[0].attribution][:2] == ["unnamed sources", "Reuters"]
        assert summary.claims_added == 6 and "1 orphaned" in str(summary)
        again = import_web_annotations(fresh, path)
        assert again.claims_added == 0 and project_counts(fresh).claims == 6


def test_a_byte_order_mark_and_any_key_order_are_read(
    sample_project: Project, tmp_path: Path
) -> None:
    """A file re-saved by another tool (BOM, keys sorted so annotations come first) reads."""
    data = _exported(sample_project, tmp_path)
    path = tmp_path / "sorted.jsonld"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(data, sort_keys=True).encode("utf-8"))
    with Project.create(tmp_path / "fresh.wbproj") as fresh:
        summary = import_web_annotations(fresh, path)
        assert summary.claims_added == 6 and summary.relations_added == len(
            [i for i in data["first"]["items"] if i["motivation"] == "linking"]
        )
