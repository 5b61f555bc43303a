"""A segment's words are kept beside it for fuzzy search, and read back the same."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh.filedb.filestore import RamStorage

from workbench.search import word_lists
from workbench.search.schema import DEFAULT_FIELDS, build_schema
from workbench.search.whoosh_reading import segment_folder
from workbench.services import Project
from workbench.services.search import SearchIndex

TYPOS = ("Reuetrs~", "Khamenie~", "sanctoins~", "title:Iarn~")


def _found(project: Project) -> dict[str, tuple[int, list[str]]]:
    index = SearchIndex.open(project)
    try:
        return {typo: _hits(index, typo) for typo in TYPOS}
    finally:
        index.close()


def _hits(index: SearchIndex, typed: str) -> tuple[int, list[str]]:
    results = index.search(typed)
    return results.total, [hit.snippet.marked() for hit in results.hits]


def _never(reader: object, fieldname: str) -> list[str]:
    raise AssertionError(f"the words of {fieldname} were read from the term index again")


def test_a_rebuild_keeps_the_words_of_the_plain_fields(rebuilt: tuple[Path, list[str]]) -> None:
    """A rebuild leaves, beside each segment, a word file per field a plain search looks in."""
    location, segments = rebuilt
    for segment in segments:
        for field in DEFAULT_FIELDS:
            assert (location / f"{segment}.{field}{word_lists.SUFFIX}").is_file()


def test_a_new_session_finds_typos_from_the_kept_words(
    sample_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A later session's fuzzy searches find what the first found, with every word read from
    the files beside the segments rather than from Whoosh's term index."""
    expected = _found(sample_project)
    assert all(total for total, _ in expected.values())
    monkeypatch.setattr(word_lists, "_from_term_index", _never)
    assert _found(sample_project) == expected


def test_damaged_word_files_are_read_again(sample_project: Project) -> None:
    """Word files cut short or overwritten are ignored: the words are read from the term
    index again, the searches find the same, and the files are written anew."""
    expected = _found(sample_project)
    location = SearchIndex.open(sample_project)
    folder = location.engine.location
    location.close()
    files = sorted(folder.glob(f"*{word_lists.SUFFIX}"))
    assert files
    for number, kept in enumerate(files):
        kept.write_bytes(kept.read_bytes()[:7] if number % 2 else b"\xff\xfe not ours")
    assert _found(sample_project) == expected
    assert all(kept.read_bytes().startswith(b"WBw1\n") for kept in files)


def test_words_with_a_prefix_are_whooshs(sample_project: Project) -> None:
    """The kept words of a field that begin with a prefix are those Whoosh's term index
    gives for it, in its order, for every prefix of one and two letters found."""
    index = SearchIndex.open(sample_project)
    try:
        with index.engine.reading() as reader:
            leaf = next(iter(reader.leaf_readers()))[0]
            words = word_lists.field_words(leaf, "body")
            prefixes = {word[:size] for word in words for size in (1, 2)} | {"zzzz", "ü"}
            field = leaf.schema["body"]
            for prefix in prefixes:
                plain = [field.from_bytes(w) for w in leaf.expand_prefix("body", prefix)]
                assert word_lists.words_beginning(leaf, "body", prefix) == plain, prefix
    finally:
        index.close()
    assert len(words) > 100


def test_segment_folder_is_the_index_folder(tmp_path: Path) -> None:
    """The folder of a file index's segment is the index's folder; an index in memory has none."""
    from whoosh.filedb.filestore import FileStorage

    for storage, folder in ((FileStorage(str(tmp_path)), tmp_path), (RamStorage(), None)):
        index = storage.create_index(build_schema())
        with index.writer() as writer:
            writer.add_document(key="a1", title="Sanctions on shipping")
        with index.reader() as reader:
            leaf = next(iter(reader.leaf_readers()))[0]
            assert segment_folder(leaf) == folder


def test_word_files_go_with_their_segment(tmp_path: Path) -> None:
    """When Whoosh merges segments, the word files of the segments merged away are removed
    with them (their names follow Whoosh's segment file pattern)."""
    from whoosh.filedb.filestore import FileStorage

    index = FileStorage(str(tmp_path)).create_index(build_schema())
    for title in ("Sanctions on shipping", "Shipping insurers leave"):
        with index.writer() as writer:
            writer.add_document(key=title, title=title)
    with index.reader() as reader:
        for leaf, _ in reader.leaf_readers():
            word_lists.field_words(leaf, "title")
    assert len(list(tmp_path.glob(f"*{word_lists.SUFFIX}"))) == 2
    index.optimize()
    with index.reader() as reader:
        (leaf, _), *others = list(reader.leaf_readers())
        assert not others
        assert "insur" in word_lists.field_words(leaf, "title")  # stemmed, as indexed
        kept = {path.name for path in tmp_path.glob(f"*{word_lists.SUFFIX}")}
        assert kept == {f"{leaf.segment().segment_id()}.title{word_lists.SUFFIX}"}
