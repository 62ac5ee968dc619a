"""Nothing lost: damaged files are refused untouched, backups rotate and restore, a killed
process loses no committed record, a second app opens read-only."""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from before_keys import set_keys_from, sign_before_keys

from conftest import PASSWORD, TODAY, World, session_fields, snapshot
from supervisor_app import storage
from supervisor_app.db import Database, make_engine, open_database, upgrade
from supervisor_app.lockfile import DatabaseLock
from supervisor_app.services import people, records, signoff
from supervisor_app.services.progress import compute_progress
from supervisor_app.storage import DatabaseError
from supervisor_app.usecases import backups, signing

HERE = Path(__file__).resolve().parent


def _files(path: Path) -> dict[str, bytes]:
    """The database and any companion files, byte for byte."""
    return {p.name: p.read_bytes() for p in path.parent.glob(path.name + "*")}


@pytest.fixture
def populated(world: World) -> World:
    with world.uow() as uow:
        for days in (3, 10, 17):
            records.add_session(uow, **session_fields(world, date=TODAY - dt.timedelta(days=days)))
        uow.commit()
    with world.uow() as uow:
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD)
    return world


# ------------------------------------------------------------------------------- damaged files


def test_garbage_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "garbage.db"
    path.write_bytes(os.urandom(8192))
    before = _files(path)
    with pytest.raises(DatabaseError) as caught:
        open_database(path)
    assert caught.value.kind == "damaged" and caught.value.offer_restore
    assert "It was not changed" in str(caught.value)
    assert _files(path) == before


