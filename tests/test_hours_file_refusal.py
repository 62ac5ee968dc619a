"""The import's last check (``hours_file.fails_verification``): an hours file whose records all
pass the file's own checks is still refused whole when its records, as they then stand in the
database, fail verification. Reached here by a record of the file that is already in the
database with its link intact but its row altered outside the app since the first import: the
second file, which carries it again with a new record, is refused naming it, and the new
record is not added (nothing changed). On SQLite and on the agency database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import make_url

from conftest import PASSWORD, TODAY, tamper
from supervisor_app.db import Database, open_database
from supervisor_app.models import Base
from supervisor_app.services import hours_files, people, records
from supervisor_app.services.errors import DomainError
from supervisor_app.usecases import signing

pytestmark = pytest.mark.backends


def _signed_session(db: Database, dana: int, ana: int, days_ago: int) -> str:
    with db.uow("test") as uow:
        rid = records.add_session(
            uow,
            supervisor_id=dana,
            supervisee_ids=[ana],
            date=TODAY - dt.timedelta(days=days_ago),
            start="10:00",
            minutes=60,
            format="individual",
            modality="in-person",
            allocations={"advocacy": 30, "mentoring": 30},
            topics="Boundaries",
        ).id
        uow.commit()
    with db.uow("test") as uow:
        signing.sign(uow, supervisor_id=dana, password=PASSWORD)
    return rid


def _hours_file(db: Database, ana: int, path: Path) -> Path:
    with db.uow("test") as uow:
        hours_files.write_hours_file(uow, supervisee_id=ana, path=path)
        uow.commit()
    return path


def _rows(db: Database) -> dict[str, list[str]]:
    """Every row of every table, in order: equal means nothing changed (both databases)."""
    with db.uow(reading=True) as uow:
        return {
            table.name: sorted(map(repr, uow.rows(f"SELECT * FROM {table.name}")))
            for table in Base.metadata.sorted_tables
        }


def _alter_outside_the_app(db: Database, backend: str, server: Any, record_id: str) -> None:
    """As someone with the database's owner rights would: the minutes of a signed record that
    arrived in an hours file changed, past the triggers that forbid it."""
    update = f"UPDATE supervision_session SET minutes = minutes + 60 WHERE id = '{record_id}'"
    if backend == "sqlite":
        tamper(db.path, update)
    else:
        server.execute(
            f"SET session_replication_role = replica; {update}", database=make_url(db.url).database
        )


def test_a_file_whose_records_fail_verification_here_is_refused_whole(
    request: pytest.FixtureRequest, backend: str, db: Database, tmp_path: Path
) -> None:
    prairie = open_database(tmp_path / "prairie.db")
    try:
        with prairie.uow("test") as uow:
            dana = people.add_supervisor(
                uow,
                name="Dana Whitaker",
                credentials="CRSS",
                agency="Prairie Lakes (TEST)",
                password=PASSWORD,
            ).id
            ana = people.add_supervisee(
                uow,
                name="Ana Example",
                credential="CRSS",
                start_date=TODAY - dt.timedelta(days=500),
                supervisor_id=dana,
            ).id
            uow.commit()
        first = _signed_session(prairie, dana, ana, 30)
        file1 = _hours_file(prairie, ana, tmp_path / "ana-1.hours")
        with db.uow("test") as uow:
            assert hours_files.import_hours_file(uow, file1).added == 1
            uow.commit()
        second = _signed_session(prairie, dana, ana, 20)
        file2 = _hours_file(prairie, ana, tmp_path / "ana-2.hours")
    finally:
        prairie.close()

    server = request.getfixturevalue("postgres_server") if backend == "postgres" else None
    _alter_outside_the_app(db, backend, server, first)
    before = _rows(db)
    with db.uow("test") as uow, pytest.raises(DomainError) as caught:
        hours_files.import_hours_file(uow, file2)
    assert caught.value.code == "hours_file.fails_verification"
    assert f"nothing was imported: record {first}: " in str(caught.value)
    assert _rows(db) == before  # the second record did not arrive either
    assert second not in repr(before["supervision_session"])
