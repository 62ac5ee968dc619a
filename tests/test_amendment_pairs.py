"""Two amendments of one record (issue 17, conflicts): Dana signs a session of Ana's on her
laptop (Prairie Lakes), Ana's hours file goes to the desk database, where Dana (the same
person, matched by global id) amends the arrived session; on the laptop she amends it too.
When the hours files cross, both databases hold both amendments: both kept, the pair flagged,
progress counting the newest-signed one only, until one of the two is voided in its own chain.
Real SQLite files, real signing with keys, hours files between them; no mocks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from conftest import PASSWORD, TODAY, session_fields
from supervisor_app.db import Database, open_database
from supervisor_app.models import ExperienceEntry, SignOff, SupervisionSession, Supervisor
from supervisor_app.services import (
    amendment_pairs,
    auth,
    hours_files,
    overview,
    people,
    records,
    signoff,
    supervisors,
)
from supervisor_app.services.errors import DomainError
from supervisor_app.services.progress import compute_progress
from supervisor_app.usecases import signing

OTHER_PASSWORD = "another horse battery"


@dataclass
class Place:
    db: Database
    dana: int
    ana: int

    def uow(self):  # type: ignore[no-untyped-def]
        return self.db.uow("test")


def _sign(place: Place) -> None:
    with place.uow() as uow:
        signing.sign(uow, supervisor_id=place.dana, password=PASSWORD)


def _amend(place: Place, record_id: str, minutes: int) -> str:
    with place.uow() as uow:
        row = records.amend_record(
            uow, record_id=record_id, reason=f"It was {minutes} minutes", minutes=minutes,
            allocations={"advocacy": minutes},
        )  # fmt: skip
        uow.commit()
        return row.id


def _hand_over(source: Place, target: Database, path: Path) -> int:
    """Ana's hours file written by ``source`` and imported into ``target``: her id there."""
    with source.uow() as uow:
        hours_files.write_hours_file(uow, supervisee_id=source.ana, path=path)
        uow.commit()
    with target.uow("test") as uow:
        summary = hours_files.import_hours_file(uow, path)
        uow.commit()
    return summary.supervisee_id


def _totals(place: Place, part: str = "supervision") -> int:
    """Ana's counted supervision (or experience) minutes, the same by each way of adding them
    up: the progress service's SQL, the verified rows (sums_from_records) and the agency
    list's set-based SQL."""
    with place.uow() as uow:
        by_sql = compute_progress(uow, supervisee_id=place.ana, check_integrity=False)
        by_rows = compute_progress(uow, supervisee_id=place.ana)
    with place.db.uow("test", reading=True) as uow:
        (listed,) = overview.supervisee_summaries(uow, supervisee_ids=[place.ana])
    figures = {
        getattr(by_sql, part).counted_minutes,
        getattr(by_rows, part).counted_minutes,
        getattr(listed, f"{part}_counted_minutes"),
    }
    assert len(figures) == 1, figures
    return figures.pop()


def _pairs(place: Place) -> list[amendment_pairs.AmendmentPair]:
    with place.uow() as uow:
        return amendment_pairs.pairs(uow)


def _sessions(place: Place) -> int:
    with place.uow() as uow:
        return uow.session.scalar(select(func.count()).select_from(SupervisionSession)) or 0


