"""A few supervisees' totals on SQLite ("Only mine", a chunk of the list, a progress view
without the check) read their own records by the indexes, never a whole table (issue 19's
regression: the sets of amended, voided and set-aside records were read over the whole file,
2.6 s for one supervisee at scale 1, SQLite building an index over every record for the
set-aside amendments)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

from conftest import PASSWORD, TODAY, World, experience_fields, session_fields
from supervisor_app.services import records, sums, verified
from supervisor_app.usecases import signing

# What a few supervisees' totals may read whole: their own rows, kept in the query's CTEs.
_OWN = {"chosen", "t", "gone", "waiting"}


def _records(world: World) -> None:
    """Signed sessions and entries of Ana, Ben and Carla, one of each voided and one amended
    (the amendment signed), and a pending one: every set the totals leave out has a row."""
    with world.db.uow("test") as uow:
        day = TODAY - dt.timedelta(days=3)
        signed = [
            records.add_session(
                uow, **session_fields(world, supervisee_ids=[world.ana, world.ben], format="group", date=day)
            ).id,
            records.add_session(uow, **session_fields(world, date=day - dt.timedelta(days=7))).id,
            records.add_session(
                uow, **session_fields(world, supervisee_ids=[world.carla], date=day, start="13:00")
            ).id,
            records.add_experience(uow, **experience_fields(world)).id,
            records.add_experience(
                uow,
                **experience_fields(
                    world,
                    period_start=TODAY - dt.timedelta(days=20),
                    period_end=TODAY - dt.timedelta(days=14),
                ),
            ).id,
        ]
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=signed)
        for record_id in (signed[1], signed[4]):
            signing.void(
                uow, record_id=record_id, supervisor_id=world.dana, password=PASSWORD, reason="Entered twice"
            )
        records.amend_record(
            uow, record_id=signed[0], reason="Wrong length", minutes=90, allocations={"mentoring": 90}
        )
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD)
        records.add_session(uow, **session_fields(world, start="16:00"))
        uow.commit()


def _sent(world: World, ids: list[int], *, everyone: bool = False) -> list[str]:
    """Every statement ``sums_by_supervisee`` sends for ``ids`` (with their values bound); the
    connection's automatic indexes are on again afterwards."""
    sent: list[str] = []
    verified.forget_all()
    with world.db.uow("test", reading=True) as uow:
        conn = uow.raw()
        assert isinstance(conn, sqlite3.Connection)
        conn.set_trace_callback(sent.append)
        try:
            found = sums.sums_by_supervisee(uow, ids, {}, everyone=everyone)
        finally:
            conn.set_trace_callback(None)
        assert conn.execute("PRAGMA automatic_index").fetchone()[0] == 1
    assert sorted(found) == sorted(ids)
    return sent


def _is_totals(sql: str) -> bool:
    return sql.lstrip().upper().startswith("WITH")


def _totals_queries(world: World, ids: list[int], *, everyone: bool = False) -> list[str]:
    """The totals queries ``sums_by_supervisee`` sends for ``ids`` (with their values bound)."""
    return [sql for sql in _sent(world, ids, everyone=everyone) if _is_totals(sql)]


def _whole_reads(path: Any, sql: str) -> list[str]:
    """The steps of ``sql``'s plan that read a table whole, or build an index over one."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        plan = [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql)]
    finally:
        conn.close()
    return [
        step
        for step in plan
        if (step.startswith("SCAN ") and step.split()[1] not in _OWN) or "AUTOMATIC" in step
    ]


def test_a_few_supervisees_totals_read_only_their_own_records(world: World) -> None:
    _records(world)
    for ids in ([world.ana], [world.ana, world.ben, world.carla]):
        queries = _totals_queries(world, ids)
        assert len(queries) == 3, queries  # session totals, session spans, experience totals
        for sql in queries:
            assert _whole_reads(world.db.path, sql) == [], sql


def test_the_whole_agencys_totals_still_read_each_set_once(world: World) -> None:
    """The other side of the switch: the whole agency's totals read every void link once
    (one pass over the file), not probed supervisee by supervisee."""
    _records(world)
    queries = _totals_queries(world, [world.ana, world.ben], everyone=True)
    assert len(queries) == 3, queries
    for sql in queries:
        assert any(step.startswith("SCAN sign_off") for step in _whole_reads(world.db.path, sql)), sql


def test_the_whole_agencys_totals_run_without_automatic_indexes(world: World) -> None:
    """On SQLite the whole agency's totals turn automatic indexes off (their "set aside"
    subquery made SQLite index every record again on each query, about 7 CPU s of 19 at scale 1)
    and put the setting back afterwards; a few supervisees' totals leave it alone."""
    _records(world)
    for everyone in (True, False):
        sent = _sent(world, [world.ana, world.ben], everyone=everyone)
        totals = [i for i, sql in enumerate(sent) if _is_totals(sql)]
        switches = [i for i, sql in enumerate(sent) if "automatic_index =" in sql]
        assert len(totals) == 3, sent
        if everyone:
            assert len(switches) == 2 and "OFF" in sent[switches[0]], sent
            assert switches[0] < min(totals) and switches[1] > max(totals), sent
        else:
            assert switches == [], sent
