"""The command line on the agency database (a real PostgreSQL server started by the session:
tests/postgres.py): the commands that work there (``Command.agency``) with ``--db
postgresql+psycopg://...``; every other one refuses with exit 2, naming those that do."""

# ruff: noqa: F811  (the cli fixture of test_cli, imported, is a test argument here)

from __future__ import annotations

from typing import Any

import psycopg
import pytest
from postgres import agency_url
from test_cli import Cli, cli, days_ago  # noqa: F401  (cli: the fixture)

from conftest import PASSWORD
from supervisor_app.cli.table import COMMANDS

pytestmark = pytest.mark.postgres

NEW_PASSWORD = "a much longer passphrase"

WORKING = [
    "supervisor add",
    "supervisor passwd",
    "supervisor edit",
    "supervisor recover",
    "supervisor recovery-key",
    "supervisee add",
    "supervisee edit",
    "session add",
    "experience add",
    "list",
    "progress",
    "sign",
    "amend",
    "void",
    "verify",
    "attest",
    "statement",
    "check-form",
    "attestations",
    "due",
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


def test_what_is_due_and_the_printed_forms_through_the_command_line(cli: Cli, url: str) -> None:
    def add(*argv: object, stdin: str = "") -> str:
        result = cli("--db", url, *argv, stdin=stdin)
        assert result.code == 0, result.err
        return result.out.strip()

    dana = add(
        "supervisor",
        "add",
        "--name",
        "Dana Whitaker",
        "--credentials",
        "CRSS",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    ana = add(
        "supervisee",
        "add",
        "--name",
        "Ana Example",
        "--credential",
        "CRSS",
        "--start",
        days_ago(400),
        "--supervisor",
        dana,
    )
    add(
        "session", "add", "--supervisor", dana, "--supervisee", ana, "--date", days_ago(20),
        "--start", "10:00", "--minutes", "60", "--format", "individual", "--modality", "in-person",
        "--domain", "advocacy=30", "--domain", "mentoring=30",
    )  # fmt: skip
    due = cli("--db", url, "--json", "due", "--days", "30")
    assert due.code == 0, due.err
    assert sorted((item["rule"], item["supervisee_id"], item["supervisor_id"]) for item in due.json()) == [
        ("pending", None, int(dana)),
        ("qualification", None, int(dana)),  # no credential recorded for Dana
    ]
    assert "1 pending record" in cli("--db", url, "due").out
    refused = cli("--db", url, "due", "--days", "-3")
    assert refused.code == 2 and refused.out == ""
    printed = cli("--db", url, "--json", "attestations", "--supervisee", ana)
    assert printed.code == 0 and printed.json() == []
    assert cli("--db", url, "attestations").out == "No attestation printed yet.\n"


@pytest.mark.parametrize(
    "argv",
    [
        ["audit"],
        ["hours-file", "--supervisee", "1", "--out", "ana.hours"],
    ],
    ids=["audit", "hours-file"],
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


def test_sign_amend_void_and_verify_through_the_command_line(
    cli: Cli, url: str, postgres_server: Any
) -> None:
    def run(*argv: object, stdin: str = "") -> str:
        result = cli("--db", url, *argv, stdin=stdin)
        assert result.code == 0, result.err
        return result.out.strip()

    dana = run(
        "supervisor", "add", "--name", "Dana Whitaker", "--credentials", "CRSS",
        "--password-stdin", stdin=PASSWORD + "\n",
    )  # fmt: skip
    rafael = run("supervisor", "add", "--name", "Rafael Ortiz", "--credentials", "CRSS")
    # A first password, set by another supervisor: Rafael's key is made then, on this database.
    run("--json", "supervisor", "passwd", rafael, "--by", dana, stdin=f"{PASSWORD}\n{NEW_PASSWORD}\n")
    run("supervisor", "passwd", dana, stdin=f"{PASSWORD}\n{NEW_PASSWORD}\n")
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
    run("sign", "--supervisor", dana, "--all", "--password-stdin", stdin=NEW_PASSWORD + "\n")
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
        stdin=NEW_PASSWORD + "\n",
    )
    amended = run("amend", sessions[0], "--reason", "Topic corrected", "--topics", "Boundaries")
    run("sign", "--supervisor", dana, amended, "--password-stdin", stdin=NEW_PASSWORD + "\n")
    listed = {r["id"]: r["status"] for r in cli("--db", url, "--json", "list", "sessions").json()}
    assert listed == {sessions[0]: "amended", sessions[1]: "voided", amended: "signed"}
    verified = cli("--db", url, "--json", "verify")
    assert verified.code == 0, verified.out + verified.err
    report = verified.json()
    assert report["ok"] and report["records_checked"] == 3 and report["signatures_checked"] == 4
    assert report["keyed_signatures_checked"] == 3
    with psycopg.connect(url.replace("+psycopg", "")) as conn:
        keys = conn.execute(
            "SELECT supervisor_id, count(*) FROM supervisor_key GROUP BY supervisor_id ORDER BY 1"
        ).fetchall()
    assert keys == [(int(dana), 1), (int(rafael), 1)]  # resealed under the new password, not replaced
    owner = postgres_server.url(url.rsplit("/", 1)[1]).replace("+psycopg", "")
    with psycopg.connect(owner) as conn:  # behind the app's back, as the owner
        conn.execute("ALTER TABLE supervision_session DISABLE TRIGGER ALL")
        conn.execute("UPDATE supervision_session SET minutes = 90 WHERE id = %s", (amended,))
        conn.execute("ALTER TABLE supervision_session ENABLE TRIGGER ALL")
    altered = cli("--db", url, "verify")
    assert altered.code == 1
    assert altered.out.strip() == f"{amended}: content changed after it was signed (signature #4)"


def test_a_forgotten_password_on_the_agency_database(cli: Cli, url: str) -> None:
    """The recovery key made there sets a new password there; the supervisor signs with it."""

    def run(*argv: object, stdin: str = "") -> Any:
        result = cli("--db", url, *argv, stdin=stdin)
        assert result.code == 0, result.err
        return result

    dana = run(
        "supervisor", "add", "--name", "Dana Whitaker", "--credentials", "CRSS", "--password-stdin",
        stdin=PASSWORD + "\n",
    ).out.strip()  # fmt: skip
    recovery = run("--json", "supervisor", "recovery-key", dana, stdin=PASSWORD + "\n").json()["recovery_key"]
    wrong = cli("--db", url, "supervisor", "recover", dana, stdin=f"{'X' * len(recovery)}\n{NEW_PASSWORD}\n")
    assert wrong.code == 2
    run("supervisor", "recover", dana, stdin=f"{recovery}\n{NEW_PASSWORD}\n")
    ana = run(
        "supervisee", "add", "--name", "Ana Example", "--credential", "CRSS", "--start", days_ago(400),
        "--supervisor", dana,
    ).out.strip()  # fmt: skip
    run(
        "session", "add", "--supervisor", dana, "--supervisee", ana, "--date", days_ago(1), "--start", "10:00",
        "--minutes", "60", "--format", "individual", "--modality", "in-person", "--domain", "advocacy=60",
    )  # fmt: skip
    refused = cli(
        "--db", url, "sign", "--supervisor", dana, "--all", "--password-stdin", stdin=PASSWORD + "\n"
    )
    assert refused.code == 2 and "Wrong password" in refused.err
    run("sign", "--supervisor", dana, "--all", "--password-stdin", stdin=NEW_PASSWORD + "\n")
    assert run("--json", "verify").json()["ok"]


def test_progress_the_statement_and_the_form_through_the_command_line(
    cli: Cli, url: str, tmp_path: Any
) -> None:
    def run(*argv: object, stdin: str = "") -> str:
        result = cli("--db", url, *argv, stdin=stdin)
        assert result.code == 0, result.err
        return result.out.strip()

    dana = run(
        "supervisor", "add", "--name", "Dana Whitaker", "--credentials", "CRSS", "--agency", "North Office",
        "--password-stdin", stdin=PASSWORD + "\n",
    )  # fmt: skip
    ana = run(
        "supervisee", "add", "--name", "Ana Example", "--credential", "CRSS", "--start", days_ago(400),
        "--supervisor", dana,
    )  # fmt: skip
    for day, minutes in ((30, "60"), (10, "90")):
        run(
            "session", "add", "--supervisor", dana, "--supervisee", ana, "--date", days_ago(day),
            "--start", "10:00", "--minutes", minutes, "--format", "individual", "--modality", "in-person",
            "--domain", f"advocacy={minutes}",
        )  # fmt: skip
    run(
        "experience", "add", "--supervisee", ana, "--supervisor", dana, "--from", days_ago(20),
        "--to", days_ago(14), "--domain", "recovery-support=1200",
    )  # fmt: skip
    pending = cli("--db", url, "--json", "progress", "--supervisee", ana).json()
    assert (pending["supervision"]["signed_minutes"], pending["supervision"]["pending_minutes"]) == (0, 150)
    refused = cli(
        "--db", url, "attest", "--supervisee", ana, "--supervisor", dana, "--out", str(tmp_path / "a.pdf")
    )
    assert refused.code == 2 and "nothing to attest" in refused.err and not (tmp_path / "a.pdf").exists()
    assert cli("--db", url, "--json", "attestations").json() == []  # nothing recorded
    run("sign", "--supervisor", dana, "--all", "--password-stdin", stdin=PASSWORD + "\n")

    progress = cli("--db", url, "--json", "progress", "--supervisee", ana).json()
    assert progress["supervision"]["signed_minutes"] == 150
    assert progress["supervision"]["domains"]["advocacy"]["signed_minutes"] == 150
    assert progress["experience"]["signed_minutes"] == 1200
    assert [(s["name"], s["supervision_minutes"], s["agency"]) for s in progress["supervisors"]] == [
        ("Dana Whitaker", 150, "North Office")
    ]
    assert "Supervision needs 97.50 more hours" in run("progress", "--supervisee", ana)
    missing = cli("--db", url, "progress", "--supervisee", "999")
    assert missing.code == 2 and missing.out == ""

    statement = cli("--db", url, "statement", "--supervisee", ana, "--out", str(tmp_path / "s.pdf"))
    assert statement.code == 0, statement.err
    assert (tmp_path / "s.pdf").read_bytes().startswith(b"%PDF")
    printed = cli(
        "--db",
        url,
        "--json",
        "attest",
        "--supervisee",
        ana,
        "--supervisor",
        dana,
        "--out",
        str(tmp_path / "a.pdf"),
    ).json()
    assert (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF") and not printed["reprint"]
    again = cli(
        "--db",
        url,
        "--json",
        "attest",
        "--supervisee",
        ana,
        "--supervisor",
        dana,
        "--out",
        str(tmp_path / "b.pdf"),
    ).json()
    assert again["reprint"] and again["serial"] == printed["serial"]
    assert again["fingerprint"] == printed["fingerprint"]
    checked = cli("--db", url, "--json", "check-form", str(tmp_path / "a.pdf"))
    assert checked.code == 0, checked.out + checked.err
    assert checked.json()["matches"]
    (tmp_path / "other.pdf").write_bytes(b"%PDF-1.4 not one of ours")
    assert cli("--db", url, "check-form", str(tmp_path / "other.pdf")).code == 2
    listed = cli("--db", url, "--json", "attestations", "--supervisee", ana).json()
    assert [row["serial"] for row in listed] == [printed["serial"]]
    assert cli("--db", url, "--json", "verify").json()["ok"]
