"""A person edited in two databases (issue 17, conflicts): each database hands the other its
people (person_merge.person_states) and applies the other's (apply_person_edits): per field
the newest edit wins on both sides, a conflict is logged once on each side naming the losing
value, its database and actor; an older incoming edit changes nothing; bad input is refused
with nothing changed. Two real SQLite databases holding the same person (matched by global id,
brought across by an hours file); no mocks."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from conftest import PASSWORD, TODAY, snapshot
from supervisor_app.db import Database, open_database
from supervisor_app.models import AuditEvent, Supervisee, Supervisor
from supervisor_app.services import hours_files, people, person_merge, records, supervisors
from supervisor_app.services.canonical import database_identity
from supervisor_app.services.errors import DomainError
from supervisor_app.services.supervisee_edits import update_supervisee
from supervisor_app.usecases import signing


@dataclass
class Side:
    db: Database
    chain: str

    def states(self) -> list[dict]:
        with self.db.uow("sync") as uow:
            return person_merge.person_states(uow)

    def take(self, states: list[dict]) -> person_merge.Outcome:
        with self.db.uow("sync") as uow:
            outcome = person_merge.apply_person_edits(uow, states)
            uow.commit()
        return outcome

    def ana(self) -> Supervisee:
        with self.db.uow("test") as uow:
            row = uow.session.scalar(select(Supervisee).where(Supervisee.icb_id == "A-1"))
            uow.session.expunge(row)
            return row

    def dana(self) -> Supervisor:
        with self.db.uow("test") as uow:
            row = uow.session.scalar(select(Supervisor).where(Supervisor.name.startswith("Dana")))
            uow.session.expunge(row)
            return row

    def rename_ana(self, name: str, actor: str, **more: object) -> None:
        ana = self.ana()
        with self.db.uow(actor) as uow:
            update_supervisee(
                uow, supervisee_id=ana.id, name=name, credential=ana.credential, icb_id=ana.icb_id,
                position=str(more.get("position", ana.position)), start_date=ana.start_date,
            )  # fmt: skip
            uow.commit()

    def conflicts(self) -> list[dict]:
        with self.db.uow("test") as uow:
            return [
                json.loads(e.details)
                for e in uow.session.scalars(select(AuditEvent).where(AuditEvent.action == "sync-conflict"))
            ]


def _rows(db: Database) -> dict[str, list[tuple]]:
    """The people and the audit trail's events, as stored."""
    conn = sqlite3.connect(db.path)  # type: ignore[arg-type]
    try:
        return {
            "supervisee": conn.execute("SELECT * FROM supervisee ORDER BY id").fetchall(),
            "supervisor": conn.execute("SELECT * FROM supervisor ORDER BY id").fetchall(),
            "audit_event": conn.execute("SELECT action, details FROM audit_event ORDER BY id").fetchall(),
        }
    finally:
        conn.close()


def _side(db: Database) -> Side:
    with db.uow("test") as uow:
        chain, _ = database_identity(uow.raw())
    return Side(db, chain or "")


@pytest.fixture
def sides(tmp_path: Path) -> tuple[Side, Side]:
    """The laptop (Dana, Ana) and the desk, which got Ana and Dana from her hours file."""
    laptop = open_database(tmp_path / "laptop.db")
    with laptop.uow("test") as uow:
        dana = people.add_supervisor(uow, name="Dana Whitaker", credentials="CRSS", password=PASSWORD)
        ana = people.add_supervisee(
            uow, name="Ana Example", credential="CRSS", icb_id="A-1", position="Peer",
            start_date=TODAY - dt.timedelta(days=400), supervisor_id=dana.id,
        )  # fmt: skip
        records.add_session(
            uow, supervisor_id=dana.id, supervisee_ids=[ana.id], date=TODAY - dt.timedelta(days=10),
            start="10:00", minutes=60, format="individual", modality="in-person",
            allocations={"advocacy": 60}, topics="Boundaries",
        )  # fmt: skip
        uow.commit()
        ana_id = ana.id
    with laptop.uow("test") as uow:
        signing.sign(uow, supervisor_id=dana.id, password=PASSWORD)
    with laptop.uow("test") as uow:
        hours_files.write_hours_file(uow, supervisee_id=ana_id, path=tmp_path / "ana.hours")
        uow.commit()
    desk = open_database(tmp_path / "desk.db")
    with desk.uow("test") as uow:
        hours_files.import_hours_file(uow, tmp_path / "ana.hours")
        uow.commit()
    yield _side(laptop), _side(desk)
    laptop.close()
    desk.close()


