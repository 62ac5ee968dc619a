"""The import checks rows a chunk at a time and writes them in bulk: chunk boundaries, overlaps
and duplicates across chunks, and the same verdicts as adding the records one at a time."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event, func, select

from conftest import TODAY, World, csv_bytes, session_fields, snapshot
from supervisor_app.db import Database, open_database
from supervisor_app.models import AuditEvent, ExperienceEntry, SupervisionSession
from supervisor_app.services import import_format, importing, people, records
from supervisor_app.services.errors import DomainError
from supervisor_app.usecases import transfer

COLUMNS = [*import_format.FIXED_COLUMNS, "advocacy", "mentoring", "recovery-support", "mentoring-education"]
SLOTS = [f"{hour:02d}:00" for hour in range(7, 19)]  # twelve one-hour slots a day


def session_row(index: int, **overrides: Any) -> dict[str, Any]:
    """The index-th of many sessions that do not overlap: Dana and Ana, one hour each, twelve
    a day going back from yesterday."""
    row = {
        "record": "session",
        "supervisor": "Dana Whitaker",
        "supervisees": "Ana Example",
        "date": (TODAY - dt.timedelta(days=1 + index // len(SLOTS))).isoformat(),
        "start": SLOTS[index % len(SLOTS)],
        "minutes": "60",
        "format": "individual",
        "modality": "video",
        "topics": f"Session {index}",
        "advocacy": "30",
        "mentoring": "30",
    }
    row.update(overrides)
    return row


def write_csv(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_bytes(csv_bytes(rows, COLUMNS))
    return path


def run_import(db: Database, path: Path, **kwargs: Any) -> import_format.ImportReport:
    return transfer.import_records(db, "test", path, today=TODAY, **kwargs)


def count(db: Database, model: type) -> int:
    with db.uow() as uow:
        return uow.session.scalar(select(func.count()).select_from(model)) or 0


@pytest.fixture
def no_fsync(world: World) -> World:
    """Durability is not under test here; fsyncs would be most of the time."""
    event.listen(world.db.engine, "connect", lambda conn, _: conn.execute("PRAGMA synchronous = OFF"))
    world.db.engine.dispose()
    return world


# --------------------------------------------------------------------------------------------
# Chunk boundaries


def test_an_error_in_the_second_chunk_names_its_line_and_writes_nothing(
    no_fsync: World, tmp_path: Path
) -> None:
    world = no_fsync
    assert importing.IMPORT_CHUNK == 1000
    rows = [session_row(i) for i in range(1200)]
    rows[1000] = session_row(1000, minutes="sixty")  # the 1,001st row: line 1,002
    path = write_csv(tmp_path / "big.csv", rows)
    before = snapshot(world.db)

    report = run_import(world.db, path)

    assert [(e.line, e.column) for e in report.errors] == [(1002, "minutes")], report.text()
    assert "not a whole number" in report.errors[0].message
    assert not report.committed and report.record_ids == [] and report.sessions == 0
    assert snapshot(world.db) == before


def test_twelve_hundred_good_rows_are_all_written_with_their_audit_entries(
    no_fsync: World, tmp_path: Path
) -> None:
    world = no_fsync
    path = write_csv(tmp_path / "big.csv", [session_row(i) for i in range(1200)])

    report = run_import(world.db, path)

    assert report.ok and report.committed and report.sessions == 1200, report.text()
    assert len(set(report.record_ids)) == 1200
    assert count(world.db, SupervisionSession) == 1200
    with world.uow() as uow:
        created = uow.session.scalar(
            select(func.count()).where(
                AuditEvent.action == "create",
                AuditEvent.supervisee_id == world.ana,
                AuditEvent.record_id.is_not(None),
            )
        )
        assert created == 1200
        last = records.list_records(uow, "session", limit=1)[0]  # the newest: row 11, yesterday 18:00
        assert last["topics"] == "Session 11" and last["status"] == "pending"
        assert last["allocations"] == {"advocacy": 30, "mentoring": 30}
        assert last["start"] == "18:00" and last["supervisee_ids"] == [world.ana]


def test_an_overlap_with_a_row_of_an_earlier_chunk_names_that_line(no_fsync: World, tmp_path: Path) -> None:
    world = no_fsync
    rows = [session_row(i) for i in range(1200)]
    # Row 1,101 (line 1,102) moves onto row 0's slot (line 2), half an hour later, with Ben:
    # the same supervisor, so it overlaps.
    rows[1100] = session_row(0, start="07:30", supervisees="Ben Example", topics="clash")
    path = write_csv(tmp_path / "big.csv", rows)

    report = run_import(world.db, path)

    assert [e.line for e in report.errors] == [1102], report.text()
    yesterday = (TODAY - dt.timedelta(days=1)).isoformat()
    assert report.errors[0].message == (
        f"This overlaps another session for Dana Whitaker on {yesterday} at 07:00 (60 min, line 2 of this file)."
    )
    assert count(world.db, SupervisionSession) == 0


def test_an_overlap_with_the_database_names_the_record(no_fsync: World, tmp_path: Path) -> None:
    world = no_fsync
    with world.uow() as uow:
        existing = records.add_session(
            uow, **session_fields(world, supervisee_ids=[world.carla], date=TODAY - dt.timedelta(days=200),
                                  start="09:30")
        )  # fmt: skip
        uow.commit()
    rows = [session_row(i) for i in range(1100)]
    # Row 1,051 (line 1,052) gives Carla a session with Rafael at 09:00 on the day of Dana's.
    rows[1050] = session_row(1050, date=(TODAY - dt.timedelta(days=200)).isoformat(), start="09:00",
                             supervisees="Carla Núñez", supervisor="Rafael Ortiz")  # fmt: skip
    path = write_csv(tmp_path / "big.csv", rows)

    report = run_import(world.db, path)

    assert [(e.line, e.column) for e in report.errors] == [(1052, "start")], report.text()
    assert "overlaps another session for Carla Núñez" in report.errors[0].message
    assert f"record {existing.id[:8]}" in report.errors[0].message
    assert count(world.db, SupervisionSession) == 1


def test_experience_overlaps_within_the_file_and_with_the_database(no_fsync: World, tmp_path: Path) -> None:
    world = no_fsync
    with world.uow() as uow:
        records.add_experience(
            uow,
            supervisee_id=world.ben,
            supervisor_id=world.dana,
            period_start=TODAY - dt.timedelta(days=200),
            period_end=TODAY - dt.timedelta(days=190),
            allocations={"advocacy": 600},
        )
        uow.commit()

    def entry(who: str, first: int, last: int) -> dict[str, Any]:
        return {"record": "experience", "supervisor": "Dana Whitaker", "supervisees": who, "kind": "paid",
                "from": (TODAY - dt.timedelta(days=first)).isoformat(),
                "to": (TODAY - dt.timedelta(days=last)).isoformat(), "advocacy": "600"}  # fmt: skip

    rows: list[dict[str, Any]] = [session_row(i) for i in range(1000)]
    rows[10] = entry("Ana Example", 40, 30)  # line 12
    rows.append(entry("Ana Example", 35, 33))  # line 1,002: inside line 12's period
    rows.append(entry("Ben Example", 300, 195))  # line 1,003: reaches into the database's entry
    rows.append(entry("Ben Example", 30, 20))  # line 1,004: fine
    path = write_csv(tmp_path / "big.csv", rows)

    report = run_import(world.db, path)

    assert [(e.line, e.column) for e in report.errors] == [(1002, "from"), (1003, "from")], report.text()
    assert "Ana Example already has experience logged" in report.errors[0].message
    assert "(line 12 of this file)" in report.errors[0].message
    assert "Ben Example already has experience logged" in report.errors[1].message
    assert "of this file" not in report.errors[1].message


# --------------------------------------------------------------------------------------------
# Duplicates


def test_duplicates_within_a_chunk_across_chunks_and_of_the_database(no_fsync: World, tmp_path: Path) -> None:
    world = no_fsync
    with world.uow() as uow:
        existing = records.add_session(
            uow, **session_fields(world, date=TODAY - dt.timedelta(days=200), start="10:00")
        )
        uow.commit()
    rows = [session_row(i) for i in range(1200)]
    rows[5] = session_row(3, topics="typed twice")  # line 7 duplicates line 5, same chunk
    rows[1150] = session_row(10, modality="phone")  # line 1,152 duplicates line 12, across chunks
    rows[1160] = session_row(
        0, date=(TODAY - dt.timedelta(days=200)).isoformat(), start="10:00"
    )  # line 1,162
    path = write_csv(tmp_path / "big.csv", rows)

    report = run_import(world.db, path)

    assert report.ok and report.committed, report.text()
    assert [d.line for d in report.duplicates] == [7, 1152, 1162]
    assert "duplicates line 5" in report.duplicates[0].message
    assert "duplicates line 12" in report.duplicates[1].message
    assert f"already in the database as session {existing.id[:8]} (pending)" in report.duplicates[2].message
    assert report.sessions == 1197
    assert count(world.db, SupervisionSession) == 1198


def test_a_duplicate_is_skipped_even_if_it_would_break_a_rule(no_fsync: World, tmp_path: Path) -> None:
    """As before the bulk import: the duplicate check comes first (a retyped row is skipped)."""
    world = no_fsync
    rows = [session_row(0), session_row(0, modality="pigeon")]
    report = run_import(world.db, write_csv(tmp_path / "f.csv", rows))
    assert report.ok and [d.line for d in report.duplicates] == [3], report.text()


def test_a_dry_run_of_a_big_file_writes_nothing(no_fsync: World, tmp_path: Path) -> None:
    world = no_fsync
    path = write_csv(tmp_path / "big.csv", [session_row(i) for i in range(1200)])
    before = snapshot(world.db)
    report = run_import(world.db, path, dry_run=True)
    assert report.ok and not report.committed and report.sessions == 1200
    assert report.record_ids == []
    assert snapshot(world.db) == before


# --------------------------------------------------------------------------------------------
# The import agrees with adding the records one at a time


PEOPLE = ["Ana Example", "Ben Example", "Carla Núñez", "Petra Nowak", "Ivy Inactive"]
DOMAINS = ["advocacy", "mentoring", "recovery-support", "mentoring-education"]


@st.composite
def record_rows(draw: st.DrawFn) -> dict[str, Any]:
    """A session or experience row, valid or not in many ways (overlaps above all)."""
    allocations = {
        code: str(draw(st.sampled_from([15, 30, 45, 60, 0, -15, 20])))
        for code in draw(st.lists(st.sampled_from(DOMAINS), min_size=1, max_size=2, unique=True))
    }
    supervisor = draw(st.sampled_from(["Dana Whitaker", "Rafael Ortiz"]))
    if draw(st.integers(0, 3)):
        names = draw(st.lists(st.sampled_from(PEOPLE), min_size=1, max_size=3))
        hour = draw(st.one_of(st.none(), st.integers(8, 10)))
        return {
            "record": "session",
            "supervisor": supervisor,
            "supervisees": "; ".join(names),
            "date": (TODAY - dt.timedelta(days=draw(st.integers(-1, 3)))).isoformat(),
            "start": None if hour is None else f"{hour:02d}:{draw(st.sampled_from([0, 30])):02d}",
            "minutes": str(draw(st.sampled_from([30, 60, 90, 50]))),
            "format": draw(st.sampled_from(["individual", "group"])),
            "modality": draw(st.sampled_from(["video", "phone", "pigeon"])),
            **allocations,
        }
    first = TODAY - dt.timedelta(days=draw(st.integers(0, 20)))
    return {
        "record": "experience",
        "supervisor": supervisor,
        "supervisees": draw(st.sampled_from(PEOPLE)),
        "from": first.isoformat(),
        "to": (first + dt.timedelta(days=draw(st.integers(-1, 6)))).isoformat(),
        "kind": draw(st.sampled_from(["paid", "volunteer", "salary"])),
        # Whole hours. Not negative: the import checks an experience row's minutes before the rules
        # do, and words it "Minutes for advocacy" where the rules say "Minutes for Advocacy"
        # (as before the bulk import; the refused row is the same).
        **{k: str(abs(int(v)) * 60) if v.lstrip("-").isdigit() else v for k, v in allocations.items()},
    }


def one_at_a_time(db: Database, rows: list[dict[str, Any]]) -> tuple[list[tuple[int, str]], set[int], int]:
    """Each row through records.add_session / add_experience in turn (a refused row is left
    out, as the import leaves it out): (line, message) of each refusal, the lines of skipped
    duplicates, and the number added."""
    errors: list[tuple[int, str]] = []
    duplicates: set[int] = set()
    # The session already in the database (see the test): the import skips copies of it.
    keys: set[tuple[Any, ...]] = {
        ("Dana Whitaker", ("Ana Example",), (TODAY - dt.timedelta(days=1)).isoformat(), dt.time(9), "60")
    }
    lines_by_id: dict[str, int] = {}
    with db.uow("test") as uow:
        by_name = {p.name: p.id for p in people.list_supervisees(uow)}
        by_name.update({p.name: p.id for p in people.list_supervisors(uow)})
        for line, row in enumerate(rows, start=2):
            allocations = {k: row[k] for k in DOMAINS if row.get(k) and row[k] != "0"}
            names = row["supervisees"].split("; ")
            try:
                if row["record"] == "session":
                    start = dt.time.fromisoformat(row["start"]) if row["start"] else None
                    key: tuple[Any, ...] = (
                        row["supervisor"],
                        tuple(sorted(set(names))),
                        row["date"],
                        start,
                        row["minutes"],
                    )
                    if key in keys:
                        duplicates.add(line)
                        continue
                    record: Any = records.add_session(
                        uow, supervisor_id=by_name[row["supervisor"]], supervisee_ids=[by_name[n] for n in names],
                        date=row["date"], start=row["start"], minutes=row["minutes"], format=row["format"],
                        modality=row["modality"], allocations=allocations, today=TODAY,
                    )  # fmt: skip
                else:
                    key = (row["supervisees"], row["from"], row["to"])
                    if key in keys:
                        duplicates.add(line)
                        continue
                    record = records.add_experience(
                        uow, supervisee_id=by_name[names[0]], supervisor_id=by_name[row["supervisor"]],
                        period_start=row["from"], period_end=row["to"], allocations=allocations,
                        kind=row["kind"], today=TODAY,
                    )  # fmt: skip
            except DomainError as exc:
                errors.append((line, importing._file_lines(exc.message, lines_by_id)))
                continue
            keys.add(key)
            lines_by_id[record.id[:8]] = line
        added = len(lines_by_id)
        uow.session.rollback()
    return errors, duplicates, added


def test_bulk_checks_agree_with_one_at_a_time(empty_template: Path, tmp_path: Path) -> None:
    """Property: for any rows, the import refuses exactly the rows (and with the same words)
    that adding the same records one at a time in file order refuses."""
    path = tmp_path / "world.db"
    shutil.copy(empty_template, path)
    db = open_database(path)
    event.listen(db.engine, "connect", lambda conn, _: conn.execute("PRAGMA synchronous = OFF"))
    db.engine.dispose()
    with db.uow("test") as uow:
        dana = people.add_supervisor(uow, name="Dana Whitaker", credentials="CRSS", agency="A")
        rafael = people.add_supervisor(uow, name="Rafael Ortiz", credentials="CADC")
        start = TODAY - dt.timedelta(days=10)
        for name, credential in zip(PEOPLE, ["CRSS", "CRSS", "CRSS", "CPRS", "CRSS"], strict=True):
            person = people.add_supervisee(uow, name=name, credential=credential, start_date=start)
            if name == "Ivy Inactive":
                people.set_active(uow, supervisee_id=person.id, active=False)
            if name == "Carla Núñez":
                person.same_person_supervisor_id = rafael.id  # Rafael may not supervise Carla
        # Something already in the database to overlap and duplicate.
        records.add_session(uow, supervisor_id=dana.id, supervisee_ids=[1], date=TODAY - dt.timedelta(days=1),
                            start="09:00", minutes=60, format="individual", modality="video",
                            allocations={"advocacy": 60}, today=TODAY)  # fmt: skip
        uow.commit()
    before = snapshot(db)

    @settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(rows=st.lists(record_rows(), min_size=1, max_size=12))
    def agree(rows: list[dict[str, Any]]) -> None:
        expected_errors, expected_duplicates, added = one_at_a_time(db, rows)
        report = run_import(db, write_csv(tmp_path / "rows.csv", rows), dry_run=True)
        assert [(e.line, e.message) for e in report.errors] == expected_errors, report.text()
        assert {d.line for d in report.duplicates} == expected_duplicates, report.text()
        if not report.errors:
            assert report.sessions + report.experience == added
        assert snapshot(db) == before

    try:
        agree()
    finally:
        db.close()


def test_bulk_inserted_records_read_back_like_records_added_one_at_a_time(
    no_fsync: World, tmp_path: Path
) -> None:
    world = no_fsync
    rows = [
        session_row(0, supervisees="Ana Example; Ben Example; Carla Núñez", format="group",
                    advocacy="", mentoring="", **{"recovery-support": "60"}),
        session_row(1, start="", topics="no start time"),
        {"record": "experience", "supervisor": "Dana Whitaker", "supervisees": "Petra Nowak", "kind": "volunteer",
         "from": (TODAY - dt.timedelta(days=9)).isoformat(), "to": (TODAY - dt.timedelta(days=8)).isoformat(),
         "mentoring-education": "240", "setting": "Warm line"},
    ]  # fmt: skip
    report = run_import(world.db, write_csv(tmp_path / "f.csv", rows))
    assert report.ok and report.committed, report.text()
    with world.uow() as uow:
        sessions = {s["topics"]: s for s in records.list_records(uow, "session")}
        group = sessions["Session 0"]
        assert group["format"] == "group" and group["supervisee_ids"] == sorted(
            [world.ana, world.ben, world.carla]
        )
        assert group["allocations"] == {"recovery-support": 60} and group["status"] == "pending"
        assert sessions["no start time"]["start"] is None
        entry = records.list_records(uow, "experience")[0]
        assert (
            entry["supervisee_id"] == world.petra and entry["minutes"] == 240 and entry["kind"] == "volunteer"
        )
        assert entry["setting"] == "Warm line"
        # The ORM reads the bulk rows like any other: a pending record can be edited and deleted.
        records.update_session(
            uow, record_id=group["id"], **session_fields(world, date=TODAY - dt.timedelta(days=5))
        )
        records.delete_pending(uow, record_id=entry["id"])
        uow.commit()
        events = uow.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "create", AuditEvent.record_id.is_not(None))
        ).all()
        assert sorted(e.supervisee_id for e in events) == sorted(
            [world.ana, world.ben, world.carla, world.ana, world.petra]
        )
        assert all(e.actor == "test" and e.at.tzinfo is not None for e in events)
    assert count(world.db, ExperienceEntry) == 0
