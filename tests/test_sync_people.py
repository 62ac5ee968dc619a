"""People through sync (issue 17, docs/SYNC.md "People"): details edited on a laptop and at
the agency merged per field (newest edit wins, one ``sync-conflict`` event each side when two
edits did not see each other), supervisor assignments travelling both ways, and two
amendments of one record meeting through sync. Real databases (the agency on a SQLite file
and on the real PostgreSQL server: ``db`` is the agency), real signing, no mocks."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from test_sync import Laptop, _counts, _experience, _gid, _laptop, _session, _sign, _verified, days_ago

from conftest import PASSWORD
from supervisor_app.db import Database, open_database
from supervisor_app.services import (
    amendment_pairs,
    attestation,
    auth,
    hours_files,
    people,
    person_credentials,
    records,
    supervisors,
    trails,
)
from supervisor_app.services import sync as sync_service
from supervisor_app.services.errors import DomainError
from supervisor_app.services.hours_files import people_member, trail_member
from supervisor_app.services.progress import compute_progress
from supervisor_app.services.signoff import signing as signing_rows
from supervisor_app.services.supervisee_edits import update_supervisee
from supervisor_app.usecases import signing
from supervisor_app.usecases.syncing import sync

pytestmark = pytest.mark.backends

OTHER_PASSWORD = "another horse battery"


def _rows(db: Database, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    with db.uow("test", reading=True) as uow:
        return [tuple(r) for r in signing_rows.dbapi(uow).execute(sql, params).fetchall()]


def _id_of(db: Database, table: str, gid: str) -> int:
    return int(_rows(db, f"SELECT id FROM {table} WHERE global_id = ?", (gid,))[0][0])


def _rename(db: Database, gid: str, name: str, actor: str, **changes: Any) -> None:
    with db.uow(actor) as uow:
        person = people.get_supervisee(uow, _id_of(db, "supervisee", gid))
        fields = {
            "name": person.name,
            "credential": person.credential,
            "icb_id": person.icb_id,
            "position": person.position,
            "start_date": person.start_date,
        } | changes
        update_supervisee(uow, supervisee_id=person.id, **{**fields, "name": name})
        uow.commit()


def _name(db: Database, gid: str) -> str:
    return str(_rows(db, "SELECT name FROM supervisee WHERE global_id = ?", (gid,))[0][0])


def _conflicts(db: Database) -> list[dict[str, Any]]:
    return [
        json.loads(d)
        for (d,) in _rows(db, "SELECT details FROM audit_event WHERE action = 'sync-conflict' ORDER BY id")
    ]


@pytest.fixture
def dana(tmp_path: Path) -> Laptop:
    place = _laptop(tmp_path / "a.db", "Dana Whitaker", "Ana", "Ben")
    _session(place, 300, 60, "Ana")
    _experience(place, "Ben", 260, 600)
    _sign(place)
    yield place
    place.db.close()


def test_a_name_edited_on_a_laptop_and_at_the_agency_the_later_wins_on_both(
    db: Database, dana: Laptop
) -> None:
    sync(dana.db, db)
    ana = _gid(dana, "Ana")
    assert _conflicts(db) == _conflicts(dana.db) == []

    # Edited on the laptop, then (later) at the agency, neither seeing the other.
    _rename(dana.db, ana, "Ana Laptop", "dana")
    _rename(db, ana, "Ana Agency", "director")
    sync(dana.db, db)
    assert _name(db, ana) == _name(dana.db, ana) == "Ana Agency"
    (at_agency,) = _conflicts(db)
    (on_laptop,) = _conflicts(dana.db)
    for event in (at_agency, on_laptop):
        assert (event["field"], event["kept"], event["lost"]) == ("name", "Ana Agency", "Ana Laptop")
        assert event["global_id"] == ana
    assert on_laptop["lost_actor"] == at_agency["lost_actor"] == "dana"

    # The other way round: the laptop's later edit wins on both, one more event each side.
    _rename(db, ana, "Ana Desk", "director")
    _rename(dana.db, ana, "Ana Later", "dana")
    sync(dana.db, db)
    assert _name(db, ana) == _name(dana.db, ana) == "Ana Later"
    assert len(_conflicts(db)) == len(_conflicts(dana.db)) == 2
    assert _conflicts(db)[-1]["lost"] == _conflicts(dana.db)[-1]["lost"] == "Ana Desk"

    # Syncing again changes nothing and logs nothing.
    before = (_counts(db), _counts(dana.db))
    sync(dana.db, db)
    assert (_counts(db), _counts(dana.db)) == before
    _verified(db)
    _verified(dana.db)


def test_edits_that_did_not_conflict_travel_without_an_event(db: Database, dana: Laptop) -> None:
    sync(dana.db, db)
    ana, ben = _gid(dana, "Ana"), _gid(dana, "Ben")
    _rename(dana.db, ana, "Ana Moreno", "dana")  # only on the laptop
    _rename(db, ben, "Ben Agency", "director", position="Peer specialist")  # only at the agency
    sync(dana.db, db)
    assert _name(db, ana) == _name(dana.db, ana) == "Ana Moreno"
    assert _name(db, ben) == _name(dana.db, ben) == "Ben Agency"
    assert _rows(dana.db, "SELECT position FROM supervisee WHERE global_id = ?", (ben,)) == [
        ("Peer specialist",)
    ]

    # An edit made over the other's (after it arrived) follows it, no conflict either.
    _rename(dana.db, ben, "Ben Laptop", "dana")
    sync(dana.db, db)
    assert _name(db, ben) == "Ben Laptop"
    assert _conflicts(db) == _conflicts(dana.db) == []


def test_a_supervisee_moved_at_the_agency_comes_down_with_their_hours(
    tmp_path: Path, db: Database, dana: Laptop
) -> None:
    mei = _laptop(tmp_path / "b.db", "Mei Chen", "Carl")
    try:
        _session(mei, 200, 45, "Carl")
        _sign(mei)
        sync(dana.db, db)
        sync(mei.db, db)
        ben = _gid(dana, "Ben")
        mei_gid = _rows(mei.db, "SELECT global_id FROM supervisor WHERE id = ?", (mei.supervisor,))[0][0]
        dana_gid = _rows(dana.db, "SELECT global_id FROM supervisor WHERE id = ?", (dana.supervisor,))[0][0]
        with db.uow("director") as uow:
            supervisors.change_supervisor(
                uow,
                supervisee_id=_id_of(db, "supervisee", ben),
                supervisor_id=_id_of(db, "supervisor", mei_gid),
                effective_from=days_ago(5),
                reason="Caseload",
            )
            uow.commit()

        moved = sync(mei.db, db)
        assert moved.received == 1
        ben_on_b = _id_of(mei.db, "supervisee", ben)
        assert _rows(mei.db, "SELECT s.global_id FROM supervisee e JOIN supervisor s ON s.id = e.supervisor_id "
                     "WHERE e.id = ?", (ben_on_b,)) == [(mei_gid,)]  # fmt: skip
        history = "SELECT p.global_id, s.global_id, c.effective_from, c.reason FROM supervisor_change c " \
            "JOIN supervisor s ON s.id = c.supervisor_id LEFT JOIN supervisor p ON p.id = c.previous_supervisor_id"  # fmt: skip
        assert [(p, s, str(d)[:10], r) for p, s, d, r in _rows(mei.db, history)] == [
            (dana_gid, mei_gid, days_ago(5).isoformat(), "Caseload")
        ]
        with mei.uow() as uow:
            progress = compute_progress(uow, supervisee_id=ben_on_b)
        assert progress.experience.signed_minutes == 600
        with db.uow("test") as uow:
            at_agency = compute_progress(uow, supervisee_id=_id_of(db, "supervisee", ben))
        assert progress.experience.signed_minutes == at_agency.experience.signed_minutes
        _verified(mei.db)

        # Laptop A learns that Ben moved (his records stay there).
        sync(dana.db, db)
        assert _rows(dana.db, "SELECT s.global_id FROM supervisee e JOIN supervisor s ON s.id = e.supervisor_id "
                     "WHERE e.global_id = ?", (ben,)) == [(mei_gid,)]  # fmt: skip
        assert len(_rows(dana.db, history)) == 1
        before = (_counts(db), _counts(dana.db), _counts(mei.db))
        sync(dana.db, db)
        sync(mei.db, db)
        assert (_counts(db), _counts(dana.db), _counts(mei.db)) == before
    finally:
        mei.db.close()


def test_per_supervisor_hours_of_a_moved_supervisee(tmp_path: Path, db: Database, dana: Laptop) -> None:
    """Ben's sessions with Dana (laptop A) and then with Mei (laptop B): each supervisor's
    share, the same on B and at the agency."""
    mei = _laptop(tmp_path / "b.db", "Mei Chen", "Carl")
    try:
        _session(dana, 250, 60, "Ben")
        _sign(dana)
        sync(dana.db, db)
        sync(mei.db, db)
        ben = _gid(dana, "Ben")
        mei_gid = _rows(mei.db, "SELECT global_id FROM supervisor WHERE id = ?", (mei.supervisor,))[0][0]
        with db.uow("director") as uow:
            supervisors.change_supervisor(
                uow,
                supervisee_id=_id_of(db, "supervisee", ben),
                supervisor_id=_id_of(db, "supervisor", mei_gid),
                effective_from=days_ago(20),
            )
            uow.commit()
        sync(mei.db, db)
        mei.supervisees["Ben"] = _id_of(mei.db, "supervisee", ben)
        _session(mei, 10, 30, "Ben")
        _sign(mei)
        sync(mei.db, db)

        def shares(place: Database) -> dict[str, int]:
            with place.uow("test") as uow:
                progress = compute_progress(uow, supervisee_id=_id_of(place, "supervisee", ben))
            return {s.name: s.individual_minutes for s in progress.supervisors}

        assert shares(mei.db) == shares(db) == {"Dana Whitaker": 60, "Mei Chen": 30}
    finally:
        mei.db.close()


def test_a_move_made_on_the_laptop_reaches_the_agency(db: Database, dana: Laptop) -> None:
    with dana.uow() as uow:
        eve = people.add_supervisor(uow, name="Eve Adams", credentials="CRSS", password=PASSWORD)
        uow.commit()
    sync(dana.db, db)
    ben = _gid(dana, "Ben")
    with dana.uow() as uow:
        supervisors.change_supervisor(
            uow, supervisee_id=dana.supervisees["Ben"], supervisor_id=eve.id, effective_from=days_ago(3)
        )
        eve_gid = people.get_supervisor(uow, eve.id).global_id
        uow.commit()
    sync(dana.db, db)
    assert _rows(db, "SELECT s.global_id FROM supervisee e JOIN supervisor s ON s.id = e.supervisor_id "
                 "WHERE e.global_id = ?", (ben,)) == [(eve_gid,)]  # fmt: skip
    assert len(_rows(db, "SELECT id FROM supervisor_change")) == 1
    moved = [
        json.loads(d)
        for (d,) in _rows(db, "SELECT details FROM audit_event WHERE action = 'edit' ORDER BY id")
        if "supervisor_id" in json.loads(d).get("after", {})
    ]
    assert len(moved) == 1
    before = (_counts(db), _counts(dana.db))
    sync(dana.db, db)
    assert (_counts(db), _counts(dana.db)) == before


# --------------------------------------------------------------------------------------------
# Details never edited (set when the person was added) and the hire date travel too


def _details(db: Database, gid: str) -> tuple[str | None, ...]:
    """Cleo's details that do not come with her records: hire date, language, position."""
    ((hired, language, position),) = _rows(
        db, "SELECT hire_date, language, position FROM supervisee WHERE global_id = ?", (gid,)
    )
    return (str(hired)[:10] if hired else None, language, position)


