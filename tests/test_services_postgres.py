"""The first services on the agency database (a real PostgreSQL server started by the session:
tests/postgres.py), each giving the same result as on a laptop's SQLite file: the ``db``
fixture (and with it ``world``) is both, the app connected as its own role, not the owner."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from postgres import agency_url
from sqlalchemy import select
from sqlalchemy.dialects import sqlite as sqlite_dialect

from conftest import TODAY, World, experience_fields, session_fields
from supervisor_app.db import Database, open_database
from supervisor_app.models import AuditEvent
from supervisor_app.services import people
from supervisor_app.services.records import add_experience, add_session, delete_pending, list_records
from supervisor_app.services.supervisee_edits import update_supervisee
from supervisor_app.services.trails import FIELDS, row_hash
from supervisor_app.storage import DatabaseError

pytestmark = pytest.mark.backends


def comparable(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Listed records without what differs from one database to another (ids, times)."""
    drop = {"id", "created_at", "updated_at"}
    return [{k: v for k, v in row.items() if k not in drop} for row in rows]


# --------------------------------------------------------------------------------------------
# Opening


def test_the_agency_database_opens_without_a_file(db: Database) -> None:
    if db.is_postgres:
        assert db.path is None
        assert db.engine.dialect.name == "postgresql"
    else:
        assert db.path is not None and db.engine.dialect.name == "sqlite"


@pytest.mark.postgres
def test_a_database_not_at_head_is_refused_saying_to_run_init(postgres_server: Any) -> None:
    url = postgres_server.url(postgres_server.create_database())
    with pytest.raises(DatabaseError, match="runs init"):
        open_database(url)


@pytest.mark.postgres
def test_only_psycopg_urls_are_accepted(postgres_server: Any) -> None:
    with pytest.raises(DatabaseError, match=r"postgresql\+psycopg://"):
        open_database(postgres_server.url().replace("+psycopg", "+pg8000"))


def test_rows_reads_with_question_marks_on_both(world: World) -> None:
    with world.db.uow(reading=True) as uow:
        assert uow.rows("SELECT name FROM supervisee WHERE id = ?", (world.ana,)) == [("Ana Example",)]


def test_a_reading_unit_of_work_cannot_write(world: World) -> None:
    from sqlalchemy.exc import DBAPIError

    with world.db.uow(reading=True) as uow, pytest.raises(DBAPIError):
        people.get_supervisee(uow, world.ana).name = "Changed"
        uow.session.flush()


# --------------------------------------------------------------------------------------------
# People


def test_adding_an_agency_a_supervisor_and_a_supervisee(world: World) -> None:
    with world.uow() as uow:
        agency = people.get_or_create_agency(uow, name="North Office", phone="555-0100")
        supervisor = people.add_supervisor(uow, name="Nora North", credentials="CRSS", agency="North Office")
        supervisee = people.add_supervisee(
            uow, name="Nico North", credential="CRSS", start_date=TODAY, supervisor_id=supervisor.id
        )
        uow.commit()
    with world.db.uow(reading=True) as uow:
        assert people.get_agency(uow, agency.id).phone == "555-0100"
        assert people.get_supervisor(uow, supervisor.id).agency.name == "North Office"
        assert people.get_supervisee(uow, supervisee.id).supervisor_id == supervisor.id
        assert [s.name for s in people.list_supervisees(uow)] == [
            "Ana Example",
            "Ben Example",
            "Carla Núñez",
            "Nico North",
            "Petra Nowak",
        ]
        assert [s.name for s in people.list_supervisors(uow)] == [
            "Dana Whitaker",
            "Nora North",
            "Rafael Ortiz",
        ]


def test_editing_a_supervisee_is_audited(world: World) -> None:
    with world.uow() as uow:
        update_supervisee(
            uow, supervisee_id=world.ben, name="Benjamin Example", credential="CRSS", icb_id="B-9"
        )
        uow.commit()
    with world.db.uow(reading=True) as uow:
        assert people.get_supervisee(uow, world.ben).name == "Benjamin Example"
        events = uow.session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
        uow.session.expunge_all()
    edit = events[-1]
    assert edit.action == "edit" and "Benjamin Example" in edit.details and "B-9" in edit.details
    # One chain, each event hashed over its values as SQLite stores them, on both databases.
    assert [e.prev_hash for e in events[1:]] == [e.hash for e in events[:-1]]
    fields = list(FIELDS["audit_event"])
    stored = [getattr(edit, f) for f in fields]
    sqlite = sqlite_dialect.dialect()
    stored[fields.index("at")] = AuditEvent.__table__.c.at.type.dialect_impl(sqlite).bind_processor(sqlite)(
        edit.at
    )
    assert row_hash(edit.prev_hash, stored) == edit.hash


