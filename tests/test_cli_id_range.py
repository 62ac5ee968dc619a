"""An id number beyond what the database can hold is bad input on both databases: exit 2, the
same words, nothing written. The agency database's ids are 32-bit (PostgreSQL's INTEGER), so
2147483648 is no one's there: it used to reach the server, which refused it with "integer out
of range", and the command line called that an unexpected error (exit 1); on a SQLite file the
same id was "no supervisee with id 2147483648" (exit 2)."""

# ruff: noqa: F811  (the cli fixture of test_cli, imported, is a test argument here)

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_cli import Cli, cli, days_ago  # noqa: F401  (cli: the fixture)

from conftest import PASSWORD

TOO_BIG = "2147483648"  # 2**31


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def target(request: pytest.FixtureRequest, cli: Cli, tmp_path: Path) -> str:
    if request.param == "postgres":
        from postgres import agency_url

        return agency_url(request.getfixturevalue("postgres_server"))
    path = str(tmp_path / "laptop.db")
    assert cli("--db", path, "init").code == 0
    return path


def _everything(cli: Cli, target: str) -> Any:
    return [
        cli("--db", target, "--json", "list", what).json()
        for what in ("supervisors", "supervisees", "sessions", "experience")
    ]


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (
            ["session", "add", "--supervisor", "{dana}", "--supervisee", TOO_BIG, "--date", days_ago(1),
             "--start", "10:00", "--minutes", "60", "--format", "individual", "--modality", "in-person",
             "--domain", "advocacy=60"],
            f"There is no supervisee with id {TOO_BIG}.",
        ),
        (
            ["session", "add", "--supervisor", TOO_BIG, "--supervisee", "{ana}", "--date", days_ago(1),
             "--start", "10:00", "--minutes", "60", "--format", "individual", "--modality", "in-person",
             "--domain", "advocacy=60"],
            f"There is no supervisor with id {TOO_BIG}.",
        ),
        (["supervisee", "edit", TOO_BIG, "--name", "Someone Else"], f"There is no supervisee with id {TOO_BIG}."),
        (["progress", "--supervisee", TOO_BIG], f"There is no supervisee with id {TOO_BIG}."),
    ],
    ids=["session-supervisee", "session-supervisor", "supervisee-edit", "progress"],
)  # fmt: skip
def test_an_id_beyond_the_databases_range_is_no_ones(
    cli: Cli, target: str, argv: list[str], said: str
) -> None:
    dana = cli(
        "--db", target, "supervisor", "add", "--name", "Dana Whitaker", "--credentials", "CRSS",
        "--password-stdin", stdin=PASSWORD + "\n",
    ).value  # fmt: skip
    ana = cli(
        "--db", target, "supervisee", "add", "--name", "Ana Example", "--credential", "CRSS",
        "--start", days_ago(400), "--supervisor", dana,
    ).value  # fmt: skip
    before = _everything(cli, target)
    result = cli("--db", target, *[a.format(dana=dana, ana=ana) for a in argv])
    assert (result.code, result.out) == (2, "")
    assert result.err == f"supervisor-app: {said}\n"
    assert _everything(cli, target) == before