def open_laptop(tmp_path: Path) -> Place:
    """Dana's laptop: Ana's 60-minute session, signed."""
    db = open_database(tmp_path / "laptop.db")
    with db.uow("test") as uow:
        dana = people.add_supervisor(
            uow, name="Dana Whitaker", credentials="CRSS", agency="Prairie Lakes (TEST)", password=PASSWORD
        )
        ana = people.add_supervisee(
            uow, name="Ana Example", credential="CRSS", start_date=TODAY - dt.timedelta(days=500),
            supervisor_id=dana.id,
        )  # fmt: skip
        uow.commit()
    place = Place(db, dana.id, ana.id)
    with place.uow() as uow:
        records.add_session(
            uow, supervisor_id=dana.id, supervisee_ids=[ana.id], date=TODAY - dt.timedelta(days=30),
            start="10:00", minutes=60, format="individual", modality="in-person",
            allocations={"advocacy": 60}, topics="Boundaries",
        )  # fmt: skip
        records.add_experience(
            uow, supervisee_id=ana.id, supervisor_id=dana.id, period_start=TODAY - dt.timedelta(days=60),
            period_end=TODAY - dt.timedelta(days=54), allocations={"recovery-support": 600},
            setting="Drop-in center", kind="paid",
        )  # fmt: skip
        uow.commit()
    _sign(place)
    return place


@pytest.fixture
def laptop(tmp_path: Path) -> Place:
    place = open_laptop(tmp_path)
    yield place
    place.db.close()


def open_desk(tmp_path: Path, laptop: Place) -> tuple[Place, int]:
    """The desk database: Mei works there; Ana's first hours file arrived, bringing Dana
    (inactive, no password); Dana is made active there and Mei sets her password. Returns
    the place (as Dana) and Mei's id."""
    db = open_database(tmp_path / "desk.db")
    with db.uow("test") as uow:
        mei = people.add_supervisor(
            uow, name="Mei Chen", credentials="CRSS", agency="Prairie Lakes (TEST)", password=OTHER_PASSWORD
        )
        uow.commit()
    ana = _hand_over(laptop, db, Path(db.path).with_name("first.hours"))  # type: ignore[arg-type]
    with db.uow("test") as uow:
        dana = uow.session.scalar(select(Supervisor).where(Supervisor.name == "Dana Whitaker"))
        assert dana is not None and not dana.active  # arrived with the file, matched by global id
        supervisors.reactivate_supervisor(uow, supervisor_id=dana.id)
        auth.set_password_by_another(
            uow,
            supervisor_id=dana.id,
            new_password=PASSWORD,
            by_supervisor_id=mei.id,
            by_password=OTHER_PASSWORD,
        )
        uow.commit()
        dana_id = dana.id
    return Place(db, dana_id, ana), mei.id


@pytest.fixture
def desk(tmp_path: Path, laptop: Place) -> tuple[Place, int]:
    place, mei = open_desk(tmp_path, laptop)
    yield place, mei
    place.db.close()


def two_amendments(tmp_path: Path) -> tuple[Place, Place, str, str]:
    """The laptop and the desk, each holding Dana's two amendments of Ana's session (45 minutes
    at the desk, then 30 on the laptop): (laptop, desk, the desk's, the laptop's). The caller
    closes both databases."""
    laptop = open_laptop(tmp_path)
    desk, _mei = open_desk(tmp_path, laptop)
    original = _original(laptop)
    at_desk = _amend(desk, original, 45)
    _sign(desk)
    on_laptop = _amend(laptop, original, 30)
    _sign(laptop)
    _hand_over(laptop, desk.db, tmp_path / "second.hours")
    _hand_over(desk, laptop.db, tmp_path / "third.hours")
    return laptop, desk, at_desk, on_laptop


def _entry(place: Place) -> str:
    with place.uow() as uow:
        return uow.session.scalar(select(ExperienceEntry.id).where(ExperienceEntry.supersedes_id.is_(None)))


def _original(place: Place) -> str:
    with place.uow() as uow:
        return uow.session.scalar(
            select(SupervisionSession.id).where(SupervisionSession.supersedes_id.is_(None))
        )


