"""The proof cache (services/verified.py) on both databases: what it remembers holds only as
long as nothing changed it, whoever made the change."""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

import pytest
from postgres import SUPERUSER
from sqlalchemy.engine import make_url

from conftest import PASSWORD, TODAY, World, session_fields, tamper
from supervisor_app.db import Database, open_database
from supervisor_app.services import records, verified
from supervisor_app.services.signoff import supervisee as supervisee_reads
from supervisor_app.usecases import signing

pytestmark = pytest.mark.backends


def _outside(db: Database, sql: str, params: tuple[Any, ...] = ()) -> None:
    """``sql`` committed by a connection that is not the app's (``?`` parameters)."""
    if db.path is not None:
        conn = sqlite3.connect(db.path)
        try:
            conn.execute(sql, params)
            conn.commit()
        finally:
            conn.close()
        return
    import psycopg

    with psycopg.connect(db.url.replace("postgresql+psycopg://", "postgresql://", 1)) as conn:
        conn.execute(sql.replace("?", "%s"), params)  # type: ignore[arg-type]


def _name(db: Database, supervisee_id: int, reads: list[int], *, reading: bool = True) -> str:
    """A supervisee's name, remembered through the proof cache (``reads``: one more for each
    time it was read from the database rather than from memory)."""
    with db.uow("test", reading=reading) as uow:
        known = verified.figures(uow, supervisee_id, "name")
        if known is not None:
            return str(known)
        reads.append(1)
        (name,) = uow.raw().execute("SELECT name FROM supervisee WHERE id = ?", (supervisee_id,)).fetchone()
        verified.remember_figures(uow, supervisee_id, "name", name)
        return str(name)


def test_a_change_from_another_connection_between_two_reads_is_seen(world: World) -> None:
    reads: list[int] = []
    assert _name(world.db, world.ana, reads) == "Ana Example"
    _outside(world.db, "UPDATE supervisee SET name = ? WHERE id = ?", ("Ana Changed", world.ana))
    assert _name(world.db, world.ana, reads) == "Ana Changed"
    assert _name(world.db, world.ana, reads, reading=False) == "Ana Changed"
    assert len(reads) == 2


def test_a_repeat_read_with_nothing_changed_comes_from_memory(world: World) -> None:
    reads: list[int] = []
    for _ in range(3):
        assert _name(world.db, world.ana, reads) == "Ana Example"
    assert _name(world.db, world.ana, reads, reading=False) == "Ana Example"  # the other engine
    assert len(reads) == 1


# --------------------------------------------------------------------------------------------
# Signed records: a supervisee's verification, remembered until something changes it


def _session(world: World, days_ago: int, supervisee: int | None = None) -> str:
    with world.uow() as uow:
        row = records.add_session(
            uow,
            **session_fields(
                world, date=TODAY - dt.timedelta(days=days_ago), supervisee_ids=[supervisee or world.ana]
            ),
        )
        uow.commit()
        return str(row.id)


def _sign_all(world: World, db: Database | None = None) -> None:
    with (db or world.db).uow("test") as uow:
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD)


@pytest.fixture
def signed(world: World) -> tuple[World, list[str]]:
    ids = [_session(world, d) for d in (30, 20, 10)]
    _sign_all(world)
    return world, ids


def _view(world: World, supervisee: int | None = None, *, reading: bool = False) -> Any:
    """A view of a supervisee's signed records: read and verified, or as remembered."""
    with world.db.uow("test", reading=reading) as uow:
        return supervisee_reads.read_supervisee(uow, supervisee or world.ana).report


def _count_checks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times a supervisee's records are read from the database (not from memory)."""
    calls: list[int] = []
    real = supervisee_reads._read_supervisee

    def counting(uow, supervisee_id, also, *, check):  # type: ignore[no-untyped-def]
        calls.append(supervisee_id)
        return real(uow, supervisee_id, also, check=check)

    monkeypatch.setattr(supervisee_reads, "_read_supervisee", counting)
    return calls