def test_a_truncated_database_is_refused_untouched(populated: World, tmp_path: Path) -> None:
    source = populated.db.path
    populated.db.close()
    data = source.read_bytes()
    path = tmp_path / "truncated.db"
    path.write_bytes(data[: len(data) // 2] + b"\0" * 100)
    before = _files(path)
    with pytest.raises(DatabaseError) as caught:
        open_database(path)
    assert caught.value.kind == "damaged"
    assert _files(path) == before


def test_a_database_with_missing_tables_is_refused_untouched(populated: World) -> None:
    path = populated.db.path
    populated.db.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("DROP TABLE attestation")
    conn.commit()
    conn.close()
    before = snapshot(path)
    with pytest.raises(DatabaseError, match="tables are missing \\(attestation\\)"):
        open_database(path)
    assert snapshot(path) == before


def test_another_programs_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    before = _files(path)
    with pytest.raises(DatabaseError, match="not a supervisor_app database"):
        open_database(path)
    assert _files(path) == before


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "locked.db"
    open_database(path).close()
    path.chmod(0)
    try:
        with pytest.raises(DatabaseError) as caught:
            open_database(path)
        assert caught.value.kind == "unreadable"
    finally:
        path.chmod(0o600)


# ---------------------------------------------------------------------------------- upgrades


def test_every_earlier_revision_upgrades_with_nothing_lost(tmp_path: Path) -> None:
    """Fill a database through the services (today's schema), store its rows in a database
    built at each earlier revision (the columns that revision has; a later column, such as
    0005's on the supervisor table, cannot be written through today's models into an older
    schema), upgrade, compare."""
    from supervisor_app.storage import known_revisions

    source = open_database(tmp_path / "filled.db")
    with source.uow("test") as uow:
        dana = people.add_supervisor(uow, name="Dana", credentials="CRSS", password=PASSWORD)
        ana = people.add_supervisee(
            uow,
            name="Ana",
            credential="CRSS",
            supervisor_id=dana.id,
            start_date=TODAY - dt.timedelta(days=100),
        )
        for days in (2, 9):
            records.add_session(
                uow,
                supervisor_id=dana.id,
                supervisee_ids=[ana.id],
                date=TODAY - dt.timedelta(days=days),
                minutes=60,
                format="individual",
                modality="video",
                allocations={"advocacy": 60},
            )
        uow.commit()
        dana_id, ana_id = dana.id, ana.id
    with source.uow("test") as uow:
        pending = signoff.pending_ids(uow, supervisor_id=dana_id)
    source.close()
    # Signed as the app did before keys (an older revision knows no keys).
    sign_before_keys(tmp_path / "filled.db", sorted(pending), dana_id)
    source = open_database(tmp_path / "filled.db")
    with source.uow("test") as uow:
        before = compute_progress(uow, supervisee_id=ana_id).to_json()
        sessions_before = records.list_records(uow, "session")
    source.close()

    for revision in sorted(known_revisions()):
        path = tmp_path / f"at-{revision}.db"
        engine = make_engine(f"sqlite:///{path}")
        upgrade(engine, revision)
        engine.dispose()
        _copy_rows(tmp_path / "filled.db", path)
        upgraded = open_database(path)
        with upgraded.uow("test") as uow:
            report = signoff.verify(uow)
            assert report.ok, report.problems
            assert [n.message[:47] for n in report.notes] == [
                "2 signatures (#1 to #2, the newest dated 2025-0"
            ]
            assert compute_progress(uow, supervisee_id=ana_id).to_json() == before
            assert records.list_records(uow, "session") == sessions_before
            # Everyone has a global id; the next signature is keyed and verifies with the old ones.
            gids = (
                uow.session.execute(
                    sa.text("SELECT global_id FROM supervisor UNION ALL SELECT global_id FROM supervisee")
                )
                .scalars()
                .all()
            )
            assert len(gids) == 2 and all(len(g) == 36 for g in gids)
            records.add_session(
                uow,
                supervisor_id=dana_id,
                supervisee_ids=[ana_id],
                date=TODAY - dt.timedelta(days=1),
                minutes=30,
                format="individual",
                modality="video",
                allocations={"advocacy": 30},
            )
            uow.commit()
        with upgraded.uow("test") as uow:
            signing.sign(uow, supervisor_id=dana_id, password=PASSWORD)
        with upgraded.uow("test") as uow:
            report = signoff.verify(uow)
            assert report.ok and report.keyed_signatures_checked == 1, report.problems
        upgraded.close()
        if revision != sorted(known_revisions())[-1]:
            assert any(b.reason == "before-upgrade" for b in storage.list_backups(path))


def _copy_rows(source: Path, target: Path) -> None:
    """Every row of ``source`` into the same tables of ``target``, in the columns both have."""
    conn = sqlite3.connect(target)
    try:
        conn.execute("ATTACH DATABASE ? AS src", (str(source),))
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM main.sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name NOT IN ('alembic_version', 'database_identity')"
            )
        ]
        # A record's attendees and allocations first: once it is there, signed, they are final.
        for table in sorted(tables, key=lambda name: not name.endswith(("_attendee", "_allocation"))):
            theirs = {row[1] for row in conn.execute(f'PRAGMA src.table_info("{table}")')}
            columns = ", ".join(
                f'"{row[1]}"'
                for row in conn.execute(f'PRAGMA main.table_info("{table}")')
                if row[1] in theirs
            )
            conn.execute(f'INSERT INTO main."{table}" ({columns}) SELECT {columns} FROM src."{table}"')
        if "database_identity" in [r[0] for r in conn.execute("SELECT name FROM main.sqlite_master")]:
            # The copy is the same database: its identity and where its keys start.
            (keys_from,) = conn.execute("SELECT keys_from_seq FROM src.database_identity").fetchone()
            set_keys_from(conn, keys_from)
        conn.commit()
    finally:
        conn.close()


# ----------------------------------------------------------------------------------- backups


def test_backup_and_restore_round_trip(populated: World) -> None:
    path = populated.db.path
    taken = storage.backup_file(path, reason="manual")
    with populated.uow() as uow:
        records.add_session(uow, **session_fields(populated, date=TODAY - dt.timedelta(days=30)))
        uow.commit()
        assert len(records.list_records(uow, "session")) == 4
    populated.db.close()
    result = backups.restore(path, taken)
    assert result.replaced_copy is not None and result.replaced_copy.exists()
    assert result.safety_backup is not None
    db = open_database(path)
    with db.uow() as uow:
        assert len(records.list_records(uow, "session")) == 3
        assert signoff.verify(uow).ok
        from supervisor_app.services.audit import list_events

        assert list_events(uow)[0].action == "restore"
    db.close()
    kept = open_database(result.replaced_copy)
    with kept.uow() as uow:
        assert len(records.list_records(uow, "session")) == 4
    kept.close()