def _licence(db: Database, gid: str) -> tuple[str | None, ...]:
    ((kind, expires, email),) = _rows(
        db, "SELECT license_type, license_expires, email FROM supervisor WHERE global_id = ?", (gid,)
    )
    return (kind, str(expires)[:10] if expires else None, email)


def _set_hire(db: Database, gid: str, day: Any, actor: str) -> None:
    with db.uow(actor) as uow:
        person_credentials.set_hire_date(uow, supervisee_id=_id_of(db, "supervisee", gid), hire_date=day)
        uow.commit()


@pytest.fixture
def rosa(tmp_path: Path) -> Laptop:
    """A laptop whose supervisor was added with her licence and email, and her supervisee
    Cleo with a language and a position, then a hire date (the training panel's field)."""
    db = open_database(tmp_path / "c.db")
    with db.uow("rosa") as uow:
        who = people.add_supervisor(
            uow, name="Rosa Diaz", credentials="CRSS", agency="Prairie Lakes (TEST)", password=PASSWORD,
            license_type="LCPC", license_number="180-1", license_expires=days_ago(-400),
            email="rosa@example.org",
        )  # fmt: skip
        cleo = people.add_supervisee(
            uow, name="Cleo Example", credential="CRSS", start_date=days_ago(500), position="Peer",
            supervisor_id=who.id, language="es",
        )  # fmt: skip
        person_credentials.set_hire_date(uow, supervisee_id=cleo.id, hire_date=days_ago(520))
        uow.commit()
        place = Laptop(db, who.id, {"Cleo": cleo.id})
    _session(place, 100, 60, "Cleo")
    _sign(place)
    yield place
    db.close()


