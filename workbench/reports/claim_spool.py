"""The closing claims table of the Markdown and HTML reports, made during the articles' pass.

Every claim the articles' pass shows is also a row of the claims table that closes the report.
Instead of reading every claim a second time, the renderer writes each row, already in its
format, to a temporary file as the claim goes by, and copies the file into the report when the
table comes: one pass over the project, and memory flat however many claims there are.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from types import TracebackType

CHUNK = 1 << 18  # characters read back at a time


class ClaimSpool:
    """Rows written as they come, then read back in order, a chunk at a time."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(  # noqa: SIM115 (closed by close(), or the with)
            "w+", encoding="utf-8", errors="surrogatepass", newline=""
        )
        self.rows = 0

    def add(self, row: str) -> None:
        self._file.write(row)
        self.rows += 1

    def read(self) -> Iterator[str]:
        """Every row written so far, in order, in chunks of up to CHUNK characters."""
        self._file.flush()
        self._file.seek(0)
        while chunk := self._file.read(CHUNK):
            yield chunk

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> ClaimSpool:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
