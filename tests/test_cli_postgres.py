"""The command line on the agency database (a real PostgreSQL server started by the session:
tests/postgres.py): the commands that work there (``Command.agency``) with ``--db
postgresql+psycopg://...``; every other one refuses with exit 2, naming those that do."""

# ruff: noqa: F811  (the cli fixture of test_cli, imported, is a test argument here)

from __future__ import annotations

import json
import re
from typing import Any

import psycopg
import pytest
from postgres import agency_url
from test_cli import Cli, cli, days_ago  # noqa: F401  (cli: the fixture)
from test_hours_files import _rewrite

from conftest import PASSWORD
from supervisor_app.cli.table import COMMANDS

pytestmark = pytest.mark.postgres

NEW_PASSWORD = "a much longer passphrase"

WORKING = [
    "profiles",
    "supervisor add",
    "supervisor passwd",
    "supervisor edit",
    "supervisor leave",
    "supervisor reactivate",
    "supervisor recover",
    "supervisor recovery-key",
    "supervisee transfer",
    "supervisee add",
    "supervisee edit",
    "supervisee hire-date",
    "agency edit",
    "session add",
    "experience add",
    "list",
    "progress",
    "sign",
    "amend",
    "void",
    "verify",
    "audit",
    "import",
    "hours-file",
    "export",
    "attest",
    "statement",
    "check-form",
    "attestations",
    "template",
    "due",
    "training add",
    "training list",
    "training confirm",
    "training attach",
    "training certificate",
    "training delete",
    "training import",
    "training template",
    "credential add",
    "credential list",
    "credential delete",
    "job add",
    "job list",
    "job edit",
    "job description",
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
    [["check"], ["backup", "--out", "copy.db"], ["restore", "copy.db"], ["backups"], ["demo"]],
    ids=["check", "backup", "restore", "backups", "demo"],
)
def test_the_file_only_commands_refuse_the_agency_database_saying_why(
    cli: Cli, url: str, argv: list[str]
) -> None:
    result = cli("--db", url, *argv, stdin="yes\n")
    assert result.code == 2 and result.out == ""
    assert result.err == (
        f"supervisor-app: {argv[0]} works on a laptop's database file only, not on the agency database "
        "(PostgreSQL): the agency database is checked at each open and backed up by its administrator "
        "(pg_dump).\n"
    )
    assert cli("--db", url, "--json", "list", "supervisors").json() == []  # nothing written there


def test_sync_refuses_the_agency_database_as_its_own_database(cli: Cli, url: str) -> None:
    result = cli("--db", url, "sync", "--server", url)
    assert result.code == 2 and "--server URL" in result.err and url not in result.err


