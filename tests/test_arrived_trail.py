"""The audit events that arrived from laptops by sync (``foreign_trail``), read for the Audit
page (services/arrived_trail.py): newest first, paged, filtered as the local trail is, naming
the database each came from; on a SQLite file and on the agency database (PostgreSQL)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_sync import Laptop, _laptop, _session, _sign

from supervisor_app.db import Database
from supervisor_app.services import audit_pages
from supervisor_app.services.arrived_trail import any_arrived, arrived_page, count_arrived
from supervisor_app.services.audit_pages import AuditFilter
from supervisor_app.usecases.syncing import sync

pytestmark = pytest.mark.backends


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[tuple[Laptop, Laptop]]:
    dana = _laptop(tmp_path / "a.db", "Dana Whitaker", "Ana")
    mei = _laptop(tmp_path / "b.db", "Mei Chen", "Carl")
    _session(dana, 300, 60, "Ana")
    _sign(dana)
    _session(mei, 200, 90, "Carl")
    _sign(mei)
    _session(dana, 100, 30, "Ana")  # pending: its events travel too
    yield dana, mei
    dana.db.close()
    mei.db.close()


def _chain(place: Laptop | Database) -> str:
    db = place.db if isinstance(place, Laptop) else place
    with db.uow("test", reading=True) as uow:
        return str(uow.raw().execute("SELECT global_id FROM database_identity").fetchone()[0])


def _own(place: Laptop) -> list[tuple[str, int, str, str | None]]:
    """The laptop's own trail as its Audit page lists it: (chain, id, action, record)."""
    chain = _chain(place)
    with place.db.uow("test", reading=True) as uow:
        return [(chain, e.id, e.action, e.record_id) for e in audit_pages.audit_page(uow, limit=10_000)]


def _arrived(
    db: Database,
    flt: AuditFilter = AuditFilter(),  # noqa: B008
    limit: int = 10_000,
) -> list[tuple[str, int, str, str | None]]:
    with db.uow("test", reading=True) as uow:
        return [(e.chain_id, e.id, e.action, e.record_id) for e in arrived_page(uow, filter=flt, limit=limit)]


def test_nothing_arrived_reads_as_nothing(db: Database) -> None:
    with db.uow("test", reading=True) as uow:
        assert not any_arrived(uow)
        assert arrived_page(uow) == []
        assert count_arrived(uow) == 0


def test_the_laptops_trails_arrive_newest_first_each_naming_its_database(
    db: Database, laptops: tuple[Laptop, Laptop]
) -> None:
    dana, mei = laptops
    sync(dana.db, db)
    sync(mei.db, db)
    with db.uow("test", reading=True) as uow:
        assert any_arrived(uow)
        entries = arrived_page(uow, limit=10_000)
        local = audit_pages.audit_page(uow, limit=10_000)
    own = _own(dana) + _own(mei)
    assert sorted((e.chain_id, e.id, e.action, e.record_id) for e in entries) == sorted(own)
    assert [e.key for e in entries] == sorted((e.key for e in entries), reverse=True)
    assert {(e.chain_id, e.agency) for e in entries} == {
        (_chain(dana), "Prairie Lakes (TEST)"),
        (_chain(mei), "Prairie Lakes (TEST)"),
    }
    # Mei's events came between Dana's (she worked and signed after Dana's first batch).
    chains = [e.chain_id for e in entries]
    assert chains[-1] == chains[0] == _chain(dana) and _chain(mei) in chains
    # This database's own trail stays its own: none of the laptops' events are in it.
    assert not {(e.at, e.actor, e.action) for e in local} & {(e.at, e.actor, e.action) for e in entries}
    assert _chain(db) not in chains


def test_the_arrived_trail_pages_by_its_key_without_gaps_or_repeats(
    db: Database, laptops: tuple[Laptop, Laptop]
) -> None:
    for laptop in laptops:
        sync(laptop.db, db)
    whole = _arrived(db)
    paged: list[tuple[str, int, str, str | None]] = []
    before = None
    with db.uow("test", reading=True) as uow:
        while page := arrived_page(uow, before=before, limit=3):
            paged += [(e.chain_id, e.id, e.action, e.record_id) for e in page]
            before = page[-1].key
        assert count_arrived(uow) == len(whole)
    assert paged == whole and len(whole) > 3


def test_the_arrived_trail_is_filtered_as_the_local_one(db: Database, laptops: tuple[Laptop, Laptop]) -> None:
    dana, mei = laptops
    for laptop in laptops:
        sync(laptop.db, db)
    whole = _arrived(db)
    signs = [row for row in whole if row[2] == "sign"]
    assert signs and _arrived(db, AuditFilter(action="sign")) == signs
    record = next(row[3] for row in whole if row[3])
    assert record is not None
    by_record = _arrived(db, AuditFilter(record_id=record[:6].upper()))
    assert by_record and all(row[3].startswith(record[:6]) for row in by_record)  # type: ignore[union-attr]
    with dana.db.uow("test", reading=True) as uow:
        actors = {e.actor for e in audit_pages.audit_page(uow, limit=10_000)}
    dana_chain = _chain(dana)
    for actor in actors:
        found = _arrived(db, AuditFilter(actor=actor))
        assert found and {row for row in whole if row[0] == dana_chain and row in found}
    supervisee = mei.supervisees["Carl"]  # Mei's laptop's number for Carl
    with db.uow("test", reading=True) as uow:
        carl = arrived_page(uow, filter=AuditFilter(supervisee_id=supervisee), limit=10_000)
    assert carl and all(e.supervisee_id == supervisee for e in carl)
    today = dt.date.today()
    assert (
        _arrived(
            db, AuditFilter(date_from=today - dt.timedelta(days=1), date_to=today + dt.timedelta(days=1))
        )
        == whole
    )
    assert _arrived(db, AuditFilter(date_to=today - dt.timedelta(days=2))) == []
    assert _arrived(db, AuditFilter(action="sign", date_from=today + dt.timedelta(days=2))) == []
    with db.uow("test", reading=True) as uow:
        assert count_arrived(uow, filter=AuditFilter(action="sign")) == len(signs)