def test_details_set_on_a_laptop_reach_the_agency_and_another_laptop(
    tmp_path: Path, db: Database, rosa: Laptop
) -> None:
    """Cleo's hire date, language and Rosa's licence expiry and email (none of them in the
    records' manifest) reach the agency at the laptop's sync, and laptop B, Cleo's new
    supervisor's, at its own; no conflict anywhere, and syncing again changes nothing."""
    cleo = _gid(rosa, "Cleo")
    rosa_gid = _rows(rosa.db, "SELECT global_id FROM supervisor WHERE id = ?", (rosa.supervisor,))[0][0]
    sync(rosa.db, db)
    expected = (days_ago(520).isoformat(), "es", "Peer")
    licence = ("LCPC", days_ago(-400).isoformat(), "rosa@example.org")
    assert _details(db, cleo) == _details(rosa.db, cleo) == expected
    assert _licence(db, rosa_gid) == licence

    mei = _laptop(tmp_path / "b.db", "Mei Chen", "Carl")
    try:
        sync(mei.db, db)
        mei_gid = _rows(mei.db, "SELECT global_id FROM supervisor WHERE id = ?", (mei.supervisor,))[0][0]
        with db.uow("director") as uow:
            supervisors.change_supervisor(
                uow,
                supervisee_id=_id_of(db, "supervisee", cleo),
                supervisor_id=_id_of(db, "supervisor", mei_gid),
                effective_from=days_ago(5),
            )
            uow.commit()
        sync(mei.db, db)
        assert _details(mei.db, cleo) == expected
        assert _licence(mei.db, rosa_gid) == licence
        sync(rosa.db, db)  # learns that Cleo moved
        assert _conflicts(db) == _conflicts(rosa.db) == _conflicts(mei.db) == []
        before = (_counts(db), _counts(rosa.db), _counts(mei.db))
        sync(rosa.db, db)
        sync(mei.db, db)
        assert (_counts(db), _counts(rosa.db), _counts(mei.db)) == before

        # An edit at the agency of a value set when Cleo was added wins everywhere, no conflict.
        with db.uow("director") as uow:
            person = people.get_supervisee(uow, _id_of(db, "supervisee", cleo))
            update_supervisee(
                uow, supervisee_id=person.id, name=person.name, credential=person.credential,
                position=person.position, start_date=person.start_date, language="en",
            )  # fmt: skip
            uow.commit()
        sync(rosa.db, db)
        sync(mei.db, db)
        for place in (db, rosa.db, mei.db):
            assert _details(place, cleo) == (days_ago(520).isoformat(), "en", "Peer")
        assert _conflicts(db) == _conflicts(rosa.db) == _conflicts(mei.db) == []
    finally:
        mei.db.close()


