"""The HTML and Markdown claim notes the database words and escapes (services/note_table.py)
write what the report model writes, byte for byte, and leave hostile text inert."""

from __future__ import annotations

from dataclasses import replace

import pytest
from markupsafe import escape as markup_escape

from tests.reports.conftest import reuters_claim_id
from workbench.reports import render
from workbench.reports.claim_notes import NOTE_TABLES
from workbench.reports.html_blocks import text as html_text
from workbench.reports.markdown_report import escape as markdown_text
from workbench.reports.model import ArticleStream, Report
from workbench.services import Project
from workbench.services.annotations import add_note, add_tag
from workbench.services.chains import add_hop
from workbench.services.claims import Hop, edit_claim
from workbench.services.entities import create_actor, create_source
from workbench.services.events import create_event
from workbench.services.links import link_actor, link_event
from workbench.services.reporting import build_report

SCRIPT = "<script>alert('x')</script>"
HOSTILE = (  # markup, entities, quotes, Markdown's marks, backticks, brackets, HTML in Markdown
    f"{SCRIPT} & &amp; \"q\" 's' *b* _e_ `code` [link](http://x) <b>b</b> # | ~ !"
)
LINE_STARTS = ("- item", "+ item", "> quote", "1. first", "2) second", " 3. spaced", "# head")
HOSTILE_VALUES = (
    HOSTILE,
    *LINE_STARTS,
    "",
    "plain words",
    "Öffentlich",
    "a\nb",
    "x\n- y\n12. z",
    "&#39; and &copy; and & alone",
    "back\\slash",
    *(f"{mark}x" for mark in "\\`*_{}[]<>#|~!&\"'("),
    *(f"x{mark}" for mark in "\\`*_{}[]<>#|~!&\"'("),
)

NAMED = (HOSTILE, *LINE_STARTS, "x\n- y\n12. z", "&#39; and &copy; and & alone")


def _model_only(report: Report) -> Report:
    """The report without the database's claim notes: rendered from the model's claims."""
    stream = report.articles
    assert isinstance(stream, ArticleStream)
    assert set(NOTE_TABLES) <= set(stream.tables)  # the SQL path is the one under test
    tables = {name: read for name, read in stream.tables.items() if name not in NOTE_TABLES}
    kept = ArticleStream(
        stream.count,
        stream.claim_count,
        lambda text, claims: stream.batches(text=text, claims=claims),
        stream.outline,
        tables,
    )
    return replace(report, articles=kept)


@pytest.fixture
def hostile_claims(sample_project: Project) -> Project:
    """The sample with hostile text in a claim's summary, notes, tags, actor, source and cue."""
    claim = reuters_claim_id(sample_project)
    edit_claim(sample_project, claim, summary=HOSTILE)
    add_note(sample_project, "claim", claim, HOSTILE)
    add_note(sample_project, "claim", claim, "- a note that starts like a list")
    add_tag(sample_project, "claim", claim, HOSTILE)
    link_actor(sample_project, claim, create_actor(sample_project, HOSTILE), "mentioned")
    source = create_source(sample_project, f"{SCRIPT} Agency", reliability="B")
    add_hop(sample_project, claim, Hop("reported by", source_id=source, cue=HOSTILE))
    return sample_project


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_hostile_notes_from_the_database_are_the_models_bytes(
    hostile_claims: Project, fmt: str
) -> None:
    """Hostile summary, notes, tag, actor, source and cue: the database's notes and the
    model's make the very same file."""
    report = build_report(hostile_claims)
    assert render(report, fmt) == render(_model_only(report), fmt)


def test_hostile_text_is_inert_in_html(hostile_claims: Project) -> None:
    """No script, bold or link the analyst typed becomes markup: each shows escaped."""
    html = render(build_report(hostile_claims), "html").decode()
    assert "<script" not in html and "<b>b</b>" not in html
    assert str(markup_escape(HOSTILE)) in html  # summary, note, tag, actor, cue
    assert html.count(str(markup_escape(HOSTILE))) >= 5
    assert f"<b>{markup_escape(SCRIPT)} Agency</b>" in html  # the source in the chain


def test_hostile_text_is_inert_in_markdown(hostile_claims: Project) -> None:
    """Markdown shows the hostile text with every mark backslashed and no raw HTML."""
    markdown = render(build_report(hostile_claims), "md").decode()
    assert SCRIPT not in markdown and "<b>b</b>" not in markdown and "`code`" not in markdown
    assert markdown.count(markdown_text(HOSTILE)) >= 5
    assert "\\<script\\>" in markdown and "\\[link\\](http://x)" in markdown
    assert "Note: \\- a note that starts like a list" in markdown


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_a_forbidden_character_is_dropped_as_the_model_drops_it(
    sample_project: Project, fmt: str
) -> None:
    """Notes holding NUL, BEL and U+FFFF before markup (GLOB would stop at the NUL), or a BEL
    alone: the batch is read the careful way, the characters dropped, the markup escaped."""
    claim = reuters_claim_id(sample_project)
    add_note(sample_project, "claim", claim, "a\x00<b>bold</b>\x07\uffff- tail")
    add_note(sample_project, "claim", claim, "Bell\x07 and nothing else to escape")
    edit_claim(sample_project, claim, summary="\x01# not a heading")
    report = build_report(sample_project)
    data = render(report, fmt)
    assert data == render(_model_only(report), fmt)
    assert b"\x00" not in data and b"\x07" not in data and b"\x01" not in data
    assert b"<b>bold</b>" not in data


@pytest.fixture
def every_hostile_value(sample_project: Project) -> Project:
    """The sample with each hostile value as a claim's note, the hostile names as its tags,
    actors, events, sources and cues, a hostile summary, and look-alike event titles whose
    order ties but for case."""
    claim = reuters_claim_id(sample_project)
    for value in HOSTILE_VALUES:
        if value.strip():  # a note needs some text
            add_note(sample_project, "claim", claim, value)
    for at, value in enumerate(NAMED):
        name = f"{value} {at}"  # names are unique regardless of case
        add_tag(sample_project, "claim", claim, name)
        link_actor(sample_project, claim, create_actor(sample_project, name), "mentioned")
        link_event(sample_project, claim, create_event(sample_project, name), "refers to")
        source = create_source(sample_project, f"source {name}")
        add_hop(sample_project, claim, Hop("reported by", source_id=source, cue=value))
    for title in ("Summit", "summit", "SUMMIT"):
        link_event(sample_project, claim, create_event(sample_project, title), "refers to")
    edit_claim(sample_project, claim, summary=HOSTILE_VALUES[1])
    return sample_project


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_every_hostile_value_in_every_piece_is_the_models_bytes(
    every_hostile_value: Project, fmt: str
) -> None:
    """Each hostile value (every mark alone, at the start and at the end, line starts,
    entities, line breaks) as a note, and hostile names as tags, actors, events, sources and
    cues: the database's notes and the model's make the very same file, the links in the
    model's order, every name escaped."""
    report = build_report(every_hostile_value)
    data = render(report, fmt)
    assert data == render(_model_only(report), fmt)
    shown = data.decode()
    escape = html_text if fmt == "html" else markdown_text
    assert escape("SUMMIT (refers to), Summit (refers to), summit (refers to)") in shown
    assert escape(f"{HOSTILE} 0") in shown and f"{HOSTILE} 0" not in shown
