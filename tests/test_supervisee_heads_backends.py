"""Supervisee heads on both databases: a view checks one signature per key (the agency
database's covering query takes the seqs as an array), and the heads signed there are the
ones recomputed from the links (services/signoff/heads.py)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import PASSWORD, TODAY, World, session_fields
from supervisor_app.services import records, signoff, verified
from supervisor_app.services.signoff.heads import head_of
from supervisor_app.usecases import signing

pytestmark = pytest.mark.backends


def test_a_view_checks_one_signature_per_key_on_either_database(world: World) -> None:
    for days in (9, 8, 7):
        with world.uow() as uow:
            rid = records.add_session(uow, **session_fields(world, date=TODAY - dt.timedelta(days=days))).id
            uow.commit()
        with world.uow() as uow:
            signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=[rid])
    verified.forget_views()
    with world.uow() as uow:
        report = signoff.read_supervisee(uow, world.ana).report
        conn = uow.raw()
        gid = conn.execute("SELECT global_id FROM supervisee WHERE id = ?", (world.ana,)).fetchone()[0]
        chains = [c for (c,) in conn.execute("SELECT chain_hash FROM sign_off ORDER BY seq").fetchall()]
        newest = conn.execute("SELECT payload FROM signature ORDER BY first_seq DESC").fetchall()[0][0]
    assert report.ok and report.keyed_signatures_checked == 1, report.problems
    assert json.loads(newest)["heads"] == {gid: head_of(chains)}