def test_a_hire_date_set_on_both_sides_the_later_wins_with_one_conflict_each(
    db: Database, rosa: Laptop
) -> None:
    sync(rosa.db, db)
    cleo = _gid(rosa, "Cleo")
    _set_hire(rosa.db, cleo, days_ago(510), "rosa")
    _set_hire(db, cleo, days_ago(505), "director")
    sync(rosa.db, db)
    assert _details(db, cleo)[0] == _details(rosa.db, cleo)[0] == days_ago(505).isoformat()
    (at_agency,) = _conflicts(db)
    (on_laptop,) = _conflicts(rosa.db)
    for event in (at_agency, on_laptop):
        assert (event["field"], event["kept"], event["lost"], event["lost_actor"]) == (
            "hire_date", days_ago(505).isoformat(), days_ago(510).isoformat(), "rosa"
        )  # fmt: skip
    before = (_counts(db), _counts(rosa.db))
    sync(rosa.db, db)
    assert (_counts(db), _counts(rosa.db)) == before


def test_a_cleared_detail_travels_as_an_edit(db: Database, rosa: Laptop) -> None:
    """Clearing a hire date is an edit like any other: the newer wins, empty or not."""
    sync(rosa.db, db)
    cleo = _gid(rosa, "Cleo")
    _set_hire(rosa.db, cleo, None, "rosa")
    sync(rosa.db, db)
    assert _details(db, cleo)[0] is _details(rosa.db, cleo)[0] is None
    _set_hire(db, cleo, days_ago(300), "director")  # set again at the agency, over the clearing
    sync(rosa.db, db)
    assert _details(db, cleo)[0] == _details(rosa.db, cleo)[0] == days_ago(300).isoformat()

    # A supervisor's licence expiry cleared on the laptop is cleared at the agency.
    rosa_gid = _rows(rosa.db, "SELECT global_id FROM supervisor WHERE id = ?", (rosa.supervisor,))[0][0]
    with rosa.uow("rosa") as uow:
        supervisors.edit_supervisor(uow, supervisor_id=rosa.supervisor, license_expires="")
        uow.commit()
    sync(rosa.db, db)
    assert _licence(db, rosa_gid) == _licence(rosa.db, rosa_gid) == ("LCPC", None, "rosa@example.org")
    assert _conflicts(db) == _conflicts(rosa.db) == []
    before = (_counts(db), _counts(rosa.db))
    sync(rosa.db, db)
    assert (_counts(db), _counts(rosa.db)) == before


