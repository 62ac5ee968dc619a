"""Signing, voiding, amending and verifying on the agency database (a real PostgreSQL server
started by the session: tests/postgres.py), with the same verdicts and the same hashes as on a
laptop's SQLite file: the ``db`` fixture (and with it ``world``) is both."""

from __future__ import annotations

import pytest

from conftest import PASSWORD, World, session_fields
from supervisor_app.services import records
from supervisor_app.services.signoff import verify
from supervisor_app.usecases import signing

pytestmark = pytest.mark.backends


def add_session(world: World, **overrides) -> str:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        row = records.add_session(uow, **session_fields(world, **overrides))
        uow.commit()
        return row.id


def test_sign_void_amend_then_verify_clean(world: World) -> None:
    first, second = add_session(world), add_session(world, start="14:00", supervisee_ids=[world.ben])
    with world.uow() as uow:
        result = signing.sign(uow, supervisor_id=world.dana, password=PASSWORD)
    assert (result.first_seq, result.last_seq) == (1, 2)
    with world.uow() as uow:
        signing.void(
            uow, record_id=second, reason="Entered twice", supervisor_id=world.dana, password=PASSWORD
        )
    with world.uow() as uow:
        amended = signing.amend(
            uow, record_id=first, reason="Length corrected", topics="Boundaries, corrected"
        ).id
    with world.uow() as uow:
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=[amended])
    with world.db.uow(reading=True) as uow:
        report = verify(uow)
    assert report.ok, report.problems
