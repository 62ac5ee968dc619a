"""The command-line contract (issue 2 "The command line", issue 3 "Command line").

Other tools script against these: where the database is, what each command prints, the
exact ``progress --json`` shape, and the exit codes (0 done; 2 invalid input, message on
stderr, nothing written; 1 any other failure; never a traceback).

Most tests call :func:`supervisor_app.cli.main` in-process over a copy of one small agency
built once per module; a few run the real program to prove real exit codes.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import PASSWORD, TODAY, snapshot
from supervisor_app.cli import main

OTHER_PASSWORD = "rafael's own passphrase"
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
CRSS_DOMAINS = {"advocacy", "professional-responsibility", "mentoring", "recovery-support"}


def days_ago(days: int) -> str:
    return (TODAY - dt.timedelta(days=days)).isoformat()


TOMORROW = (TODAY + dt.timedelta(days=1)).isoformat()


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self):  # type: ignore[no-untyped-def]
        return json.loads(self.out)

    @property
    def value(self) -> str:
        """The single line printed by an ``add``/``amend`` command."""
        assert self.code == 0, self.err
        return self.out.strip()


def call(argv: list[object], stdin: str = "") -> Result:
    """Run the CLI in-process (usable where capsys is not: module-scoped fixtures)."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main([str(a) for a in argv])
    finally:
        sys.stdin = saved
    return Result(code, out.getvalue(), err.getvalue())


Cli = Callable[..., Result]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    """``cli(*argv, stdin="...")``: main() in-process, stdout/stderr from capsys."""

    def run(*argv: object, stdin: str = "") -> Result:
        capsys.readouterr()
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        assert "Traceback" not in err, err
        assert isinstance(code, int)
        return Result(code, out, err)

    return run


@pytest.fixture
def data_dir() -> Path:
    return Path(os.environ["SUPERVISOR_APP_DATA_DIR"])  # set per test by conftest


# --------------------------------------------------------------------------------------------
# One small agency, built through the CLI once per module; each test gets a copy.


@dataclass
class Agency:
    path: Path
    dana: str
    rafael: str
    ana: str
    ben: str
    carla: str
    petra: str  # CPRS
    s_signed: str  # Ana, individual, 60 min, signed by Dana
    s_group: str  # Ana + Ben, group, 90 min, pending (Dana)
    s_rafael: str  # Carla, individual, pending (Rafael)
    e_signed: str  # Ana, 1,800 min, signed by Dana
    e_pending: str  # Ben, 900 min, pending (Dana)

    @property
    def db(self) -> list[str]:
        return ["--db", str(self.path)]


def _build_agency(path: Path) -> Agency:
    def add(*argv: object, stdin: str = "") -> str:
        result = call(["--db", path, *argv], stdin)
        assert result.code == 0, result.err
        return result.out.strip()

    add("init")
    dana = add(
        "supervisor", "add", "--name", "Dana Whitaker", "--credentials", "CRSS, LCPC",
        "--title", "Clinical Supervisor", "--icb-number", "5100", "--license", "LCPC 180.000123",
        "--agency", "Prairie Lakes (TEST)", "--password-stdin", stdin=PASSWORD + "\n",
    )  # fmt: skip
    rafael = add(
        "supervisor", "add", "--name", "Rafael Ortiz", "--credentials", "CADC",
        "--password-stdin", stdin=OTHER_PASSWORD + "\n",
    )  # fmt: skip

    def supervisee(name: str, credential: str, supervisor: str) -> str:
        return add(
            "supervisee", "add", "--name", name, "--credential", credential, "--icb-id", f"A-{name[:3]}",
            "--start", days_ago(400), "--position", "Peer Support Specialist", "--supervisor", supervisor,
        )  # fmt: skip

    ana = supervisee("Ana Example", "CRSS", dana)
    ben = supervisee("Ben Example", "CRSS", dana)
    carla = supervisee("Carla Núñez", "CRSS", rafael)
    petra = supervisee("Petra Nowak", "CPRS", dana)
    s_signed = add(
        "session", "add", "--supervisor", dana, "--supervisee", ana, "--date", days_ago(1),
        "--start", "10:00", "--minutes", "60", "--format", "individual", "--modality", "in-person",
        "--domain", "advocacy=30", "--domain", "mentoring=30", "--topics", "Boundaries and self-care",
    )  # fmt: skip
    s_group = add(
        "session", "add", "--supervisor", dana, "--supervisee", ana, "--supervisee", ben,
        "--date", days_ago(2), "--start", "14:00", "--minutes", "90", "--format", "group",
        "--modality", "video", "--domain", "recovery-support=60", "--domain", "professional-responsibility=30",
    )  # fmt: skip
    s_rafael = add(
        "session", "add", "--supervisor", rafael, "--supervisee", carla, "--date", days_ago(3),
        "--start", "09:00", "--minutes", "60", "--format", "individual", "--modality", "phone",
        "--domain", "advocacy=60",
    )  # fmt: skip
    e_signed = add(
        "experience", "add", "--supervisee", ana, "--supervisor", dana, "--from", days_ago(30),
        "--to", days_ago(24), "--domain", "recovery-support=1200", "--domain", "advocacy=600",
        "--setting", "Drop-in center", "--kind", "paid",
    )  # fmt: skip
    e_pending = add(
        "experience", "add", "--supervisee", ben, "--supervisor", dana, "--from", days_ago(20),
        "--to", days_ago(14), "--domain", "mentoring=900", "--kind", "volunteer",
    )  # fmt: skip
    add("sign", "--supervisor", dana, s_signed, e_signed, "--password-stdin", stdin=PASSWORD + "\n")
    return Agency(
        path, dana, rafael, ana, ben, carla, petra, s_signed, s_group, s_rafael, e_signed, e_pending
    )


@pytest.fixture(scope="module")
def agency_template(tmp_path_factory: pytest.TempPathFactory) -> Agency:
    folder = tmp_path_factory.mktemp("cli-agency")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SUPERVISOR_APP_DATA_DIR", str(folder / "userdata"))
        mp.delenv("SUPERVISOR_APP_DB", raising=False)
        return _build_agency(folder / "agency.db")


@pytest.fixture
def agency(agency_template: Agency, tmp_path: Path) -> Agency:
    path = tmp_path / "agency.db"
    shutil.copy(agency_template.path, path)
    return dataclasses.replace(agency_template, path=path)