def test_an_edit_made_before_the_creation_value_arrived_wins_without_a_conflict(
    tmp_path: Path, db: Database, rosa: Laptop
) -> None:
    """The agency got Cleo from her hours file (no language, no hire date) and set her language
    before the laptop's first sync: its edit wins over the language she was added with, on
    both sides, and is no conflict; the hire date set on the laptop arrives."""
    cleo = _gid(rosa, "Cleo")
    with rosa.uow() as uow:
        hours_files.write_hours_file(uow, supervisee_id=rosa.supervisees["Cleo"], path=tmp_path / "c.hours")
        uow.commit()
    with db.uow("director") as uow:
        hours_files.import_hours_file(uow, tmp_path / "c.hours")
        uow.commit()
    assert _details(db, cleo) == (None, None, "Peer")
    with db.uow("director") as uow:
        person = people.get_supervisee(uow, _id_of(db, "supervisee", cleo))
        update_supervisee(
            uow, supervisee_id=person.id, name=person.name, credential=person.credential,
            position=person.position, start_date=person.start_date, language="en",
        )  # fmt: skip
        uow.commit()
    sync(rosa.db, db)
    assert _details(db, cleo) == _details(rosa.db, cleo) == (days_ago(520).isoformat(), "en", "Peer")
    assert _conflicts(db) == _conflicts(rosa.db) == []


