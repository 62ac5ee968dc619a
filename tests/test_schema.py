"""The schema: built by migrations, equal to the models, upgraded on open, guarded against newer files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from conftest import snapshot
from supervisor_app.db import default_database_path, make_engine, open_database, resolve_database, upgrade
from supervisor_app.models import Base
from supervisor_app.storage import DatabaseError, head_revision


def _on_sqlite(obj, name, type_, reflected, compare_to) -> bool:  # type: ignore[no-untyped-def]
    """Alembic's include_object: the models' objects a SQLite file has (not an index declared
    ``ddl_if(dialect="postgresql")``, which only the agency database gets)."""
    only = getattr(obj, "_ddl_if", None)
    return reflected or only is None or only.dialect in (None, "sqlite")


def test_migrations_build_exactly_the_models(db_path: Path) -> None:
    database = open_database(db_path)
    with database.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True, "include_object": _on_sqlite})
        diff = compare_metadata(context, Base.metadata)
    database.close()
    assert diff == []
    postgresql_only = {
        index.name
        for table in Base.metadata.tables.values()
        for index in table.indexes
        if index._ddl_if is not None and index._ddl_if.dialect == "postgresql"
    }
    assert postgresql_only == {  # the agency list's totals (migration 0015); no others unnoticed
        "ix_sign_off_void",
        "ix_foreign_link_void",
        "ix_session_totals",
        "ix_session_allocation_totals",
        "ix_experience_totals",
        "ix_experience_allocation_totals",
    }


def test_an_older_database_is_upgraded_when_opened(db_path: Path) -> None:
    engine = make_engine(f"sqlite:///{db_path}")
    upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO agency (name, address, phone, created_at, updated_at) "
            "VALUES ('Old Agency', '', '', '2025-01-01 00:00:00', '2025-01-01 00:00:00')"
        )
    engine.dispose()
    database = open_database(db_path)
    with database.engine.connect() as conn:
        version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar_one()
        names = [r[0] for r in conn.exec_driver_sql("SELECT name FROM agency")]
        tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
    database.close()
    assert version == head_revision()
    assert names == ["Old Agency"]
    assert "attestation" in tables


def test_a_database_from_a_newer_version_is_refused_and_untouched(db_path: Path) -> None:
    open_database(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    before = snapshot(db_path)
    with pytest.raises(DatabaseError, match="newer version of supervisor_app"):
        open_database(db_path)
    assert snapshot(db_path) == before


def test_a_file_that_is_not_a_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"These are my notes, not a database." * 100)
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="not a supervisor_app database"):
        open_database(path)
    assert path.read_bytes() == before


def test_database_location_defaults_env_and_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_database(None) == f"sqlite:///{default_database_path()}"
    assert default_database_path().name == "supervisor.db"
    monkeypatch.setenv("SUPERVISOR_APP_DB", str(tmp_path / "env.db"))
    assert resolve_database(None) == f"sqlite:///{tmp_path / 'env.db'}"
    assert resolve_database(str(tmp_path / "flag.db")) == f"sqlite:///{tmp_path / 'flag.db'}"
    assert resolve_database("sqlite:///relative.db") == "sqlite:///relative.db"


def test_sqlite_is_set_up_for_safety(db) -> None:  # type: ignore[no-untyped-def]
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar_one() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar_one() >= 5000


def test_user_profile_override_is_used_by_the_database(tmp_path: Path, _isolated_data_dir: Path) -> None:
    from supervisor_app.resources import resource_path

    folder = _isolated_data_dir / "credentials"
    folder.mkdir()
    text = resource_path("credentials", "crss.toml").read_text(encoding="utf-8")
    (folder / "crss.toml").write_text(
        text.replace(
            'domain_min_hours = { value = 0, source = "not published by ICB"',
            'domain_min_hours = { value = 10, source = "Agency policy 2026"',
        ),
        encoding="utf-8",
    )
    database = open_database(tmp_path / "o.db")
    profile = database.profiles.get("CRSS")
    database.close()
    assert profile.overridden
    assert profile.supervision.domain_min_minutes.value == 600
    assert profile.supervision.domain_min_minutes.source == "Agency policy 2026"


def test_the_quick_revision_reader_agrees_with_alembic() -> None:
    from alembic.script import ScriptDirectory

    from supervisor_app.db import _alembic_config
    from supervisor_app.storage import known_revisions

    script = ScriptDirectory.from_config(_alembic_config(None))
    assert head_revision() == script.get_current_head()
    assert known_revisions() == {rev.revision for rev in script.walk_revisions()}


def test_a_long_read_does_not_block_a_writer(db) -> None:  # type: ignore[no-untyped-def]
    """A reading unit of work holds a snapshot, not the write lock."""
    from supervisor_app.services import people

    with db.uow("reader", reading=True) as reader:
        assert people.list_supervisors(reader) == []
        with db.uow("writer") as writer:  # would wait 10 s and fail if the reader held the lock
            people.add_supervisor(writer, name="Dana", credentials="CRSS")
            writer.commit()
        assert people.list_supervisors(reader) == []  # the reader's snapshot is stable
    with db.uow("reader", reading=True) as reader:
        assert [s.name for s in people.list_supervisors(reader)] == ["Dana"]
        with pytest.raises(Exception, match="attempt to write a readonly database"):
            people.add_supervisor(reader, name="Never", credentials="CRSS")
            reader.commit()


def test_a_supervisees_sign_and_void_events_are_read_from_the_index_alone(db) -> None:  # type: ignore[no-untyped-def]
    """Every progress view reads them (verification): one table page per event would cost a
    real trail ~5 ms per view at agency scale (benchmarks/README.md)."""
    from supervisor_app.services.signoff.supervisee import _SUPERVISEE_AUDITED_SQL

    with db.engine.connect() as conn:
        plan = " ".join(
            str(row[-1])
            for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {_SUPERVISEE_AUDITED_SQL}", (1,))
        )
        by_supervisee = " ".join(
            str(row[-1])
            for row in conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN SELECT id FROM audit_event WHERE supervisee_id = ? ORDER BY id DESC", (1,)
            )
        )
    assert "COVERING INDEX ix_audit_supervisee_action" in plan
    assert "ix_audit_supervisee_action" in by_supervisee  # the trail filtered by supervisee: no table scan