def test_two_amendments_of_one_record_are_both_kept_flagged_and_counted_once(
    tmp_path: Path, laptop: Place, desk: tuple[Place, int]
) -> None:
    here, _mei = desk
    original = _original(laptop)
    assert _totals(laptop) == 60 and _totals(here) == 60

    # At the desk, Dana amends the arrived session (a record of the desk's own chain) and signs.
    at_desk = _amend(here, original, 45)
    _sign(here)
    assert _totals(here) == 45 and _pairs(here) == []
    # On the laptop, not knowing, she amends it again, later.
    on_laptop = _amend(laptop, original, 30)
    _sign(laptop)
    assert _totals(laptop) == 30

    # The files cross: each database now holds both amendments.
    _hand_over(laptop, here.db, tmp_path / "second.hours")
    _hand_over(here, laptop.db, tmp_path / "third.hours")
    for place, local, arrived in ((laptop, on_laptop, at_desk), (here, at_desk, on_laptop)):
        assert _sessions(place) == 3  # both kept
        assert _totals(place) == 30  # the newest-signed only: not 30 + 45, not the original's 60
        (pair,) = _pairs(place)
        assert pair.original == original and pair.kind == "session" and pair.supervisee_ids == (place.ana,)
        assert [a.id for a in pair.amendments] == [on_laptop, at_desk]
        assert [a.counts for a in pair.amendments] == [True, False]
        assert {a.id: a.here for a in pair.amendments} == {local: True, arrived: False}
        assert {a.signer for a in pair.amendments} == {"Dana Whitaker"}
        assert pair.amendments[0].signed_at > pair.amendments[1].signed_at
        with place.uow() as uow:
            assert amendment_pairs.by_supervisee(uow) == {place.ana: [pair]}
            # both still show as signed (so either can be voided); the original as amended
            shown = {
                r["id"]: r["status"] for r in records.list_records(uow, "session", supervisee_id=place.ana)
            }
        assert shown == {original: "amended", on_laptop: "signed", at_desk: "signed"}

    for place in (laptop, here):
        with place.uow() as uow:
            report = signoff.verify(uow)
        assert report.ok, report.problems

    # At the desk: the laptop's amendment arrived, so it cannot be voided there...
    with here.uow() as uow, pytest.raises(DomainError, match="arrived in an hours file"):
        signing.void(uow, record_id=on_laptop, reason="twice", supervisor_id=here.dana, password=PASSWORD)
    # ...nor can the one set aside be amended again (it would stand beside the other).
    with here.uow() as uow, pytest.raises(DomainError, match="one of two signed amendments") as refused:
        records.amend_record(uow, record_id=at_desk, reason="again", minutes=20, allocations={"advocacy": 20})
    assert refused.value.code == "records.amend_set_aside"
    assert _sessions(here) == 3

    # Dana voids the desk's own amendment in the desk's chain: the flag clears, the count stays.
    with here.uow() as uow:
        signing.void(
            uow, record_id=at_desk, reason="Amended twice", supervisor_id=here.dana, password=PASSWORD
        )
    assert _pairs(here) == [] and _totals(here) == 30
    # On the laptop she voids the laptop's (the newest): the desk's amendment now counts there.
    with laptop.uow() as uow:
        signing.void(
            uow, record_id=on_laptop, reason="Amended twice", supervisor_id=laptop.dana, password=PASSWORD
        )
    assert _pairs(laptop) == [] and _totals(laptop) == 45


def test_an_experience_entry_amended_in_two_databases_counts_once(
    tmp_path: Path, laptop: Place, desk: tuple[Place, int]
) -> None:
    here, _mei = desk
    entry = _entry(laptop)
    assert _totals(laptop, "experience") == _totals(here, "experience") == 600
    amendments = []
    for place, minutes in ((laptop, 500), (here, 400)):  # the desk's is signed last
        with place.uow() as uow:
            row = records.amend_record(
                uow, record_id=entry, reason="Fewer hours", allocations={"recovery-support": minutes}
            )
            uow.commit()
            amendments.append(row.id)
        _sign(place)
    _hand_over(laptop, here.db, tmp_path / "second.hours")
    _hand_over(here, laptop.db, tmp_path / "third.hours")
    for place in (laptop, here):
        assert _totals(place, "experience") == 400
        (pair,) = _pairs(place)
        assert (pair.kind, pair.original, pair.supervisee_ids) == ("experience", entry, (place.ana,))
        assert [(a.id, a.counts) for a in pair.amendments] == [(amendments[1], True), (amendments[0], False)]
    with here.uow() as uow:
        signing.void(uow, record_id=amendments[1], reason="Twice", supervisor_id=here.dana, password=PASSWORD)
    assert _pairs(here) == [] and _totals(here, "experience") == 500


