"""Bad input from the issue, each imported for real: a clear reason, the project intact."""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ingest import makers
from workbench.services import Project
from workbench.services.importing import ImportSummary, import_paths
from workbench.services.queries import project_counts

GOOD = "Ceasefire holds\n\nThe guns fell silent at midnight, officials said on Sunday.\n"


def _import_one(project: Project, tmp_path: Path, name: str, data: bytes) -> ImportSummary:
    """Import the bad file beside a good one; the good one must always get in."""
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / name).write_bytes(data)
    return import_paths(project, [tmp_path / "good.txt", tmp_path / name], workers=1)


def _only_failure(summary: ImportSummary, project: Project) -> str:
    assert len(summary.imported) == 1 and project_counts(project).articles == 1
    (failure,) = summary.failures
    return failure.reason


BAD_FILES = [
    ("empty.html", b"", "empty.html is empty (0 bytes)"),
    (
        "photo.html",
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40,
        "photo.html is a PNG image, not a web page",
    ),
    ("noise.html", bytes(range(1, 256)) * 400, "noise.html holds binary data"),
    (
        "broken.txt",
        "Genève talks resume ".encode() * 9 + b"\xff\xfe end",
        "broken.txt is not valid UTF-8: byte 0xff at position 189",
    ),
    ("locked.pdf", makers.encrypted_pdf_bytes(), "locked.pdf is password-protected"),
    ("scan.pdf", makers.scanned_pdf_bytes(), "scan.pdf has no text layer"),
    ("damaged.docx", makers.docx_bytes()[:3000], "damaged.docx is a damaged Word document"),
    ("bomb.docx", makers.docx_zip_bomb(), "refused as a possible zip bomb"),
    (
        "old.docx",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
        "old.docx is an old Word 97-2003 file",
    ),
]


@pytest.mark.parametrize(
    "name,data,reason", [pytest.param(*case, id=case[0]) for case in BAD_FILES]
)
def test_bad_file_gets_a_specific_reason(
    project: Project, tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    """Each kind of bad file fails with its own reason; the good file beside it is imported."""
    summary = _import_one(project, tmp_path, name, data)
    assert reason in _only_failure(summary, project)


def test_truncated_page(project: Project, tmp_path: Path, corpus: Path) -> None:
    """A saved page cut off part-way is refused, not imported as half an article."""
    page = (corpus / "seed" / "putin-iran-deftechtimes.html").read_bytes()
    summary = _import_one(project, tmp_path, "cut.html", page[: len(page) * 6 // 10])
    assert "cut.html is cut short" in _only_failure(summary, project)


def test_fifty_megabyte_page_is_refused(project: Project, tmp_path: Path) -> None:
    """A 50 MB page gets a size error, without reading it into a parser."""
    body = b"<p>" + b"Officials said the talks would resume. " * 40 + b"</p>\n"
    data = b"<html><body>" + body * (50 * 1024 * 1024 // len(body)) + b"</body></html>"
    summary = _import_one(project, tmp_path, "huge.html", data)
    assert "huge.html holds 50.0 MB of page markup" in _only_failure(summary, project)


def test_page_with_a_large_inline_image_is_imported(project: Project, tmp_path: Path) -> None:
    """Embedded image data does not count against the page size limit."""
    image = b"data:image/png;base64," + b"iVBORw0KGgo" * (2 * 1024 * 1024)
    page = (
        b"<html><body><article><h1>Port reopens</h1>"
        + b"<p>The port reopened on Monday after a week of strikes by dock workers.</p>" * 5
        + b'<img src="'
        + image
        + b'"></article></body></html>'
    )
    summary = _import_one(project, tmp_path, "inline.html", page)
    assert summary.failures == [] and len(summary.imported) == 2


def test_utf16_without_byte_order_mark_is_imported(project: Project, tmp_path: Path) -> None:
    """A UTF-16 file without a byte-order mark is imported with the right text."""
    summary = _import_one(
        project, tmp_path, "wide.txt", "Genève talks\n\nThey resumed.".encode("utf-16-le")
    )
    assert summary.failures == []
    assert summary.imported[1].title == "Genève talks"


def test_feed_with_one_broken_entry(project: Project, tmp_path: Path) -> None:
    """A damaged feed entry fails on its own; the good entries before and after import."""
    broken = "<item><title>Broken</title><description><![CDATA[<p>never closed</description></item>"
    feed = tmp_path / "wire.rss"
    feed.write_text(makers.RSS.format(broken=broken), encoding="utf-8")
    summary = import_paths(project, [feed], workers=1)
    assert [article.title for article in summary.imported] == [
        "Talks stall in Vienna",
        "Ceasefire holds",
    ]
    (failure,) = summary.failures
    assert "entry 2 “Broken”: is damaged" in failure.reason and "has no text" in failure.reason
    assert project_counts(project).articles == 2


def test_file_that_vanishes_mid_batch(project: Project, tmp_path: Path) -> None:
    """A file deleted while the batch runs is reported as gone; the rest are imported."""
    paths = []
    for number in range(14):
        path = tmp_path / f"note-{number:02d}.txt"
        path.write_text(f"Note {number}\n\nSighting number {number} was logged at dawn.\n")
        paths.append(path)

    def delete_the_last(progress: object) -> None:
        paths[-1].unlink(missing_ok=True)

    summary = import_paths(project, [tmp_path], progress=delete_the_last, workers=2)
    assert len(summary.imported) == 13
    (failure,) = summary.failures
    assert failure.path == str(paths[-1])
    assert "note-13.txt is gone" in failure.reason


def _without_override_powers() -> None:
    """Drop root's power to read any file (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH)."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "cannot drop capability")


def test_folder_of_unreadable_files(tmp_path: Path) -> None:
    """Unreadable files each fail with "permission denied", exit status 2, nothing stored."""
    # Run as the command line, without root's power to read any file.
    project = tmp_path / "case.wbproj"
    Project.create(project).close()
    folder = tmp_path / "locked"
    folder.mkdir()
    for name in ("a.html", "b.txt"):
        (folder / name).write_text("Secret\n\nNot for reading.")
        (folder / name).chmod(0)
    result = subprocess.run(
        [sys.executable, "-m", "workbench", "import", str(project), str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_without_override_powers if os.geteuid() == 0 else None,
    )
    assert result.returncode == 2, result.stderr
    assert "a.html cannot be read: permission denied" in result.stdout
    assert "b.txt cannot be read: permission denied" in result.stdout
    assert result.stdout.startswith("0 imported, 0 already in the project, 2 failed")
    with Project.open(project) as reopened:
        assert project_counts(reopened).articles == 0


def test_huge_text_file_is_refused_before_decoding(project: Project, tmp_path: Path) -> None:
    """A 25 MB text file is refused by size, with the limit named."""
    summary = _import_one(project, tmp_path, "dump.txt", b"word " * (5 * 1024 * 1024))
    assert "dump.txt is 25 MB; txt files over 20 MB are not imported" in _only_failure(
        summary, project
    )
