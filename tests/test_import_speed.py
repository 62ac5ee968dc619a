"""What keeps a big import fast without changing what it checks or writes: the reading
queries' plans, and the bulk writing path against the one-at-a-time one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import event

from conftest import TODAY, World, csv_bytes
from supervisor_app import i18n
from supervisor_app.services import audit, import_format, people, records, trails
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


def test_a_bad_date_is_named_by_its_label_in_the_current_language(world: World, tmp_path: Path) -> None:
    """The import translates a date column's label only for a text it has not parsed before;
    the refusal still names the column in the language in use, on every row that holds it."""
    rows = [experience_row("Ana Example", 1), experience_row("Ben Example", 2)]
    rows[0]["from"] = rows[1]["from"] = "2026-13-01"
    path = tmp_path / "f.csv"
    path.write_bytes(csv_bytes(rows, COLUMNS))
    with i18n.using("es"):
        report = transfer.import_records(world.db, "test", path, today=TODAY)
    assert [(e.line, e.column) for e in report.errors] == [(2, "from"), (3, "from")], report.text()
    assert all(e.message.startswith("Fecha inicial '2026-13-01' no es una fecha") for e in report.errors), (
        report.text()
    )
    assert not report.committed


@pytest.mark.backends
def test_an_imports_events_chain_like_one_at_a_time(world: World, tmp_path: Path) -> None:
    """The import's create events, written a column at a time, are those adding the records
    one at a time writes (one per supervisee of each record, the same details), and the
    chain over them checks whole, on the file and on the agency database."""
    sessions = [
        {"record": "session", "supervisor": "Dana Whitaker", "supervisees": "Ana Example; Ben Example; Carla Núñez",
         "date": (TODAY - dt.timedelta(days=day)).isoformat(), "start": "09:00", "minutes": "60", "format": "group",
         "modality": "video", "recovery-support": "60"}
        for day in range(1, 6)
    ]  # fmt: skip
    rows = [*sessions, *(experience_row("Petra Nowak", week) for week in range(1, 4))]
    path = tmp_path / "f.csv"
    path.write_bytes(csv_bytes(rows, COLUMNS))
    report = transfer.import_records(world.db, "test", path, today=TODAY)
    assert report.ok and report.committed and report.sessions == 5 and report.experience == 3, report.text()
    with world.uow() as uow:
        found = {
            (e.record_id, e.supervisee_id, e.details)
            for e in audit.list_events(uow)
            if e.action == audit.AuditAction.CREATE and e.record_id is not None
        }
        expected = set()
        for listed in records.list_records(uow, "session"):
            details = audit.details_text({"kind": "session", "date": listed["date"], "minutes": 60})
            expected |= {(listed["id"], i, details) for i in listed["supervisee_ids"]}
        for listed in records.list_records(uow, "experience"):
            details = audit.details_text(
                {
                    "kind": "experience",
                    "from": listed["from"],
                    "to": listed["to"],
                    "minutes": 600,
                }
            )
            expected.add((listed["id"], world.petra, details))
        assert len(expected) == 18 and found == expected
        assert trails.check_chain(uow.raw(), trails.AUDIT) == []


# --------------------------------------------------------------------------------------------
# The audit trail's hashes, a column at a time

TEXTS = st.one_of(
    st.none(),
    st.text(),
    st.sampled_from(['q"uote', "back\\slash", "nul\x00", "\\u0000", "\udcff", "2026-12-05 06:00:00.000000"]),
)
INTEGERS = st.one_of(st.none(), st.integers())
ANYTHING = st.one_of(TEXTS, INTEGERS, st.floats(allow_nan=False), st.booleans(), st.binary(max_size=4))


@settings(max_examples=300, deadline=None)
@given(prev=st.one_of(st.just(trails.GENESIS), st.text()), data=st.data())
def test_chain_hashes_equal_the_reference_text_row_by_row(prev: str, data: st.DataObject) -> None:
    """The chain hashes an import's events a column at a time (a column of text, or of
    integers, spelled in one go); each hash is still that of :func:`trails.row_text`, the
    format's reference, whatever the values (JSON escapes, a lone surrogate, a NUL, integers,
    reals, booleans, blobs, nulls)."""
    kinds = data.draw(st.lists(st.sampled_from([TEXTS, INTEGERS, ANYTHING]), min_size=1, max_size=7))
    count = data.draw(st.integers(0, 6))
    columns = [data.draw(st.lists(kind, min_size=count, max_size=count)) for kind in kinds]
    rows = [list(values) for values in zip(*columns, strict=True)]
    expected, link = [], prev
    for values in rows:
        link = trails.row_hash(link, values)
        expected.append(link)
    assert trails.chain_hashes(prev, rows) == expected