# --------------------------------------------------------------------------------------------
# Records


def test_pending_records_are_added_listed_and_deleted(world: World) -> None:
    with world.uow() as uow:
        session = add_session(uow, **session_fields(world))
        entry = add_experience(uow, **experience_fields(world))
        uow.commit()
    with world.db.uow(reading=True) as uow:
        sessions = list_records(uow, "session", supervisee_id=world.ana)
        entries = list_records(uow, "experience", supervisee_id=world.ana)
    assert [s["id"] for s in sessions] == [session.id]
    assert sessions[0]["status"] == "pending"
    assert sessions[0]["date"] == (TODAY - dt.timedelta(days=1)).isoformat()
    assert [e["id"] for e in entries] == [entry.id]
    assert comparable(sessions) == [
        {
            "supervisor_id": world.dana, "supervisee_ids": [world.ana],
            "date": (TODAY - dt.timedelta(days=1)).isoformat(), "start": "10:00", "minutes": 60,
            "format": "individual", "modality": "in-person", "site": "", "topics": "Boundaries and self-care",
            "allocations": {"advocacy": 30, "mentoring": 30}, "status": "pending",
            "replaced_by": None, "supersedes": None, "amendment_reason": "",
        }
    ]  # fmt: skip
    assert comparable(entries) == [
        {
            "supervisee_id": world.ana, "supervisor_id": world.dana,
            "from": (TODAY - dt.timedelta(days=30)).isoformat(), "to": (TODAY - dt.timedelta(days=24)).isoformat(),
            "setting": "Drop-in center", "kind": "paid", "minutes": 1800,
            "allocations": {"advocacy": 600, "recovery-support": 1200}, "status": "pending",
            "replaced_by": None, "supersedes": None, "amendment_reason": "",
        }
    ]  # fmt: skip
    with world.uow() as uow:
        delete_pending(uow, record_id=session.id)
        uow.commit()
    with world.db.uow(reading=True) as uow:
        assert list_records(uow, "session", supervisee_id=world.ana) == []
        assert len(list_records(uow, "experience")) == 1


def test_an_overlapping_session_is_refused_on_both(world: World) -> None:
    from supervisor_app.services.errors import DomainError

    with world.uow() as uow:
        add_session(uow, **session_fields(world))
        uow.commit()
    with world.uow() as uow, pytest.raises(DomainError, match="overlap"):
        add_session(uow, **session_fields(world, start="10:30", allocations={"advocacy": 60}))
    with world.uow() as uow:  # after it ends, the next one is fine
        add_session(uow, **session_fields(world, start="11:00", allocations={"advocacy": 60}))
        uow.commit()
    with world.db.uow(reading=True) as uow:
        assert sorted(r["start"] for r in list_records(uow, "session")) == ["10:00", "11:00"]


def test_the_window_says_when_the_agency_database_cannot_be_reached() -> None:
    from supervisor_app.usecases.opening import open_for_app

    with pytest.raises(DatabaseError, match="agency database cannot be reached"):
        open_for_app("postgresql+psycopg://supervisor_app@127.0.0.1:1/agency")  # nothing listens there


def test_two_test_agency_databases_are_two_databases(postgres_server: Any) -> None:
    """The test agency databases are copies of one template; each still has its own identity
    (chain id), as two agencies made by init have."""
    from supervisor_app.services.hours_files.file_format import chain_identity
    from supervisor_app.services.signoff.signing import dbapi

    chains = []
    for _copy in range(2):
        database = open_database(agency_url(postgres_server))
        try:
            with database.uow(reading=True) as uow:
                chains.append(chain_identity(dbapi(uow))[0])
        finally:
            database.close()
    assert chains[0] != chains[1]
