"""A shared store's Markdown and HTML reports, corroboration section included, say what a
project file's do: the same streamed sections, from portable SQL."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from workbench.reports import render
from workbench.services import Project
from workbench.services.reporting import build_report
from workbench.services.sample import build_sample

CREATED = datetime(2025, 6, 24, 9, 30, tzinfo=UTC)


BY = re.compile(rb"^ *By: .*$|<p class=\"by\">By [^<]*</p>", re.MULTILINE)


def _rendered(project: Project, fmt: str) -> bytes:
    """The whole report, with what differs between the two stores held still: the date, the
    analyst, the title page's project name, and who made each claim (the server's role, or
    the login name)."""
    report = build_report(project, analyst="A. N. Analyst")
    made = BY.sub(b"", render(replace(report, created=CREATED, scope=("Everything",)), fmt))
    return _days_held_still(made)


def _days_held_still(made: bytes) -> bytes:
    """The day the records were made (a source's last judged claim) held still too: the
    server's sample is built once a session, which may have begun the day before."""
    today = date.today()
    for day in (today, today - timedelta(days=1)):
        made = made.replace(day.isoformat().encode(), b"(the day it was made)")
    return made


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_shared_samples_report_is_the_files(
    sample_project: Project, tmp_path: Path, fmt: str
) -> None:
    """The sample on PostgreSQL and in a project file give the very same report bytes, its
    corroboration section and closing claims table in."""
    shared = _rendered(sample_project, fmt)
    with Project.create(tmp_path / "sample.wbproj") as project:
        build_sample(project)
        assert shared == _rendered(project, fmt)
    assert b"Corroboration" in shared and b"only one origin" in shared
