"""A supervisee's first view reads by the supervisee's indexes, never a whole table (issue 19:
the set-aside amendments' "not voided" once built the list of every void in the file first,
~0.16 s of a 0.19 s first view at scale 1)."""

from __future__ import annotations

import sqlite3

from supervisor_app.services.canonical import among_ids
from supervisor_app.services.signoff import supervisee as supervisee_reads
from tests.conftest import World


def _plan(path: object, sql: str, params: tuple[object, ...]) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params)]
    finally:
        conn.close()


def test_superseded_records_are_found_without_scanning_the_links(world: World) -> None:
    own = among_ids(["e1", "e2"])
    conn = sqlite3.connect(":memory:")
    condition, params = own.where(conn, "supersedes_id")
    aside, aside_params = own.where(conn, "a.id")
    conn.close()
    sql = supervisee_reads._SUPERSEDED_SQL.format(entries=condition, aside=aside)
    plan = _plan(world.db.path, sql, (world.ana, *params, world.ana, *aside_params))
    scans = [step for step in plan if step.startswith("SCAN") and "json_each" not in step]
    assert scans == [], plan