def test_only_the_records_own_supervisor_amends_an_arrived_record(desk: tuple[Place, int]) -> None:
    here, mei = desk
    original = _original(here)
    with here.uow() as uow:
        signs_before = uow.session.scalar(select(func.count()).select_from(SignOff))
    # Mei is not its supervisor: refused, whether she names herself or not.
    with (
        here.uow() as uow,
        pytest.raises(DomainError, match="only its own supervisor, Dana Whitaker") as refused,
    ):
        records.amend_record(
            uow, record_id=original, reason="no", minutes=30, allocations={"advocacy": 30}, supervisor_id=mei
        )
    assert refused.value.code == "records.arrived_not_own_supervisor"
    assert _sessions(here) == 1
    # A void of an arrived record stays refused, even by its own supervisor.
    with here.uow() as uow, pytest.raises(DomainError, match="arrived in an hours file") as refused:
        signing.void(uow, record_id=original, reason="no", supervisor_id=here.dana, password=PASSWORD)
    assert refused.value.code == "records.arrived_read_only"
    # Dana made inactive again: she cannot amend it here either.
    with here.uow() as uow:
        people.set_active(uow, supervisor_id=here.dana, active=False)
        uow.commit()
    with here.uow() as uow, pytest.raises(DomainError, match="only its own supervisor") as refused:
        records.amend_record(uow, record_id=original, reason="no", minutes=30, allocations={"advocacy": 30})
    with here.uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(SignOff)) == signs_before
    assert _sessions(here) == 1 and _totals(here) == 60


def test_an_amendment_of_an_arrived_record_is_signed_only_by_its_own_supervisor(
    desk: tuple[Place, int],
) -> None:
    """A pending amendment of an arrived record whose supervisor was changed (by a hand edit,
    say) is refused at signing: the signer must be the original's own supervisor."""
    here, mei = desk
    original = _original(here)
    amendment = _amend(here, original, 45)
    with here.uow() as uow:
        uow.session.get(SupervisionSession, amendment).supervisor_id = mei
        uow.commit()
    with here.uow() as uow, pytest.raises(DomainError, match="only its own supervisor") as refused:
        signing.sign(uow, supervisor_id=mei, password=OTHER_PASSWORD, record_ids=[amendment])
    assert refused.value.code == "records.arrived_not_own_supervisor"
    with here.uow() as uow:
        assert uow.session.get(SupervisionSession, amendment).status == "pending"
    assert _totals(here) == 60


@pytest.mark.backends
def test_the_pair_queries_run_on_both_databases(world) -> None:  # type: ignore[no-untyped-def]
    """The set-aside rule and the pair list are plain SQL that PostgreSQL runs too (on the
    agency database nothing is signed yet: no pairs, the pending session does not count)."""
    with world.uow() as uow:
        records.add_session(uow, **session_fields(world))
        uow.commit()
    with world.uow() as uow:
        assert amendment_pairs.pairs(uow) == [] and amendment_pairs.by_supervisee(uow) == {}
        counted = (
            select(func.count())
            .select_from(SupervisionSession)
            .where(records.counts_clause(SupervisionSession))
        )
        assert uow.session.scalar(counted) == 0
        assert uow.rows(records.set_aside_sql("supervision_session")) == []
        assert uow.rows(records.set_aside_sql("experience_entry", "a.id IS NOT NULL")) == []
