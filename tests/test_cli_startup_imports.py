"""A command imports what it needs, not what other commands need (issue 19: the command line
starts fast). Run in a fresh interpreter, through ``main()``, on a real database file."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from supervisor_app.cli import COMMANDS, build_parser
from supervisor_app.services import progress, records
from supervisor_app.usecases import signing
from tests.conftest import PASSWORD, World, session_fields

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = r"""
import contextlib, io, json, sys
from supervisor_app.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main(sys.argv[1:])
heavy = ["PySide6", "reportlab", "openpyxl", "argon2", "alembic", "sqlalchemy", "sqlalchemy.orm",
         "supervisor_app.models", "supervisor_app.services.signoff", "importlib.metadata", "getpass",
         "cryptography.hazmat.primitives.ciphers", "cryptography.hazmat.primitives.serialization",
         "supervisor_app.services.records", "supervisor_app.services.signoff.signing",
         "supervisor_app.services.signoff.verification", "supervisor_app.services.people",
         "supervisor_app.services.keys", "supervisor_app.services.audit"]
models = sys.modules.get("supervisor_app.models")
configured = models is not None and models.Supervisee.__mapper__.configured
print(json.dumps({"code": code, "imported": [m for m in heavy if m in sys.modules], "mappers": configured}))
"""


def _imports(*argv: str) -> tuple[int, list[str]]:
    code, imported, _mappers = _run(*argv)
    return code, imported


def _run(*argv: str) -> tuple[int, list[str], bool]:
    """The exit code, which heavy modules the command imported, and whether it configured the
    ORM's mappers."""
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    answer = json.loads(proc.stdout.strip().splitlines()[-1])
    return answer["code"], answer["imported"], answer["mappers"]


def test_progress_imports_no_qt_pdf_spreadsheet_or_alembic(world: World) -> None:
    path = world.db.path
    world.db.close()
    code, imported = _imports("--db", str(path), "progress", "--supervisee", str(world.ana))
    assert code == 0
    assert not {"PySide6", "reportlab", "openpyxl", "alembic"} & set(imported), imported


def test_check_and_version_import_no_sqlalchemy(world: World) -> None:
    path = world.db.path
    world.db.close()
    code, imported = _imports("--db", str(path), "check")
    assert code == 0 and imported == [], imported
    code, imported = _imports("--version")
    assert code == 0 and imported == ["importlib.metadata"], imported  # the version, read when asked


def test_progress_checks_signatures_without_argon2_ciphers_or_mapper_configuration(world: World) -> None:
    """Issue 19: a command that verifies signatures reads public keys only (argon2, AES-GCM and
    key serialisation are for sealing and opening private keys), and progress reads the
    supervisee by plain SQL, so the process configures no ORM mappers (~0.1 s)."""
    with world.uow() as uow:
        records.add_session(uow, **session_fields(world))
        uow.commit()
    with world.uow() as uow:
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD)  # a keyed signature to check
    path = world.db.path
    world.db.close()
    code, imported, mappers = _run("--db", str(path), "progress", "--supervisee", str(world.ana))
    assert code == 0
    assert not {
        "argon2",
        "cryptography.hazmat.primitives.ciphers",
        "cryptography.hazmat.primitives.serialization",
    } & set(imported), imported
    assert mappers is False


def test_progress_on_a_sqlite_file_imports_no_sqlalchemy_models_or_signing(world: World) -> None:
    """Issue 19, round three: ``progress`` on a SQLite file reads, verifies and sums by plain
    SQL on its unit of work's own sqlite3 connection, so the process imports neither SQLAlchemy
    nor the models, nor the services that write (signing, records, people, keys, audit): about
    half of what it cost. The supervisee has a signed record, a voided one and a pending
    amendment, so every check of a supervisee's verification runs; the figures are the same as
    the ORM's unit of work computes."""
    with world.uow() as uow:
        kept = records.add_session(uow, **session_fields(world)).id
        voided = records.add_session(uow, **session_fields(world, start="14:00")).id
        uow.commit()
    with world.uow() as uow:
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD)
    with world.uow() as uow:
        signing.void(
            uow, record_id=voided, reason="Entered twice", supervisor_id=world.dana, password=PASSWORD
        )
    with world.uow() as uow:
        signing.amend(uow, record_id=kept, reason="Wrong length", minutes=90, allocations={"advocacy": 90})
    with world.db.uow(reading=True) as uow:
        expected = progress.compute_progress(uow, supervisee_id=world.ana).to_json()
    path = world.db.path
    world.db.close()
    code, imported = _imports("--db", str(path), "progress", "--supervisee", str(world.ana))
    assert code == 0
    assert set(imported) <= {"supervisor_app.services.signoff", "getpass"}, imported  # the package alone
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "supervisor_app.cli",
            "--db",
            str(path),
            "--json",
            "progress",
            "--supervisee",
            str(world.ana),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert json.loads(proc.stdout) == json.loads(json.dumps(expected))
    assert (
        expected["supervision"]["signed_minutes"] == 60 and expected["supervision"]["pending_minutes"] == 30
    )


def _leaf(parser: argparse.ArgumentParser, words: list[str]) -> argparse.ArgumentParser:
    for word in words:
        parser = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices[word]
    return parser


def test_the_parser_of_a_command_line_builds_its_command_as_the_whole_parser_does() -> None:
    """Issue 19: main() gives arguments only to the commands its command line may name (the
    parser of all ~60 took a few hundredths of a second); each of them, and the list of
    commands, reads as the whole parser's."""
    whole = build_parser()
    for command in COMMANDS:
        words = command.name.split()
        lazy = build_parser(["--db", "x.db", *words, "--json"])
        assert _leaf(lazy, words).format_help() == _leaf(whole, words).format_help(), command.name
        assert lazy.format_help() == whole.format_help()
    assert build_parser(["--db", "x.db"]).format_help() == whole.format_help()


FREEZE_SCRIPT = r"""
import atexit, contextlib, gc, io, sys
atexit.register(lambda: print("frozen at exit:", gc.get_freeze_count() > 0))  # runs after main's handlers
from supervisor_app.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    if sys.argv[1] == "own":
        sys.argv[1:] = ["--version"]
        main()
    else:
        main(["--version"])
"""


def test_the_process_entry_leaves_its_objects_to_the_os_at_exit() -> None:
    """Issue 19: ``main()`` on the process's own command line freezes the heap at exit, so
    Python's shutdown does not walk everything the command loaded (0.1-0.2 s of CPU); a
    caller that hands main() its arguments (tests, in-process use) keeps its collector."""
    for how, frozen in (("own", True), ("given", False)):
        proc = subprocess.run(
            [sys.executable, "-c", FREEZE_SCRIPT, how],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        assert proc.stdout.strip().splitlines()[-1] == f"frozen at exit: {frozen}", proc.stdout