def test_a_malformed_creation_is_refused_and_nothing_is_written(db: Database, rosa: Laptop) -> None:
    batch = copy.deepcopy(_batch_with_people(rosa, db))
    (person,) = [p for p in batch[people_member.PEOPLE_MEMBER]["people"] if p["kind"] == "supervisee"]
    assert person["created"]["chain"]
    for bad, code in (("yesterday", "person_merge.bad_edit"), ({"at": "soon"}, "person_merge.bad_time")):
        person["created"] = bad
        before = _counts(db)
        with pytest.raises(DomainError) as refused, db.uow("sync") as uow:
            sync_service.take_batch(uow, batch, source="the test batch", agency=True)
            uow.commit()
        assert refused.value.code == code
        assert _counts(db) == before


def _batch_with_people(laptop: Laptop, db: Database) -> dict[str, Any]:
    with db.uow("sync", reading=True) as uow:
        heads = sync_service.heads_of(uow)
    with laptop.uow() as uow:
        collected = sync_service.collect_up(uow, heads)
        gids = [g for (g,) in signing_rows.dbapi(uow).execute("SELECT global_id FROM supervisee").fetchall()]
        changes = people_member.supervisor_changes(uow, gids)
        out = sync_service.batches(collected.members)
        member = people_member.collect_people(
            uow, supervisees=gids, supervisors=sync_service.supervisors_of(out), changes=changes
        )
    (batch,) = sync_service.with_people(out, member)
    return batch


@pytest.mark.parametrize(
    ("forge", "code"),
    [
        (lambda p: p.update(people="nobody"), "hours_file.bad_people"),
        (
            lambda p: p["supervisor_changes"].append(
                {
                    "supervisee": p["people"][0]["global_id"],
                    "previous": None,
                    "supervisor": "no-such-supervisor",
                    "effective_from": "2026-01-01",
                    "reason": "",
                    "recorded_at": "2026-01-01 00:00:00",
                }
            ),
            "hours_file.unknown_person",
        ),
        (
            lambda p: p["supervisor_changes"].append(
                {"supervisee": "x", "supervisor": "y", "effective_from": "soon"}
            ),
            "hours_file.bad_people",
        ),
        (lambda p: p["people"][0]["details"].update(global_id="other"), "person_merge.field_not_editable"),
    ],
)
def test_a_bad_people_member_is_refused_and_nothing_is_written(
    db: Database, dana: Laptop, forge: Any, code: str
) -> None:
    batch = copy.deepcopy(_batch_with_people(dana, db))
    forge(batch[people_member.PEOPLE_MEMBER])
    before = _counts(db)
    with pytest.raises(DomainError) as refused, db.uow("sync") as uow:
        sync_service.take_batch(uow, batch, source="the test batch", agency=True)
        uow.commit()
    assert refused.value.code == code
    assert _counts(db) == before
    # the batch as it was goes in
    with db.uow("sync") as uow:
        sync_service.take_batch(uow, _batch_with_people(dana, db), source="the test batch", agency=True)
        uow.commit()
    assert _counts(db)["supervision_session"] == 1