def _tamper(db: Database, table: str, sql: str, *, steps: int = 1, **params: Any) -> None:
    """Change ``table``'s rows as its owner could, its triggers off for the change and put back
    (on SQLite: as conftest.tamper, with sqlite3). On PostgreSQL, ``steps``: the disabling,
    the change and the enabling in one transaction, or each in its own."""
    if db.path is not None:
        tamper(db.path, sql, **params)
        return
    from sqlalchemy import create_engine, text

    owner = create_engine(make_url(db.url).set(username=SUPERUSER))
    statements = [f"ALTER TABLE {table} DISABLE TRIGGER ALL", sql, f"ALTER TABLE {table} ENABLE TRIGGER ALL"]
    try:
        if steps == 1:
            with owner.begin() as conn:
                for statement in statements:
                    conn.execute(text(statement), params)
        else:
            for statement in statements:
                with owner.begin() as conn:
                    conn.execute(text(statement), params)
    finally:
        owner.dispose()


@pytest.mark.parametrize("steps", [1, 3], ids=["one transaction", "three transactions"])
def test_a_tamper_between_two_views_of_a_supervisee_is_refused_at_the_second(
    signed: tuple[World, list[str]], monkeypatch: pytest.MonkeyPatch, steps: int
) -> None:
    world, ids = signed
    calls = _count_checks(monkeypatch)
    assert _view(world).ok
    assert _view(world).ok and _view(world, reading=True).ok
    assert calls == [world.ana]  # verified once, then remembered
    _tamper(
        world.db,
        "supervision_session",
        "UPDATE supervision_session SET minutes = 600 WHERE id = :id",
        steps=steps,
        id=ids[1],
    )
    report = _view(world)
    assert not report.ok
    assert ids[1] in str(report.problems)
    assert not _view(world, reading=True).ok  # and stays refused


def test_own_commits_forget_only_the_supervisees_they_touched(
    signed: tuple[World, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    world, _ids = signed
    assert _view(world).ok and _view(world, world.ben).ok
    calls = _count_checks(monkeypatch)
    _session(world, 4, world.ben)
    _sign_all(world)
    assert _view(world).ok and _view(world, world.ben).ok
    assert calls == [world.ben]
    # Another handle on the same database in this process is this process too.
    again = open_database(world.db.url if world.db.path is None else world.db.path)
    try:
        _session(world, 3, world.ben)
        _sign_all(world, again)
    finally:
        again.close()
    assert _view(world, reading=True).ok and _view(world, world.ben, reading=True).ok
    assert calls == [world.ben, world.ben]


def test_a_unit_of_work_that_wrote_neither_uses_nor_keeps_a_proof(
    signed: tuple[World, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """What it reads is not what anyone else sees (its change is not committed, and may never
    be), even when nothing tells the cache whose records it touched."""
    world, _ids = signed
    _view(world)
    calls = _count_checks(monkeypatch)
    with world.db.uow("test") as uow:
        uow.raw().execute("UPDATE supervisee SET position = ? WHERE id = ?", ("Peer specialist", world.carla))
        assert supervisee_reads.read_supervisee(uow, world.ana).report.ok
        assert supervisee_reads.read_supervisee(uow, world.ana).report.ok
    assert calls == [world.ana, world.ana]
    assert _view(world).ok  # rolled back: the proof made before still holds
    assert calls == [world.ana, world.ana]


@pytest.mark.parametrize("how", ["session", "core"])
def test_an_own_commit_that_does_not_say_whose_rows_it_changed_forgets_everything(
    signed: tuple[World, list[str]], monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """Through the ORM's session, or a Core connection of the unit of work (no session)."""
    world, _ids = signed
    _view(world)
    _view(world, world.ben)
    calls = _count_checks(monkeypatch)
    change = f"UPDATE supervisee SET position = 'Peer specialist' WHERE id = {world.carla}"
    with world.db.uow("test") as uow:
        if how == "session":
            uow.raw().execute(change)
        else:
            uow.connection().exec_driver_sql(change)
        uow.commit()
    _view(world)
    _view(world, world.ben)
    assert calls == [world.ana, world.ben]


def test_a_harmless_commit_by_another_connection_forgets_everything(
    signed: tuple[World, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    world, _ids = signed
    _view(world)
    _view(world, world.ben)
    calls = _count_checks(monkeypatch)
    _outside(world.db, "UPDATE supervisee SET position = ? WHERE id = ?", ("Peer specialist", world.carla))
    _view(world)
    _view(world, world.ben)
    assert calls == [world.ana, world.ben]


def _as_owner(db: Database, sql: str) -> None:
    from sqlalchemy import create_engine

    owner = create_engine(make_url(db.url).set(username=SUPERUSER))
    try:
        with owner.begin() as conn:
            conn.exec_driver_sql(sql)
    finally:
        owner.dispose()
