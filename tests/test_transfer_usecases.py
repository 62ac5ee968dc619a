"""The import and export use cases (supervisor_app.usecases.transfer): each commits once, a
refused import changes nothing, and an export reads without holding the write lock."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

from sqlalchemy import func, select

from conftest import TODAY, World, csv_bytes, snapshot
from supervisor_app.models import AuditEvent, SupervisionSession, TrainingEntry
from supervisor_app.services import exporting, import_format
from supervisor_app.usecases import transfer

HEADER = ["record", "supervisor", "supervisees", "date", "start", "minutes", "format", "modality", "advocacy"]


def session_row(**overrides: str) -> dict[str, str]:
    row = {
        "record": "session",
        "supervisor": "Dana Whitaker",
        "supervisees": "Ana Example",
        "date": (TODAY.replace(day=1)).isoformat(),
        "start": "10:00",
        "minutes": "60",
        "format": "individual",
        "modality": "video",
        "advocacy": "60",
    }
    return row | overrides


def count(world: World, model: type) -> int:
    with world.db.uow("test", reading=True) as uow:
        return uow.session.scalar(select(func.count()).select_from(model)) or 0


def test_an_import_commits_once_and_says_so(world: World, tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_bytes(csv_bytes([session_row(), session_row(start="14:00")], HEADER))
    dry = transfer.import_records(world.db, "test", path, dry_run=True)
    assert dry.ok and dry.sessions == 2 and not dry.committed and count(world, SupervisionSession) == 0
    report = transfer.import_records(world.db, "test", path)
    assert report.ok and report.committed and report.sessions == 2
    assert count(world, SupervisionSession) == 2
    with world.db.uow("test", reading=True) as uow:
        assert uow.session.scalar(select(func.count()).where(AuditEvent.action == "import")) == 1


def test_a_refused_import_changes_nothing(world: World, tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    # One good row, one that breaks a rule (its domain minutes do not add up): nothing is written.
    path.write_bytes(csv_bytes([session_row(), session_row(start="14:00", advocacy="30")], HEADER))
    before = snapshot(world.db)
    report = transfer.import_records(world.db, "test", path)
    assert isinstance(report, import_format.ImportReport)
    assert not report.ok and not report.committed and report.errors[0].line == 3
    assert snapshot(world.db) == before


def test_a_refused_training_import_changes_nothing(world: World, tmp_path: Path) -> None:
    path = tmp_path / "training.csv"
    path.write_text(
        "supervisee,from,title,provider,ethics\n"
        "Ana Example,2025-01-10,Ethics refresher,ICB,2\n"
        "Nobody Known,2025-01-11,Boundaries,ICB,2\n",
        encoding="utf-8",
    )
    before = snapshot(world.db)
    report = transfer.import_training(world.db, "test", path)
    assert not report.ok and report.errors
    assert snapshot(world.db) == before
    assert count(world, TrainingEntry) == 0


def test_an_export_logs_itself_once_after_writing_its_files(world: World, tmp_path: Path) -> None:
    result = transfer.export_archive(world.db, "test", tmp_path / "all.json", as_json=True)
    assert result.files == [tmp_path / "all.json"] and result.rows["supervisor"] == 2
    written = transfer.export_records(world.db, "test", tmp_path / "records.csv")
    assert written == 0 and (tmp_path / "records.csv").exists()
    with world.db.uow("test", reading=True) as uow:
        assert uow.session.scalar(select(func.count()).where(AuditEvent.action == "export")) == 2


def test_an_export_reads_while_another_connection_holds_the_write_lock(world: World, tmp_path: Path) -> None:
    """A real SQLite file and a second connection that is writing (BEGIN IMMEDIATE, an
    uncommitted change): the export reads its snapshot and writes every file meanwhile; only
    its audit event waits for the lock, and is written once the other writer commits."""
    assert world.db.path is not None
    writer = sqlite3.connect(world.db.path, isolation_level=None, timeout=0)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE agency SET name = name")  # a write in progress: the lock is held
    folder = tmp_path / "export"
    outcome: list[object] = []

    def export() -> None:
        try:
            outcome.append(transfer.export_archive(world.db, "test", folder))
        except BaseException as exc:  # noqa: BLE001 - reported by the test below
            outcome.append(exc)

    thread = threading.Thread(target=export)
    thread.start()
    try:
        deadline = time.monotonic() + 8  # well inside the 10 s busy timeout
        files = [folder / f"{name}.csv" for name in exporting.EXPORT_TABLES]
        while not all(f.exists() for f in files) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert all(f.exists() for f in files), "the export waited for the write lock"
        assert not outcome, "the audit event was written while another connection held the lock"
    finally:
        writer.execute("COMMIT")
        writer.close()
        thread.join(timeout=20)
    assert len(outcome) == 1 and not isinstance(outcome[0], BaseException), outcome
    with world.db.uow("test", reading=True) as uow:
        assert uow.session.scalar(select(func.count()).where(AuditEvent.action == "export")) == 1
