"""The command line's help: built for the command asked about only, word for word the same."""

from __future__ import annotations

import pytest

from workbench.cli import build_parser, chosen_command, main

COMMANDS = [
    "gui",
    "new",
    "info",
    "check",
    "sample",
    "extract",
    "import",
    "export",
    "search",
    "reindex",
    "history",
    "undo",
    "redo",
    "revert",
    "backup",
    "restore",
    "install-desktop",
]


def _printed(run: object, capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    with pytest.raises(SystemExit):
        run()  # type: ignore[operator]
    captured = capsys.readouterr()
    return captured.out, captured.err


def test_top_level_help_lists_every_command_as_the_full_parser_does(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`workbench --help` prints what the parser with every command complete prints."""
    ours = _printed(lambda: main(["--help"]), capsys)
    full = _printed(lambda: build_parser().parse_args(["--help"]), capsys)
    assert ours == full
    for command in COMMANDS:
        assert f"\n    {command}" in ours[0]


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_help_is_unchanged(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    """`workbench COMMAND --help` prints the command's own full help, as before."""
    ours = _printed(lambda: main([command, "--help"]), capsys)
    full = _printed(lambda: build_parser().parse_args([command, "--help"]), capsys)
    assert ours == full
    assert ours[0].startswith(f"usage: workbench {command}")


def test_a_missing_argument_is_reported_as_before(capsys: pytest.CaptureFixture[str]) -> None:
    """A command given too few arguments names what is missing, as the full parser does."""
    ours = _printed(lambda: main(["import"]), capsys)
    full = _printed(lambda: build_parser().parse_args(["import"]), capsys)
    assert ours == full
    assert "the following arguments are required: project, PATH" in ours[1]


def test_an_unknown_command_lists_the_choices(capsys: pytest.CaptureFixture[str]) -> None:
    """A mistyped command is refused with the list of commands, as the full parser does."""
    ours = _printed(lambda: main(["imprt", "x"]), capsys)
    full = _printed(lambda: build_parser().parse_args(["imprt", "x"]), capsys)
    assert ours == full
    assert "invalid choice: 'imprt'" in ours[1]


def test_the_command_word_is_the_first_argument_that_is_not_an_option() -> None:
    """Options before the command and `--` are skipped to find the command word."""
    assert chosen_command(["--version"]) == ""
    assert chosen_command(["-h", "import", "p"]) == "import"
    assert chosen_command(["--", "search", "--help"]) == "search"
    assert chosen_command([]) == ""
