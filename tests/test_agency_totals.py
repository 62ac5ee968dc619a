"""The whole agency's list: running totals per supervisee and domain, kept in memory and exact
after every sign, void, amend, import and edit (issue 19), and each row verified."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import PASSWORD, TODAY, csv_bytes, tamper
from supervisor_app.db import Database, open_database
from supervisor_app.services import import_format, overview, people, records
from supervisor_app.services.errors import DomainError
from supervisor_app.services.progress import compute_progress
from supervisor_app.usecases import signing, transfer

DOMAINS = ["advocacy", "mentoring", "recovery-support"]
COLUMNS = [*import_format.FIXED_COLUMNS, *DOMAINS]


def _figures(row) -> tuple[int, ...]:  # type: ignore[no-untyped-def]
    return (
        row.supervision_counted_minutes,
        row.supervision_pending_minutes,
        row.experience_counted_minutes,
        row.experience_pending_minutes,
    )


def _recomputed(db: Database, ids: list[int]) -> dict[int, tuple[int, ...]]:
    """Each supervisee's figures added up from the records by the progress service's SQL."""
    out = {}
    with db.uow("test") as uow:
        for sid in ids:
            p = compute_progress(uow, supervisee_id=sid, check_integrity=False)
            out[sid] = (
                p.supervision.counted_minutes,
                p.supervision.pending_minutes,
                p.experience.counted_minutes,
                p.experience.pending_minutes,
            )
    return out


def _listed(db: Database) -> dict[int, tuple[int, ...]]:
    with db.uow("test", reading=True) as uow:
        return {row.id: _figures(row) for row in overview.supervisee_summaries(uow, include_inactive=True)}


@pytest.fixture(scope="module")
def agency_template(tmp_path_factory: pytest.TempPathFactory, empty_template: Path) -> Path:
    path = tmp_path_factory.mktemp("agency") / "agency.db"
    shutil.copy(empty_template, path)
    db = open_database(path)
    _add_people(db)
    db.close()
    return path


def _add_people(db: Database) -> None:
    with db.uow("test") as uow:
        dana = people.add_supervisor(uow, name="Dana Whitaker", credentials="CRSS", password=PASSWORD)
        for name in ("Ana Example", "Ben Example", "Carla Example"):
            people.add_supervisee(
                uow,
                name=name,
                credential="CRSS",
                start_date=TODAY - dt.timedelta(days=900),
                supervisor_id=dana.id,
            )
        uow.commit()


OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(
            ["session", "group", "experience", "sign", "void", "amend", "import", "edit", "delete"]
        ),
        st.integers(0, 2),  # which supervisee
        st.integers(1, 4),  # size (quarter hours), or which record
    ),
    min_size=1,
    max_size=12,
)


def run_operations(db: Database, folder: Path, operations: list[tuple[str, int, int]]) -> None:
    """Apply ``operations`` to the agency of :func:`agency_template` in ``db`` (import files
    written in ``folder``), checking the list's figures against the records now and then and
    at the end."""
    with db.uow("test") as uow:
        sids = [s.id for s in people.list_supervisees(uow)]
        dana = people.list_supervisors(uow)[0].id
    names = {
        sid: name for sid, name in zip(sids, ("Ana Example", "Ben Example", "Carla Example"), strict=True)
    }
    day = [0]

    def next_day() -> dt.date:
        day[0] += 1
        return TODAY - dt.timedelta(days=day[0])

    _listed(db)  # the totals are in memory from here on
    for op, who, size in operations:
        sid = sids[who]
        with db.uow("test") as uow:
            listed = records.list_records(uow, "session", supervisor_id=dana)
            signed = [r["id"] for r in listed if r["status"] == "signed"]
            pending = [r["id"] for r in listed if r["status"] == "pending"]
            if op in ("session", "group"):
                records.add_session(
                    uow,
                    supervisor_id=dana,
                    supervisee_ids=sids if op == "group" else [sid],
                    date=next_day(),
                    start="10:00",
                    minutes=30 * size,
                    format="group" if op == "group" else "individual",
                    modality="video",
                    allocations={DOMAINS[size % 3]: 15 * size, DOMAINS[(size + 1) % 3]: 15 * size},
                )
            elif op == "experience":
                end = next_day()
                records.add_experience(
                    uow,
                    supervisee_id=sid,
                    supervisor_id=dana,
                    period_start=end,
                    period_end=end,
                    allocations={"recovery-support": 60 * size},
                    setting="Drop-in",
                    kind="paid",
                )
            elif op == "sign" and pending:
                while True:
                    try:
                        signing.sign(uow, supervisor_id=dana, password=PASSWORD)
                        break
                    except DomainError as exc:
                        # An amendment of a record voided since cannot be signed (the refusal
                        # leaves every record pending): the supervisor deletes it, signs the rest.
                        if exc.code == "sign.nothing_pending":
                            break  # the deleted amendments were all there was to sign
                        if exc.code != "sign.amended_record_replaced":
                            raise
                        records.delete_pending(uow, record_id=exc.params["record"])
            elif op == "void" and signed:
                signing.void(
                    uow,
                    record_id=signed[size % len(signed)],
                    supervisor_id=dana,
                    password=PASSWORD,
                    reason="Entered twice",
                )
            elif op == "amend" and signed:
                try:
                    records.amend_record(
                        uow,
                        record_id=signed[size % len(signed)],
                        reason="Wrong length",
                        minutes=90,
                        allocations={"mentoring": 90},
                    )
                except DomainError:
                    continue  # an amendment already waits for it: nothing written
            elif op == "edit" and pending:
                row = next(r for r in listed if r["id"] == pending[size % len(pending)])
                records.update_session(
                    uow,
                    record_id=row["id"],
                    supervisor_id=row["supervisor_id"],
                    supervisee_ids=row["supervisee_ids"],
                    date=dt.date.fromisoformat(row["date"]),
                    start=row["start"],
                    minutes=45,
                    format=row["format"],
                    modality=row["modality"],
                    allocations={"advocacy": 45},
                )
            elif op == "delete" and pending:
                records.delete_pending(uow, record_id=pending[size % len(pending)])
            elif op == "import":
                when = next_day()
                source = folder / f"import-{day[0]}.csv"
                source.write_bytes(
                    csv_bytes(
                        [
                            {
                                "record": "session",
                                "supervisor": "Dana Whitaker",
                                "supervisees": names[sid],
                                "date": when.isoformat(),
                                "start": "15:00",
                                "minutes": str(15 * size),
                                "format": "individual",
                                "modality": "video",
                                "advocacy": str(15 * size),
                            }
                        ],
                        COLUMNS,
                    )
                )
                uow.commit()  # ends the read above, so the import's own unit of work can write
                report = transfer.import_records(db, "test", source, today=TODAY)
                assert not report.errors, report.errors
                continue  # the use case commits
            uow.commit()
        if size % 2:  # now and then between operations, so what is remembered is put to use
            assert _listed(db) == _recomputed(db, sids)
    assert _listed(db) == _recomputed(db, sids)


VOIDED_UNDER_AN_AMENDMENT = [
    ("session", 0, 1),
    ("sign", 0, 1),
    ("amend", 0, 1),
    ("void", 0, 1),
    ("sign", 0, 1),
]
"""Found by hypothesis: a record voided while its amendment waits; the next signing refuses
that amendment, which the supervisor then deletes."""


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=OPERATIONS)
@example(operations=VOIDED_UNDER_AN_AMENDMENT)
def test_running_totals_stay_exact_after_random_operations(
    agency_template: Path, tmp_path_factory: pytest.TempPathFactory, operations: list[tuple[str, int, int]]
) -> None:
    path = tmp_path_factory.mktemp("run") / "agency.db"
    shutil.copy(agency_template, path)
    db = open_database(path)
    try:
        run_operations(db, path.parent, operations)
    finally:
        db.close()


@pytest.mark.postgres
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=OPERATIONS.map(lambda ops: [op for op in ops if op[0] != "import"]).filter(bool))
@example(operations=VOIDED_UNDER_AN_AMENDMENT)
def test_running_totals_stay_exact_on_the_agency_database(
    postgres_server: Any, tmp_path_factory: pytest.TempPathFactory, operations: list[tuple[str, int, int]]
) -> None:
    """The same on PostgreSQL (tests/postgres.py's server, a fresh agency database each time),
    without the spreadsheet import, which does not run there yet."""
    from postgres import agency_url

    db = open_database(agency_url(postgres_server))
    try:
        _add_people(db)
        run_operations(db, tmp_path_factory.mktemp("pg-run"), operations)
    finally:
        db.close()


def test_every_row_is_verified_after_the_file_is_and_a_tampered_supervisee_shows_as_altered(
    agency_template: Path, tmp_path: Path
) -> None:
    path = tmp_path / "agency.db"
    shutil.copy(agency_template, path)
    db = open_database(path)
    try:
        with db.uow("test") as uow:
            sids = [s.id for s in people.list_supervisees(uow)]
            dana = people.list_supervisors(uow)[0].id
            for i, sid in enumerate(sids):
                records.add_session(
                    uow,
                    supervisor_id=dana,
                    supervisee_ids=[sid],
                    date=TODAY - dt.timedelta(days=i + 1),
                    start="09:00",
                    minutes=60,
                    format="individual",
                    modality="video",
                    allocations={"advocacy": 60},
                )
            uow.commit()
        with db.uow("test") as uow:
            signing.sign(uow, supervisor_id=dana, password=PASSWORD)
        with db.uow("test", reading=True) as uow:
            before = overview.supervisee_summaries(uow)
        assert {row.verified for row in before} == {None}  # not verified yet
        with db.uow("test", reading=True) as uow:
            assert overview.prepare_agency(uow) == 0
        with db.uow("test", reading=True) as uow:
            after = overview.supervisee_summaries(uow)
        assert {row.verified for row in after} == {True}
        # Own writes since: the supervisees they touch are verified again, one by one.
        with db.uow("test") as uow:
            records.add_session(
                uow,
                supervisor_id=dana,
                supervisee_ids=[sids[0]],
                date=TODAY - dt.timedelta(days=10),
                start="09:00",
                minutes=30,
                format="individual",
                modality="video",
                allocations={"advocacy": 30},
            )
            uow.commit()
        with db.uow("test", reading=True) as uow:
            rows = {row.id: row for row in overview.supervisee_summaries(uow)}
        assert rows[sids[0]].verified is True and rows[sids[0]].supervision_pending_minutes == 30
        # Someone else's write: nothing is known to be verified until the file is verified again.
        with db.uow("test") as uow:
            victim = [
                r for r in records.list_records(uow, "session", supervisor_id=dana) if r["status"] == "signed"
            ][-1]
            victim_id, victim_sid = victim["id"], victim["supervisee_ids"][0]
        tamper(path, "UPDATE supervision_session SET minutes = 600 WHERE id = :id", id=victim_id)
        with db.uow("test", reading=True) as uow:
            assert {row.verified for row in overview.supervisee_summaries(uow)} == {None}
        with db.uow("test", reading=True) as uow:
            assert overview.prepare_agency(uow) == 1
        with db.uow("test", reading=True) as uow:
            rows = {row.id: row for row in overview.supervisee_summaries(uow)}
        assert rows[victim_sid].verified is False and rows[victim_sid].status == "altered"
        assert all(row.verified for sid, row in rows.items() if sid != victim_sid)
    finally:
        db.close()
