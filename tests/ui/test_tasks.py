"""The task runner: work off the UI thread, progress and results on it, cancel, one error path."""

from __future__ import annotations

import threading
import time

import pytest

from workbench.services.errors import InvalidInput
from workbench.ui.tasks import TaskControl, TaskRunner

WAIT_MS = 15_000  # generous: the suite may share a busy machine


@pytest.fixture
def runner(qtbot) -> TaskRunner:
    made = TaskRunner()
    yield made
    made.cancel_all()
    made.wait()


def test_work_runs_off_the_ui_thread_and_reports_back_on_it(qtbot, runner: TaskRunner) -> None:
    """The job runs on another thread; its result and progress arrive on the UI thread."""
    ui_thread = threading.get_ident()
    seen: list[tuple[int, int, str]] = []

    def work(control: TaskControl) -> int:
        control.progress(1, 2, "first")
        control.progress(2, 2, "second")
        return threading.get_ident()

    task = runner.run("Count", work)
    task.progressed.connect(lambda done, total, name: seen.append((done, total, name)))
    with qtbot.waitSignal(task.succeeded, timeout=5000) as finished:
        pass
    assert finished.args[0] != ui_thread
    assert seen[-1] == (2, 2, "second")


def test_cancel_stops_a_job_between_steps(qtbot, runner: TaskRunner) -> None:
    """A cancelled job stops at its next check and reports no error to the window."""
    steps: list[int] = []
    problems: list[str] = []
    runner.failed.connect(lambda what, error: problems.append(what))

    def work(control: TaskControl) -> None:
        for step in range(200):
            control.check()
            steps.append(step)
            time.sleep(0.01)

    task = runner.run("Long job", work)
    qtbot.waitUntil(lambda: len(steps) > 2, timeout=WAIT_MS)
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.cancel()
    assert len(steps) < 200
    assert problems == []


def test_errors_go_to_the_one_handler(qtbot, runner: TaskRunner) -> None:
    """A job that fails reaches `failed` with what was being done and the error."""

    def work(_control: TaskControl) -> None:
        raise InvalidInput("that file is empty")

    with qtbot.waitSignal(runner.failed, timeout=5000) as failed:
        runner.run("Import notes.txt", work)
    what, error = failed.args
    assert what == "Import notes.txt"
    assert str(error) == "that file is empty"


def test_writing_jobs_run_one_at_a_time(qtbot, runner: TaskRunner) -> None:
    """Two writing jobs never overlap: the second starts after the first has finished."""
    spans: list[tuple[float, float]] = []

    def work(_control: TaskControl) -> None:
        started = time.monotonic()
        time.sleep(0.05)
        spans.append((started, time.monotonic()))

    first = runner.run("First", work)
    second = runner.run("Second", work)
    with qtbot.waitSignals([first.finished, second.finished], timeout=5000):
        pass
    (start_one, end_one), (start_two, _end_two) = sorted(spans)
    assert start_two >= end_one > start_one


def test_a_task_whose_owner_is_gone_is_cancelled_and_calls_nobody(qtbot, runner) -> None:
    """A dialog closed while its preview is built: the job is told to stop, and its result
    never reaches the dialog's (deleted) widgets."""
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    started = threading.Event()
    delivered: list[object] = []

    def work(control: TaskControl) -> str:
        started.set()
        for _ in range(500):
            if control.cancelled:
                return "stopped"
            time.sleep(0.01)
        return "ran to the end"

    task = runner.run(
        "Preview", work, on_done=lambda shown: label.setText(shown), owner=label, writes=False
    )
    task.succeeded.connect(delivered.append)
    assert started.wait(5)
    label.deleteLater()
    qtbot.waitUntil(lambda: task.done, timeout=WAIT_MS)
    assert delivered == ["stopped"]  # cancelled, and the label's callback was skipped quietly