def test_a_name_edited_on_both_the_later_wins_on_each_side_one_event_on_each(
    sides: tuple[Side, Side],
) -> None:
    laptop, desk = sides
    gid = laptop.ana().global_id
    assert desk.ana().global_id == gid
    laptop.rename_ana("Ana Laptop", "dana@laptop")
    desk.rename_ana("Ana Desk", "mei@desk")  # later
    from_laptop, from_desk = laptop.states(), desk.states()

    on_laptop = laptop.take(from_desk)
    on_desk = desk.take(from_laptop)
    assert laptop.ana().name == desk.ana().name == "Ana Desk"
    assert on_laptop.applied == (("supervisee", gid, "name"),) and on_desk.applied == ()
    (lost_on_laptop,) = laptop.conflicts()
    (lost_on_desk,) = desk.conflicts()
    for event in (lost_on_laptop, lost_on_desk):
        assert event["field"] == "name" and event["global_id"] == gid
        assert (event["kept"], event["lost"]) == ("Ana Desk", "Ana Laptop")
        assert (event["lost_chain"], event["lost_actor"]) == (laptop.chain, "dana@laptop")
    assert lost_on_laptop["supervisee"] == laptop.ana().id and lost_on_desk["supervisee"] == desk.ana().id

    # A second round finds them equal: nothing applied, no more events; global ids unchanged.
    assert laptop.take(desk.states()).applied == () and desk.take(laptop.states()).applied == ()
    assert len(laptop.conflicts()) == len(desk.conflicts()) == 1
    assert laptop.ana().global_id == desk.ana().global_id == gid


def test_per_field_each_sides_own_edit_arrives_without_a_conflict(sides: tuple[Side, Side]) -> None:
    laptop, desk = sides
    laptop.rename_ana("Ana Laptop", "dana@laptop")
    desk.rename_ana(desk.ana().name, "mei@desk", position="Recovery coach")
    laptop.take(desk.states())
    desk.take(laptop.states())
    for side in (laptop, desk):
        assert (side.ana().name, side.ana().position) == ("Ana Laptop", "Recovery coach")
        assert side.conflicts() == []


def test_an_edit_made_after_seeing_the_other_follows_it_without_a_conflict(sides: tuple[Side, Side]) -> None:
    laptop, desk = sides
    laptop.rename_ana("Ana One", "dana@laptop")
    desk.take(laptop.states())
    assert desk.ana().name == "Ana One"
    desk.rename_ana("Ana Two", "mei@desk")  # over the laptop's edit
    stale = laptop.states()
    assert desk.take(stale).applied == ()  # the laptop has not seen it yet: nothing changes
    laptop.take(desk.states())
    assert laptop.ana().name == desk.ana().name == "Ana Two"
    assert laptop.conflicts() == desk.conflicts() == []


def test_an_older_incoming_edit_changes_nothing(sides: tuple[Side, Side]) -> None:
    laptop, desk = sides
    laptop.rename_ana("Ana Laptop", "dana@laptop")
    older = laptop.states()
    desk.rename_ana("Ana Desk", "mei@desk")
    before = _rows(desk.db)
    outcome = desk.take(older)
    assert outcome.applied == () and desk.ana().name == "Ana Desk"
    # its loss is on record (a conflict: neither saw the other), nothing else changed
    (event,) = desk.conflicts()
    assert (event["lost"], event["lost_chain"]) == ("Ana Laptop", laptop.chain)
    after = _rows(desk.db)
    assert (
        after["audit_event"][:-1] == before["audit_event"] and after["audit_event"][-1][0] == "sync-conflict"
    )
    assert {k: v for k, v in after.items() if k != "audit_event"} == {
        k: v for k, v in before.items() if k != "audit_event"
    }


def test_a_supervisors_details_merge_the_same_way(sides: tuple[Side, Side]) -> None:
    laptop, desk = sides
    with laptop.db.uow("dana@laptop") as uow:
        supervisors.edit_supervisor(uow, supervisor_id=laptop.dana().id, title="Clinical supervisor")
        uow.commit()
    desk.take(laptop.states())
    assert desk.dana().title == "Clinical supervisor" and desk.conflicts() == []