def test_restore_refuses_a_tampered_backup_and_changes_nothing(populated: World, tmp_path: Path) -> None:
    path = populated.db.path
    bad = storage.copy_database(path, tmp_path / "bad.db")
    conn = sqlite3.connect(bad)
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    for name, _sql in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("UPDATE supervision_session SET minutes = 600")
    for _name, sql in triggers:  # put back, so the schema is the app's: verification finds it
        conn.execute(sql)
    conn.commit()
    conn.close()
    populated.db.close()
    before = _files(path)
    with pytest.raises(DatabaseError, match="fails verification"):
        backups.restore(path, bad)
    assert _files(path) == before


def test_restore_refuses_a_file_that_is_not_a_backup(populated: World, tmp_path: Path) -> None:
    path = populated.db.path
    populated.db.close()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 50)
    before = _files(path)
    with pytest.raises(DatabaseError, match="not a supervisor_app database"):
        backups.restore(path, junk)
    assert _files(path) == before


def test_rotation_keeps_14_daily_and_12_monthly(db: Database) -> None:
    start = dt.datetime(2025, 1, 1, 9, tzinfo=dt.UTC)
    for day in range(400):
        storage.backup_file(db.path, reason="daily", now=start + dt.timedelta(days=day))
    kept = storage.list_backups(db.path)
    days = {b.taken_at.date() for b in kept}
    months = {(b.taken_at.year, b.taken_at.month) for b in kept}
    newest = (start + dt.timedelta(days=399)).date()
    assert all(newest - dt.timedelta(days=n) in days for n in range(14))
    assert len(months) == 12
    assert len(kept) <= 14 + 12


def test_a_daily_backup_stopped_by_quitting_leaves_nothing_and_is_taken_next_time(db: Database) -> None:
    now = dt.datetime(2026, 5, 4, 8, tzinfo=dt.UTC)
    quitting = threading.Event()
    quitting.set()
    with pytest.raises(storage.BackupStopped):
        storage.daily_backup(db.path, now=now, cancelled=quitting)
    assert storage.list_backups(db.path) == []
    assert list(storage.backup_dir_for(db.path).iterdir()) == []  # no half-written ".partial" either
    made = storage.daily_backup(db.path, now=now + dt.timedelta(minutes=5))  # the next start
    assert made is not None and [b.path for b in storage.list_backups(db.path)] == [made]


def test_daily_backup_happens_once_a_day(db: Database) -> None:
    now = dt.datetime(2026, 5, 4, 8, tzinfo=dt.UTC)
    assert storage.daily_backup(db.path, now=now) is not None
    assert storage.daily_backup(db.path, now=now + dt.timedelta(hours=3)) is None
    assert storage.daily_backup(db.path, now=now + dt.timedelta(days=1)) is not None


# ------------------------------------------------------------------------------ two at once


def test_a_second_app_sees_who_holds_the_database(db: Database) -> None:
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        lock_path = Path(str(db.path) + ".lock")
        lock_path.write_text(
            f'{{"user": "dana", "host": "{os.uname().nodename}", "pid": {other.pid}, "since": "2026-11-25T09:00:00+00:00"}}'
        )
        holder = DatabaseLock(db.path).acquire()
        assert holder is not None and holder.user == "dana" and holder.pid == other.pid
        assert "dana on" in holder.describe()
    finally:
        other.kill()
        other.wait()
    # Its process is gone now: the lock is stale and taken over.
    lock = DatabaseLock(db.path)
    assert lock.acquire() is None
    lock.release()
    assert not Path(str(db.path) + ".lock").exists()


def test_read_only_open_never_writes(populated: World) -> None:
    path = populated.db.path
    populated.db.close()
    before = snapshot(path)
    readonly = open_database(path, readonly=True)
    assert readonly.readonly
    with readonly.uow() as uow:
        assert len(records.list_records(uow, "session")) == 3
        with pytest.raises(Exception, match="readonly database"):
            records.add_session(uow, **session_fields(populated, date=TODAY - dt.timedelta(days=40)))
            uow.commit()
    readonly.close()
    assert snapshot(path) == before


# -------------------------------------------------------------------------------------- crash


