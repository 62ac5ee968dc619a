"""What keeps a big import fast without changing what it checks or writes: the reading
queries' plans, and the bulk writing path against the one-at-a-time one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import event

from conftest import TODAY, World, csv_bytes
from supervisor_app.services import import_format, people
from supervisor_app.usecases import transfer

COLUMNS = [*import_format.FIXED_COLUMNS, "advocacy", "mentoring", "recovery-support", "mentoring-education"]


def experience_row(who: str, weeks_back: int) -> dict[str, Any]:
    first = TODAY - dt.timedelta(weeks=weeks_back, days=2)
    return {"record": "experience", "supervisor": "Dana Whitaker", "supervisees": who, "kind": "paid",
            "from": first.isoformat(), "to": (first + dt.timedelta(days=1)).isoformat(), "advocacy": "600"}  # fmt: skip


def test_the_import_reads_without_automatic_indexes(world: World, tmp_path: Path) -> None:
    """SQLite's planner builds an automatic index over the whole experience table for the
    "set aside" subquery of the overlap query of many supervisees (2.2 s a chunk at scale 1);
    the import turns them off while it runs, and puts the setting back."""
    # The planner turns to the automatic index from a few dozen supervisees in one query.
    names = [f"Supervisee {n:02d}" for n in range(40)]
    with world.uow() as uow:
        for name in names:
            people.add_supervisee(uow, name=name, credential="CRSS", start_date=TODAY - dt.timedelta(days=90),
                                  supervisor_id=world.dana)  # fmt: skip
        uow.commit()
    rows = [experience_row(who, week) for week in range(1, 3) for who in names]
    path = tmp_path / "f.csv"
    path.write_bytes(csv_bytes(rows, COLUMNS))
    plans: list[str] = []

    def explain(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT") and not many:
            raw = conn.connection.dbapi_connection
            plan = raw.execute("EXPLAIN QUERY PLAN " + statement, parameters).fetchall()
            plans.append(" / ".join(str(step[-1]) for step in plan))

    event.listen(world.db.engine, "before_cursor_execute", explain)
    try:
        report = transfer.import_records(world.db, "test", path, today=TODAY)
    finally:
        event.remove(world.db.engine, "before_cursor_execute", explain)
    assert report.ok and report.committed and report.experience == 80, report.text()
    assert any("experience_entry" in p for p in plans)
    assert not [p for p in plans if "AUTOMATIC" in p]
    with world.uow() as uow:
        raw = uow.session.connection().connection.dbapi_connection
        assert raw.execute("PRAGMA automatic_index").fetchone()[0] == 1
