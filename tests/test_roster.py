"""The ORM-free reads of the first screens answer exactly what the ORM services answer."""

from __future__ import annotations

from supervisor_app.services import people, roster
from supervisor_app.services.overview import supervisee_summaries


def test_roster_agrees_with_the_orm_services(world) -> None:
    with world.uow() as uow:
        people.set_active(uow, supervisee_id=world.ben, active=False)
        people.set_active(uow, supervisor_id=world.rafael, active=False)
        uow.commit()
    with world.db.uow(reading=True) as uow:
        assert roster.has_supervisors(uow)
        assert roster.supervisors(uow) == [
            (s.id, s.name, s.credentials) for s in people.list_supervisors(uow, active_only=True)
        ]
        assert roster.supervisors(uow, active_only=False) == [
            (s.id, s.name, s.credentials) for s in people.list_supervisors(uow)
        ]
        assert roster.supervisees(uow) == [
            (s.id, s.name, s.credential) for s in people.list_supervisees(uow, active_only=True)
        ]
        assert roster.agency_name(uow) == "Prairie Lakes (TEST)"
        for kwargs in ({}, {"include_inactive": True}, {"supervisor_id": world.dana}):
            names = roster.supervisee_names(uow, **kwargs)  # type: ignore[arg-type]
            orm = {s.id: s for s in people.list_supervisees(uow)}
            assert [s.id for s in names] == [s.id for s in supervisee_summaries(uow, **kwargs)]  # type: ignore[arg-type]
            for row in names:
                person = orm[row.id]
                assert (row.name, row.credential, row.icb_id, row.position, row.start_date, row.active) == (
                    person.name,
                    person.credential,
                    person.icb_id,
                    person.position,
                    person.start_date,
                    person.active,
                )
        assert roster.others_exist(uow, world.dana, include_inactive=True) == any(
            s.supervisor_id != world.dana for s in people.list_supervisees(uow)
        )
        assert roster.supervisee_names(uow, supervisee_ids=[]) == []
        assert [s.id for s in roster.supervisee_names(uow, supervisee_ids=[world.carla])] == [world.carla]


def test_an_empty_database_has_no_supervisors(db) -> None:
    with db.uow(reading=True) as uow:
        assert not roster.has_supervisors(uow)
        assert roster.supervisors(uow) == [] and roster.agency_name(uow) == ""


def test_a_unit_of_work_shares_one_transaction_between_core_reads_and_the_orm(world) -> None:
    """Roster reads first, then the ORM, in one unit of work: the session joins the same
    connection, and a commit commits both."""
    with world.uow() as uow:
        assert roster.has_supervisors(uow)
        people.set_active(uow, supervisee_id=world.carla, active=False)
        assert world.carla not in [i for i, _n, _c in roster.supervisees(uow)]  # the same transaction
        uow.commit()
    with world.db.uow(reading=True) as uow:
        assert world.carla not in [i for i, _n, _c in roster.supervisees(uow)]
    with world.uow() as uow:
        roster.supervisees(uow)
        people.set_active(uow, supervisee_id=world.carla, active=True)  # not committed
    with world.db.uow(reading=True) as uow:
        assert world.carla not in [i for i, _n, _c in roster.supervisees(uow)]  # rolled back


def test_url_database_reads_sqlite_urls_as_sqlalchemy_does(tmp_path) -> None:
    from sqlalchemy.engine import make_url

    from supervisor_app.db import url_database

    for url in (
        f"sqlite:///{tmp_path}/a.db",
        "sqlite:///relative/b.db",
        f"sqlite:///{tmp_path}/with space.db",
        "sqlite://",
        "sqlite:///:memory:",
        f"sqlite:///file:{tmp_path}/c.db?mode=ro&uri=true",
    ):
        expected = make_url(url).database
        assert url_database(url) == (expected if expected not in (None, "", ":memory:") else None), url


def test_the_first_reads_open_no_sqlalchemy_connection(world) -> None:
    """Before any ORM or Core use, a unit of work's roster reads go through its own read-only
    SQLite connection; the engines are made only when something needs them."""
    from supervisor_app.db import open_database

    path = world.db.path
    world.db.close()
    db = open_database(path)
    with db.uow(reading=True) as uow:
        assert roster.supervisees(uow)
        assert uow._raw is not None and uow._session is None and uow._connection is None
    assert db._engine is None  # nothing needed SQLAlchemy
    with db.uow() as uow:
        assert people.list_supervisees(uow)  # the ORM makes its engine when first used
    assert db._engine is not None
    db.close()
