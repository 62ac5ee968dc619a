"""What the hours-file and sync tests share (tests/test_hours_files.py, tests/test_sync*.py):
days before the tests' today, a laptop's supervisor and supervisees, an experience entry added
and everything pending signed as a supervisor does, and what a database holds (counts, signed
minutes per supervisee, a whole-file verification). Real databases, the app's own services."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from conftest import PASSWORD, TODAY
from supervisor_app.db import Database
from supervisor_app.services import people, records, signoff
from supervisor_app.services.progress import compute_progress
from supervisor_app.usecases import signing


def days_ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def add_people(db: Database, supervisor: str, *names: str, since: int = 500) -> tuple[int, dict[str, int]]:
    """A supervisor who signs on ``db`` (the tests' password) and their CRSS supervisees
    ("{name} Example", started ``since`` days ago): (the supervisor's id, {name: id})."""
    with db.uow() as uow:
        who = people.add_supervisor(
            uow, name=supervisor, credentials="CRSS", agency="Prairie Lakes (TEST)", password=PASSWORD
        )
        ids = {
            name: people.add_supervisee(
                uow,
                name=f"{name} Example",
                credential="CRSS",
                start_date=days_ago(since),
                supervisor_id=who.id,
            ).id
            for name in names
        }
        uow.commit()
    return who.id, ids


def experience(place: Any, supervisee_id: int, start: int, minutes: int) -> str:
    """A week's experience entry of the supervisee (pending) on ``place`` (``.uow()``,
    ``.supervisor``), starting ``start`` days ago; its id."""
    with place.uow() as uow:
        row = records.add_experience(
            uow,
            supervisee_id=supervisee_id,
            supervisor_id=place.supervisor,
            period_start=days_ago(start),
            period_end=days_ago(start - 6),
            allocations={"recovery-support": minutes},
            setting="Drop-in center",
            kind="paid",
        )
        uow.commit()
        return row.id


def sign(place: Any) -> None:
    """Everything pending of ``place``'s supervisor, signed in one batch."""
    with place.uow() as uow:
        signing.sign(uow, supervisor_id=place.supervisor, password=PASSWORD)


def counts(db: Database, tables: Iterable[str]) -> dict[str, int]:
    with db.uow(reading=True) as uow:
        conn = signoff.signing.dbapi(uow)
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def by_gid(db: Database) -> dict[str, tuple[int, int]]:
    """{supervisee global id: (signed supervision minutes, signed experience minutes)}."""
    out = {}
    with db.uow(reading=True) as uow:
        for sid, gid in signoff.signing.dbapi(uow).execute("SELECT id, global_id FROM supervisee").fetchall():
            progress = compute_progress(uow, supervisee_id=sid)
            out[str(gid)] = (progress.supervision.signed_minutes, progress.experience.signed_minutes)
    return out


def verified(db: Database) -> None:
    with db.uow(reading=True) as uow:
        report = signoff.verify(uow)
    assert report.ok, report.problems
