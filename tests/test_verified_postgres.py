"""The proof cache (services/verified.py) on both databases: what it remembers holds only as
long as nothing changed it, whoever made the change."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest

from conftest import World
from supervisor_app.db import Database
from supervisor_app.services import verified

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
