"""Near-duplicate measures, and which files of a folder an import takes."""

from __future__ import annotations

from pathlib import Path

from workbench.ingest import collect_files
from workbench.ingest.dedupe import SketchIndex, resemblance, shingles, sketch

STORY = (
    "Negotiators left Vienna on Monday without an agreement on sanctions relief, officials said, "
    "and the two delegations blamed each other for the failure of the latest round of talks."
)


def test_resemblance_of_copies_and_strangers() -> None:
    """The same words score 1.0, a copy with a changed ending scores high, strangers near 0."""
    copy = STORY.replace("latest round of talks.", "talks held this spring in the city.")
    stranger = "Dock workers ended their strike at the port after a week, the union said today."
    assert resemblance(shingles(STORY), shingles(STORY.upper())) == 1.0
    assert 0.5 < resemblance(shingles(STORY), shingles(copy)) < 1.0
    assert resemblance(shingles(STORY), shingles(stranger)) == 0.0


def test_sketch_index_proposes_only_similar_articles() -> None:
    """An article sharing most phrases is proposed; an unrelated one is not."""
    index = SketchIndex()
    index.add(1, sketch(STORY * 3))
    index.add(2, sketch("The port reopened after a long strike by dock workers. " * 6))
    assert index.candidates(sketch(STORY * 3 + " One more closing line.")) == [1]
    index.forget(1)
    assert index.candidates(sketch(STORY * 3)) == []


def test_folder_walk_takes_importable_files_only(tmp_path: Path) -> None:
    """Hidden files, "_files" folders, unknown kinds and repeats are left out, in order."""
    for name in ("b.html", "a.txt", "c.PDF", ".hidden.txt", "photo.jpg", "Page_files/x.html"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
    collected = collect_files([tmp_path, tmp_path / "missing.txt", tmp_path / "a.txt"])
    assert [Path(f).name for f in collected.files] == ["a.txt", "b.html", "c.PDF"]
    assert [Path(f).name for f in collected.skipped] == ["photo.jpg"]
    assert collected.problems == [(str(tmp_path / "missing.txt"), "missing.txt does not exist")]
