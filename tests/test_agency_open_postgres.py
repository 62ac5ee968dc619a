"""Opening the agency database: its two checks (the schema revision, then
``agency_schema.differences``) read one snapshot on one read-only connection, so an open never
waits for a writer holding the write lock (``db.WRITE_LOCK``) and the schema check runs once
per open, not again in the proof cache's start of a transaction. On the session's real
PostgreSQL server."""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import quote

import pytest
from postgres import agency_url
from sqlalchemy import text
from sqlalchemy.engine import make_url

from supervisor_app import agency_schema
from supervisor_app.db import WRITE_LOCK, open_database
from supervisor_app.storage import DatabaseError

pytestmark = pytest.mark.postgres


def test_an_open_does_not_wait_for_the_write_lock(postgres_server: Any) -> None:
    url = agency_url(postgres_server)
    writer = open_database(url)
    try:
        with writer.engine.connect() as conn:
            conn.execute(text("SELECT 1"))  # its transaction holds the write lock until it ends
            held = conn.execute(
                text(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                    " AND pid = pg_backend_pid() AND (classid::bigint << 32) + objid::bigint = :key"
                ),
                {"key": WRITE_LOCK},
            ).scalar_one()
            assert held == 1
            # A short statement timeout: waiting for the lock fails in 2 s instead of 10.
            impatient = url + "?options=" + quote("-c statement_timeout=2000")
            began = time.perf_counter()
            opened = open_database(impatient)
            took = time.perf_counter() - began
            opened.close()
            assert took < 2
    finally:
        writer.close()


def test_the_schema_check_runs_once_per_open(postgres_server: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    url = agency_url(postgres_server)
    calls: list[Any] = []
    check = agency_schema.differences

    def counted(conn: Any) -> list[str]:
        calls.append(conn)
        return check(conn)

    monkeypatch.setattr(agency_schema, "differences", counted)
    db = open_database(url)
    try:
        assert len(calls) == 1
    finally:
        db.close()


@pytest.mark.parametrize(
    ("statement", "found"),
    [
        ("UPDATE alembic_version SET version_num = '0001'", "at schema revision 0001, not"),
        ("DROP TABLE alembic_version", "at schema revision none, not"),
    ],
)
def test_a_schema_not_at_head_is_refused_at_open(postgres_server: Any, statement: str, found: str) -> None:
    url = agency_url(postgres_server)
    name = make_url(url).database
    postgres_server.execute(statement, database=name)
    with pytest.raises(DatabaseError, match=found):
        open_database(url)


def test_an_unreachable_server_is_said_plainly() -> None:
    with pytest.raises(DatabaseError, match="The agency database cannot be reached"):
        open_database("postgresql+psycopg://supervisor_app@127.0.0.1:1/agency")  # nothing listens there
