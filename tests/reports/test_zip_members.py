"""Contract: an archive keeping its members compactly (`zip_members`, which replaces zipfile's
undocumented `filelist` and `NameToInfo`) writes the very bytes of a plain ZipFile, and keeps
no ZipInfo per member meanwhile."""

from __future__ import annotations

import io
import zipfile

import pytest

from workbench.reports.zip_members import CompactMembers, keep_members_compactly

WHEN = (2026, 12, 2, 5, 14, 0)


def _members(archive: zipfile.ZipFile) -> None:
    """Members of every kind a writer makes: given as ZipInfo or by name, deflated or
    stored, whole or streamed, ASCII or not, a folder, and many alike."""
    for number in range(300):
        info = zipfile.ZipInfo(f"sources/{number:04d}.txt", date_time=WHEN)
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, f"text {number} ".encode() * (number % 7))
    stored = zipfile.ZipInfo("Ünïcode name.bin", date_time=(1999, 1, 2, 3, 4, 6))
    archive.writestr(stored, bytes(range(256)) * 40, compress_type=zipfile.ZIP_STORED)
    archive.writestr(zipfile.ZipInfo("folder/", date_time=WHEN), b"")
    with archive.open(zipfile.ZipInfo("project.qde", date_time=WHEN), "w") as streamed:
        for _ in range(50):
            streamed.write(b"<Project/>" * 100)


@pytest.mark.parametrize("seekable", [True, False])
def test_the_archive_is_byte_for_byte_a_plain_one(seekable: bool) -> None:
    """The same members written to a plain archive and to a compact one give the same bytes
    (also to a stream that cannot seek), and read back the same."""
    outputs = []
    for compact in (False, True):
        out = io.BytesIO() if seekable else _Unseekable()
        archive = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED)
        if compact:
            keep_members_compactly(archive)
        with archive:
            _members(archive)
            if compact:
                assert isinstance(archive.filelist, CompactMembers)
                assert len(archive.filelist) == 303 and not archive.NameToInfo
        outputs.append(out.getvalue())
    assert outputs[0] == outputs[1]
    with zipfile.ZipFile(io.BytesIO(outputs[1])) as back:
        assert back.testzip() is None and len(back.namelist()) == 303
        assert back.read("sources/0006.txt") == b"text 6 " * 6


def test_only_a_new_archive_is_kept_compactly() -> None:
    """An archive with members already written is refused, clearly."""
    archive = zipfile.ZipFile(io.BytesIO(), "w")
    archive.writestr("a.txt", b"a")
    with pytest.raises(ValueError, match="new, empty archive"):
        keep_members_compactly(archive)
    archive.close()


class _Unseekable(io.RawIOBase):
    """A stream written forwards only (a pipe, say), as zipfile sees one."""

    def __init__(self) -> None:
        self._data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self._data += data
        return len(data)

    def getvalue(self) -> bytes:
        return bytes(self._data)
