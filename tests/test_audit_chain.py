"""The audit trail's and the print records' hash chains, and signatures cut off the end of the
chain: someone edits the SQLite file with the triggers dropped (as an attacker would), or puts
an older copy in its place; verify names what was edited, deleted or inserted, and compares the
file with its backups and the outside copies it knows."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from conftest import PASSWORD, TODAY, World, session_fields
from supervisor_app import storage
from supervisor_app.db import Database, open_database
from supervisor_app.reports.data import PrintRecord
from supervisor_app.services import attestation, audit, copies, people, records, signoff, trails
from supervisor_app.usecases import backups, signing


def drop_triggers(conn: sqlite3.Connection) -> None:
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f'DROP TRIGGER "{name}"')


def tamper(path: Path | None, *statements: str, params: tuple[Any, ...] = ()) -> None:
    """Raw SQL on the file with the triggers dropped, and put back (a file without them is
    refused on sight by the schema check); no hash recomputed."""
    conn = sqlite3.connect(path)  # type: ignore[arg-type]
    try:
        triggers = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
        drop_triggers(conn)
        for sql in statements:
            conn.execute(sql, params)
        for (sql,) in triggers:
            conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


def recompute_audit_chain(path: Path | None) -> None:
    """What an attacker with this code does after an edit: every hash made again, in order."""
    conn = sqlite3.connect(path)  # type: ignore[arg-type]
    try:
        drop_triggers(conn)
        fields = ", ".join(trails.FIELDS[trails.AUDIT])
        rows = conn.execute(f"SELECT {fields} FROM audit_event ORDER BY id").fetchall()
        hashes = trails.chain_hashes(trails.GENESIS, rows)
        prevs = [trails.GENESIS, *hashes[:-1]]
        conn.executemany(
            "UPDATE audit_event SET prev_hash = ?, hash = ? WHERE id = ?",
            [(p, h, row[0]) for p, h, row in zip(prevs, hashes, rows, strict=True)],
        )
        conn.commit()
    finally:
        conn.close()


def report(db: Database) -> signoff.VerifyReport:
    with db.uow() as uow:
        return signoff.verify(uow)


def of_kind(rep: signoff.VerifyReport, kind: str) -> list[str]:
    return [str(p) for p in rep.problems if p.kind == kind]


def event(db: Database, event_id: int) -> tuple[str, str]:
    """(at to the minute, action) of an event, as problems name it."""
    conn = sqlite3.connect(db.path)  # type: ignore[arg-type]
    try:
        at, action = conn.execute("SELECT at, action FROM audit_event WHERE id = ?", (event_id,)).fetchone()
    finally:
        conn.close()
    return at[:16], action


def scalar(db: Database, sql: str, params: tuple[Any, ...] = ()) -> Any:
    conn = sqlite3.connect(db.path)  # type: ignore[arg-type]
    try:
        return conn.execute(sql, params).fetchone()[0]
    finally:
        conn.close()


def sign_session(world: World, days: int) -> str:
    with world.uow() as uow:
        rid = records.add_session(uow, **session_fields(world, date=TODAY - dt.timedelta(days=days))).id
        uow.commit()
    with world.uow() as uow:
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=[rid])
    return rid


def print_form(world: World) -> PrintRecord:
    with world.uow() as uow:
        data = attestation.prepare_verification(uow, supervisee_id=world.ana, supervisor_id=world.dana)
        record = attestation.record_print(uow, data, printed_by="Dana Whitaker")
        uow.commit()
        return record


@pytest.fixture
def busy(world: World) -> World:
    """Signed sessions, a print, a few dozen audit events."""
    for days in (9, 8, 7):
        sign_session(world, days)
    print_form(world)
    sign_session(world, 6)
    return world


# --------------------------------------------------------------------------------------------
# The chains as written


def test_every_writer_chains_its_rows_and_a_clean_database_verifies(busy: World) -> None:
    conn = sqlite3.connect(busy.db.path)  # type: ignore[arg-type]
    try:
        for table in (trails.AUDIT, trails.PRINTS):
            fields = ", ".join(trails.FIELDS[table])
            rows = conn.execute(f"SELECT prev_hash, hash, {fields} FROM {table} ORDER BY id").fetchall()
            assert rows, table
            prev = trails.GENESIS
            for row in rows:  # the reference definition, row by row
                assert row[0] == prev
                assert row[1] == trails.row_hash(prev, row[2:])
                prev = row[1]
            assert [r[2] for r in rows] == list(range(1, len(rows) + 1))
    finally:
        conn.close()
    rep = report(busy.db)
    assert rep.ok and rep.warnings == []
    with busy.uow() as uow:
        head = audit.chain_head(uow)
        assert head == {
            "id": scalar(busy.db, "SELECT max(id) FROM audit_event"),
            "hash": scalar(busy.db, "SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1"),
        }
        assert audit.print_chain_head(uow) == {
            "id": 1,
            "hash": scalar(busy.db, "SELECT hash FROM attestation WHERE id = 1"),
        }


def test_the_canonical_text_is_the_documented_json() -> None:
    row = (7, "2026-01-02 15:30:00.000000", "Dana", "sign", "abc", 3, '{"a": "é\\n"}')
    text = trails.row_text(trails.GENESIS, row)
    assert (
        text
        == f'["{trails.GENESIS}",7,"2026-01-02 15:30:00.000000","Dana","sign","abc",3,"{{\\"a\\": \\"é\\\\n\\"}}"]'
    )
    assert trails.chain_hashes(trails.GENESIS, [row]) == [trails.row_hash(trails.GENESIS, row)]
    assert trails.row_text("x", (1, None, b"\x01")) == '["x",1,null,["blob","01"]]'


# --------------------------------------------------------------------------------------------
# Raw edits, nothing recomputed: named by id, date and action


def test_an_edited_audit_event_is_named(busy: World) -> None:
    at, action = event(busy.db, 5)
    tamper(busy.db.path, "UPDATE audit_event SET actor = 'somebody else' WHERE id = 5")
    assert of_kind(report(busy.db), "audit") == [
        f"audit event #5 ({at}, {action}): was changed after it was written, or written outside the "
        "app (its hash does not match it)"
    ]


def test_a_hash_spelled_in_capitals_is_named_though_its_digest_is_the_same(busy: World) -> None:
    # The quick pass compares the raw digests spelled in hex once per chunk: a stored hash in
    # capital letters (the same 32 bytes) must still differ, as it does row by row.
    newest = scalar(busy.db, "SELECT max(id) FROM audit_event")
    at, action = event(busy.db, newest)
    tamper(busy.db.path, "UPDATE audit_event SET hash = upper(hash) WHERE id = ?", params=(newest,))
    conn = sqlite3.connect(busy.db.path)  # type: ignore[arg-type]
    try:
        found = trails.check_chain(conn, trails.AUDIT)
    finally:
        conn.close()
    assert found == [
        (
            f"audit event #{newest} ({at}, {action})",
            "was changed after it was written, or written outside the app (its hash does not match it)",
        )
    ]


def test_a_deleted_audit_event_is_named_with_its_neighbours(busy: World) -> None:
    at, action = event(busy.db, 7)
    before = event(busy.db, 5)
    tamper(busy.db.path, "DELETE FROM audit_event WHERE id = 6")
    assert of_kind(report(busy.db), "audit") == [
        f"audit event #7 ({at}, {action}): does not follow #5 ({before[0]}, {before[1]}): #6 deleted between them"
    ]


def test_the_first_audit_events_deleted_are_seen(busy: World) -> None:
    at, action = event(busy.db, 3)
    tamper(busy.db.path, "DELETE FROM audit_event WHERE id < 3")
    assert of_kind(report(busy.db), "audit") == [
        f"audit event #3 ({at}, {action}): is not the first audit event: the ones before it were deleted"
    ]


def test_an_inserted_audit_event_is_named(busy: World) -> None:
    newest = scalar(busy.db, "SELECT max(id) FROM audit_event")
    head = scalar(busy.db, "SELECT hash FROM audit_event WHERE id = ?", (newest,))
    tamper(
        busy.db.path,
        "INSERT INTO audit_event (id, at, actor, action, record_id, supervisee_id, details, prev_hash, hash) "
        "VALUES (?, '2026-01-01 10:00:00.000000', 'test', 'sign', NULL, NULL, '', ?, ?)",
        params=(newest + 1, head, "f" * 64),
    )
    problems = of_kind(report(busy.db), "audit")
    assert problems == [
        f"audit event #{newest + 1} (2026-01-01 10:00, sign): was changed after it was written, or "
        "written outside the app (its hash does not match it)"
    ]


def test_an_event_moved_in_from_elsewhere_breaks_the_link_after_it(busy: World) -> None:
    """Event 4 replaced by a well-formed event (its own hash right, over a made-up prev_hash)."""
    fields = ", ".join(trails.FIELDS[trails.AUDIT])
    conn = sqlite3.connect(busy.db.path)  # type: ignore[arg-type]
    row = list(conn.execute(f"SELECT {fields} FROM audit_event WHERE id = 4").fetchone())
    conn.close()
    row[2] = "someone"
    prev = "a" * 64
    conn = sqlite3.connect(busy.db.path)  # type: ignore[arg-type]
    drop_triggers(conn)
    conn.execute("DELETE FROM audit_event WHERE id = 4")
    conn.execute(
        f"INSERT INTO audit_event ({fields}, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?)",
        (*row, prev, trails.row_hash(prev, row)),
    )
    conn.commit()
    conn.close()
    at, action = event(busy.db, 4)
    assert of_kind(report(busy.db), "audit")[0].startswith(
        f"audit event #4 ({at}, {action}): does not follow #3"
    )


def test_print_records_edited_deleted_or_inserted_are_named(busy: World) -> None:
    second = print_form_after_another_session(busy)
    serial = scalar(busy.db, "SELECT serial FROM attestation WHERE id = 1")
    printed = scalar(busy.db, "SELECT printed_at FROM attestation WHERE id = 1")[:16]
    tamper(busy.db.path, "UPDATE attestation SET record_count = 99 WHERE id = 1")
    assert of_kind(report(busy.db), "print") == [
        f"print record #1 ({serial}, printed {printed}): was changed after it was written, or written "
        "outside the app (its hash does not match it)"
    ]
    tamper(busy.db.path, "DELETE FROM attestation WHERE id = 1")
    assert of_kind(report(busy.db), "print") == [
        f"print record #2 ({second.serial}, printed {scalar(busy.db, 'SELECT printed_at FROM attestation WHERE id = 2')[:16]}): "
        "is not the first print record: the ones before it were deleted"
    ]


def print_form_after_another_session(world: World) -> PrintRecord:
    sign_session(world, 5)
    return print_form(world)


def test_a_print_record_inserted_outside_the_app_is_named(busy: World) -> None:
    tamper(
        busy.db.path,
        "INSERT INTO attestation (id, serial, kind, fingerprint, supervisee_id, supervisor_id, record_count, "
        "supervision_minutes, experience_minutes, printed_by, printed_at, prev_hash, hash) VALUES "
        "(2, 'FAKE-1', 'verification', 'x', 1, 1, 1, 60, 0, 'x', '2026-01-01 09:00:00.000000', ?, ?)",
        params=(scalar(busy.db, "SELECT hash FROM attestation WHERE id = 1"), "0" * 64),
    )
    assert of_kind(report(busy.db), "print") == [
        "print record #2 (FAKE-1, printed 2026-01-01 09:00): was changed after it was written, or written "
        "outside the app (its hash does not match it)"
    ]


# --------------------------------------------------------------------------------------------
# The whole chain recomputed: seen by the outside copies (and, once signatures sign the audit
# head, by every signature made after the edited event)


def test_a_recomputed_audit_chain_differs_from_the_backup_and_from_a_signed_head(busy: World) -> None:
    path = busy.db.path
    assert path is not None
    taken = storage.backup_file(path, reason="manual")
    with busy.uow() as uow:
        head = audit.chain_head(uow)  # what a signing batch signs (the signature's audit_head)
    assert head is not None
    tamper(path, "UPDATE audit_event SET actor = 'somebody else' WHERE id = 3")
    recompute_audit_chain(path)
    rep = report(busy.db)
    # The chain inside the file is whole again, but each keyed signature made after the edited
    # event signed the trail's head as it stood: those heads no longer match.
    audit_problems = of_kind(rep, "audit")
    assert audit_problems and all(
        p.startswith("audit trail, as keyed signature ") and "has another hash" in p for p in audit_problems
    )
    stamp = storage.list_backups(path)[0].taken_at
    assert taken.exists()
    assert of_kind(rep, "copy") == [
        f"audit trail: differs from the backup of {stamp:%Y-%m-%d %H:%M} UTC: event #{head['id']} is not "
        "the same there and here (events up to it were changed and the chain recomputed)."
    ]
    conn = sqlite3.connect(path)
    try:
        assert trails.head_problem(conn, trails.AUDIT, head["id"], head["hash"]) == (
            f"audit event #{head['id']} has another hash: it, or one before it, was changed and the chain recomputed"
        )
    finally:
        conn.close()


# --------------------------------------------------------------------------------------------
# Cut off: the file has fewer signatures than a copy of it


def test_a_chain_cut_off_after_a_backup_is_reported_with_the_backup_named(
    busy: World, tmp_path: Path
) -> None:
    path = busy.db.path
    assert path is not None
    early = tmp_path / "early.db"
    storage.copy_database(path, early)  # the file as it was, kept by the one cutting the chain
    sign_session(busy, 3)
    sign_session(busy, 2)
    taken = storage.backup_file(path, reason="daily", now=dt.datetime(2026, 3, 4, 5, 6, tzinfo=dt.UTC))
    assert taken.exists()
    signatures = scalar(busy.db, "SELECT max(seq) FROM sign_off")
    events = scalar(busy.db, "SELECT max(id) FROM audit_event")
    busy.db.close()
    shutil.copy(early, path)  # the newest signatures cut off: put the older file in place
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = open_database(path)
    try:
        rep = report(db)
        have = scalar(db, "SELECT max(seq) FROM sign_off")
        ends = scalar(db, "SELECT max(id) FROM audit_event")
        assert of_kind(rep, "copy") == [
            f"signature chain: is shorter than the backup of 2026-03-04 05:06 UTC: it had {signatures:,} "
            f"signatures, up to #{signatures}; this file has {have:,}, up to #{have}. Signatures were cut "
            "off the end of the chain.",
            f"audit trail: is shorter than the backup of 2026-03-04 05:06 UTC: it had events up to "
            f"#{events}; this file's end at #{ends}. Events were cut off the end of the trail.",
        ]
        assert not rep.ok
    finally:
        db.close()


def test_a_tail_trimmed_with_raw_sql_is_reported_against_the_backup(busy: World) -> None:
    path = busy.db.path
    assert path is not None
    storage.backup_file(path, reason="manual", now=dt.datetime(2026, 3, 4, 5, 6, tzinfo=dt.UTC))
    last = scalar(busy.db, "SELECT max(seq) FROM sign_off")
    rid = scalar(busy.db, "SELECT record_id FROM sign_off WHERE seq = ?", (last,))
    first_event = scalar(busy.db, "SELECT min(id) FROM audit_event WHERE record_id = ?", (rid,))
    conn = sqlite3.connect(path)
    drop_triggers(conn)
    conn.execute("DELETE FROM sign_off WHERE seq = ?", (last,))
    for table, column in (("session_attendee", "session_id"), ("session_allocation", "session_id")):
        conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (rid,))
    conn.execute("DELETE FROM supervision_session WHERE id = ?", (rid,))
    conn.execute("DELETE FROM audit_event WHERE id >= ?", (first_event,))
    conn.commit()
    conn.close()
    rep = report(busy.db)
    # The chain and the trail inside the file are consistent again; the backups show the cut
    # (and the keyed signature over the cut link names the record, and the trail it signed).
    copies = [p for p in rep.problems if p.kind == "copy"]
    assert len(copies) == 2 and {p.kind for p in rep.problems} <= {"copy", "record", "audit"}
    assert copies[0].message.startswith(
        f"is shorter than the backup of 2026-03-04 05:06 UTC: it had {last:,} signatures, up to #{last}; "
        f"this file has {last - 1:,}"
    )


def test_a_backup_of_another_database_is_ignored(busy: World, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    database = open_database(other)
    with database.uow("test") as uow:
        dana = people.add_supervisor(uow, name="Someone Else", credentials="CRSS", password=PASSWORD)
        ana = people.add_supervisee(
            uow,
            name="Other Ana",
            credential="CRSS",
            supervisor_id=dana.id,
            start_date=TODAY - dt.timedelta(days=90),
        )
        for days in range(20, 5, -1):
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
    with database.uow("test") as uow:
        signing.sign(uow, supervisor_id=dana.id, password=PASSWORD)
    database.close()
    folder = storage.backup_dir_for(busy.db.path)  # type: ignore[arg-type]
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(other, folder / "20260101-000000-manual.db")  # more signatures, another chain
    assert len(storage.list_backups(busy.db.path)) == 1  # type: ignore[arg-type]
    rep = report(busy.db)
    assert rep.ok and rep.warnings == []


def test_a_restore_of_an_older_backup_is_a_warning_that_names_the_restore(busy: World) -> None:
    path = busy.db.path
    assert path is not None
    older = storage.backup_file(path, reason="manual", now=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    sign_session(busy, 3)
    storage.backup_file(path, reason="manual", now=dt.datetime(2020, 1, 2, tzinfo=dt.UTC))
    busy.db.close()
    backups.restore(path, older)
    db = open_database(path)
    try:
        rep = report(db)
        assert rep.ok, rep.problems
        assert rep.warnings and all(w.kind == "copy" for w in rep.warnings)
        assert all("This file was restored from an older backup on" in w.message for w in rep.warnings)
        # the backup taken after the one restored, and the safety copy the restore took first
        assert any(
            w.message.startswith("is shorter than the backup of 2020-01-02 00:00 UTC") for w in rep.warnings
        )
    finally:
        db.close()


def test_an_outside_copy_recorded_in_the_file_is_compared_too(busy: World) -> None:
    with busy.uow() as uow:
        heads = copies.current_heads(uow)
        copies.record_outside_copy(
            uow,
            kind=copies.HOURS_FILE_OUT,
            label="the hours file given to Ana on 2026-03-04",
            last_seq=heads["last_seq"],
            last_chain_hash=heads["last_chain_hash"],
            audit_head=heads["audit_head"],
        )
        uow.commit()
    assert report(busy.db).ok
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn = sqlite3.connect(busy.db.path)  # type: ignore[arg-type]
        try:
            conn.execute("DELETE FROM outside_copy")
        finally:
            conn.close()
    last = heads["last_seq"]
    tamper(busy.db.path, "DELETE FROM sign_off WHERE seq = ?", params=(last,))
    rep = report(busy.db)
    assert [str(p) for p in rep.problems if p.kind == "copy"] == [
        f"signature chain: is shorter than the hours file given to Ana on 2026-03-04: it had {last:,} "
        f"signatures, up to #{last}; this file has {last - 1:,}, up to #{last - 1}. Signatures were cut off "
        "the end of the chain."
    ]


def test_the_command_line_names_audit_problems_and_exits_1(
    busy: World, capsys: pytest.CaptureFixture[str]
) -> None:
    from supervisor_app.cli import main

    path = str(busy.db.path)
    assert main(["--db", path, "verify"]) == 0
    capsys.readouterr()
    at, action = event(busy.db, 2)
    tamper(busy.db.path, "UPDATE audit_event SET details = 'x' WHERE id = 2")
    assert main(["--db", path, "verify"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"audit event #2 ({at}, {action}): was changed after it was written, or written outside the app "
        "(its hash does not match it)"
    ]


# --------------------------------------------------------------------------------------------
# The migration: a filled 0004 database gets its chains


def test_a_filled_0004_database_gets_its_chains_and_keeps_triggers_and_index(busy: World) -> None:
    from alembic import command

    from supervisor_app.db import _alembic_config, make_engine, upgrade
    from supervisor_app.services.signoff.supervisee import _SUPERVISEE_AUDITED_SQL

    path = busy.db.path
    assert path is not None

    def state() -> tuple[list[Any], list[Any], list[Any]]:
        conn = sqlite3.connect(path)
        try:
            return (
                conn.execute("SELECT id, prev_hash, hash FROM audit_event ORDER BY id").fetchall(),
                conn.execute("SELECT id, prev_hash, hash FROM attestation ORDER BY id").fetchall(),
                conn.execute(
                    "SELECT name, sql FROM sqlite_master WHERE type IN ('trigger', 'index') ORDER BY name"
                ).fetchall(),
            )
        finally:
            conn.close()

    events, prints, schema = state()
    busy.db.close()
    engine = make_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.downgrade(_alembic_config(conn), "0006")  # what a file of the version before holds
    with engine.connect() as conn:
        columns = {row[1] for row in conn.exec_driver_sql("PRAGMA table_info(audit_event)")}
    assert "hash" not in columns
    upgrade(engine)
    engine.dispose()
    assert state() == (events, prints, schema)  # the same chain, triggers and indexes, byte for byte
    db = open_database(path)
    try:
        assert report(db).ok
        with pytest.raises(Exception, match="append-only"), db.uow() as uow:
            uow.session.connection().exec_driver_sql("UPDATE audit_event SET actor = 'x'")
        with db.engine.connect() as conn:
            plan = " ".join(
                str(row[-1])
                for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {_SUPERVISEE_AUDITED_SQL}", (1,))
            )
        assert "COVERING INDEX ix_audit_supervisee_action" in plan
    finally:
        db.close()
