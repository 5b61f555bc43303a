"""`workbench suggest`: JSON of the issue's shape, offsets into the text as read, clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from workbench.cli import main
from workbench.domain import Article
from workbench.services import Project


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_text_file_json_offsets_as_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Offsets index the file's text exactly as read (emoji, CRLF kept); keys as in the issue."""
    text = "😀 Title\r\n\r\n“We will win,” said Mayor Jane Doe on Monday.\r\n"
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("utf-8"))
    code, out, _ = _run(capsys, "suggest", str(path), "--json", "--published", "2025-06-23")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"attributions", "mentions", "dates"}
    attribution = data["attributions"][0]
    assert set(attribution) == {"cue", "source", "content", "anonymous", "chain", "confidence"}
    assert text[slice(*attribution["cue"])] == "said"
    assert text[slice(*attribution["content"])] == "We will win"
    assert set(attribution["chain"][0]) == {"name", "role", "cue"}
    monday = text.index("on Monday")
    assert data["dates"] == [
        {
            "span": [monday, monday + 9],
            "text": "on Monday",
            "resolved": "2025-06-23",
            "precision": "day",
        }
    ]
    mayor = text.index("Mayor Jane Doe")
    assert {"span": [mayor, mayor + 14], "actor": "Jane Doe", "known": False} in data["mentions"]


def test_listing_without_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without --json the proposals are listed with their chain and reason."""
    path = tmp_path / "a.txt"
    path.write_text("Sources told Reuters that talks failed.", encoding="utf-8")
    code, out, _ = _run(capsys, "suggest", str(path))
    assert code == 0
    assert "attributions: 1" in out
    assert "chain: Sources (speaker, anonymous) → Reuters (reported by)" in out


def test_project_article(sample_project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    """On a project, the article's text is read and its known names resolve the sources."""
    with sample_project.reading() as session:
        article_id, text = session.execute(select(Article.id, Article.text)).one()
    location = str(sample_project.store.path)
    sample_project.close()
    code, out, _ = _run(capsys, "suggest", location, "--article", str(article_id), "--json")
    assert code == 0
    data = json.loads(out)
    told = [a for a in data["attributions"] if text[slice(*a["cue"])] == "told Reuters"]
    assert [hop["role"] for hop in told[0]["chain"]] == ["speaker", "reported by", "published by"]
    assert any(m["known"] for m in data["mentions"])


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["missing.txt"], "no file at missing.txt"),
        (["PROJECT", "--article", "1"], "no project at PROJECT"),
    ],
)
def test_missing_file_or_project(
    argv: list[str],
    message: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A file or project that is not there is one line naming it."""
    monkeypatch.chdir(tmp_path)
    code, _, err = _run(capsys, "suggest", *argv)
    assert code == 1
    assert message in err and len(err.strip().splitlines()) == 1


def test_empty_file_and_bad_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An empty file and a date that is not YYYY-MM-DD are refused with the reason."""
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, _, err = _run(capsys, "suggest", str(empty))
    assert code == 1 and "empty" in err
    with pytest.raises(SystemExit):
        main(["suggest", str(empty), "--published", "23/06/2025"])
    assert "is not a date of the form YYYY-MM-DD" in capsys.readouterr().err


def test_article_not_in_project(
    sample_project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """An article number the project does not hold is named in the error."""
    location = str(sample_project.store.path)
    sample_project.close()
    code, _, err = _run(capsys, "suggest", location, "--article", "999")
    assert code == 1 and "no article 999" in err


def test_ten_megabyte_file_is_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 10 MB text file is refused in one line naming the file and the limit."""
    path = tmp_path / "huge.txt"
    path.write_text("He said it. " * 850_000, encoding="utf-8")
    code, _, err = _run(capsys, "suggest", str(path), "--json")
    assert code == 1
    assert "huge.txt" in err and "2,000,000" in err and len(err.strip().splitlines()) == 1
