"""A shared store's CSV and JSON-LD exports say what a project file's do: the store's report
makes its claim lines from the model (the finished-line SQL is SQLite's), byte for byte."""

from __future__ import annotations

import json
from pathlib import Path

from workbench.reports import render
from workbench.reports.model import ArticleStream
from workbench.services import Project
from workbench.services.reporting import build_report
from workbench.services.sample import build_sample


def _file_sample(folder: Path) -> Project:
    project = Project.create(folder / "sample.wbproj")
    build_sample(project)
    return project


def test_the_shared_samples_csv_is_the_files(sample_project: Project, tmp_path: Path) -> None:
    """The sample on PostgreSQL and in a project file give the very same CSV bytes."""
    shared = render(build_report(sample_project), "csv")
    with _file_sample(tmp_path) as project:
        report = build_report(project)
        stream = report.articles
        assert isinstance(stream, ArticleStream) and "csv lines" in stream.tables  # finished
        assert shared == render(report, "csv")
    assert shared.count(b"\r\n") == 7  # the header and six claims


def test_the_shared_samples_annotations_are_the_files(
    sample_project: Project, tmp_path: Path
) -> None:
    """The JSON-LD annotations of the sample on PostgreSQL are the project file's."""

    def annotations(project: Project) -> list[dict[str, object]]:
        found = json.loads(render(build_report(project), "jsonld"))
        return [
            {key: value for key, value in item.items() if key not in {"created", "modified"}}
            for item in found["first"]["items"]
        ]

    shared = annotations(sample_project)
    with _file_sample(tmp_path) as project:
        assert shared == annotations(project)
    assert len(shared) > 6
