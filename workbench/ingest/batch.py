"""Many files at once: folders walked, extraction spread over worker processes.

Workers only read and extract; the results come back in the order the files were listed, so
the one process that writes to the project stores them one by one. Few results wait at any
time (a small window), so a large batch never piles up in memory, and cancelling stops
between files.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import NoReturn

from workbench.ingest.document import FileExtraction
from workbench.ingest.extract import SUPPORTED_SUFFIXES, extract_file

PARENT_WATCH_SECONDS = 0.2
_COMPANION_FOLDER = "_files"  # "Page_files/" beside a page saved "complete" by a browser


@dataclass
class CollectedFiles:
    """The files a selection of files and folders names, and the paths that name nothing."""

    files: list[str] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def collect_files(paths: Iterable[str | os.PathLike[str]]) -> CollectedFiles:
    """Files named directly, and the importable files inside named folders (sorted, with
    hidden files, unknown kinds and browsers' "_files" folders left out)."""
    collected = CollectedFiles()
    for given in paths:
        path = os.fspath(given)
        if os.path.isdir(path):
            _walk(path, collected)
        elif os.path.lexists(path):
            collected.files.append(path)
        else:
            collected.problems.append((path, f"{Path(path).name or path} does not exist"))
    collected.files = _once_each(collected.files)
    return collected


def _once_each(files: list[str]) -> list[str]:
    """A file named twice (directly and inside a named folder) is read once."""
    seen: set[str] = set()
    unique = []
    for path in files:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


def _walk(folder: str, collected: CollectedFiles) -> None:
    def unreadable(error: OSError) -> None:
        where = error.filename or folder
        reason = "permission denied" if isinstance(error, PermissionError) else error.strerror
        collected.problems.append((where, f"folder {Path(where).name} cannot be read: {reason}"))

    for root, folders, names in os.walk(folder, onerror=unreadable):
        folders[:] = sorted(
            name for name in folders if not name.startswith(".") and not _companion(name)
        )
        for name in sorted(names):
            if name.startswith("."):
                continue
            path = os.path.join(root, name)
            if Path(name).suffix.lower() in SUPPORTED_SUFFIXES:
                collected.files.append(path)
            else:
                collected.skipped.append(path)


def _companion(name: str) -> bool:
    return name.endswith(_COMPANION_FOLDER)


def default_workers() -> int:
    """One worker per core (at least one, at most eight)."""
    return max(1, min(8, os.cpu_count() or 1))


def extract_all(
    files: list[str], *, workers: int | None = None, cancel: threading.Event | None = None
) -> Iterator[FileExtraction]:
    """Each file's extraction, in order; stops early (between files) once `cancel` is set."""
    workers = workers or default_workers()
    if workers == 1 or len(files) < 2:
        for path in files:
            if cancel is not None and cancel.is_set():
                return
            yield extract_file(path)
        return
    yield from _in_workers(files, min(workers, len(files)), cancel)


def _in_workers(
    files: list[str], workers: int, cancel: threading.Event | None
) -> Iterator[FileExtraction]:
    pool = _Pool(workers)
    queue = iter(files)
    try:
        pool.fill(queue)
        while pool.pending:
            if cancel is not None and cancel.is_set():
                return
            path, future = pool.pending.popleft()
            try:
                result = future.result()
            except BrokenProcessPool:
                result = _after_crash(pool, path)
            pool.fill(queue)
            yield result
    finally:
        pool.close()


class _Pool:
    """Worker processes with a small window of files in flight, in the order given."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.pending: deque[tuple[str, Future[FileExtraction]]] = deque()
        self.executor = _executor(workers)

    def fill(self, queue: Iterator[str]) -> None:
        while len(self.pending) < self.workers * 4:
            path = next(queue, None)
            if path is None:
                return
            self.pending.append((path, self.executor.submit(extract_file, path)))

    def restart(self) -> None:
        """A worker died: start new ones and hand them the files that were in flight."""
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = _executor(self.workers)
        waiting = [path for path, _ in self.pending]
        self.pending = deque((path, self.executor.submit(extract_file, path)) for path in waiting)

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def _executor(workers: int) -> ProcessPoolExecutor:
    context = get_context("spawn")  # safe beside threads (the window's task runner)
    return ProcessPoolExecutor(
        workers, mp_context=context, initializer=prepare_worker, initargs=(os.getpid(),)
    )


def _after_crash(pool: _Pool, path: str) -> FileExtraction:
    """Read again, alone, a file whose worker died; if it kills its reader again, say so."""
    pool.restart()
    with _executor(1) as alone:
        try:
            return alone.submit(extract_file, path).result()
        except BrokenProcessPool:
            name = Path(path).name
            return FileExtraction(path, (), (f"{name} made the reader crash; it is not imported",))


def prepare_worker(parent: int | None = None) -> None:
    """Run first in each worker: Ctrl+C is left to the importing process, which cancels
    between files; the network is shut off, since reading files never needs it; and the
    worker exits as soon as the importing process is gone (killed with -9 it cannot say so)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    forbid_network()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()


def _exit_with(parent: int) -> None:
    """Watch the importing process; once it is gone (this worker is handed to another parent),
    leave at once, whatever file is being read."""
    while os.getppid() == parent:
        time.sleep(PARENT_WATCH_SECONDS)
    os._exit(1)


def forbid_network() -> None:
    """Make any attempt to open a network connection in this process fail."""
    import socket

    def refuse(*_args: object, **_kwargs: object) -> NoReturn:
        raise OSError("the importer does not use the network")

    socket.socket.connect = refuse  # type: ignore[method-assign]
    socket.socket.connect_ex = refuse  # type: ignore[method-assign]
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