def test_two_amendments_through_sync(tmp_path: Path, db: Database, dana: Laptop) -> None:
    """Dana amends Ana's session on laptop A and at the agency's desk (the record arrived
    there); both meet through sync, flagged as a pair and counted once: the same at the
    agency, on A and on laptop B, to whose supervisor Ana then moves."""
    sync(dana.db, db)
    ana = _gid(dana, "Ana")
    dana_gid = _rows(dana.db, "SELECT global_id FROM supervisor WHERE id = ?", (dana.supervisor,))[0][0]
    original = _rows(dana.db, "SELECT id FROM supervision_session WHERE supersedes_id IS NULL")[0][0]
    with db.uow("desk") as uow:
        mei = people.add_supervisor(uow, name="Rosa Desk", credentials="CRSS", password=OTHER_PASSWORD)
        auth.set_password_by_another(
            uow,
            supervisor_id=_id_of(db, "supervisor", dana_gid),
            new_password=PASSWORD,
            by_supervisor_id=mei.id,
            by_password=OTHER_PASSWORD,
        )
        uow.commit()
    with db.uow("desk") as uow:
        records.amend_record(
            uow, record_id=original, reason="It was 45", minutes=45, allocations={"advocacy": 45}
        )
        uow.commit()
    with db.uow("desk") as uow:
        signing.sign(uow, supervisor_id=_id_of(db, "supervisor", dana_gid), password=PASSWORD)
    with dana.uow() as uow:
        records.amend_record(
            uow, record_id=original, reason="It was 30", minutes=30, allocations={"advocacy": 30}
        )
        uow.commit()
    _sign(dana)  # signed later: the laptop's amendment is the newest
    sync(dana.db, db)

    def seen(place: Database) -> tuple[int, int]:
        with place.uow("test") as uow:
            (pair,) = amendment_pairs.pairs(uow)
            assert pair.original == original and len(pair.amendments) == 2
            progress = compute_progress(uow, supervisee_id=_id_of(place, "supervisee", ana))
        return len(pair.amendments), progress.supervision.counted_minutes

    assert seen(db) == seen(dana.db) == (2, 30)

    mei_laptop = _laptop(tmp_path / "b.db", "Mei Chen", "Carl")
    try:
        sync(mei_laptop.db, db)
        mei_gid = _rows(
            mei_laptop.db, "SELECT global_id FROM supervisor WHERE id = ?", (mei_laptop.supervisor,)
        )[0][0]
        with db.uow("director") as uow:
            supervisors.change_supervisor(
                uow,
                supervisee_id=_id_of(db, "supervisee", ana),
                supervisor_id=_id_of(db, "supervisor", mei_gid),
                effective_from=days_ago(2),
            )
            uow.commit()
        sync(mei_laptop.db, db)
        assert seen(mei_laptop.db) == (2, 30)
        for place in (db, dana.db, mei_laptop.db):
            _verified(place)
    finally:
        mei_laptop.db.close()


# --------------------------------------------------------------------------------------------
# The audit trail and print records go up (trail.json, foreign_trail)


def _trail(db: Database, table: str) -> list[tuple[Any, ...]]:
    return _rows(db, f"SELECT id, hash FROM {table} ORDER BY id")


def _held(db: Database, chain: str, table: str) -> list[tuple[Any, ...]]:
    return _rows(
        db, "SELECT id, hash FROM foreign_trail WHERE chain_id = ? AND tbl = ? ORDER BY id", (chain, table)
    )


def _chain(place: Laptop) -> str:
    return str(_rows(place.db, "SELECT global_id FROM database_identity")[0][0])


def _print(place: Laptop) -> None:
    with place.uow() as uow:
        data = attestation.prepare_verification(
            uow, supervisee_id=place.supervisees["Ana"], supervisor_id=place.supervisor
        )
        attestation.record_print(uow, data, printed_by="Dana Whitaker")
        uow.commit()


def test_the_laptops_trail_and_print_records_reach_the_agency(db: Database, dana: Laptop) -> None:
    _print(dana)
    sync(dana.db, db)
    chain = _chain(dana)
    audit_rows, prints = _trail(dana.db, "audit_event"), _trail(dana.db, "attestation")
    assert len(prints) == 1
    assert _held(db, chain, "audit_event") == audit_rows
    assert _held(db, chain, "attestation") == prints

    # Later rows continue the chain held there; again, nothing more.
    _session(dana, 100, 30, "Ana")
    _sign(dana)
    _print(dana)
    sync(dana.db, db)
    assert _held(db, chain, "audit_event") == _trail(dana.db, "audit_event")
    assert _held(db, chain, "attestation") == _trail(dana.db, "attestation")
    before = _counts(db)
    sync(dana.db, db)
    assert _counts(db) == before
    with pytest.raises(Exception, match="append-only"), db.uow("test") as uow:
        signing_rows.dbapi(uow).execute("DELETE FROM foreign_trail WHERE id = 1")


