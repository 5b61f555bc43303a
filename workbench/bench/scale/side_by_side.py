"""The benchmark's parts run side by side: each size's producers in the parts of
`registry.PARTS` (`schedule.parts`), each part a process of its own on a working copy of its own,
at most `jobs` at once, the longest first (`schedule.order`), each onto whichever core is free.

Every row is still measured as in one process alone: ours and its floor in the same process,
back to back or in turns, after the same warm-up. What changes is the machine around them:
another part runs at the same time, one process beside another on a core of its own (at most
`jobs`, at most the number of cores). CPU-time figures do not see it; wall-time figures see
the other part's use of the memory, the disk and the caches, and the run says so in a comment
line before the table. `--jobs 1` (BENCH_SCALE_JOBS=1) runs everything one after another in
one process, as before.

The parent makes or upgrades each size's case first (so no two parts do it at once), runs each
chosen producer's `prepare()`, then starts the parts, longest first, and relays every line a
part prints the moment it arrives, whole (the size column tells the parts' rows apart); a
stopped run keeps what it printed and stops every part it started.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import signal
import subprocess
import threading
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from workbench.bench.scale.generate import ensure_case
from workbench.bench.scale.runner import Say, machine, say
from workbench.bench.scale.schedule import order, parts
from workbench.bench.scale.table import failed, header, line
from workbench.bench.scale.timing import counting_cpu, python, seconds

STOP_GRACE = 5.0  # seconds a stopped part has to clean up before it is terminated


def run_side_by_side(
    sizes: Iterable[int],
    cache: Path | None,
    only: str,
    repeat: int,
    jobs: int,
    out: Say = say,
) -> list[str]:
    """Every part of every size, at most `jobs` at once; returns the table's lines printed."""
    chosen_sizes = sorted(dict.fromkeys(sizes), reverse=True)
    split = parts(only)
    units = order(chosen_sizes, split)
    out(machine())
    out(
        f"# side by side: {len(units)} parts ({len(chosen_sizes)} sizes × {len(split)}), at most"
        f" {jobs} at once, the longest first, each a process of its own on its own copy of the"
        " case; each row's figure and floor are measured in the same process as alone, but"
        " beside another part: CPU-time figures are as alone, wall-time figures include the"
        " other part's load (--jobs 1 or BENCH_SCALE_JOBS=1 runs one part after another)"
    )
    for index, part in enumerate(split, start=1):
        out(f"# part {index}: {part.describe()}")
    out(header())
    for size in chosen_sizes:
        ensure_case(size, cache, say=lambda text: out(f"# {text.strip()}"))
    for name in dict.fromkeys(step.name for part in split for step in part.steps):
        prepare = getattr(importlib.import_module(name), "prepare", None)
        if prepare is not None:
            prepare()
    relay = _Relay(out)
    arguments = _arguments(cache, only, repeat)
    pool = ThreadPoolExecutor(max_workers=jobs)
    on_term = _stop_on_term()
    try:
        list(
            pool.map(lambda unit: _run_part(unit[0], unit[1], len(split), arguments, relay), units)
        )
    except BaseException:
        relay.stop()  # interrupted, stopped: the parts stop too, what they printed stays
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        if on_term is not None:
            signal.signal(signal.SIGTERM, on_term)
    return relay.rows


def _stop_on_term() -> Any:
    """Stopping the run (SIGTERM) stops it as Ctrl-C does; returns the handler it replaced."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def interrupt(_signal: int, _frame: object) -> None:
        raise KeyboardInterrupt

    return signal.signal(signal.SIGTERM, interrupt)


class _Relay:
    """Prints whole lines from several parts, one at a time, keeping the table's rows; knows the
    parts' processes, to stop them all."""

    def __init__(self, out: Say) -> None:
        self._out = out
        self._lock = threading.Lock()
        self.rows: list[str] = []
        self.running: set[subprocess.Popen[str]] = set()
        self.stopping = False

    def __call__(self, text: str) -> None:
        with self._lock:
            self._out(text)
            if not text.startswith("#"):
                self.rows.append(text)

    def start(self, command: list[str]) -> subprocess.Popen[str] | None:
        """A part's process, in a process group of its own (with the processes it starts), or
        None once the run is stopping."""
        with self._lock:
            if self.stopping:
                return None
            child = subprocess.Popen(
                command, stdout=subprocess.PIPE, text=True, bufsize=1, start_new_session=True
            )
            self.running.add(child)
            return child

    def ended(self, child: subprocess.Popen[str]) -> None:
        with self._lock:
            self.running.discard(child)

    def stop(self) -> None:
        """Interrupt every running part and what it runs (as Ctrl-C would: they clean up);
        a part still running `STOP_GRACE` seconds later is terminated. A process that ignores
        SIGINT (a shell starts background jobs so, and children inherit it) still stops."""
        self._signal(signal.SIGINT, stopping=True)
        later = threading.Timer(STOP_GRACE, self._signal, args=(signal.SIGTERM,))
        later.daemon = True
        later.start()

    def _signal(self, number: int, stopping: bool = False) -> None:
        with self._lock:
            self.stopping = self.stopping or stopping
            for child in self.running:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(child.pid, number)


def _arguments(cache: Path | None, only: str, repeat: int) -> list[str]:
    clock = "cpu" if counting_cpu() else "wall"
    chosen_cache = ["--cache", str(cache)] if cache is not None else []
    return ["--only", only, "--repeat", str(repeat), "--clock", clock, "--jobs", "1", *chosen_cache]


def _run_part(size: int, index: int, count: int, arguments: list[str], relay: _Relay) -> None:
    """One part of one size in a child process, its lines relayed as they come."""
    command = [python(), "-m", "workbench.bench.scale", "--sizes", str(size), *arguments]
    started = time.perf_counter()
    child = relay.start([*command, "--part", str(index)])
    if child is None:
        return
    assert child.stdout is not None
    try:
        for text in child.stdout:
            relay(text.rstrip("\n"))
    finally:
        child.stdout.close()
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        relay.ended(child)
    cpu = usage.ru_utime + usage.ru_stime
    label = f"part {index + 1} of {count}, size {size:,}"
    if child.returncode != 0:
        error = RuntimeError(f"the process exited {child.returncode}; its rows end here")
        relay(line(failed(label, size, error)))
    relay(
        f"# {label} ended: took {seconds(time.perf_counter() - started)} wall,"
        f" {seconds(cpu)} CPU (its processes)"
    )
