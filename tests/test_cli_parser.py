"""The parser is built for the command line it reads: only the sub-commands it names, the
same parse as the whole parser's, and the whole parser for help and mistakes."""

from __future__ import annotations

import argparse

import pytest

from communitydesk.cli import build_parser, main

COMMAND_LINES = [
    ["export", "pdf", "charter", "--template", "collaborator", "--db", "base.sqlite3", "--out", "charte.pdf"],
    ["--lang", "en", "export", "pdf", "campaign-report", "--campaign", "1", "--db", "b", "--out", "r.pdf"],
    ["stats", "--db", "base.sqlite3", "--json"],
    ["import", "contributions", "ulule.csv", "--db", "b", "--campaign", "stats", "--platform", "ulule"],
    ["gdpr", "erase", "--db", "b", "--contact", "3", "--yes"],
    ["ambassador", "list", "--db", "b"],
    ["--db", "base.sqlite3"],
    [],
]


def sub_commands(parser: argparse.ArgumentParser) -> dict[str, object]:
    """Every sub-command built, by name, each with its own sub-commands."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return {name: sub_commands(sub) for name, sub in action.choices.items()}
    return {}


@pytest.mark.parametrize("line", COMMAND_LINES, ids=lambda line: " ".join(line[:3]) or "window")
def test_a_command_line_parses_as_with_the_whole_parser(line: list[str]) -> None:
    assert build_parser(line).parse_args(line) == build_parser().parse_args(line)


def test_only_the_sub_commands_a_command_line_names_are_built() -> None:
    line = ["export", "pdf", "charter", "--db", "base.sqlite3", "--out", "charte.pdf"]
    assert sub_commands(build_parser(line)) == {"export": {"pdf": {}}}
    # A value that happens to be a command's name costs that command's parser, never a wrong parse.
    line = ["import", "contributions", "f.csv", "--db", "b", "--campaign", "stats", "--platform", "ulule"]
    assert sub_commands(build_parser(line)) == {"stats": {}, "import": {"contributions": {}}}
    assert sub_commands(build_parser(["--db", "base.sqlite3"])) == {}
    whole = sub_commands(build_parser())
    assert {"demo", "stats", "export", "import", "gdpr", "ambassador"} <= set(whole)
    assert {"contacts", "pdf"} <= set(whole["export"])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("line", "listed"),
    [
        (["--help"], ["stats", "export", "import", "gdpr", "ambassador"]),
        (["export", "--help"], ["contacts", "ics", "publications", "pdf", "ambassador-brief"]),
        (["--lang", "en", "stats", "-h"], ["--db", "--json"]),
    ],
)
def test_help_lists_every_command(line: list[str], listed: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(line)
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert all(name in out for name in listed)


@pytest.mark.parametrize(
    ("line", "said"),
    [
        (["bogus"], "choix inconnu 'bogus' (possibles : 'demo', 'stats'"),
        (["export", "bogus", "pdf"], "choix inconnu 'bogus' (possibles : 'contacts', 'ics', 'publications', 'pdf'"),
        (["export", "pdf", "charter"], "il manque : --db, --out"),
        (["stats", "--db", "b", "--bogus"], "arguments inconnus : --bogus"),
    ],
)
def test_a_mistake_is_answered_by_the_whole_parser(
    line: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(line)
    assert exited.value.code == 2
    assert said in capsys.readouterr().err
