"""The command line is a table of commands (supervisor_app.cli.table): every row has a handler
and is in --help, every command the parser knows is a row, a handler commits only through the
one write path, and a refusal from a use case is one line on stderr, exit 2, nothing written."""

from __future__ import annotations

import argparse
import ast
import contextlib
import io
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from supervisor_app.cli import COMMANDS, build_parser, main
from supervisor_app.cli.table import GROUPS
from supervisor_app.services.errors import DomainError
from tests.conftest import PASSWORD, World, snapshot

CLI = Path(__file__).resolve().parents[1] / "supervisor_app" / "cli"


def _call(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(argv))
    finally:
        sys.stdin = saved
    return code, out.getvalue(), err.getvalue()


def _help_lists(text: str, name: str) -> bool:
    """``name`` is one of the choices a --help lists (a line of its own, indented)."""
    return any(line.split()[:1] == [name] for line in text.splitlines() if line.startswith("    "))


def test_every_command_in_the_table_has_a_handler_and_is_in_help() -> None:
    code, top, _ = _call("--help")
    assert code == 0
    for command in COMMANDS:
        assert callable(command.handler), command.name
        assert command.database in ("write", "read", "own"), command.name
        group, _, action = command.name.partition(" ")
        assert _help_lists(top, group), f"{group} is not in --help"
        if action:
            code, text, _ = _call(group, "--help")
            assert code == 0 and _help_lists(text, action), f"{command.name} is not in {group} --help"
            assert group in GROUPS
        code, text, _ = _call(*command.name.split(), "--help")
        assert code == 0 and text.startswith(f"usage: supervisor-app {command.name}"), command.name


def test_every_command_the_parser_knows_is_a_row_of_the_table() -> None:
    def leaves(parser: argparse.ArgumentParser, prefix: str = "") -> set[str]:
        found: set[str] = set()
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, child in action.choices.items():
                    below = leaves(child, f"{prefix}{name} ")
                    found |= below or {f"{prefix}{name}"}
        return found

    names = [command.name for command in COMMANDS]
    assert len(names) == len(set(names)), "a command is in the table twice"
    assert leaves(build_parser()) == set(names)


def _calls_in(path: Path, attribute: str) -> list[str]:
    """``function: line`` for each call of ``<something>.<attribute>(...)`` in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for function in ast.walk(tree):
        if isinstance(function, (ast.FunctionDef, ast.Lambda)):
            for node in ast.walk(function):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == attribute
                ):
                    found.append(f"{path.name}:{getattr(function, 'name', 'lambda')}")
    return found


def test_handlers_commit_only_through_the_one_write_path() -> None:
    """``common.write`` commits; the use cases that commit themselves are called directly.
    No handler calls ``uow.commit()`` of its own."""
    commits = [found for path in sorted(CLI.glob("*.py")) for found in _calls_in(path, "commit")]
    assert commits == ["common.py:write"]


# --------------------------------------------------------------------------------------------
# A refusal from a use case: its message, as is, after "supervisor-app: "; exit 2; nothing
# written. The message is the one the use case itself raises, called directly.


def _folder_for_the_hours_file(world: World, tmp_path: Path) -> tuple[list[str], str, Callable]:  # type: ignore[type-arg]
    from supervisor_app.usecases import hours_files

    folder = tmp_path / "a folder"
    folder.mkdir()
    return (
        ["hours-file", "--supervisee", str(world.ana), "--out", str(folder)],
        "",
        lambda uow: hours_files.write_hours_file(uow, supervisee_id=world.ana, path=folder),
    )


def _sign_an_unknown_record(world: World, tmp_path: Path) -> tuple[list[str], str, Callable]:  # type: ignore[type-arg]
    from supervisor_app.usecases import signing

    return (
        ["sign", "--supervisor", str(world.dana), "deadbeef", "--password-stdin"],
        PASSWORD + "\n",
        lambda uow: signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=["deadbeef"]),
    )


@pytest.mark.parametrize("case", [_folder_for_the_hours_file, _sign_an_unknown_record])
def test_a_refusal_from_a_use_case_is_its_message_on_stderr_and_exit_2_nothing_written(
    world: World,
    tmp_path: Path,
    case: Callable,  # type: ignore[type-arg]
) -> None:
    argv, stdin, use_case = case(world, tmp_path)
    with world.uow() as uow, pytest.raises(DomainError) as refused:
        use_case(uow)
    assert refused.value.code != "invalid"  # a stable code the callers can test
    path = world.db.path
    world.db.close()
    before = snapshot(path)
    code, out, err = _call("--db", str(path), *argv, stdin=stdin)
    assert (code, out, err) == (2, "", f"supervisor-app: {refused.value.message}\n")
    assert snapshot(path) == before
