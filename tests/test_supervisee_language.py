"""A supervisee's language (issue 21): the language of their progress statement and review
mode, kept per supervisee (None: as the app), set by the services and the command line, added
in place by migration 0012 on a database with people and signed records, and never part of
anyone's signed identity."""

from __future__ import annotations

import datetime as dt
import io
import json
import sqlite3
from pathlib import Path

import pytest

from conftest import PASSWORD, TODAY, session_fields, snapshot
from supervisor_app import i18n
from supervisor_app.cli import main
from supervisor_app.db import make_engine, open_database, upgrade
from supervisor_app.services import auth, people, records, signatures, signoff
from supervisor_app.services.errors import DomainError
from supervisor_app.services.supervisee_edits import update_supervisee
from supervisor_app.usecases import signing

STAMP = "2025-01-01 00:00:00"


def _language(world, supervisee_id: int) -> str | None:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        return people.get_supervisee(uow, supervisee_id).language


def test_a_new_supervisee_follows_the_app_unless_given_a_language(world) -> None:  # type: ignore[no-untyped-def]
    assert _language(world, world.ana) is None
    with world.uow() as uow:
        lucia = people.add_supervisee(uow, name="Lucía Ramos", credential="CRSS", language="es")
        uow.commit()
        lucia_id = lucia.id
    assert _language(world, lucia_id) == "es"


def test_an_edit_sets_and_clears_the_language_and_logs_it(world) -> None:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        update_supervisee(
            uow,
            supervisee_id=world.ana,
            name="Ana Example",
            credential="CRSS",
            icb_id="A-0",
            start_date=TODAY - dt.timedelta(days=500),
            language="ES",
        )
        uow.commit()
    assert _language(world, world.ana) == "es"
    with world.uow() as uow:
        update_supervisee(
            uow,
            supervisee_id=world.ana,
            name="Ana Example",
            credential="CRSS",
            icb_id="A-0",
            start_date=TODAY - dt.timedelta(days=500),
            language="app",
        )
        uow.commit()
    assert _language(world, world.ana) is None


def test_an_unknown_language_is_refused_and_nothing_changes(world) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(world.db)
    with world.uow() as uow, pytest.raises(DomainError) as refused:
        people.add_supervisee(uow, name="Lucía Ramos", credential="CRSS", language="fr")
    assert refused.value.code == "supervisee.language_unknown" and refused.value.field == "language"
    assert "en, es, app" in str(refused.value)
    assert snapshot(world.db) == before
    with i18n.using("es"):
        with pytest.raises(DomainError) as refused:
            people.check_language("fr")
    assert "No hay idioma" in str(refused.value)


def test_the_language_is_not_part_of_the_signed_identity(world) -> None:  # type: ignore[no-untyped-def]
    assert "language" not in signatures.SUPERVISEE_FIELDS
    with world.uow() as uow:
        records.add_session(uow, **session_fields(world))
        uow.commit()
    with world.uow() as uow:
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=None)
        uow.commit()
    with world.uow() as uow:
        update_supervisee(
            uow,
            supervisee_id=world.ana,
            name="Ana Example",
            credential="CRSS",
            icb_id="A-0",
            start_date=TODAY - dt.timedelta(days=500),
            language="es",
        )
        uow.commit()
    with world.uow() as uow:
        assert signoff.verify(uow).ok


# --------------------------------------------------------------------------------------------
# The command line


def _cli(world, capsys, *argv: object) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    capsys.readouterr()
    code = main(["--db", str(world.db.path), *[str(a) for a in argv]])
    out, err = capsys.readouterr()
    assert "Traceback" not in err, err
    return code, out, err


def test_the_cli_adds_and_edits_a_supervisees_language(world, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, out, err = _cli(
        world,
        capsys,
        "supervisee",
        "add",
        "--name",
        "Lucía Ramos",
        "--credential",
        "CRSS",
        "--language",
        "es",
    )
    assert code == 0, err
    assert _language(world, int(out.strip())) == "es"
    code, out, err = _cli(world, capsys, "supervisee", "edit", world.ana, "--language", "es")
    assert code == 0, err
    assert "language: (none) -> 'es'" in out
    assert _language(world, world.ana) == "es"
    code, out, err = _cli(world, capsys, "--json", "supervisee", "edit", world.ana, "--language", "app")
    assert code == 0, err
    assert json.loads(out)["language"] is None
    assert _language(world, world.ana) is None


def test_the_cli_refuses_an_unknown_language_and_writes_nothing(world, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    before = snapshot(world.db)
    code, out, err = _cli(world, capsys, "supervisee", "edit", world.ana, "--language", "klingon")
    assert code == 2 and out == ""
    assert "klingon" in err
    code, out, err = _cli(
        world,
        capsys,
        "supervisee",
        "add",
        "--name",
        "Lucía Ramos",
        "--credential",
        "CRSS",
        "--language",
        "fr",
    )
    assert code == 2 and out == ""
    assert snapshot(world.db) == before


# --------------------------------------------------------------------------------------------
# Migration 0012


def _database_at_0011(path: Path) -> None:
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine, "0011")
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
                "INSERT INTO supervisee (id, agency_id, supervisor_id, name, icb_id, credential, position, "
                "start_date, active, created_at, updated_at) VALUES (1, 1, 1, 'Ana Old', 'A-9', 'CRSS', '', '2024-01-01', 1, ?, ?)",
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


def test_0012_adds_the_language_to_a_database_with_people_and_records(db_path: Path) -> None:
    _database_at_0011(db_path)
    database = open_database(db_path)  # upgrades to head
    with database.uow("test") as uow:
        ana = people.get_supervisee(uow, 1)
        assert (ana.name, ana.icb_id, ana.credential, ana.language) == ("Ana Old", "A-9", "CRSS", None)
        from supervisor_app.services.person_credentials import Person, add_credential

        add_credential(
            uow,
            person=Person(supervisor_id=1),
            kind="CRSS",
            number="5100",
            expires_on=TODAY + dt.timedelta(days=730),
        )
        uow.commit()
    with database.uow("test") as uow:
        signing.sign(uow, supervisor_id=1, password=PASSWORD, record_ids=None)
        uow.commit()
    with database.uow("test") as uow:
        update_supervisee(
            uow,
            supervisee_id=1,
            name="Ana Old",
            credential="CRSS",
            icb_id="A-9",
            start_date=dt.date(2024, 1, 1),
            language="es",
        )
        uow.commit()
    with database.uow("test") as uow:
        assert people.get_supervisee(uow, 1).language == "es"
        assert signoff.verify(uow).ok
    database.close()
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert {"supervision_session_final_update", "sign_off_append_only_delete"} <= triggers
    finally:
        conn.close()


def test_0012_downgrades_to_0011_keeping_people(db_path: Path) -> None:
    _database_at_0011(db_path)
    engine = make_engine(f"sqlite:///{db_path}")
    upgrade(engine)
    from alembic import command

    from supervisor_app.db import _alembic_config

    with engine.begin() as conn:
        command.downgrade(_alembic_config(conn), "0011")
    with engine.connect() as conn:
        columns = {r[1] for r in conn.exec_driver_sql("PRAGMA table_info(supervisee)")}
        names = [r[0] for r in conn.exec_driver_sql("SELECT name FROM supervisee")]
    engine.dispose()
    assert "language" not in columns and names == ["Ana Old"]