def test_the_states_of_the_people_named_are_those_of_everyone_and_carry_their_edits(
    sides: tuple[Side, Side],
) -> None:
    """A sync asks for the people it moves (person_states with global ids): it reads only them
    and their edits, and gets what the whole list says of them (a supervisor's edits carry no
    supervisee id; a supervisor and a supervisee may share an id)."""
    laptop, _desk = sides
    with laptop.db.uow("test") as uow:
        ben = people.add_supervisee(
            uow, name="Ben Example", credential="CRSS", icb_id="B-1", position="Peer",
            start_date=TODAY - dt.timedelta(days=300), supervisor_id=laptop.dana().id,
        )  # fmt: skip
        uow.commit()
        ben_gid = ben.global_id
    laptop.rename_ana("Ana Ramos", "dana@laptop")
    with laptop.db.uow("dana@laptop") as uow:
        supervisors.edit_supervisor(uow, supervisor_id=laptop.dana().id, title="Clinical supervisor")
        uow.commit()
    ana, dana = laptop.ana(), laptop.dana()
    assert ana.id == dana.id  # the same number, another kind
    everyone = {s["global_id"]: s for s in laptop.states()}
    with laptop.db.uow("sync") as uow:
        named = person_merge.person_states(uow, supervisees=[ana.global_id], supervisors=[dana.global_id])
        only_dana = person_merge.person_states(uow, supervisors=[dana.global_id])
        only_ben = person_merge.person_states(uow, supervisees=[ben_gid])
        nobody = person_merge.person_states(uow, supervisees=[], supervisors=[])
    assert named == [everyone[ana.global_id], everyone[dana.global_id]]
    assert set(named[0]["edited"]) == {"name"} and set(named[1]["edited"]) == {"title"}
    assert only_dana == [everyone[dana.global_id]] and only_ben == [everyone[ben_gid]]
    assert only_ben[0]["edited"] == {} and nobody == []


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (
            lambda s: {**s, "global_id": "00000000-0000-4000-8000-000000000000", "details": {}},
            "person_merge.no_details",
        ),
        (lambda s: {**s, "global_id": "00000000-0000-4000-8000-000000000000"}, "person_merge.unknown_person"),
        (lambda s: {**s, "details": {**s["details"], "supervisor_id": 7}}, "person_merge.field_not_editable"),
        (
            lambda s: {**s, "edited": {"global_id": {"at": "2026-01-01 00:00:00", "actor": "x"}}},
            "person_merge.field_not_editable",
        ),
        (lambda s: {**s, "kind": "agency"}, "person_merge.unknown_kind"),
        (lambda s: {**s, "edited": {"name": {"at": "yesterday", "actor": "x"}}}, "person_merge.bad_time"),
    ],
)
def test_bad_input_is_refused_and_nothing_changes(sides: tuple[Side, Side], change, code: str) -> None:  # type: ignore[no-untyped-def]
    laptop, desk = sides
    laptop.rename_ana("Ana Laptop", "dana@laptop")
    good, *_rest = [s for s in laptop.states() if s["kind"] == "supervisee"]
    before = snapshot(desk.db)
    # the good one first: refused whole, it is not applied either
    with pytest.raises(DomainError) as refused:
        desk.take([good, change(good)])
    assert refused.value.code == code
    assert snapshot(desk.db) == before


@pytest.mark.backends
def test_merging_runs_on_both_databases(world) -> None:  # type: ignore[no-untyped-def]
    """On the agency's PostgreSQL database as on SQLite: an edit from elsewhere applied (no
    conflict: never edited here), then a concurrent older one kept out and logged."""
    elsewhere = "ffffffff-ffff-4fff-bfff-ffffffffffff"
    with world.uow() as uow:
        ana = next(s for s in person_merge.person_states(uow) if s["kind"] == "supervisee")
    newer = {**ana, "chain": elsewhere, "details": {"position": "Coach"},
             "edited": {"position": {"at": "2026-01-02T00:00:00+00:00", "actor": "lee@elsewhere"}}}  # fmt: skip
    with world.uow("sync") as uow:
        assert person_merge.apply_person_edits(uow, [newer]).conflicts == ()
        uow.commit()
    with world.uow("mei") as uow:
        row = uow.session.scalar(select(Supervisee).where(Supervisee.global_id == ana["global_id"]))
        assert row.position == "Coach"
        update_supervisee(
            uow, supervisee_id=row.id, name=row.name, credential=row.credential, position="Mentor"
        )
        uow.commit()
    older = {**newer, "details": {"position": "Peer lead"},
             "edited": {"position": {"at": "2026-01-03T00:00:00+00:00", "actor": "lee@elsewhere"}}}  # fmt: skip
    with world.uow("sync") as uow:
        outcome = person_merge.apply_person_edits(uow, [older])
        uow.commit()
    assert outcome.applied == () and [(c["kept"], c["lost"], c["lost_actor"]) for c in outcome.conflicts] == [
        ("Mentor", "Peer lead", "lee@elsewhere")
    ]
    with world.uow() as uow:
        assert (
            uow.session.scalar(select(Supervisee.position).where(Supervisee.global_id == ana["global_id"]))
            == "Mentor"
        )
        events = uow.session.scalars(select(AuditEvent).where(AuditEvent.action == "sync-conflict")).all()
    assert len(events) == 1
