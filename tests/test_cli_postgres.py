"""The command line on the agency database (a real PostgreSQL server started by the session:
tests/postgres.py): the commands that work there (``Command.agency``) with ``--db
postgresql+psycopg://...``; every other one refuses with exit 2, naming those that do."""

# ruff: noqa: F811  (the cli fixture of test_cli, imported, is a test argument here)

from __future__ import annotations

from typing import Any

import pytest
from postgres import agency_url
from test_cli import Cli, cli, days_ago  # noqa: F401  (cli: the fixture)

from conftest import PASSWORD
from supervisor_app.cli.table import COMMANDS

pytestmark = pytest.mark.postgres

WORKING = [
    "supervisor add",
    "supervisor edit",
    "supervisee add",
    "supervisee edit",
    "session add",
    "experience add",
    "list",
    "sign",
    "amend",
    "void",
    "verify",
]


@pytest.fixture
def url(postgres_server: Any) -> str:
    return agency_url(postgres_server)


def test_the_commands_marked_for_the_agency_database_are_these() -> None:
    assert [c.name for c in COMMANDS if c.agency] == WORKING


def test_people_and_pending_records_through_the_command_line(cli: Cli, url: str) -> None:
    def add(*argv: object, stdin: str = "") -> str:
        result = cli("--db", url, *argv, stdin=stdin)
        assert result.code == 0, result.err
        return result.out.strip()

    dana = add(
        "supervisor", "add", "--name", "Dana Whitaker", "--credentials", "CRSS, LCPC",
        "--agency", "Prairie Lakes (TEST)", "--password-stdin", stdin=PASSWORD + "\n",
    )  # fmt: skip
    add("supervisor", "edit", dana, "--title", "Clinical Supervisor")
    ana = add(
        "supervisee", "add", "--name", "Ana Example", "--credential", "CRSS", "--icb-id", "A-1",
        "--start", days_ago(400), "--supervisor", dana,
    )  # fmt: skip
    add("supervisee", "edit", ana, "--name", "Ana María Example")
    session = add(
        "session", "add", "--supervisor", dana, "--supervisee", ana, "--date", days_ago(1),
        "--start", "10:00", "--minutes", "60", "--format", "individual", "--modality", "in-person",
        "--domain", "advocacy=30", "--domain", "mentoring=30",
    )  # fmt: skip
    entry = add(
        "experience", "add", "--supervisee", ana, "--supervisor", dana, "--from", days_ago(30),
        "--to", days_ago(24), "--domain", "recovery-support=1200", "--domain", "advocacy=600",
    )  # fmt: skip
    listed = cli("--db", url, "--json", "list", "sessions")
    assert listed.code == 0, listed.err
    assert [(r["id"], r["status"], r["minutes"]) for r in listed.json()] == [(session, "pending", 60)]
    entries = cli("--db", url, "--json", "list", "experience", "--supervisee", ana).json()
    assert [(r["id"], r["minutes"]) for r in entries] == [(entry, 1800)]
    people = cli("--db", url, "--json", "list", "supervisees").json()
    assert [p["name"] for p in people] == ["Ana María Example"]
    supervisors = cli("--db", url, "--json", "list", "supervisors").json()
    assert [(s["name"], s["title"]) for s in supervisors] == [("Dana Whitaker", "Clinical Supervisor")]


@pytest.mark.parametrize(
    "argv",
    [
        ["audit"],
        ["progress", "--supervisee", "1"],
    ],
    ids=["audit", "progress"],
)
def test_the_other_commands_refuse_the_agency_database(cli: Cli, url: str, argv: list[str]) -> None:
    result = cli("--db", url, *argv, stdin=PASSWORD + "\n")
    assert result.code == 2 and result.out == ""
    assert "does not work on the agency database (PostgreSQL) yet" in result.err
    assert ", ".join(WORKING) in result.err


def test_a_url_in_the_environment_is_taken_too(cli: Cli, url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUPERVISOR_APP_DB", url)
    assert cli("list", "supervisors").code == 0
    refused = cli("audit")
    assert refused.code == 2 and "agency database" in refused.err


def test_an_agency_database_not_at_head_is_refused(cli: Cli, postgres_server: Any) -> None:
    url = postgres_server.url(postgres_server.create_database())
    result = cli("--db", url, "list", "supervisors")
    assert result.code == 1 and "runs init" in result.err


def test_sign_amend_void_and_verify_through_the_command_line(cli: Cli, url: str) -> None:
    def run(*argv: object, stdin: str = "") -> str:
        result = cli("--db", url, *argv, stdin=stdin)
        assert result.code == 0, result.err
        return result.out.strip()

    dana = run(
        "supervisor", "add", "--name", "Dana Whitaker", "--credentials", "CRSS",
        "--password-stdin", stdin=PASSWORD + "\n",
    )  # fmt: skip
    ana = run(
        "supervisee", "add", "--name", "Ana Example", "--credential", "CRSS", "--start", days_ago(400),
        "--supervisor", dana,
    )  # fmt: skip
    sessions = [
        run(
            "session",
            "add",
            "--supervisor",
            dana,
            "--supervisee",
            ana,
            "--date",
            days_ago(day),
            "--start",
            "10:00",
            "--minutes",
            "60",
            "--format",
            "individual",
            "--modality",
            "in-person",
            "--domain",
            "advocacy=30",
            "--domain",
            "mentoring=30",
        )  # fmt: skip
        for day in (2, 1)
    ]
    run("sign", "--supervisor", dana, "--all", "--password-stdin", stdin=PASSWORD + "\n")
    wrong = cli(
        "--db",
        url,
        "void",
        sessions[1],
        "--reason",
        "x",
        "--supervisor",
        dana,
        "--password-stdin",
        stdin="wrong\n",
    )
    assert wrong.code == 2 and "Wrong password" in wrong.err
    run(
        "void",
        sessions[1],
        "--reason",
        "Entered twice",
        "--supervisor",
        dana,
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    amended = run("amend", sessions[0], "--reason", "Topic corrected", "--topics", "Boundaries")
    run("sign", "--supervisor", dana, amended, "--password-stdin", stdin=PASSWORD + "\n")
    listed = {r["id"]: r["status"] for r in cli("--db", url, "--json", "list", "sessions").json()}
    assert listed == {sessions[0]: "amended", sessions[1]: "voided", amended: "signed"}
    verified = cli("--db", url, "--json", "verify")
    assert verified.code == 0, verified.out + verified.err
    report = verified.json()
    assert report["ok"] and report["records_checked"] == 3 and report["signatures_checked"] == 4
    assert report["keyed_signatures_checked"] == 3
