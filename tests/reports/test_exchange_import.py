"""Importing Web Annotations: other tools' files, bad files, and all-or-nothing behaviour."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from workbench.services import Project
from workbench.services.articles import NewArticle, add_article
from workbench.services.errors import InvalidInput
from workbench.services.exchange import import_web_annotations
from workbench.services.queries import claim_views, notes_of, project_counts, tags_of
from workbench.services.reporting import export_report

STORY_URL = "https://example.org/story"
STORY = "Officials met on Monday.\n\nThe minister said the talks failed."


def _write(tmp_path: Path, data: object, name: str = "notes.jsonld") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _foreign(source: str) -> dict:
    """An annotation as a web annotation tool writes it: a quote, a comment and a tag."""
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "https://annotations.example/1",
        "type": "Annotation",
        "motivation": "commenting",
        "body": [
            {"type": "TextualBody", "value": "Sounds doubtful", "purpose": "commenting"},
            {"type": "TextualBody", "value": "economy", "purpose": "tagging"},
        ],
        "target": {
            "source": source,
            "selector": {"type": "TextQuoteSelector", "exact": "the talks failed"},
        },
    }


def test_another_tools_annotation_becomes_a_claim_on_the_article_at_that_url(
    project: Project, tmp_path: Path
) -> None:
    """The quote is found in the article with that URL; comment and tag come along."""
    add_article(project, NewArticle(text=STORY, title="Talks", url=STORY_URL))
    import_web_annotations(project, _write(tmp_path, _foreign(STORY_URL)))
    [claim] = claim_views(project)
    assert claim.exact == "the talks failed"
    assert [note.body for note in claim.notes] == ["Sounds doubtful"]
    assert claim.tags == ("economy",)


def test_a_quote_cut_mid_word_without_context_keeps_its_place_and_words(
    project: Project, tmp_path: Path
) -> None:
    """A position and a quote that cuts a word, with no prefix or suffix (both optional in
    W3C), import as exactly that span and words, not widened to the whole word."""
    add_article(project, NewArticle(text=STORY, title="Talks", url=STORY_URL))
    start = STORY.index("the talks failed")
    annotation = _foreign(STORY_URL)
    annotation["target"]["selector"] = [
        {"type": "TextPositionSelector", "start": start, "end": start + 14},
        {"type": "TextQuoteSelector", "exact": "the talks fail"},
    ]
    import_web_annotations(project, _write(tmp_path, annotation))
    [claim] = claim_views(project)
    assert (claim.exact, claim.start, claim.end) == ("the talks fail", start, start + 14)


def test_a_quote_ending_in_a_space_keeps_its_words_exactly(
    project: Project, tmp_path: Path
) -> None:
    """A quote found at its position that ends (or starts) with white space imports as those
    very characters, not trimmed as a selection in the reader would be: the file's claim."""
    add_article(project, NewArticle(text=STORY, title="Talks", url=STORY_URL))
    start = STORY.index("the talks failed")
    annotation = _foreign(STORY_URL)
    annotation["target"]["selector"] = [
        {"type": "TextPositionSelector", "start": start - 1, "end": start + 10},
        {"type": "TextQuoteSelector", "exact": STORY[start - 1 : start + 10]},
    ]
    import_web_annotations(project, _write(tmp_path, annotation))
    [claim] = claim_views(project)
    assert (claim.exact, claim.start, claim.end) == (" the talks ", start - 1, start + 10)


def test_a_comment_on_a_whole_page_becomes_a_note_on_that_article(
    project: Project, tmp_path: Path
) -> None:
    """An annotation whose target is just the page's URL notes and tags the article."""
    article_id = add_article(project, NewArticle(text=STORY, title="Talks", url=STORY_URL))
    page_note = {**_foreign(STORY_URL), "target": STORY_URL}
    import_web_annotations(project, _write(tmp_path, page_note))
    assert [note.body for note in notes_of(project, "article", article_id)] == ["Sounds doubtful"]
    assert tags_of(project, "article", article_id) == ("economy",)
    assert project_counts(project).claims == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "is not valid JSON ("),
        (json.dumps({"type": "Person"}), "not a W3C Web Annotation file"),
        (
            json.dumps({"type": "AnnotationCollection", "first": "https://elsewhere.example/p1"}),
            "it fetches nothing",
        ),
        (json.dumps(_foreign("https://example.org/unknown")), "neither in the file nor in this"),
        (json.dumps({**_foreign(STORY_URL), "target": []}), "has no target"),
    ],
)
def test_a_bad_file_gets_one_clear_error_and_changes_nothing(
    project: Project, tmp_path: Path, content: str, message: str
) -> None:
    """Broken JSON, the wrong kind of file, remote pages or unknown articles store nothing."""
    add_article(project, NewArticle(text=STORY, title="Talks", url=STORY_URL))
    project.undo_stack.clear()
    path = tmp_path / "bad.jsonld"
    path.write_text(content, encoding="utf-8")
    before = project_counts(project)
    with pytest.raises(InvalidInput, match=re.escape(message)):
        import_web_annotations(project, path)
    assert project_counts(project) == before
    assert not project.undo_stack.can_undo


def test_a_claim_with_an_unknown_status_is_skipped_and_reported(
    sample_project: Project, tmp_path: Path
) -> None:
    """One bad claim is left out whole and named in the summary; the rest come in."""
    path = tmp_path / "export.jsonld"
    export_report(sample_project, "jsonld", path)
    data = json.loads(path.read_text(encoding="utf-8"))
    claim = next(i for i in data["first"]["items"] if i["motivation"] == "assessing")
    next(b for b in claim["body"] if b.get("wb:property") == "status")["value"] = "rumoured"
    with Project.create(tmp_path / "fresh.wbproj") as fresh:
        summary = import_web_annotations(fresh, _write(tmp_path, data))
        assert summary.claims_added == 5
        assert "unknown status 'rumoured'" in str(summary)
        assert project_counts(fresh).claims == 5


def test_an_import_is_one_undo_step(sample_project: Project, tmp_path: Path) -> None:
    """Undo takes the whole import back out of the fresh project."""
    path = tmp_path / "export.jsonld"
    export_report(sample_project, "jsonld", path)
    with Project.create(tmp_path / "fresh.wbproj") as fresh:
        import_web_annotations(fresh, path)
        assert project_counts(fresh).claims == 6
        assert fresh.undo() == "Import annotations from export.jsonld"
        counts = project_counts(fresh)
        assert (counts.articles, counts.claims, counts.sources, counts.events) == (0, 0, 0, 0)
