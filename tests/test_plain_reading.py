"""A plain reading unit of work (issue 19, round three): on a SQLite file, a reading unit of
work asked for ``plain`` reads on a sqlite3 connection of its own, no SQLAlchemy engine under
it (the command line's ``progress``); whatever asks for the ORM afterwards joins that
connection and its snapshot."""

from __future__ import annotations

import json
import sqlite3

import pytest
from sqlalchemy import func, select

from supervisor_app.cli import main
from supervisor_app.models import SupervisionSession
from supervisor_app.services import people, person_credentials, progress, records, verified
from supervisor_app.services.person_credentials import Person
from supervisor_app.usecases import signing
from tests.conftest import PASSWORD, World, session_fields

COUNT = "SELECT count(*) FROM supervision_session"


def test_a_plain_unit_of_work_reads_one_snapshot_and_the_orm_joins_it(world: World) -> None:
    with world.db.uow(reading=True, plain=True) as uow:
        before = uow.raw().execute(COUNT).fetchone()[0]
        assert uow.plain_only
        with world.uow() as other:  # another connection commits meanwhile
            records.add_session(other, **session_fields(world))
            other.commit()
        assert uow.raw().execute(COUNT).fetchone()[0] == before  # one snapshot
        # The ORM, asked for now, reads on the same connection, in the same transaction.
        assert uow.session.scalar(select(func.count()).select_from(SupervisionSession)) == before
        assert not uow.plain_only
        assert uow.raw().execute(COUNT).fetchone()[0] == before
        assert verified.token(uow) is None  # no file's engine: nothing verified is remembered
    with world.db.uow(reading=True, plain=True) as uow:
        assert uow.raw().execute(COUNT).fetchone()[0] == before + 1


def test_a_plain_unit_of_work_cannot_write(world: World) -> None:
    with world.db.uow(reading=True, plain=True) as uow:
        count = uow.raw().execute(COUNT).fetchone()[0]
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            uow.raw().execute("DELETE FROM supervision_session")
    with world.db.uow(reading=True) as uow:
        assert uow.raw().execute(COUNT).fetchone()[0] == count


def test_plain_is_for_reading_on_a_file_only(world: World) -> None:
    with world.uow() as uow:
        assert not uow.plain
    with world.db.uow(reading=False, plain=True) as uow:
        assert not uow.plain


def test_progress_whose_board_rules_read_by_the_orm_gives_the_same_figures(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    """LCPC's rules (counted modalities, weekly supervision, a yearly cap) read each record's
    dates through the ORM: on the command line's plain unit of work that read joins its
    connection, and the figures are those of an ordinary unit of work."""
    with world.uow() as uow:
        lena = people.add_supervisee(uow, name="Lena Park", credential="LCPC", supervisor_id=world.dana).id
        person_credentials.add_credential(
            uow,
            person=Person(supervisor_id=world.dana),
            kind="lcpc",
            number="180.1",
            issued_on="2020-01-01",
            expires_on="2099-01-01",
        )
        uow.commit()
    with world.uow() as uow:
        fields = session_fields(world, supervisee_ids=[lena], allocations={"direct-service": 60})
        records.add_session(uow, **fields)
        records.add_session(uow, **(fields | {"start": "14:00", "modality": "video"}))
        uow.commit()
    with world.uow() as uow:
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD)
    with world.db.uow(reading=True) as uow:
        expected = progress.compute_progress(uow, supervisee_id=lena).to_json()
    assert expected["supervision"]["signed_minutes"] == 120
    path = world.db.path
    world.db.close()
    capsys.readouterr()
    assert main(["--db", str(path), "--json", "progress", "--supervisee", str(lena)]) == 0
    assert json.loads(capsys.readouterr().out) == json.loads(json.dumps(expected))