def test_a_killed_process_loses_no_committed_record(tmp_path: Path) -> None:
    path = tmp_path / "crash.db"
    open_database(path).close()
    rng = random.Random(2026)
    committed: list[str] = []
    signed: set[str] = set()
    env = {**os.environ, "PYTHONPATH": str(HERE.parent)}
    for _round in range(20):
        child = subprocess.Popen(
            [sys.executable, str(HERE / "crash_child.py"), str(path)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        lines: list[str] = []
        started = threading.Event()

        def read(stream=child.stdout, lines=lines, started=started) -> None:  # type: ignore[no-untyped-def]
            for line in stream:
                lines.append(line)
                started.set()

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        started.wait(timeout=30)  # the child imports and opens the database first
        time.sleep(rng.uniform(0.0, 0.4))  # then dies at a random moment of its write loop
        child.send_signal(signal.SIGKILL)
        child.wait()
        reader.join(timeout=10)
        for line in lines:
            if line.startswith("signed "):
                signed.update(line.split()[1:])
            elif line.strip():
                committed.append(line.strip())
    assert len(committed) > 20, "the child never got going"
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = {r[0] for r in conn.execute("SELECT id FROM supervision_session")}
    stored_signed = {r[0] for r in conn.execute("SELECT id FROM supervision_session WHERE status = 'signed'")}
    conn.close()
    assert set(committed) <= stored
    assert signed <= stored_signed
    db = open_database(path)
    with db.uow() as uow:
        report = signoff.verify(uow)
    db.close()
    assert report.ok, report.problems


def test_restore_over_a_damaged_database_keeps_the_damaged_file(populated: World) -> None:
    path = populated.db.path
    taken = storage.backup_file(path, reason="manual")
    populated.db.close()
    garbage = os.urandom(4096)
    path.write_bytes(garbage)
    result = backups.restore(path, taken)
    assert result.replaced_copy is not None and ".damaged-" in result.replaced_copy.name
    assert result.replaced_copy.read_bytes() == garbage
    db = open_database(path)
    with db.uow() as uow:
        assert len(records.list_records(uow, "session")) == 3
    db.close()


def test_safety_backups_survive_the_daily_rotation(db: Database) -> None:
    now = dt.datetime(2026, 5, 4, 8, tzinfo=dt.UTC)
    safety = storage.backup_file(db.path, reason="before-upgrade", now=now)
    for day in range(40):
        storage.backup_file(db.path, reason="daily", now=now + dt.timedelta(hours=1, days=day))
    assert safety.exists()
    assert any(b.reason == "before-upgrade" for b in storage.list_backups(db.path))


def test_a_database_in_a_folder_named_with_a_hash_or_accents_is_the_one_opened(tmp_path) -> None:
    """'#' starts a fragment in a URI and '?' its options, and SQLAlchemy decodes %XX: 'Team
    #2/agency.db' must not open (or create) a file named 'Team ' next to it, for the app, the
    checks, the read-only handle or the backups."""
    from supervisor_app import storage
    from supervisor_app.db import open_reader
    from supervisor_app.services import people
    from supervisor_app.storage import check_file, head_revision

    folder = tmp_path / "Team #2 (Ünïcode) 100% What?"
    path = folder / "agency db.db"
    folder.mkdir()
    db = open_database(path)
    with db.uow() as uow:
        people.add_supervisor(
            uow,
            name="Dana Whitaker",
            credentials="CRSS",
            title="Clinical Supervisor",
            icb_number="5100",
            agency="Prairie Lakes",
            password="a long enough password",
        )
        uow.commit()
    db.close()
    check = check_file(path)
    assert check.revision == head_revision() and check.has_data
    db = open_database(path)
    reader = open_reader(db)
    with reader.uow() as uow:
        assert [s.name for s in people.list_supervisors(uow)] == ["Dana Whitaker"]
    reader.close()
    made = storage.backup_file(path, reason="daily")
    assert check_file(made).has_data
    db.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder.name]  # nothing beside the folder


def test_the_tables_a_file_must_hold_are_the_models_tables() -> None:
    """What check_file requires at the newest revision comes from the schema the migrations
    make, which is the models' own: no list of table names kept by hand."""
    from supervisor_app.models import Base
    from supervisor_app.storage import head_revision, required_tables

    assert required_tables(head_revision()) == frozenset(Base.metadata.tables)