def _batch_with_trail(laptop: Laptop, db: Database) -> dict[str, Any]:
    with db.uow("sync", reading=True) as uow:
        heads = sync_service.heads_of(uow)
        held = trail_member.held_heads(uow, _chain(laptop))
    with laptop.uow() as uow:
        collected = sync_service.collect_up(uow, heads)
        trail = trail_member.collect_trail(uow, chain=_chain(laptop), after=held)
    (batch,) = sync_service.with_trail(sync_service.batches(collected.members), trail)
    return batch


def _rehash(rows: list[dict[str, Any]], start: int) -> None:
    """The rows from ``start`` on given hashes recomputed as if they had always been so."""
    prev = rows[start - 1]["hash"] if start else trails.GENESIS
    for row in rows[start:]:
        row["prev_hash"] = prev
        row["hash"] = prev = trails.row_hash(prev, row["fields"])


def _edit_actor(rows: list[dict[str, Any]], rehash: bool) -> None:
    rows[1]["fields"][2] = "someone else"
    if rehash:
        _rehash(rows, 1)


@pytest.mark.parametrize(
    ("rehash", "code", "named"),
    [
        (False, "hours_file.trail_differs", "audit_event row 2"),
        (True, "hours_file.trail_head_missing", "signature"),
    ],
)
def test_a_changed_trail_row_is_refused_naming_it_and_nothing_is_written(
    db: Database, dana: Laptop, rehash: bool, code: str, named: str
) -> None:
    batch = copy.deepcopy(_batch_with_trail(dana, db))
    _edit_actor(batch[trail_member.TRAIL_MEMBER]["rows"]["audit_event"], rehash)
    before = _counts(db) | {"trail": len(_rows(db, "SELECT id FROM foreign_trail"))}
    with pytest.raises(DomainError) as refused, db.uow("sync") as uow:
        sync_service.take_batch(uow, batch, source="the test batch", agency=True)
        uow.commit()
    assert refused.value.code == code
    assert named in str(refused.value)
    assert _counts(db) | {"trail": len(_rows(db, "SELECT id FROM foreign_trail"))} == before

    # A row held already, sent again changed, is refused too.
    sync(dana.db, db)
    again = _batch_with_trail(dana, db)
    with dana.uow() as uow:
        held = trail_member.collect_trail(uow, chain=_chain(dana), after={})
    _edit_actor(held["rows"]["audit_event"], rehash=False)
    with pytest.raises(DomainError) as refused, db.uow("sync") as uow:
        sync_service.take_batch(
            uow, {**again, trail_member.TRAIL_MEMBER: held}, source="the test batch", agency=True
        )
    assert refused.value.code == "hours_file.trail_differs"


@pytest.mark.postgres
def test_migration_0014_makes_foreign_trail_on_an_agency_database_at_0013(postgres_server: Any) -> None:
    """An agency database made before foreign_trail (here: made at head, the table dropped and
    the revision set back, by the owner) is upgraded by migration 0014 to exactly what
    create_agency_schema makes: the table, its append-only triggers and its change notice."""
    from postgres import agency_url
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    from supervisor_app.agency_schema import differences
    from supervisor_app.db import upgrade

    engine = create_engine(postgres_server.url(make_url(agency_url(postgres_server)).database))
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("DROP TABLE foreign_trail")
            for name in ("foreign_trail_append_only_update", "foreign_trail_append_only_delete"):
                conn.exec_driver_sql(f"DROP FUNCTION {name}()")
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0013'")
        with engine.connect() as conn:
            assert any("foreign_trail" in line for line in differences(conn))
        upgrade(engine, "0014")  # the later ones' objects are there already (made at head)
        with engine.connect() as conn:
            assert differences(conn) == []
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar_one() == "0014"
    finally:
        engine.dispose()
