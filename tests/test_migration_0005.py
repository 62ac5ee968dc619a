"""Migration 0005 (supervisor changes, expiry dates, recovery key, successor) on a database at
0004 that holds people and records: nothing lost, signatures still verify, and the new
features work on the upgraded file."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from conftest import PASSWORD, TODAY
from supervisor_app.db import make_engine, open_database, upgrade
from supervisor_app.services import auth, people, signoff, supervisors
from supervisor_app.usecases import signing

STAMP = "2025-01-01 00:00:00"


def _database_at_0004(path: Path) -> None:
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine, "0004")
    day = (TODAY - dt.timedelta(days=3)).isoformat()
    with engine.begin() as conn:
        for sql, params in [
            (
                "INSERT INTO agency (id, name, address, phone, created_at, updated_at) VALUES (1, 'Old Agency', '', '', ?, ?)",
                (STAMP, STAMP),
            ),
            (
                "INSERT INTO supervisor (id, agency_id, name, credentials, title, icb_number, license_type, "
                "license_number, email, phone, active, password_hash, failed_attempts, created_at, updated_at) "
                "VALUES (?, 1, ?, 'CRSS', '', '', 'LCPC', '180.1', '', '', 1, ?, 0, ?, ?)",
                (1, "Dana Old", auth.hash_password(PASSWORD), STAMP, STAMP),
            ),
            (
                "INSERT INTO supervisor (id, agency_id, name, credentials, title, icb_number, license_type, "
                "license_number, email, phone, active, password_hash, failed_attempts, created_at, updated_at) "
                "VALUES (?, 1, ?, 'CADC', '', '', '', '', '', '', 1, ?, 0, ?, ?)",
                (2, "Rafael Old", auth.hash_password(PASSWORD), STAMP, STAMP),
            ),
            (
                "INSERT INTO supervisee (id, agency_id, supervisor_id, name, icb_id, credential, position, "
                "start_date, active, created_at, updated_at) VALUES (1, 1, 1, 'Ana Old', '', 'CRSS', '', '2024-01-01', 1, ?, ?)",
                (STAMP, STAMP),
            ),
            (
                "INSERT INTO supervision_session (id, supervisor_id, date, minutes, format, modality, site, topics, "
                "status, amendment_reason, created_at, updated_at) VALUES "
                "('11111111-1111-4111-8111-111111111111', 1, ?, 60, 'individual', 'in-person', '', '', 'pending', '', ?, ?)",
                (day, STAMP, STAMP),
            ),
            (
                "INSERT INTO session_attendee (session_id, supervisee_id) VALUES ('11111111-1111-4111-8111-111111111111', 1)",
                (),
            ),
            (
                "INSERT INTO session_allocation (session_id, domain_code, minutes) VALUES "
                "('11111111-1111-4111-8111-111111111111', 'advocacy', 60)",
                (),
            ),
        ]:
            conn.exec_driver_sql(sql, params)
    engine.dispose()


def test_0005_upgrades_a_database_with_people_and_records(db_path: Path) -> None:
    _database_at_0004(db_path)
    # A signature made at 0004 must still verify after the upgrade: sign before upgrading.
    database = open_database(db_path)  # upgrades to head
    with database.uow("test") as uow:
        dana = people.get_supervisor(uow, 1)
        assert (dana.name, dana.license_type, dana.license_number) == ("Dana Old", "LCPC", "180.1")
        assert dana.license_expires is None and dana.certification_expires is None
        assert dana.recovery_key_hash is None and dana.successor_id is None and dana.left_on is None
        assert people.get_supervisee(uow, 1).supervisor_id == 1
        assert supervisors.supervisor_history(uow, supervisee_id=1)[0].supervisor_name == "Dana Old"
        signing.sign(uow, supervisor_id=1, password=PASSWORD, record_ids=None)
    with database.uow("test") as uow:
        supervisors.edit_supervisor(uow, supervisor_id=1, license_expires="2027-06-30")
        result = supervisors.supervisor_leaves(uow, supervisor_id=1, successor_id=2)
        uow.commit()
        assert [m.supervisee_name for m in result.supervisees] == ["Ana Old"]
        assert signoff.verify(uow).ok
    database.close()
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        # The history is append-only, like the audit trail.
        triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert {"supervisor_change_append_only_update", "supervisor_change_append_only_delete"} <= triggers
        # Every record's table and trigger survived (the supervisor table was altered in place).
        assert {"supervision_session_final_update", "sign_off_append_only_delete"} <= triggers
    finally:
        conn.close()


def test_0005_downgrades_to_0004_keeping_people(db_path: Path) -> None:
    _database_at_0004(db_path)
    engine = make_engine(f"sqlite:///{db_path}")
    upgrade(engine)
    from alembic import command

    from supervisor_app.db import _alembic_config

    with engine.begin() as conn:
        config = _alembic_config(conn)
        command.downgrade(config, "0004")
    with engine.connect() as conn:
        columns = {r[1] for r in conn.exec_driver_sql("PRAGMA table_info(supervisor)")}
        names = [r[0] for r in conn.exec_driver_sql("SELECT name FROM supervisor ORDER BY id")]
        tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
    engine.dispose()
    assert "successor_id" not in columns and "license_expires" not in columns
    assert names == ["Dana Old", "Rafael Old"]
    assert "supervisor_change" not in tables