def test_a_url_in_the_environment_is_taken_too(cli: Cli, url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUPERVISOR_APP_DB", url)
    assert cli("list", "supervisors").code == 0
    refused = cli("backups")
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


def test_the_rest_through_the_command_line(cli: Cli, url: str, postgres_server: Any, tmp_path: Any) -> None:
    """Handovers, hire dates, the agency, the audit trail, credentials, training, jobs, templates,
    imports, exports and hours files on the agency database; bad input changes nothing there."""
    from test_cli_training import TRAINING_COLUMNS
    from test_importexport import csv_bytes, session_row

    def run(*argv: object, stdin: str = "") -> str:
        result = cli("--db", url, *argv, stdin=stdin)
        assert result.code == 0, result.err
        return result.out.strip()

    def refused(*argv: object) -> str:
        result = cli("--db", url, *argv)
        assert result.code == 2 and result.out == "", result.err
        return result.err

    def rows(table: str) -> int:
        with psycopg.connect(url.replace("+psycopg", "")) as conn:
            return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # type: ignore[index]

    assert "CRSS" in run("profiles")
    dana = run(
        "supervisor", "add", "--name", "Dana Whitaker", "--credentials", "CRSS", "--agency", "Prairie Lakes",
        "--password-stdin", stdin=PASSWORD + "\n",
    )  # fmt: skip
    rafael = run(
        "supervisor", "add", "--name", "Rafael Ortiz", "--credentials", "CRSS", "--password-stdin",
        stdin=PASSWORD + "\n",
    )  # fmt: skip
    ana = run(
        "supervisee", "add", "--name", "Ana Example", "--credential", "CRSS", "--start", days_ago(400),
        "--supervisor", dana,
    )  # fmt: skip
    assert run("agency", "edit", "--phone", "(217) 555-0100").startswith("Prairie Lakes")
    assert run("supervisee", "hire-date", ana, days_ago(300)) == f"Ana Example: hire date {days_ago(300)}."
    events = rows("audit_event")
    refused("supervisee", "transfer", ana, "--to", rafael, "--from", days_ago(-3))
    refused("supervisee", "hire-date", ana, "someday")
    refused("agency", "edit", "--phone", "555")
    refused("credential", "add", "--supervisor", dana, "--kind", "")
    refused("job", "add", "--supervisee", ana, "--title", "", "--from", days_ago(100))
    assert rows("audit_event") == events
    assert run("supervisee", "transfer", ana, "--to", rafael, "--from", days_ago(10)).startswith(
        f"Ana Example: supervised by Rafael Ortiz from {days_ago(10)}"
    )
    assert "Dana Whitaker is marked inactive" in run("supervisor", "leave", dana, "--successor", rafael)
    assert run("supervisor", "reactivate", dana) == "Dana Whitaker is active again."
    trail = cli("--db", url, "--json", "audit", "--supervisee", ana).json()
    assert {e["action"] for e in trail} >= {"create", "edit"}

    held = run("credential", "add", "--supervisor", dana, "--kind", "lcpc", "--expires", days_ago(-30))
    assert "LCPC" in run("credential", "list", "--supervisor", dana)
    assert run("credential", "delete", held) == f"Credential {held} deleted."

    scan = tmp_path / "cert.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + b"1" * 100)
    entry = run(
        "training", "add", "--supervisee", ana, "--from", days_ago(9), "--title", "Advocacy basics",
        "--area", "advocacy=3.5",
    )  # fmt: skip
    run("training", "attach", entry, scan)
    run("training", "certificate", entry, "--out", tmp_path / "copy.png")
    assert (tmp_path / "copy.png").read_bytes() == scan.read_bytes()
    run("training", "confirm", entry, "--supervisor", rafael, "--password-stdin", stdin=PASSWORD + "\n")
    assert "confirmed" in refused("training", "delete", entry)
    run("training", "template", tmp_path / "training-template.csv")
    training = tmp_path / "training.csv"
    good = {"supervisee": "Ana Example", "from": days_ago(5), "title": "Ethics I", "ethics": "6"}
    training.write_bytes(csv_bytes([good, {**good, "ethics": "lots"}], TRAINING_COLUMNS))
    entries = rows("training_entry")
    refused("training", "import", training)
    assert rows("training_entry") == entries
    training.write_bytes(csv_bytes([good], TRAINING_COLUMNS))
    run("training", "import", training)
    assert [
        e["title"]
        for e in cli("--db", url, "--json", "training", "list", "--supervisee", ana).json()["entries"]
    ] == [
        "Ethics I",
        "Advocacy basics",
    ]

    job = cli(
        "--db", url, "--json", "job", "add", "--supervisee", ana, "--title", "Peer Coach", "--from",
        days_ago(100), "--recovery-support-51", "yes", "--description-file", scan,
    ).json()["id"]  # fmt: skip
    assert "51%: no" in run("job", "edit", job, "--recovery-support-51", "no")
    run("job", "description", job, "--out", tmp_path / "jd.png")
    assert [j["title"] for j in cli("--db", url, "--json", "job", "list", "--supervisee", ana).json()] == [
        "Peer Coach"
    ]

    run("template", tmp_path / "template.xlsx")
    records = tmp_path / "records.csv"
    one = session_row(supervisor="Rafael Ortiz", date=days_ago(2))
    records.write_bytes(csv_bytes([one, session_row(supervisor="Rafael Ortiz", minutes="-5")]))
    refused("import", records)
    assert rows("supervision_session") == 0
    records.write_bytes(csv_bytes([one]))
    run("import", records)
    run("sign", "--supervisor", rafael, "--all", "--password-stdin", stdin=PASSWORD + "\n")
    run("export", "--json", tmp_path / "all.json")
    run("export", "--records", tmp_path / "again.csv")
    assert "1 signed record(s) of Ana Example" in run(
        "hours-file", "--supervisee", ana, "--out", tmp_path / "a.hours"
    )
    elsewhere = tmp_path / "elsewhere.db"  # another agency's laptop receives Ana's hours file
    assert cli("--db", elsewhere, "init").code == 0
    imported = cli("--db", elsewhere, "import", tmp_path / "a.hours")
    assert imported.code == 0, imported.err
    assert [r["status"] for r in cli("--db", elsewhere, "--json", "list", "sessions").json()] == ["signed"]


def test_a_laptops_hours_file_imports_into_the_agency_database(cli: Cli, url: str, tmp_path: Any) -> None:
    laptop = tmp_path / "laptop.db"

    def run(db: Any, *argv: object, stdin: str = "") -> str:
        result = cli("--db", db, *argv, stdin=stdin)
        assert result.code == 0, result.err
        return result.out.strip()

    dana = run(laptop, "supervisor", "add", "--name", "Dana Whitaker", "--credentials", "CRSS",
               "--password-stdin", stdin=PASSWORD + "\n")  # fmt: skip
    ana = run(laptop, "supervisee", "add", "--name", "Ana Example", "--credential", "CRSS", "--start",
              days_ago(400), "--supervisor", dana)  # fmt: skip
    run(
        laptop, "session", "add", "--supervisor", dana, "--supervisee", ana, "--date", days_ago(3),
        "--start", "10:00", "--minutes", "60", "--format", "individual", "--modality", "in-person",
        "--domain", "advocacy=30", "--domain", "mentoring=30",
    )  # fmt: skip
    run(laptop, "sign", "--supervisor", dana, "--all", "--password-stdin", stdin=PASSWORD + "\n")
    run(laptop, "hours-file", "--supervisee", ana, "--out", tmp_path / "ana.hours")
    damaged = tmp_path / "damaged.hours"

    def more_minutes(parts: dict[str, Any]) -> None:
        record = next(r for r in parts["records.json"] if r["kind"] == "session")
        record["content"][6] = str(int(record["content"][6]) + 60)

    _rewrite(tmp_path / "ana.hours", damaged, more_minutes)
    refused = cli("--db", url, "import", damaged)
    assert refused.code == 2 and refused.out == "" and "its content is not what was signed" in refused.err
    assert cli("--db", url, "--json", "list", "supervisees").json() == []  # nothing imported
    run(url, "import", tmp_path / "ana.hours")
    (imported,) = cli("--db", url, "--json", "list", "sessions").json()
    assert (imported["status"], imported["minutes"]) == ("signed", 60)
    assert cli("--db", url, "--json", "verify").json()["ok"]


SAME_IDS = [
    (re.compile(r"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}|\b[0-9a-f]{8}\b"), "RECORD"),
    (re.compile(r"\d\d:\d\d(:\d\d(\.\d+)?)?"), "TIME"),
    (re.compile(r"/\S+/(laptop|agency)/"), "FOLDER/"),
    (re.compile(r"[A-Z0-9]{5}(-[A-Z0-9]{5}){4}"), "RECOVERY-KEY"),
    (re.compile(r"\b[0-9a-f]{16,}\b"), "HEX"),
]


def _same(value: object) -> str:
    """What may differ between two databases fed the same commands masked: record ids (random),
    times of day, the folder, the recovery keys and what derives from the keys (hex: key ids,
    hashes, signatures)."""
    text = json.dumps(value, sort_keys=True, default=str)
    for pattern, word in SAME_IDS:
        text = pattern.sub(word, text)
    return text


def test_the_same_commands_say_the_same_on_both_databases(cli: Cli, url: str, tmp_path: Any) -> None:
    """One agency's day fed to a laptop's file and to the agency database: every command's
    output, the JSON export of every table and the records export are the same."""

    def day(db: Any, folder: Any) -> list[Any]:
        said: list[Any] = []

        def run(*argv: object, stdin: str = "") -> str:
            result = cli("--db", db, *argv, stdin=stdin)
            said.append((argv, result.code, result.out, result.err))
            return result.out.strip()

        folder.mkdir()
        dana = run("supervisor", "add", "--name", "Dana Whitaker", "--credentials", "CRSS", "--agency",
                   "Prairie", "--password-stdin", stdin=PASSWORD + "\n")  # fmt: skip
        rafael = run("supervisor", "add", "--name", "Rafael Ortiz", "--credentials", "CRSS",
                     "--password-stdin", stdin=PASSWORD + "\n")  # fmt: skip
        people = [
            run(
                "supervisee",
                "add",
                "--name",
                name,
                "--credential",
                "CRSS",
                "--start",
                days_ago(400),
                "--supervisor",
                dana,
            )  # fmt: skip
            for name in ("Ana Example", "Ben Example")
        ]
        for who, when in zip(people, (20, 2), strict=True):
            run(
                "session", "add", "--supervisor", dana, "--supervisee", who, "--date", days_ago(when),
                "--start", "10:00", "--minutes", "60", "--format", "individual", "--modality", "in-person",
                "--domain", "advocacy=30", "--domain", "mentoring=30",
            )  # fmt: skip
        ana = people[0]
        run("supervisee", "transfer", ana, "--to", rafael, "--from", days_ago(10), "--reason", "caseload")
        run("supervisee", "transfer", ana, "--to", rafael, "--from", days_ago(9))  # refused: already
        run("--json", "supervisor", "leave", dana, "--successor", rafael, "--from", days_ago(5))
        run("supervisor", "reactivate", dana)
        run("supervisee", "hire-date", ana, days_ago(300))
        run(
            "agency",
            "edit",
            "--name",
            "Prairie Lakes",
            "--phone",
            "(217) 555-0100",
            "--supervisor-kinds",
            "CRSS",
        )
        run("training", "add", "--supervisee", ana, "--from", days_ago(9), "--title", "Advocacy basics",
            "--area", "advocacy=3.5")  # fmt: skip
        run("training", "list", "--supervisee", ana)
        run("--json", "training", "list", "--supervisee", ana)
        run("credential", "add", "--supervisor", dana, "--kind", "lcpc", "--expires", days_ago(-30))
        run("--json", "credential", "list", "--supervisor", dana)
        run("job", "add", "--supervisee", ana, "--title", "Peer Coach", "--from", days_ago(100),
            "--recovery-support-51", "yes")  # fmt: skip
        run("--json", "job", "list", "--supervisee", ana)
        run("sign", "--supervisor", rafael, "--all", "--password-stdin", stdin=PASSWORD + "\n")
        run("audit", "--limit", "100")
        run("--json", "audit", "--supervisee", ana)
        run("export", "--json", folder / "all.json")
        run("export", "--records", folder / "records.csv")
        tables = json.loads((folder / "all.json").read_text(encoding="utf-8"))["tables"]
        # in each table's order, its primary key's: a record's is a random uuid
        said.append({name: sorted(map(_same, rows)) for name, rows in tables.items()})
        said.append(sorted(map(_same, (folder / "records.csv").read_text(encoding="utf-8-sig").splitlines())))
        return said

    laptop = day(tmp_path / "laptop.db", tmp_path / "laptop")
    agency = day(url, tmp_path / "agency")
    assert laptop[7][1] == 2  # the refused transfer
    assert [_same(said) for said in agency] == [_same(said) for said in laptop]
