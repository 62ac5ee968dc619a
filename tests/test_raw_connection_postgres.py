"""``UnitOfWork.raw()``: plain SQL with ``?`` on both databases, the rows as SQLite returns them.

The same records, added through the services with the same ids on a SQLite file and on the
agency database (a real PostgreSQL server: tests/postgres.py), hash the same: content payloads
and digests (both versions, fast path and reference), and the fields a chain link covers."""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
import sqlite3
import types
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from postgres import agency_url

from conftest import PASSWORD, TODAY
from supervisor_app import db as db_module
from supervisor_app.db import Database, RawConnection, open_database, pyformat
from supervisor_app.models import SignOff
from supervisor_app.models import base as models_base
from supervisor_app.services import canonical, people
from supervisor_app.services.person_credentials import Person, add_credential
from supervisor_app.services.records import add_experience, add_session
from supervisor_app.services.signoff.signing import dbapi

SIGNED_AT = dt.datetime(2026, 3, 4, 5, 6, 7, 890123, tzinfo=dt.UTC)


@pytest.fixture
def same_ids(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Deterministic uuids (record ids, global ids): each backend restarts the same sequence."""

    def restart() -> None:
        counter = itertools.count(1)
        fake = types.SimpleNamespace(uuid4=lambda: uuid.UUID(int=next(counter)))
        monkeypatch.setattr(models_base, "uuid", fake)

    return restart


def populate(database: Database) -> list[str]:
    """Two supervisors, two supervisees, two sessions (one group) and an experience entry, the
    first session with a sign link; the record ids."""
    start = TODAY - dt.timedelta(days=500)
    with database.uow("test") as uow:
        dana = people.add_supervisor(uow, name="Dana Whitaker", credentials="CRSS", password=PASSWORD)
        rafael = people.add_supervisor(uow, name="Rafael Ortiz", credentials="CADC", password=PASSWORD)
        ana, ben = (
            people.add_supervisee(
                uow, name=name, credential="CRSS", start_date=start, supervisor_id=dana.id
            ).id
            for name in ("Ana Example", 'Ben "Quoted" Ñúñez')
        )
        for supervisor_id, kind in ((dana.id, "CRSS"), (rafael.id, "CADC")):
            add_credential(
                uow, person=Person(supervisor_id=supervisor_id), kind=kind, number="1",
                expires_on=TODAY + dt.timedelta(days=730),
            )  # fmt: skip
        yesterday = TODAY - dt.timedelta(days=1)
        one = add_session(
            uow, supervisor_id=dana.id, supervisee_ids=[ana], date=yesterday, start="10:00", minutes=60,
            format="individual", modality="in-person", allocations={"advocacy": 30, "mentoring": 30},
            topics="Boundaries, 100% \\ care",
        )  # fmt: skip
        two = add_session(
            uow, supervisor_id=dana.id, supervisee_ids=[ben, ana], date=yesterday, start="13:45", minutes=90,
            format="group", modality="video", allocations={"advocacy": 90}, topics="Group work",
        )  # fmt: skip
        entry = add_experience(
            uow, supervisee_id=ana, supervisor_id=dana.id, period_start=TODAY - dt.timedelta(days=30),
            period_end=TODAY - dt.timedelta(days=24), allocations={"recovery-support": 1200, "advocacy": 600},
            setting="Drop-in center", kind="paid",
        )  # fmt: skip
        uow.flush()
        uow.session.add(
            SignOff(
                seq=1, record_kind="session", record_id=one.id, action="sign", signer_id=dana.id,
                signed_at=SIGNED_AT, reason="", content_hash="c" * 64, prev_chain_hash="0" * 64,
                chain_hash="d" * 64,
            )
        )  # fmt: skip
        uow.commit()
        return [one.id, two.id, entry.id]


def read_batch(conn: Any, kind: str, ids: list[str]) -> canonical.Batch:
    """:func:`canonical.read_batch` but for the allocation items, read here as the regular ones
    read (``code=minutes``): its ``typeof()`` check is SQLite's, not the adapter's business."""
    table, column = canonical._ALLOCATION_TABLES[kind]
    items = f"SELECT {column}, domain_code || '=' || minutes FROM {table}"
    rows = canonical.select_in(conn, canonical.RECORD_SQL[kind], "id", ids)
    attendees = (
        canonical._grouped(canonical.select_in(conn, canonical._ATTENDEE_SQL, "session_id", ids))
        if kind == canonical.SESSION
        else {}
    )
    allocations = canonical._grouped(canonical.select_in(conn, items, column, ids))
    return canonical.Batch(kind, rows, attendees, allocations)


def hashes(database: Database, ids: list[str]) -> dict[str, Any]:
    """Everything hashed about these records, computed from ``uow.raw()``'s rows."""
    found: dict[str, Any] = {}
    with database.uow(reading=True) as uow:
        conn = uow.raw()
        hashing = canonical.hashing_for(conn)
        for kind in (canonical.SESSION, canonical.EXPERIENCE):
            batch = read_batch(conn, kind, ids)
            assert all(batch.allocations.values()) and len(batch.allocations) == len(batch.rows)
            if isinstance(conn, sqlite3.Connection):  # the same items as canonical reads
                assert batch.allocations == canonical.allocation_items(conn, kind, ids)
            for row in batch.rows:
                rid = row[0]
                attendees, allocations = batch.attendees.get(rid, []), batch.allocations.get(rid, [])
                found[rid] = {
                    "row": row,
                    "v1": canonical.content_payload(kind, row, attendees, allocations),
                    "v2": canonical.content_payload_v2(kind, row, attendees, allocations, hashing),
                    "reference": [batch.reference_text(row), batch.reference_text(row, hashing)],
                }
            fast_v1 = canonical.content_texts(batch, batch.rows)
            fast_v2 = canonical.content_texts(batch, batch.rows, hashing=hashing)
            digests = canonical.content_digests(batch, hashing)
            for row, t1, t2, digest in zip(batch.rows, fast_v1, fast_v2, digests, strict=True):
                assert [t1, t2] == found[row[0]]["reference"]  # the fast path agrees with the reference
                found[row[0]]["digest"] = digest
                found[row[0]]["digests_v1_v2"] = canonical.hex_digests([t1, t2])
        links = canonical.query_rows(conn, canonical.SIGN_OFF_SQL + " ORDER BY seq")
        for link in links:
            fields = tuple(canonical.link_fields(*link[:9]))
            found.setdefault(link[3], {})["link"] = (fields, canonical.link_texts([link]))
            assert canonical.link_texts([link]) == [canonical.to_json(list(fields))]
    return found


@pytest.fixture
def both(
    same_ids: Any, db_path: Path, empty_template: Path, postgres_server: Any
) -> Iterator[tuple[dict[str, Any], dict[str, Any], list[str], Database, Database]]:
    """The same records on a SQLite file and on the agency database."""
    shutil.copy(empty_template, db_path)
    lite = open_database(db_path)
    agency = open_database(agency_url(postgres_server))
    try:
        same_ids()
        ids = populate(lite)
        same_ids()
        assert populate(agency) == ids
        yield hashes(lite, ids), hashes(agency, ids), ids, lite, agency
    finally:
        lite.close()
        agency.close()


# --------------------------------------------------------------------------------------------
# SQLite: the driver connection itself


def test_on_sqlite_raw_is_the_driver_connection(db: Database) -> None:
    with db.uow(reading=True) as uow:
        conn = uow.raw()
        assert isinstance(conn, sqlite3.Connection)
        assert conn is uow.session.connection().connection.driver_connection
        assert dbapi(uow) is conn


def test_question_marks_become_pyformat_and_a_percent_is_kept() -> None:
    assert pyformat("SELECT '100%' WHERE id = ? AND x LIKE 'a%'") == (
        "SELECT '100%%' WHERE id = %s AND x LIKE 'a%%'"
    )
    assert pyformat("SELECT ?") is pyformat("SELECT ?")  # cached per SQL string


def test_values_read_as_sqlite_returns_them() -> None:
    from decimal import Decimal

    row = (
        dt.date(2026, 1, 2), dt.time(9, 5), dt.datetime(2026, 1, 2, 3, 4, 5, 6),
        dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.timezone(dt.timedelta(hours=2))),
        Decimal("60"), Decimal("1.5"), True, "text", None, 7,
    )  # fmt: skip
    assert db_module.as_sqlite_row(row) == (
        "2026-01-02", "09:05:00.000000", "2026-01-02 03:04:05.000006", "2026-01-02 01:04:05.000000",
        60, 1.5, 1, "text", None, 7,
    )  # fmt: skip


