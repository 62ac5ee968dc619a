"""A command imports what it needs, not what other commands need (issue 19: the command line
starts fast). Run in a fresh interpreter, through ``main()``, on a real database file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import World

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = r"""
import contextlib, io, json, sys
from supervisor_app.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main(sys.argv[1:])
heavy = ["PySide6", "reportlab", "openpyxl", "argon2", "alembic", "sqlalchemy", "sqlalchemy.orm",
         "supervisor_app.models", "supervisor_app.services.signoff", "importlib.metadata", "getpass"]
print(json.dumps({"code": code, "imported": [m for m in heavy if m in sys.modules]}))
"""


def _imports(*argv: str) -> tuple[int, list[str]]:
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    answer = json.loads(proc.stdout.strip().splitlines()[-1])
    return answer["code"], answer["imported"]


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
