"""Docs that cannot drift: the README's command table lists every command and option, every module says what it is for."""

import argparse
import ast
import re

import pytest

from claimkit.cli import build_parser
from claimkit.paths import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
MODULES = sorted((ROOT / "claimkit").rglob("*.py"))


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    (action,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(action.choices)


def options(parser: argparse.ArgumentParser) -> list[list[str]]:
    """Each option's spellings (``["-o", "--output"]``), --help left out: the README may show either."""
    return [
        list(a.option_strings) for a in parser._actions if a.option_strings and not isinstance(a, argparse._HelpAction)
    ]


def shown(spellings: list[str], text: str) -> bool:
    return any(re.search(rf"(?<![\w-]){re.escape(s)}(?![\w-])", text) for s in spellings)


def table_row(command: str) -> str:
    """The README's command-table row for ``claimkit COMMAND``."""
    rows = re.findall(rf"^\| `claimkit {re.escape(command)}\b.*$", README, flags=re.MULTILINE)
    assert len(rows) == 1, f"README.md: expected one command-table row for `claimkit {command}`, found {len(rows)}"
    return rows[0]


@pytest.mark.parametrize("command", sorted(subcommands()))
def test_every_option_of_a_command_is_in_its_readme_row(command):
    row = table_row(command)
    missing = [spellings for spellings in options(subcommands()[command]) if not shown(spellings, row)]
    assert not missing, f"README.md's row for `claimkit {command}` does not show {missing}"


def test_the_readme_command_table_has_a_row_for_every_command_and_none_for_commands_that_do_not_exist():
    documented = set(re.findall(r"^\| `claimkit ([a-z-]+)\b", README, flags=re.MULTILINE))
    assert documented == set(subcommands())


def test_the_top_level_options_are_in_the_readme():
    missing = [spellings for spellings in options(build_parser()) if not shown(spellings, README)]
    assert not missing, missing


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_module_opens_with_one_sentence_saying_what_it_is_for(path):
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    assert doc, f"{path.relative_to(ROOT)} has no module docstring"
    first = " ".join(doc.strip().split("\n\n")[0].split())
    assert first.endswith((".", ":")) and len(first) <= 300, f"the opening sentence is not one sentence: {first!r}"
