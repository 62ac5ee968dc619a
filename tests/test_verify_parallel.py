# ruff: noqa: F811  (the "signed" fixture is imported from test_verify)
"""verify of the whole database in worker processes, and a supervisee's records read once:
the same problems, in the same order, as the single-process path on a tampered database."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from test_verify import CASES, Case, Signed, _params, signed, tamper  # noqa: F401  (signed: fixture)

from conftest import TODAY
from supervisor_app.db import Database
from supervisor_app.services import signoff
from supervisor_app.services.progress import supervisee_record_ids
from supervisor_app.services.signoff import checks, verification, workers
from supervisor_app.services.sums import sums_by_supervisee, sums_from_records

# A few kinds of edit, together: content, status, a deleted record, a repeated and a removed link.
SEVERAL = [
    "UPDATE supervision_session SET minutes = 120 WHERE id = :carla",
    "UPDATE experience_entry SET setting = 'Elsewhere' WHERE id = :experience",
    "UPDATE supervision_session SET status = 'pending' WHERE id = :ana",
    "DELETE FROM sign_off WHERE record_id = :amendment",
]


def _report(db: Database, **overrides: Any) -> tuple[signoff.VerifyReport, bool]:
    """verify() of the whole database, and whether worker processes hashed it."""
    used: list[bool] = []
    original = workers.Workers.collect

    def collect(self: workers.Workers, *args: Any) -> Any:
        handed_on = original(self, *args)  # False: the workers' chunks were thrown away
        used.append(handed_on)
        return handed_on

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(workers.Workers, "collect", collect)
        for name, value in overrides.items():
            for module in (workers, verification, checks):  # where the name is used
                if hasattr(module, name):
                    patch.setattr(module, name, value)
        with db.uow() as uow:
            report = signoff.verify(uow)
    return report, any(used)


def _single(db: Database) -> signoff.VerifyReport:
    report, parallel = _report(db, _PARALLEL_MIN_RECORDS=10**12)
    assert not parallel
    return report


@pytest.mark.parametrize(
    "case", [c for c in CASES if c.name in {c.name for c in CASES[::6]}], ids=lambda c: c.name
)
def test_workers_find_the_same_problems_in_the_same_order(signed: Signed, case: Case) -> None:
    world = signed.world
    tamper(world.db.path, *case.statements, **_params(signed))
    alone = _single(world.db)
    report, parallel = _report(world.db, _PARALLEL_MIN_RECORDS=0)
    assert parallel
    assert not alone.ok
    assert report.problems == alone.problems
    assert (report.records_checked, report.signatures_checked) == (
        alone.records_checked,
        alone.signatures_checked,
    )


@pytest.mark.parametrize("chunk", [1, 2, 3, 5])
def test_chunk_boundaries_change_nothing(signed: Signed, chunk: int) -> None:
    world = signed.world
    tamper(world.db.path, *SEVERAL, **_params(signed))
    alone = _single(world.db)
    assert len(alone.problems) >= 4
    small, _ = _report(world.db, _PARALLEL_MIN_RECORDS=10**12, VERIFY_CHUNK=chunk)
    assert small.problems == alone.problems
    report, parallel = _report(world.db, _PARALLEL_MIN_RECORDS=0, VERIFY_CHUNK=chunk)
    assert parallel
    assert report.problems == alone.problems
    assert report.records_checked == alone.records_checked


def test_a_clean_database_in_workers(signed: Signed) -> None:
    report, parallel = _report(signed.world.db, _PARALLEL_MIN_RECORDS=0)
    assert parallel
    assert report.ok and report.records_checked == 8 and report.signatures_checked == 8


def test_small_databases_and_subsets_are_hashed_in_process(signed: Signed) -> None:
    world = signed.world
    started: list[Any] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(workers, "Workers", lambda *a: started.append(a))
        with world.uow() as uow:
            assert signoff.verify(uow).ok  # 8 records: below _PARALLEL_MIN_RECORDS
            assert signoff.verify(uow, record_ids=[signed["ana"]]).ok
            patch.setattr(workers, "_PARALLEL_MIN_RECORDS", 0)
            assert signoff.verify(uow, record_ids=[signed["ana"]]).ok  # a subset: never
    assert started == []


def test_another_snapshot_in_the_workers_falls_back_to_this_process(signed: Signed) -> None:
    # The workers' snapshot differs from the verifying transaction's (a commit in between):
    # their digests are not used, and the report is the single-process one.
    world = signed.world
    tamper(world.db.path, *SEVERAL, **_params(signed))
    alone = _single(world.db)
    report, parallel = _report(
        world.db, _PARALLEL_MIN_RECORDS=0, snapshot_marker=lambda conn: ("not", "the", "same")
    )
    assert not parallel
    assert report.problems == alone.problems


def test_a_failing_worker_falls_back_to_this_process(signed: Signed, tmp_path: Any) -> None:
    world = signed.world
    tamper(world.db.path, *SEVERAL, **_params(signed))
    alone = _single(world.db)
    missing = str(tmp_path / "no-such-file.db")
    report, parallel = _report(world.db, _PARALLEL_MIN_RECORDS=0, database_file=lambda conn: missing)
    assert not parallel
    assert report.problems == alone.problems


def test_workers_need_a_file() -> None:
    import sqlite3

    conn = sqlite3.connect(":memory:")
    assert workers.database_file(conn) is None
    assert workers.start_workers(conn, 10**9) is None


# --------------------------------------------------------------------------------------------
# One supervisee's records, read once


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_supervisee_read_once_finds_what_verify_of_their_ids_finds(signed: Signed, case: Case) -> None:
    world = signed.world
    tamper(world.db.path, *case.statements, **_params(signed))
    for who in ("ana", "ben", "carla"):
        supervisee = getattr(world, who)
        with world.uow() as uow:
            by_ids = signoff.verify(uow, record_ids=supervisee_record_ids(uow, supervisee))
            once = signoff.read_supervisee(uow, supervisee).report
        # Reading by the supervisee also checks their pending records and every session that
        # lists them now, so it can only name more, never fewer.
        assert by_ids.bad_record_ids() <= once.bad_record_ids(), (who, by_ids.problems, once.problems)
        assert once.ok == (not once.problems)


def test_progress_sums_from_the_verified_rows_equal_the_sql_sums(demo_db: Database) -> None:
    with demo_db.uow() as uow:
        ids = [r[0] for r in uow.session.connection().exec_driver_sql("SELECT id FROM supervisee")]
        assert ids
        for supervisee in ids:
            for cutoff in (None, TODAY - dt.timedelta(days=3 * 365), TODAY - dt.timedelta(days=200)):
                records = signoff.require_supervisee_verified(uow, supervisee)
                from_rows = sums_from_records(records, supervisee, cutoff)
                assert from_rows is not None
                from_sql = sums_by_supervisee(uow, [supervisee], {supervisee: cutoff})[supervisee]
                # SQL hands back dates where the rows hold their stored text: both are read alike.
                count, first, last = from_sql.sessions
                from_sql.sessions = (count, _text(first), _text(last))
                assert from_rows == from_sql, supervisee


def _text(day: Any) -> Any:
    return day.isoformat() if isinstance(day, dt.date) else day


def test_form_figures_from_the_verified_rows_equal_the_sql_figures(demo_db: Database) -> None:
    from supervisor_app.services.attestation.figures import figures_from_rows, figures_from_sql

    with demo_db.uow() as uow:
        pairs = list(
            uow.session.connection().exec_driver_sql(
                "SELECT DISTINCT t.supervisee_id, s.supervisor_id FROM session_attendee t "
                "JOIN supervision_session s ON s.id = t.session_id"
            )
        )
        assert pairs
        ranges = [(None, None), (TODAY - dt.timedelta(days=400), None), (None, TODAY - dt.timedelta(days=90))]
        ranges.append((TODAY - dt.timedelta(days=300), TODAY - dt.timedelta(days=60)))
        for supervisee, supervisor in pairs:
            records = signoff.require_supervisee_verified(uow, supervisee)
            for start, end in ranges:
                where = {"supervisee_id": supervisee, "supervisor_id": supervisor, "start": start, "end": end}
                from_rows = figures_from_rows(records, **where)
                from_sql = figures_from_sql(uow, **where)
                assert from_rows is not None
                from_sql.per_format = {
                    fmt: (count, _text(first), _text(last))
                    for fmt, (count, first, last) in from_sql.per_format.items()
                }
                count, first, last = from_sql.experience
                from_sql.experience = (count, _text(first), _text(last))
                from_sql.experience_ids = sorted(from_sql.experience_ids)
                from_rows.experience_ids = sorted(from_rows.experience_ids)
                assert from_rows == from_sql, (supervisee, supervisor, start, end)


class _Messages:
    """A worker queue already holding what the workers said, in the order they said it."""

    def __init__(self, messages: list[tuple[Any, ...]]) -> None:
        self.messages = list(messages)

    def get(self, timeout: float) -> tuple[Any, ...]:
        return self.messages.pop(0)

    def close(self) -> None:
        pass


def _workers_saying(messages: list[tuple[Any, ...]]) -> workers.Workers:
    pool = object.__new__(workers.Workers)
    pool.marker = ("m",)
    pool.queue = _Messages(messages)  # type: ignore[assignment]
    pool.processes = []
    return pool


def test_chunks_are_handed_on_in_order_as_they_come_entries_waiting_for_the_sessions() -> None:
    session, entry = workers.Workers.KINDS
    said = [
        ("marker", entry, ("m",)),
        ("chunk", entry, ["e1"], ["signed"], "x"),
        ("marker", session, ("m",)),
        ("chunk", session, ["s1"], ["signed"], "x"),
        ("chunk", entry, ["e2"], ["signed"], "x"),
        ("done", entry),
        ("chunk", session, ["s2"], ["signed"], "x"),
        ("done", session),
    ]
    got: list[tuple[str, list[str]]] = []
    progress: list[int] = []
    assert _workers_saying(said).collect(
        lambda kind, chunk: got.append((kind, chunk[0])), lambda d, t: progress.append(d), 4
    )
    assert got == [(session, ["s1"]), (session, ["s2"]), (entry, ["e1"]), (entry, ["e2"])]
    assert progress == [1, 2, 3, 4]


def test_a_worker_on_another_snapshot_or_failing_makes_collect_say_so() -> None:
    session, entry = workers.Workers.KINDS
    assert not _workers_saying([("marker", session, ("other",))]).collect(lambda *a: None, None, 1)
    assert not _workers_saying(
        [("marker", session, ("m",)), ("chunk", session, ["s1"], ["signed"], "x"), ("error", entry, "boom")]
    ).collect(lambda *a: None, None, 1)