def rows(path: Path, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def table_dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, by table."""
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"'))) for t in tables}  # type: ignore[misc]
    finally:
        conn.close()


def tamper(path: Path, *statements: tuple[str, tuple[object, ...]]) -> None:
    """What an attacker with the file can do: drop the triggers, edit rows directly, and put the
    triggers back (a file without them is refused on sight), so only verification can tell."""
    conn = sqlite3.connect(path)
    try:
        triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
        for name, _sql in triggers:
            conn.execute(f'DROP TRIGGER "{name}"')
        for sql, params in statements:
            assert conn.execute(sql, params).rowcount >= 1, sql
        for _name, sql in triggers:
            conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


# --------------------------------------------------------------------------------------------
# Where the database is


def test_init_creates_the_database_at_db(cli: Cli, tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "clinic.db"
    result = cli("--db", path, "init")
    assert result.code == 0 and str(path) in result.out
    assert ("alembic_version",) in rows(path, "SELECT name FROM sqlite_master WHERE type = 'table'")
    assert not (data_dir / "supervisor.db").exists()
    again = cli("--db", path, "--json", "init")  # idempotent; JSON names the database
    assert again.code == 0 and again.json()["database"].endswith("clinic.db")


def test_environment_variable_names_the_database(
    cli: Cli, tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from_env = tmp_path / "from-env.db"
    monkeypatch.setenv("SUPERVISOR_APP_DB", str(from_env))
    assert cli("init").code == 0
    assert from_env.exists() and not (data_dir / "supervisor.db").exists()
    # --db wins over the environment.
    explicit = tmp_path / "explicit.db"
    assert cli("--db", explicit, "init").code == 0
    assert explicit.exists()
    assert (
        cli("supervisor", "add", "--name", "Only In Explicit", "--credentials", "CRSS", "--db", explicit).code
        == 0
    )
    assert cli("--json", "list", "supervisors").json() == []


def test_default_database_is_supervisor_db_in_the_data_folder(cli: Cli, data_dir: Path) -> None:
    assert not (data_dir / "supervisor.db").exists()
    assert cli("init").code == 0
    assert (data_dir / "supervisor.db").exists()
    assert cli("supervisor", "add", "--name", "Dana", "--credentials", "CRSS").value == "1"
    assert [s["name"] for s in cli("--json", "list", "supervisors").json()] == ["Dana"]


def test_db_accepts_a_sqlite_url(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "by-url.db"
    assert cli("--db", f"sqlite:///{path}", "init").code == 0
    assert path.exists()
    assert (
        cli("--db", f"sqlite:///{path}", "supervisor", "add", "--name", "Dana", "--credentials", "CRSS").value
        == "1"
    )
    assert [s["name"] for s in cli("--db", path, "--json", "list", "supervisors").json()] == ["Dana"]


@pytest.mark.parametrize(
    "placement",
    [
        lambda db, cmd: [*db, "--json", *cmd],
        lambda db, cmd: [*cmd, *db, "--json"],
        lambda db, cmd: ["--json", *cmd, *db],
        lambda db, cmd: [*db, *cmd, "--json"],
        lambda db, cmd: [cmd[0], "--json", *db, *cmd[1:]],
    ],
    ids=["before", "after", "json-before-db-after", "db-before-json-after", "between"],
)
def test_global_options_before_and_after_the_command(cli: Cli, agency: Agency, placement) -> None:  # type: ignore[no-untyped-def]
    listed = cli(*placement(agency.db, ["list", "supervisees"]))
    assert listed.code == 0 and [s["name"] for s in listed.json()][:2] == ["Ana Example", "Ben Example"]
    added = cli(*placement(agency.db, ["supervisee", "add", "--name", "Dee", "--credential", "CRSS"]))
    assert added.code == 0 and isinstance(added.json()["id"], int)


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--db", "://nowhere"], "neither a file path nor a database URL"),
        (["--db", "mysql://dana@server/agency"], "only SQLite databases are supported"),
        (["--db", "postgresql://dana@server/agency"], "postgresql+psycopg://"),
    ],
    ids=["malformed-url", "not-sqlite", "postgres-without-psycopg"],
)
def test_a_database_url_the_app_cannot_use_is_a_usage_error(cli: Cli, argv: list[str], words: str) -> None:
    # (init takes a PostgreSQL URL: it creates the agency database, tests/test_agency_schema_postgres.py)
    for command in (["init"], ["list", "supervisees"]):
        result = cli(*argv, *command)
        assert result.code == 2 and result.out == "", command
        assert words in result.err or (command == ["init"] and "postgresql+psycopg://" in result.err)


def test_an_unusable_url_in_the_environment_is_a_usage_error(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUPERVISOR_APP_DB", "mysql://dana@server/agency")
    result = cli("list", "supervisors")
    assert result.code == 2 and "$SUPERVISOR_APP_DB" in result.err and "only SQLite" in result.err


def test_no_command_opens_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[dict[str, object]] = []

    def fake_run_app(**kwargs: object) -> int:
        opened.append(kwargs)
        return 0

    monkeypatch.setattr("supervisor_app.ui.app.run_app", fake_run_app)
    assert main(["--db", "agency.db"]) == 0
    assert main(["--demo"]) == 0
    assert main(["--open-hours", "ana.hours", "ana2.hours"]) == 0  # a supervisee's files, no account
    assert opened == [  # in English: the suite sets $SUPERVISOR_APP_LANG (tests/conftest.py)
        {"db_target": "agency.db", "demo": False, "hours_files": None, "language": "en"},
        {"db_target": None, "demo": True, "hours_files": None, "language": "en"},
        {"db_target": None, "demo": False, "hours_files": ["ana.hours", "ana2.hours"], "language": "en"},
    ]


def test_profiles_lists_the_credentials_and_their_domains(cli: Cli, tmp_path: Path) -> None:
    db = ["--db", tmp_path / "p.db"]
    profiles = {p["code"]: p for p in cli(*db, "--json", "profiles").json()}
    assert {"CRSS", "CPRS", "CADC", "LCPC"} <= set(profiles)
    assert set(profiles["CRSS"]["domains"]) == CRSS_DOMAINS
    assert (
        profiles["CRSS"]["supervision_minutes"] == 6000 and profiles["CRSS"]["experience_minutes"] == 120_000
    )
    assert profiles["CPRS"]["unconfirmed"]  # "verify with ICB" figures are flagged
    text = cli(*db, "profiles")
    assert text.code == 0 and "CRSS" in text.out and "verify with ICB" in text.out


def test_a_reader_that_leaves_early_is_not_an_error_message(
    agency: Agency, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class ClosedPipe(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

        def fileno(self) -> int:
            raise io.UnsupportedOperation("no file descriptor")

    with monkeypatch.context() as patch:
        patch.setattr("sys.stdout", ClosedPipe())
        code = main([*agency.db, "list", "sessions"])  # as in `supervisor-app list sessions | head -1`
    assert code == 1
    assert capsys.readouterr().err == ""


def test_version_and_help_exit_0(cli: Cli) -> None:
    assert cli("--version").code == 0
    assert cli("session", "add", "--help").code == 0


# --------------------------------------------------------------------------------------------
# Adding: each prints the new id


def test_supervisor_add_prints_the_id_and_stores_only_an_argon2id_hash(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "sup.db"
    secret = "Tulips-in-Ottawa-1987"
    assert cli("--db", path, "init").code == 0
    first = cli(
        "--db", path, "supervisor", "add", "--name", "Grace Okafor", "--credentials", "CPRS, QMHP",
        "--title", "Peer Services Coordinator", "--icb-number", "7788", "--license", "LCSW 149.000001",
        "--email", "grace@example.org", "--phone", "312-555-0100", "--agency", "Lakeside (TEST)",
        "--password-stdin", stdin=secret + "\n",
    )  # fmt: skip
    assert first.code == 0 and first.out == "1\n" and first.err.startswith("Recovery key for Grace Okafor: ")
    second = cli("--db", path, "--json", "supervisor", "add", "--name", "Mai Lê", "--credentials", "LCSW")
    assert second.code == 0 and second.json() == {"id": 2}

    # The clear password is nowhere in the file (nor in a journal left beside it).
    for file in tmp_path.iterdir():
        data = file.read_bytes()
        assert secret.encode() not in data and secret.encode("utf-16-le") not in data, file
    [(stored,)] = rows(path, "SELECT password_hash FROM supervisor WHERE id = 1")
    assert str(stored).startswith("$argon2id$")
    assert rows(path, "SELECT password_hash FROM supervisor WHERE id = 2") == [(None,)]

    listed = cli("--db", path, "--json", "list", "supervisors")
    assert str(stored) not in listed.out and secret not in listed.out
    grace = next(s for s in listed.json() if s["id"] == 1)
    assert grace["credentials"] == "CPRS, QMHP" and grace["icb_number"] == "7788"
    assert (grace["license_type"], grace["license_number"]) == ("LCSW", "149.000001")
    assert grace["email"] == "grace@example.org" and grace["has_password"] is True


def test_add_commands_print_the_new_id(cli: Cli, agency: Agency) -> None:
    db = agency.db
    plain = cli(
        *db,
        "supervisee",
        "add",
        "--name",
        "Layla Haddad",
        "--credential",
        "crss",
        "--supervisor",
        agency.dana,
    )
    assert plain.code == 0 and plain.out.strip().isdigit()
    as_json = cli(*db, "--json", "supervisee", "add", "--name", "Omar Khalil", "--credential", "CADC")
    assert as_json.code == 0 and as_json.json() == {"id": int(plain.value) + 1}
    layla, omar = plain.value, str(as_json.json()["id"])

    individual = cli(
        *db, "session", "add", "--supervisor", agency.dana, "--supervisee", layla, "--date", days_ago(5),
        "--minutes", "30", "--format", "individual", "--modality", "phone", "--domain", "mentoring=30",
    )  # fmt: skip
    assert UUID.match(individual.value)
    group = cli(
        *db, "--json", "session", "add", "--supervisor", agency.dana, "--supervisee", layla,
        "--supervisee", agency.ana, "--supervisee", agency.ben, "--date", days_ago(5), "--start", "13:00",
        "--minutes", "120", "--format", "group", "--modality", "in-person",
        "--domain", "advocacy=45", "--domain", "mentoring=45", "--domain", "recovery-support=30",
        "--topics", "Systems advocacy", "--site", "Main office",
    )  # fmt: skip
    assert group.code == 0 and set(group.json()) == {"id"} and UUID.match(group.json()["id"])
    experience = cli(
        *db, "experience", "add", "--supervisee", omar, "--supervisor", agency.rafael, "--from", days_ago(9),
        "--to", days_ago(7), "--domain", "screening=600", "--kind", "internship",
    )  # fmt: skip
    assert UUID.match(experience.value)
    experience_json = cli(
        *db, "experience", "add", "--json", "--supervisee", layla, "--supervisor", agency.dana,
        "--from", days_ago(9), "--to", days_ago(9), "--domain", "advocacy=240",
    )  # fmt: skip
    assert experience_json.code == 0 and UUID.match(experience_json.json()["id"])

    sessions = {s["id"]: s for s in cli(*db, "--json", "list", "sessions", "--supervisee", layla).json()}
    assert set(sessions) == {individual.value, group.json()["id"]}
    stored_group = sessions[group.json()["id"]]
    assert stored_group["supervisee_ids"] == sorted(int(i) for i in (layla, agency.ana, agency.ben))
    assert stored_group["allocations"] == {"advocacy": 45, "mentoring": 45, "recovery-support": 30}
    assert (stored_group["format"], stored_group["minutes"], stored_group["start"]) == ("group", 120, "13:00")
    assert stored_group["status"] == "pending" and stored_group["topics"] == "Systems advocacy"
    entries = cli(*db, "--json", "list", "experience", "--supervisee", omar).json()
    assert [(e["id"], e["kind"], e["minutes"]) for e in entries] == [(experience.value, "internship", 600)]


# --------------------------------------------------------------------------------------------
# list --json: every stored field, never the password hash


def _columns(path: Path, table: str) -> set[str]:
    return {str(r[1]) for r in rows(path, f'PRAGMA table_info("{table}")')}


def test_list_people_has_every_stored_field_but_the_password_hash(cli: Cli, agency: Agency) -> None:
    supervisors = cli(*agency.db, "--json", "list", "supervisors").json()
    assert [s["name"] for s in supervisors] == ["Dana Whitaker", "Rafael Ortiz"]
    for item in supervisors:
        assert set(item) >= _columns(agency.path, "supervisor") - {"password_hash", "recovery_key_hash"}
        assert "password_hash" not in item and not any("$argon2" in str(v) for v in item.values())
    dana = supervisors[0]
    assert (dana["id"], dana["title"], dana["active"], dana["failed_attempts"]) == (
        int(agency.dana),
        "Clinical Supervisor",
        True,
        0,
    )
    assert dana["locked_until"] is None and dt.datetime.fromisoformat(dana["created_at"]).tzinfo is not None

    supervisees = cli(*agency.db, "--json", "list", "supervisees").json()
    assert len(supervisees) == 4
    for item in supervisees:
        assert set(item) >= _columns(agency.path, "supervisee")
    petra = next(s for s in supervisees if s["name"] == "Petra Nowak")
    assert (petra["credential"], petra["supervisor_id"], petra["start_date"]) == (
        "CPRS",
        int(agency.dana),
        days_ago(400),
    )
    assert petra["position"] == "Peer Support Specialist" and petra["icb_id"] == "A-Pet"


SESSION_KEYS = {
    "id", "supervisor_id", "supervisee_ids", "date", "start", "minutes", "format", "modality", "site",
    "topics", "allocations", "status", "replaced_by", "supersedes", "amendment_reason", "created_at", "updated_at",
}  # fmt: skip
EXPERIENCE_KEYS = {
    "id", "supervisee_id", "supervisor_id", "from", "to", "setting", "kind", "minutes", "allocations",
    "status", "replaced_by", "supersedes", "amendment_reason", "created_at", "updated_at",
}  # fmt: skip


def test_list_records_with_status_and_replaced_by(cli: Cli, agency: Agency) -> None:
    sessions = cli(*agency.db, "--json", "list", "sessions").json()
    assert {s["id"] for s in sessions} == {agency.s_signed, agency.s_group, agency.s_rafael}
    for item in sessions:
        assert set(item) >= SESSION_KEYS
    by_id = {s["id"]: s for s in sessions}
    signed = by_id[agency.s_signed]
    assert (signed["status"], signed["replaced_by"], signed["supersedes"]) == ("signed", None, None)
    assert signed["allocations"] == {"advocacy": 30, "mentoring": 30} and signed["modality"] == "in-person"
    assert (signed["date"], signed["start"], signed["topics"]) == (
        days_ago(1),
        "10:00",
        "Boundaries and self-care",
    )
    assert by_id[agency.s_group]["status"] == "pending"

    for_ben = cli(*agency.db, "--json", "list", "sessions", "--supervisee", agency.ben).json()
    assert [s["id"] for s in for_ben] == [agency.s_group]

    entries = cli(*agency.db, "list", "experience", "--supervisee", agency.ana, "--json").json()
    assert [e["id"] for e in entries] == [agency.e_signed]
    [entry] = entries
    assert set(entry) >= EXPERIENCE_KEYS
    assert (entry["from"], entry["to"], entry["kind"], entry["setting"]) == (
        days_ago(30),
        days_ago(24),
        "paid",
        "Drop-in center",
    )
    assert entry["allocations"] == {"advocacy": 600, "recovery-support": 1200} and entry["minutes"] == 1800
    assert (entry["status"], entry["replaced_by"]) == ("signed", None)
    assert len(cli(*agency.db, "--json", "list", "experience").json()) == 2

    # The plain-text tables work too.
    for what in ("supervisors", "supervisees", "sessions", "experience"):
        text = cli(*agency.db, "list", what)
        assert text.code == 0 and len(text.out.splitlines()) >= 3


# --------------------------------------------------------------------------------------------
# progress


PROGRESS_KEYS = {
    "supervisee",
    "credential",
    "eligible",
    "supervision",
    "experience",
    "unmet",
    "notes",
    "weekly_gaps",
    "supervisors",
}
PART_KEYS = {"required_minutes", "signed_minutes", "pending_minutes", "counted_minutes", "domains"}
DOMAIN_KEYS = {"label", "required_minutes", "signed_minutes", "pending_minutes"}


def assert_progress_shape(data: dict, domains: set[str] | None = None) -> None:  # type: ignore[type-arg]
    assert set(data) == PROGRESS_KEYS
    assert set(data["supervisee"]) == {"id", "name"}
    assert type(data["supervisee"]["id"]) is int and isinstance(data["supervisee"]["name"], str)
    assert isinstance(data["credential"], str) and type(data["eligible"]) is bool
    assert isinstance(data["unmet"], list) and all(isinstance(t, str) and t for t in data["unmet"])
    assert data["eligible"] == (not data["unmet"])
    assert isinstance(data["notes"], list) and all(isinstance(t, str) and t for t in data["notes"])
    assert isinstance(data["weekly_gaps"], list)
    for part in ("supervision", "experience"):
        section = data[part]
        assert set(section) == PART_KEYS
        for key in PART_KEYS - {"domains"}:
            assert type(section[key]) is int and section[key] >= 0, (part, key)
        if domains is not None:
            assert set(section["domains"]) == domains
        for code, domain in section["domains"].items():
            assert set(domain) == DOMAIN_KEYS, code
            assert isinstance(domain["label"], str) and domain["label"]
            for key in DOMAIN_KEYS - {"label"}:
                assert type(domain[key]) is int and domain[key] >= 0, (part, code, key)
        assert sum(d["signed_minutes"] for d in section["domains"].values()) == section["signed_minutes"]
        assert sum(d["pending_minutes"] for d in section["domains"].values()) == section["pending_minutes"]


def test_progress_json_has_exactly_the_documented_shape(cli: Cli, agency: Agency) -> None:
    result = cli(*agency.db, "--json", "progress", "--supervisee", agency.ana)
    assert result.code == 0
    data = result.json()
    assert_progress_shape(data, CRSS_DOMAINS)
    assert (
        data["supervisee"] == {"id": int(agency.ana), "name": "Ana Example"} and data["credential"] == "CRSS"
    )
    supervision, experience = data["supervision"], data["experience"]
    # Signed records count; the pending group session is shown apart.
    assert (
        supervision["required_minutes"],
        supervision["signed_minutes"],
        supervision["pending_minutes"],
    ) == (6000, 60, 90)
    assert supervision["domains"]["advocacy"] == {
        "label": "Advocacy", "required_minutes": 0, "signed_minutes": 30, "pending_minutes": 0
    }  # fmt: skip
    assert supervision["domains"]["recovery-support"]["pending_minutes"] == 60
    assert (experience["required_minutes"], experience["signed_minutes"], experience["pending_minutes"]) == (
        120_000,
        1800,
        0,
    )
    assert data["eligible"] is False
    assert any("Supervision needs" in text for text in data["unmet"])
    assert any("Professional Responsibility" in text for text in data["unmet"])

    cprs = cli(*agency.db, "progress", "--supervisee", agency.petra, "--json").json()
    assert_progress_shape(cprs)
    assert cprs["credential"] == "CPRS" and "mentoring-education" in cprs["supervision"]["domains"]

    text = cli(*agency.db, "progress", "--supervisee", agency.ana)
    assert text.code == 0 and "Eligible: no" in text.out and "Ana Example" in text.out


@pytest.fixture(scope="module")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    """``supervisor-app demo`` run once, for real, through the CLI."""
    folder = tmp_path_factory.mktemp("cli-demo")
    path = folder / "demo.db"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SUPERVISOR_APP_DATA_DIR", str(folder / "userdata"))
        mp.delenv("SUPERVISOR_APP_DB", raising=False)
        result = call(["--db", path, "demo"])
    assert result.code == 0, result.err
    return path, result


def test_demo_then_progress_shows_believable_figures(cli: Cli, demo_database: tuple[Path, Result]) -> None:
    path, demo = demo_database
    assert "Sample agency added" in demo.out
    db = ["--db", str(path)]
    supervisees = cli(*db, "--json", "list", "supervisees").json()
    assert 15 <= len(supervisees) <= 40
    assert {"CRSS", "CPRS"} <= {s["credential"] for s in supervisees}
    results = []
    for person in supervisees:
        progress = cli(*db, "--json", "progress", "--supervisee", person["id"])
        assert progress.code == 0, progress.err
        data = progress.json()
        assert_progress_shape(data)
        assert data["supervisee"] == {"id": person["id"], "name": person["name"]}
        sup, exp = data["supervision"], data["experience"]
        # A person's figures fit a real working life: under 400 h supervision, under 8,500 h work.
        assert sup["signed_minutes"] <= 400 * 60 and exp["signed_minutes"] <= 8500 * 60
        if data["eligible"]:
            assert (
                sup["signed_minutes"] >= sup["required_minutes"]
                and exp["signed_minutes"] >= exp["required_minutes"]
            )
        results.append(data)
    eligible = [d for d in results if d["eligible"]]
    assert eligible and len(eligible) < len(results)  # some done, most still on the way
    assert any(d["supervision"]["signed_minutes"] == 0 for d in results) or any(
        d["supervision"]["signed_minutes"] < 10 * 60 for d in results
    )  # somebody just started
    assert any(d["supervision"]["pending_minutes"] > 0 for d in results)  # work waiting to be signed
    assert all(d["unmet"] for d in results if not d["eligible"])

    statuses = {s["status"] for s in cli(*db, "--json", "list", "sessions").json()}
    assert {"signed", "pending"} <= statuses and statuses & {"amended", "voided"}

    before = snapshot(path)
    again = cli(*db, "demo")
    assert again.code == 2 and "already" in again.err and snapshot(path) == before


def test_demo_flag_never_creates_or_touches_the_real_database(
    cli: Cli, tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "real.db"
    assert cli("--db", real, "init").code == 0
    assert cli("--db", real, "supervisor", "add", "--name", "Real Person", "--credentials", "CRSS").code == 0
    monkeypatch.setenv("SUPERVISOR_APP_DB", str(real))
    real_bytes = real.read_bytes()
    real_files = sorted(p.name for p in tmp_path.iterdir())
    data_files = sorted(p.name for p in data_dir.iterdir())

    result = cli("--demo", "progress", "--supervisee", "1", "--json")  # one demo build: it takes seconds
    assert result.code == 0, result.err
    assert_progress_shape(result.json())
    assert result.json()["supervisee"]["id"] == 1 and result.json()["credential"] == "CRSS"

    assert not (data_dir / "supervisor.db").exists()
    assert sorted(p.name for p in data_dir.iterdir()) == data_files
    assert real.read_bytes() == real_bytes and sorted(p.name for p in tmp_path.iterdir()) == real_files


# --------------------------------------------------------------------------------------------
# Sign-off, amend, void, verify, audit, passwd


def test_sign_record_ids_or_all(cli: Cli, agency: Agency) -> None:
    db = agency.db
    one = cli(
        *db,
        "sign",
        "--supervisor",
        agency.dana,
        agency.s_group[:8],
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert one.code == 0 and "Signed 1 record" in one.out
    statuses = {s["id"]: s["status"] for s in cli(*db, "--json", "list", "sessions").json()}
    assert statuses == {agency.s_signed: "signed", agency.s_group: "signed", agency.s_rafael: "pending"}

    every = cli(
        *db, "--json", "sign", "--all", "--supervisor", agency.dana, "--password-stdin", stdin=PASSWORD + "\n"
    )
    assert every.code == 0 and every.json() == {"signed": [agency.e_pending]}  # Rafael's stays pending
    ben = cli(*db, "--json", "progress", "--supervisee", agency.ben).json()
    assert (ben["supervision"]["signed_minutes"], ben["supervision"]["pending_minutes"]) == (90, 0)
    assert ben["experience"]["signed_minutes"] == 900

    rafael = cli(
        *db, "sign", "--supervisor", agency.rafael, "--all", "--password-stdin", stdin=OTHER_PASSWORD + "\n"
    )
    assert rafael.code == 0
    before = snapshot(agency.path)
    nothing_left = cli(
        *db, "sign", "--supervisor", agency.dana, "--all", "--password-stdin", stdin=PASSWORD + "\n"
    )
    assert nothing_left.code == 2 and "no pending records" in nothing_left.err
    assert snapshot(agency.path) == before


def test_amend_prints_the_new_id_and_the_signed_amendment_replaces_the_original(
    cli: Cli, agency: Agency
) -> None:
    db = agency.db
    amended = cli(
        *db, "amend", agency.s_signed, "--reason", "Session ran 90 minutes, not 60",
        "--minutes", "90", "--domain", "advocacy=45", "--domain", "mentoring=45",
    )  # fmt: skip
    new_id = amended.value
    assert UUID.match(new_id) and new_id != agency.s_signed
    ana = cli(*db, "--json", "progress", "--supervisee", agency.ana).json()
    assert ana["supervision"]["signed_minutes"] == 60  # the amendment is pending until signed
    # A pending session of 90, and the amendment: 90 in place of the signed 60.
    assert ana["supervision"]["pending_minutes"] == 90 + (90 - 60)

    assert (
        cli(*db, "sign", "--supervisor", agency.dana, new_id, "--password-stdin", stdin=PASSWORD + "\n").code
        == 0
    )
    by_id = {s["id"]: s for s in cli(*db, "--json", "list", "sessions", "--supervisee", agency.ana).json()}
    assert (by_id[agency.s_signed]["status"], by_id[agency.s_signed]["replaced_by"]) == ("amended", new_id)
    assert by_id[agency.s_signed]["minutes"] == 60  # the original is kept as it was
    assert (by_id[new_id]["status"], by_id[new_id]["supersedes"]) == ("signed", agency.s_signed)
    assert by_id[new_id]["amendment_reason"] == "Session ran 90 minutes, not 60"
    assert by_id[new_id]["allocations"] == {"advocacy": 45, "mentoring": 45}
    ana = cli(*db, "--json", "progress", "--supervisee", agency.ana).json()
    assert ana["supervision"]["signed_minutes"] == 90
    assert ana["supervision"]["domains"]["advocacy"]["signed_minutes"] == 45

    experience = cli(
        *db, "--json", "amend", agency.e_signed, "--reason", "Wrong site", "--setting", "Outreach van"
    )
    assert experience.code == 0 and experience.json()["amends"] == agency.e_signed
    assert UUID.match(experience.json()["id"])
    assert cli(*db, "verify").code == 0


def test_void_withdraws_a_signed_record_from_the_totals(cli: Cli, agency: Agency) -> None:
    db = agency.db
    voided = cli(
        *db, "void", agency.e_signed, "--reason", "Entered twice", "--supervisor", agency.dana,
        "--password-stdin", stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert voided.code == 0 and agency.e_signed in voided.out
    [entry] = cli(*db, "--json", "list", "experience", "--supervisee", agency.ana).json()
    assert entry["status"] == "voided"
    ana = cli(*db, "--json", "progress", "--supervisee", agency.ana).json()
    assert ana["experience"]["signed_minutes"] == 0
    assert cli(*db, "verify").code == 0
    before = snapshot(agency.path)
    twice = cli(
        *db, "void", agency.e_signed, "--reason", "again", "--supervisor", agency.dana,
        "--password-stdin", stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert twice.code == 2 and "voided" in twice.err and snapshot(agency.path) == before


def test_verify_is_clean_then_names_every_tampered_record(cli: Cli, agency: Agency) -> None:
    clean = cli(*agency.db, "verify")
    assert clean.code == 0 and clean.out.startswith("OK") and clean.err == ""
    report = cli(*agency.db, "--json", "verify").json()
    assert report["ok"] is True and report["problems"] == [] and report["signatures_checked"] == 2

    tamper(
        agency.path,
        ("UPDATE supervision_session SET minutes = minutes + 15 WHERE id = ?", (agency.s_signed,)),
        (
            "UPDATE experience_allocation SET minutes = 2400 WHERE entry_id = ? AND domain_code = 'recovery-support'",
            (agency.e_signed,),
        ),
    )
    broken = cli(*agency.db, "verify")
    assert broken.code == 1
    lines = broken.out.splitlines()
    assert len(lines) == 2, lines  # one line per problem
    assert {line.split(":")[0] for line in lines} == {agency.s_signed, agency.e_signed}
    assert all("changed after it was signed" in line for line in lines)
    report = cli(*agency.db, "verify", "--json")
    assert report.code == 1 and report.json()["ok"] is False
    assert {p["record_id"] for p in report.json()["problems"]} == {agency.s_signed, agency.e_signed}

    # Progress refuses the altered records and says which (a failure, not invalid input).
    refused = cli(*agency.db, "progress", "--supervisee", agency.ana)
    assert refused.code == 1 and agency.s_signed in refused.err and refused.out == ""
    assert cli(*agency.db, "progress", "--supervisee", agency.carla).code == 0  # untouched records still work


def test_verify_catches_a_deleted_signed_record(cli: Cli, agency: Agency) -> None:
    tamper(
        agency.path,
        ("DELETE FROM experience_allocation WHERE entry_id = ?", (agency.e_signed,)),
        ("DELETE FROM experience_entry WHERE id = ?", (agency.e_signed,)),
    )
    result = cli(*agency.db, "verify")
    assert result.code == 1
    [line] = result.out.splitlines()
    assert re.fullmatch(
        rf"{agency.e_signed}: was signed \(signature #\d+\) but the record has been deleted", line
    )


def test_audit_filters_by_record_and_supervisee(cli: Cli, agency: Agency) -> None:
    everything = cli(*agency.db, "--json", "audit").json()
    assert {"create", "sign"} <= {e["action"] for e in everything}
    for event in everything:
        assert {"id", "at", "actor", "action", "record_id", "supervisee_id", "details"} <= set(event)
    record = cli(*agency.db, "--json", "audit", "--record", agency.s_signed).json()
    assert record and {e["record_id"] for e in record} == {agency.s_signed}
    assert {e["action"] for e in record} == {"create", "sign"}
    assert any(e["actor"] == f"supervisor:{agency.dana}" for e in record if e["action"] == "sign")
    ben = cli(*agency.db, "audit", "--supervisee", agency.ben, "--json").json()
    assert ben and {e["supervisee_id"] for e in ben} == {int(agency.ben)}
    assert agency.s_group in {e["record_id"] for e in ben} and agency.s_signed not in {
        e["record_id"] for e in ben
    }
    text = cli(*agency.db, "audit", "--record", agency.s_signed[:8])
    assert text.code == 0 and "sign" in text.out and agency.s_signed[:8] in text.out


def test_supervisor_passwd_reads_old_and_new_from_two_lines(cli: Cli, agency: Agency) -> None:
    new = "a brand new passphrase"
    changed = cli(*agency.db, "supervisor", "passwd", agency.dana, stdin=f"{PASSWORD}\n{new}\n")
    assert changed.code == 0 and "Dana Whitaker" in changed.out
    old = cli(
        *agency.db,
        "sign",
        "--supervisor",
        agency.dana,
        agency.s_group,
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert old.code == 2 and "Wrong password" in old.err
    works = cli(
        *agency.db, "sign", "--supervisor", agency.dana, agency.s_group, "--password-stdin", stdin=new + "\n"
    )
    assert works.code == 0
    assert any(e["action"] == "password-changed" for e in cli(*agency.db, "--json", "audit").json())


def test_wrong_password_changes_nothing_but_the_failed_attempt_count(cli: Cli, agency: Agency) -> None:
    before = table_dump(agency.path)
    # Every supervisor column but the count (password hash, lock, ...): compared afterwards.
    kept = [c for c in _columns(agency.path, "supervisor") if c not in ("failed_attempts", "updated_at")]
    people_sql = f"SELECT {', '.join(kept)} FROM supervisor ORDER BY id"
    people_before = rows(agency.path, people_sql)
    attempts = [
        ["sign", "--supervisor", agency.dana, agency.s_group, "--password-stdin"],
        ["sign", "--supervisor", agency.dana, "--all", "--password-stdin"],
        ["void", agency.s_signed, "--reason", "typo", "--supervisor", agency.dana, "--password-stdin"],
    ]
    for argv in attempts:
        result = cli(*agency.db, *argv, stdin="not the password\n")
        assert result.code == 2 and "Wrong password" in result.err and result.out == ""
    passwd = cli(
        *agency.db, "supervisor", "passwd", agency.dana, stdin="not the password\nnew passphrase 1\n"
    )
    assert passwd.code == 2 and "Wrong password" in passwd.err
    after = table_dump(agency.path)
    for table in set(before) - {"supervisor", "audit_event"}:
        assert after[table] == before[table], table  # sessions, signatures, ... untouched
    assert rows(agency.path, "SELECT failed_attempts FROM supervisor WHERE id = ?", (agency.dana,)) == [(4,)]
    added = rows(agency.path, "SELECT action FROM audit_event ORDER BY id")[len(before["audit_event"]) :]
    assert added == [("failed-sign-in",)] * 4
    assert rows(agency.path, people_sql) == people_before
    assert [s["failed_attempts"] for s in cli(*agency.db, "--json", "list", "supervisors").json()] == [4, 0]


def test_five_wrong_passwords_lock_signing(cli: Cli, agency: Agency) -> None:
    sign = ["sign", "--supervisor", agency.rafael, agency.s_rafael, "--password-stdin"]
    for _ in range(5):
        assert cli(*agency.db, *sign, stdin="wrong wrong\n").code == 2
    locked = cli(*agency.db, *sign, stdin=OTHER_PASSWORD + "\n")
    assert locked.code == 2 and "locked" in locked.err
    statuses = {s["id"]: s["status"] for s in cli(*agency.db, "--json", "list", "sessions").json()}
    assert statuses[agency.s_rafael] == "pending"
    [rafael] = [
        s for s in cli(*agency.db, "--json", "list", "supervisors").json() if s["name"] == "Rafael Ortiz"
    ]
    assert rafael["locked_until"] is not None


# --------------------------------------------------------------------------------------------
# Exit 2: invalid input, a message on stderr, nothing written


def _session(
    a: Agency, *, domains: tuple[str, ...] | list[str] = ("advocacy=60",), **changes: object
) -> list[object]:
    """``session add`` for Ana, valid unless ``changes`` say otherwise (None drops an option)."""
    fields: dict[str, object] = {
        "supervisor": a.dana, "supervisee": a.ana, "date": days_ago(10), "start": "15:00",
        "minutes": "60", "format": "individual", "modality": "in-person",
    }  # fmt: skip
    fields.update(changes)
    argv: list[object] = ["session", "add"]
    for key, value in fields.items():
        if value is not None:
            argv += [f"--{key}", value]
    for item in domains:
        argv += ["--domain", item]
    return argv


PW = PASSWORD + "\n"

INVALID = [
    # id, argv from the agency, stdin, words the message contains
    ("bad-date", lambda a: _session(a, date="2026-02-30"), "", "is not a date"),
    ("bad-date-format", lambda a: _session(a, date="03/02/2026"), "", "YYYY-MM-DD"),
    ("bad-time", lambda a: _session(a, start="25:00"), "", "is not a time"),
    ("unknown-domain", lambda a: _session(a, domains=["cooking=60"]), "", "'cooking' is not a CRSS performance domain"),
    ("minutes-do-not-add-up", lambda a: _session(a, domains=["advocacy=30"]), "", "add up to 30 minutes"),
    ("minutes-over", lambda a: _session(a, domains=["advocacy=45", "mentoring=30"]), "", "more than the session's 60"),
    ("minutes-not-a-number", lambda a: _session(a, minutes="an hour"), "", "not a whole number"),
    ("minutes-zero", lambda a: _session(a, minutes="0", domains=["advocacy=0"]), "", "more than 0 minutes"),
    ("not-15-minute-steps", lambda a: _session(a, minutes="50", domains=["advocacy=50"]), "", "15-minute steps"),
    ("domain-syntax-colon", lambda a: _session(a, domains=["advocacy:60"]), "", "CODE=MINUTES"),
    ("domain-syntax-no-code", lambda a: _session(a, domains=["=60"]), "", "CODE=MINUTES"),
    ("domain-minutes-text", lambda a: _session(a, domains=["advocacy=sixty"]), "", "not a whole number"),
    ("unknown-supervisee", lambda a: _session(a, supervisee="999"), "", "no supervisee with id 999"),
    ("supervisee-not-a-number", lambda a: _session(a, supervisee="ana"), "", "is not a number"),
    ("unknown-supervisor", lambda a: _session(a, supervisor="77"), "", "no supervisor with id 77"),
    ("missing-date", lambda a: _session(a, date=None), "", "required: --date"),
    ("missing-domain", lambda a: _session(a, domains=[]), "", "required: --domain"),
    ("future-date", lambda a: _session(a, date=TOMORROW), "", "is in the future"),
    ("before-start-date", lambda a: _session(a, date=days_ago(500)), "", "before Ana Example's start date"),
    ("overlap", lambda a: _session(a, date=days_ago(1), start="10:30"), "", "overlaps another session"),
    ("individual-with-two", lambda a: [*_session(a), "--supervisee", a.ben], "", "exactly one supervisee"),
    ("bad-format", lambda a: _session(a, format="solo"), "", "Format must be one of"),
    ("bad-modality", lambda a: _session(a, modality="carrier-pigeon"), "", "Modality must be one of"),
    ("mixed-credentials", lambda a: [*_session(a, format="group"), "--supervisee", a.petra], "", "same credential"),
    (
        "experience-ends-before-it-starts",
        lambda a: ["experience", "add", "--supervisee", a.ana, "--supervisor", a.dana, "--from", days_ago(3),
                   "--to", days_ago(5), "--domain", "advocacy=60"],
        "", "ends",
    ),  # fmt: skip
    (
        "experience-future",
        lambda a: ["experience", "add", "--supervisee", a.ana, "--supervisor", a.dana, "--from", days_ago(3),
                   "--to", TOMORROW, "--domain", "advocacy=60"],
        "", "is in the future",
    ),  # fmt: skip
    (
        "experience-bad-kind",
        lambda a: ["experience", "add", "--supervisee", a.ana, "--supervisor", a.dana, "--from", days_ago(3),
                   "--to", days_ago(3), "--domain", "advocacy=60", "--kind", "hobby"],
        "", "Kind must be one of",
    ),  # fmt: skip
    ("unknown-credential", lambda a: ["supervisee", "add", "--name", "X", "--credential", "XYZ"], "", "Unknown credential 'XYZ'"),
    ("future-start", lambda a: ["supervisee", "add", "--name", "X", "--credential", "CRSS", "--start", TOMORROW], "", "in the future"),
    ("supervisee-no-name", lambda a: ["supervisee", "add", "--credential", "CRSS"], "", "required: --name"),
    ("supervisor-no-credentials", lambda a: ["supervisor", "add", "--name", "X"], "", "required: --credentials"),
    ("short-password", lambda a: ["supervisor", "add", "--name", "X", "--credentials", "CRSS", "--password-stdin"], "short\n", "at least 8 characters"),
    ("empty-password-stdin", lambda a: ["supervisor", "add", "--name", "X", "--credentials", "CRSS", "--password-stdin"], "", "standard input is empty"),
    ("bad-email", lambda a: ["supervisor", "add", "--name", "X", "--credentials", "CRSS", "--email", "nope"], "", "email"),
    ("all-and-ids", lambda a: ["sign", "--supervisor", a.dana, "--all", a.s_group, "--password-stdin"], PW, "either --all or"),
    ("neither-all-nor-ids", lambda a: ["sign", "--supervisor", a.dana, "--password-stdin"], PW, "either --all or"),
    ("sign-without-password", lambda a: ["sign", "--supervisor", a.dana, a.s_group], "", "password is required"),
    ("sign-someone-elses-record", lambda a: ["sign", "--supervisor", a.rafael, a.s_group, "--password-stdin"], OTHER_PASSWORD + "\n", "another supervisor"),
    ("sign-already-signed", lambda a: ["sign", "--supervisor", a.dana, a.s_signed, "--password-stdin"], PW, "already signed"),
    ("sign-unknown-record", lambda a: ["sign", "--supervisor", a.dana, "deadbeef", "--password-stdin"], PW, "no session or experience entry"),
    ("sign-unknown-supervisor", lambda a: ["sign", "--supervisor", "42", "--all", "--password-stdin"], PW, "no supervisor with id 42"),
    ("amend-without-reason", lambda a: ["amend", a.s_signed, "--minutes", "90"], "", "required: --reason"),
    ("amend-blank-reason", lambda a: ["amend", a.s_signed, "--reason", "  "], "", "Reason for the amendment is required"),
    ("amend-pending", lambda a: ["amend", a.s_group, "--reason", "typo"], "", "not signed yet"),
    ("amend-bad-minutes", lambda a: ["amend", a.s_signed, "--reason", "r", "--minutes", "90"], "", "add up to 60 minutes"),
    ("amend-session-with-experience-option", lambda a: ["amend", a.s_signed, "--reason", "r", "--kind", "paid"], "", "--kind applies to experience"),
    ("amend-experience-with-session-option", lambda a: ["amend", a.e_signed, "--reason", "r", "--minutes", "60"], "", "--minutes applies to sessions"),
    ("amend-unknown-record", lambda a: ["amend", "0000000000", "--reason", "r"], "", "no session or experience entry"),
    ("void-pending", lambda a: ["void", a.s_group, "--reason", "r", "--supervisor", a.dana, "--password-stdin"], PW, "not signed yet"),
    ("void-without-reason", lambda a: ["void", a.s_signed, "--supervisor", a.dana, "--password-stdin"], PW, "required: --reason"),
    ("void-someone-elses-record", lambda a: ["void", a.s_signed, "--reason", "r", "--supervisor", a.rafael, "--password-stdin"], OTHER_PASSWORD + "\n", "another supervisor"),
    ("passwd-one-line", lambda a: ["supervisor", "passwd", a.dana], PW, "two lines"),
    ("passwd-new-too-short", lambda a: ["supervisor", "passwd", a.dana], PW + "short\n", "at least 8 characters"),
    ("progress-unknown", lambda a: ["progress", "--supervisee", "999"], "", "no supervisee with id 999"),
    ("progress-not-a-number", lambda a: ["progress", "--supervisee", "Ana"], "", "is not a number"),
    ("progress-missing-supervisee", lambda a: ["progress"], "", "required: --supervisee"),
    ("list-unknown-supervisee", lambda a: ["list", "sessions", "--supervisee", "999"], "", "no supervisee with id 999"),
    ("list-unknown-kind", lambda a: ["list", "clients"], "", "invalid choice"),
    ("audit-unknown-supervisee", lambda a: ["audit", "--supervisee", "999"], "", "no supervisee with id 999"),
    ("unknown-command", lambda a: ["frobnicate"], "", "invalid choice"),
    ("demo-into-a-full-database", lambda a: ["demo"], "", "already has supervisors"),
]  # fmt: skip


@pytest.mark.parametrize(("argv", "stdin", "words"), [c[1:] for c in INVALID], ids=[c[0] for c in INVALID])
def test_invalid_input_exits_2_with_a_message_and_writes_nothing(
    cli: Cli, agency: Agency, argv, stdin: str, words: str
) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(agency.path)
    result = cli(*agency.db, *argv(agency), stdin=stdin)
    assert result.code == 2, (result.out, result.err)
    assert words in result.err
    assert result.out == ""
    assert snapshot(agency.path) == before


def test_invalid_input_with_json_still_exits_2_on_stderr(cli: Cli, agency: Agency) -> None:
    before = snapshot(agency.path)
    result = cli(*agency.db, "--json", *_session(agency, date="2026-02-30"))
    assert result.code == 2 and result.out == "" and "is not a date" in result.err
    assert snapshot(agency.path) == before


# --------------------------------------------------------------------------------------------
# Exit 1: not a database; verification failures (above)


@pytest.mark.parametrize(
    "argv",
    [["init"], ["list", "supervisors"], ["progress", "--supervisee", "1"], ["verify"], ["demo"]],
    ids=lambda a: a[0],
)
def test_a_file_that_is_not_a_database_exits_1_and_is_left_byte_identical(
    cli: Cli, tmp_path: Path, argv
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "notes.db"
    garbage = bytes(range(256)) * 64 + b"supervision notes, not a database"
    path.write_bytes(garbage)
    result = cli("--db", path, *argv)
    assert result.code == 1 and result.out == ""
    assert "notes.db" in result.err and "database" in result.err
    assert path.read_bytes() == garbage
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]  # no -wal or -journal left behind


def test_a_folder_given_as_the_database_exits_1(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "records").mkdir()
    result = cli("--db", tmp_path / "records", "init")
    assert result.code == 1 and result.err.startswith("supervisor-app:") and result.out == ""
    assert list((tmp_path / "records").iterdir()) == []


# --------------------------------------------------------------------------------------------
# The real program: real exit codes, no traceback


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    monkeypatch.delenv("SUPERVISOR_APP_DEBUG", raising=False)
    yield dict(os.environ)


def test_the_real_program_exit_codes(agency: Agency, tmp_path: Path, clean_env: dict[str, str]) -> None:
    def copy(name: str) -> Path:
        path = tmp_path / name
        shutil.copy(agency.path, path)
        return path

    invalid_db, usage_db, tampered_db, fresh_db = (
        copy("invalid.db"),
        copy("usage.db"),
        copy("tampered.db"),
        tmp_path / "fresh.db",
    )
    tamper(
        tampered_db, ("UPDATE supervision_session SET date = ? WHERE id = ?", (days_ago(5), agency.s_signed))
    )
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"\x00\xffnot sqlite at all" * 100)
    snapshots = {p: snapshot(p) for p in (invalid_db, usage_db)}

    cases = {
        "ok": (["--db", agency.path, "verify"], "", 0),
        "invalid": (["--db", invalid_db, *_session(agency, domains=["cooking=60"])], "", 2),
        "usage": (["session", "add", "--db", usage_db, "--supervisor", agency.dana], "", 2),
        "not-a-database": (["--db", garbage, "list", "supervisors"], "", 1),
        "tampered": (["--db", tampered_db, "verify"], "", 1),
        "fresh": (["--db", fresh_db, "supervisor", "add", "--name", "New", "--credentials", "CRSS", "--password-stdin"],
                  "a real argon2id password\n", 0),
    }  # fmt: skip
    processes = {
        name: subprocess.Popen(
            [sys.executable, "-m", "supervisor_app.cli", *map(str, argv)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=clean_env,
        )
        for name, (argv, _, _) in cases.items()
    }
    results = {}
    for name, process in processes.items():
        out, err = process.communicate(cases[name][1], timeout=120)
        results[name] = Result(process.returncode, out, err)
    for name, result in results.items():
        assert result.code == cases[name][2], (name, result)
        assert "Traceback" not in result.err, (name, result.err)
    assert results["ok"].out.startswith("OK") and results["ok"].err == ""
    assert "'cooking' is not a CRSS performance domain" in results["invalid"].err
    assert "required" in results["usage"].err and results["usage"].out == ""
    assert "garbage.db" in results["not-a-database"].err
    assert garbage.read_bytes() == b"\x00\xffnot sqlite at all" * 100
    [line] = results["tampered"].out.splitlines()
    assert re.fullmatch(rf"{agency.s_signed}: content changed after it was signed \(signature #\d+\)", line)
    assert results["fresh"].out == "1\n" and results["fresh"].err.startswith("Recovery key for New: ")
    assert b"a real argon2id password" not in fresh_db.read_bytes()
    for path, digest in snapshots.items():
        assert snapshot(path) == digest
