"""A few supervisees' totals ("Only mine", a chunk of the list; issue 17): their sessions read
through their own attendee rows, the same figures as the progress service adds up, on both
databases; on PostgreSQL the join settings that make it look each session up by its id last
only those two queries."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from conftest import PASSWORD, TODAY, session_fields
from supervisor_app.services import overview, records, sums
from supervisor_app.services.progress import compute_progress
from supervisor_app.usecases import signing

pytestmark = pytest.mark.backends


def _sessions(world: Any) -> None:
    """Ana and Ben in a signed group session, Ana alone signed and pending, Carla and Petra
    signed: a few supervisees' figures, and others' rows around them."""
    with world.db.uow("test") as uow:
        day = TODAY - dt.timedelta(days=3)
        signed = [
            records.add_session(
                uow,
                **session_fields(
                    world,
                    supervisee_ids=[world.ana, world.ben],
                    format="group",
                    date=day,
                    minutes=90,
                    allocations={"advocacy": 60, "mentoring": 30},
                ),
            ).id,
            records.add_session(uow, **session_fields(world, date=day - dt.timedelta(days=7))).id,
            records.add_session(
                uow, **session_fields(world, supervisee_ids=[world.carla], date=day, start="13:00")
            ).id,
            records.add_session(
                uow,
                **session_fields(
                    world, supervisee_ids=[world.petra], date=day, start="15:00", allocations={"advocacy": 60}
                ),
            ).id,
        ]
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=signed)
        records.add_session(uow, **session_fields(world, start="16:00"))
        uow.commit()


def test_a_few_supervisees_totals_are_the_progress_services(world: Any) -> None:
    _sessions(world)
    chosen = [world.ana, world.ben]
    with world.db.uow("test", reading=True) as uow:
        listed = overview.supervisee_summaries(uow, supervisee_ids=chosen)
    with world.db.uow("test", reading=True) as uow:
        progress = {sid: compute_progress(uow, supervisee_id=sid, check_integrity=False) for sid in chosen}
    assert [row.id for row in listed] == chosen
    for row in listed:
        p = progress[row.id]
        assert (row.supervision_counted_minutes, row.supervision_pending_minutes) == (
            p.supervision.counted_minutes,
            p.supervision.pending_minutes,
        )
    ana, ben = listed
    assert (ana.supervision_counted_minutes, ana.supervision_pending_minutes) == (150, 60)
    assert (ben.supervision_counted_minutes, ben.supervision_pending_minutes) == (90, 0)
    assert ana.last_session == TODAY - dt.timedelta(days=1)  # the pending one counts as the last


def test_the_join_settings_last_only_the_chosen_sessions_queries(world: Any) -> None:
    if not world.db.is_postgres:
        pytest.skip("PostgreSQL's planner settings")
    _sessions(world)

    def settings(uow: Any) -> tuple[str, ...]:
        row = (
            uow.raw()
            .execute(
                "SELECT current_setting('enable_hashjoin'), current_setting('enable_mergejoin'), "
                "current_setting('random_page_cost')"
            )
            .fetchone()
        )
        return tuple(row)

    with world.db.uow("test", reading=True) as uow:
        uow.raw().execute("SELECT set_config('enable_mergejoin', 'off', true)")  # as someone had set it
        found = sums.sums_by_supervisee(uow, [world.ana], {})
        assert found[world.ana].sessions[0] == 2
        assert settings(uow) == ("on", "off", "1.1")  # as before the two queries, not "on"
    with world.db.uow("test", reading=True) as uow:
        assert settings(uow) == ("on", "on", "4")


def test_the_whole_agencys_totals_are_of_one_snapshot(world: Any) -> None:
    """The whole agency's totals (on PostgreSQL its experience read beside its sessions, on a
    second connection sharing the unit of work's exported snapshot) are all of the unit of
    work's snapshot: an entry another connection adds and signs meanwhile is not in them, and
    is in the next unit of work's."""
    from conftest import experience_fields
    from supervisor_app.db import open_database

    other = open_database(world.db.url if world.db.is_postgres else world.db.path)
    try:
        with world.db.uow("test", reading=True) as uow:
            uow.raw().execute("SELECT count(*) FROM supervisee").fetchone()  # the snapshot begins
            with other.uow("test") as writing:
                entry = records.add_experience(writing, **experience_fields(world)).id
                signing.sign(writing, supervisor_id=world.dana, password=PASSWORD, record_ids=[entry])
                writing.commit()
            during = sums.sums_by_supervisee(uow, [world.ana], {}, everyone=True)[world.ana]
        with world.db.uow("test", reading=True) as uow:
            after = sums.sums_by_supervisee(uow, [world.ana], {}, everyone=True)[world.ana]
    finally:
        other.close()
    assert during.experience == []
    assert sorted(after.experience) == [
        (world.dana, "advocacy", 600, True),
        (world.dana, "recovery-support", 1200, True),
    ]