# --------------------------------------------------------------------------------------------
# Both: the same hashes


@pytest.mark.postgres
def test_the_same_records_hash_the_same_on_both(both: Any) -> None:
    lite, agency, ids, _lite_db, _agency_db = both
    assert set(ids) <= set(lite) and set(lite) == set(agency)
    for rid in ids:
        assert agency[rid] == lite[rid], rid
    # Each kind of value went through: a date, a time, a timestamp (the link's signed_at).
    session = lite[ids[0]]
    assert session["row"][3] == (TODAY - dt.timedelta(days=1)).isoformat()
    assert session["row"][4] == "10:00:00.000000"
    assert session["link"][0][6] == "2026-03-04 05:06:07.890123"


@pytest.mark.postgres
def test_raw_rows_are_equal_on_both(both: Any) -> None:
    _lite, _agency, ids, lite_db, agency_db = both
    sql = (
        "SELECT id, date, start_time, minutes, CAST(minutes AS NUMERIC), minutes > 30, '100%' "
        "FROM supervision_session WHERE id = ?"
    )
    rows = {}
    for name, database in (("sqlite", lite_db), ("postgres", agency_db)):
        with database.uow(reading=True) as uow:
            conn = uow.raw()
            assert isinstance(conn, RawConnection) == (name == "postgres")
            rows[name] = conn.execute(sql, (ids[0],)).fetchall()
            assert conn.execute(sql, (ids[0],)).fetchone() == rows[name][0]
            assert list(conn.execute(sql, (ids[0],))) == rows[name]
            assert conn.execute("SELECT signed_at FROM sign_off WHERE seq = ?", (1,)).fetchall() == [
                ("2026-03-04 05:06:07.890123",)
            ]
    yesterday = (TODAY - dt.timedelta(days=1)).isoformat()
    assert rows["postgres"] == rows["sqlite"] == [(ids[0], yesterday, "10:00:00.000000", 60, 60, 1, "100%")]


@pytest.mark.postgres
def test_a_value_the_adapter_does_not_convert_breaks_the_parity(
    same_ids: Any, postgres_server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The guard works: without the date conversion, the agency database's payloads differ."""
    agency = open_database(agency_url(postgres_server))
    try:
        same_ids()
        ids = populate(agency)
        right = hashes(agency, ids)
        monkeypatch.delitem(db_module._AS_SQLITE, dt.date)
        with pytest.raises((AssertionError, TypeError)):
            assert hashes(agency, ids) == right
    finally:
        agency.close()
