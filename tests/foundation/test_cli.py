"""The command line: new, info, check, sample; one-line errors, never a traceback."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from workbench.cli import main


def run(*argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_new_then_info_counts_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`workbench new` makes a project that `workbench info` reports as empty."""
    path = tmp_path / "x.wbproj"
    assert run("new", str(path), capsys=capsys)[0] == 0
    code, out, _ = run("info", str(path), capsys=capsys)
    assert code == 0
    assert out.split() == [
        "articles",
        "0",
        "claims",
        "0",
        "sources",
        "0",
        "actors",
        "0",
        "events",
        "0",
    ]


def test_sample_project_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`workbench sample` builds the annotated seed article: 1 article, 6 claims, 9 actors."""
    path = tmp_path / "sample.wbproj"
    assert run("sample", str(path), capsys=capsys)[0] == 0
    _, out, _ = run("info", str(path), capsys=capsys)
    assert out.split() == [
        "articles",
        "1",
        "claims",
        "6",
        "sources",
        "5",
        "actors",
        "9",
        "events",
        "3",
    ]


def test_check_reports_a_healthy_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`workbench check` reports the schema revision and a clean integrity check."""
    path = tmp_path / "x.wbproj"
    run("sample", str(path), capsys=capsys)
    code, out, _ = run("check", str(path), capsys=capsys)
    assert code == 0
    assert re.search(r"schema    (\d{4}) \(this workbench: \1\)", out) and "integrity ok" in out


def test_check_finds_a_dangling_reference(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A claim pointing at a missing article (damage from outside) is reported by check."""
    path = tmp_path / "x.wbproj"
    run("sample", str(path), capsys=capsys)
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.execute(text("PRAGMA foreign_keys=OFF"))
        connection.execute(text("UPDATE claims SET article_id = 77 WHERE id = 1"))
    engine.dispose()
    code, out, _ = run("check", str(path), capsys=capsys)
    assert code == 1
    assert "claims row 1 points at a missing articles row" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no project at"),
        (b"hello, I am a text file\n", "not a workbench project"),
        (b"", "not a workbench project"),
    ],
)
def test_info_on_bad_files_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, message: str
) -> None:
    """`workbench info` on a missing, empty or text file prints one error line and exits 1."""
    path = tmp_path / "bad.wbproj"
    if content is not None:
        path.write_bytes(content)
    code, out, err = run("info", str(path), capsys=capsys)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and message in err and err.startswith("workbench: error:")


def test_info_on_a_newer_project_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A project from a newer workbench gets a one-line 'update the workbench' error."""
    path = tmp_path / "future.wbproj"
    run("new", str(path), capsys=capsys)
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    engine.dispose()
    code, _, err = run("info", str(path), capsys=capsys)
    assert code == 1
    assert "newer Analyst Workbench" in err and err.count("\n") == 1


def test_new_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`workbench new` on an existing file refuses and keeps the file."""
    path = tmp_path / "keep.wbproj"
    path.write_text("precious", encoding="utf-8")
    code, _, err = run("new", str(path), capsys=capsys)
    assert code == 1 and "already exists" in err
    assert path.read_text(encoding="utf-8") == "precious"


def test_help_documents_every_command() -> None:
    """`workbench --help` lists each command with a line of help, as a real process prints it."""
    result = subprocess.run(
        [sys.executable, "-m", "workbench", "--help"], capture_output=True, text=True, check=True
    )
    for command in ("new", "info", "check", "sample", "gui"):
        assert f"\n    {command} " in result.stdout
    assert "Traceback" not in result.stderr


def test_errors_from_a_real_process_have_no_traceback(tmp_path: Path) -> None:
    """Run as a program, a bad project path gives exit 1 and one line, no traceback."""
    result = subprocess.run(
        [sys.executable, "-m", "workbench", "info", str(tmp_path / "none.wbproj")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert result.stderr.strip().startswith("workbench: error: no project at")
    assert "Traceback" not in result.stderr


def test_output_cut_short_by_a_pipe_is_not_an_error(corpus: Path) -> None:
    """`workbench ... | head` ends quietly: no 'Broken pipe' error line, even for long output."""
    pages = " ".join(str(page) for page in sorted((corpus / "web").glob("*.html"))[:12])
    shell = f"{sys.executable} -m workbench extract {pages} --json | head -c 200"
    result = subprocess.run(shell, shell=True, capture_output=True, text=True, timeout=300)
    assert result.stdout.startswith("{")
    assert "Broken pipe" not in result.stderr and "Traceback" not in result.stderr
