"""Changing what was entered (issue 13): a supervisee's details, marking them inactive and back,
and the agency's details. Each change is checked, refused with a reason that changes nothing,
and logged with the values before and after."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import PASSWORD, TODAY, experience_fields, session_fields, snapshot
from supervisor_app.services import audit, people, records, signoff
from supervisor_app.services.errors import DomainError
from supervisor_app.services.progress import compute_progress
from supervisor_app.services.supervisee_edits import credential_locked_reason, first_record, update_supervisee
from supervisor_app.usecases import signing

DAY = dt.timedelta(days=1)


def _details(uow, supervisee_id: int | None = None) -> dict:  # type: ignore[no-untyped-def]
    """The newest audit event's details (of this supervisee, if given)."""
    event = audit.list_events(uow, supervisee_id=supervisee_id, limit=1)[0]
    assert event.action == audit.AuditAction.EDIT
    return json.loads(event.details)


def _edit(world, supervisee_id: int, **changes):  # type: ignore[no-untyped-def]
    """update_supervisee with the supervisee's current details, ``changes`` applied; committed."""
    with world.uow() as uow:
        person = people.get_supervisee(uow, supervisee_id)
        fields = dict(
            name=person.name,
            credential=person.credential,
            icb_id=person.icb_id,
            position=person.position,
            start_date=person.start_date,
        )
        fields.update(changes)
        row = update_supervisee(uow, supervisee_id=supervisee_id, **fields)
        uow.commit()
        return row


def _refused(world, supervisee_id: int, field: str, words: str, **changes) -> str:  # type: ignore[no-untyped-def]
    before = snapshot(world.db)
    with pytest.raises(DomainError) as caught:
        _edit(world, supervisee_id, **changes)
    assert caught.value.field == field
    assert words in str(caught.value), str(caught.value)
    assert snapshot(world.db) == before
    return str(caught.value)


# --------------------------------------------------------------------------------------------
# A supervisee's details


def test_editing_a_supervisee_changes_their_details_and_logs_before_and_after(world) -> None:
    start = TODAY - 600 * DAY
    _edit(
        world,
        world.ana,
        name="  Ana María Example ",
        icb_id="A-9001",
        position="Recovery Coach",
        start_date=start.isoformat(),
    )
    with world.uow() as uow:
        ana = people.get_supervisee(uow, world.ana)
        assert (ana.name, ana.icb_id, ana.position, ana.start_date, ana.credential) == (
            "Ana María Example",
            "A-9001",
            "Recovery Coach",
            start,
            "CRSS",
        )
        details = _details(uow, world.ana)
    assert details == {
        "supervisee": world.ana,
        "before": {
            "name": "Ana Example",
            "icb_id": "A-0",
            "position": "",
            "start_date": (TODAY - 500 * DAY).isoformat(),
        },
        "after": {
            "name": "Ana María Example",
            "icb_id": "A-9001",
            "position": "Recovery Coach",
            "start_date": start.isoformat(),
        },
    }


def test_saving_unchanged_details_writes_nothing(world) -> None:
    before = snapshot(world.db)
    _edit(world, world.ana, name=" Ana Example")
    assert snapshot(world.db) == before


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"name": "   "}, "name", "Supervisee name is required."),
        ({"name": "x" * 201}, "name", "too long"),
        ({"credential": "XYZ"}, "credential", "Unknown credential 'XYZ'"),
        ({"start_date": "2026-13-01"}, "start_date", "is not a date"),
        ({"start_date": TODAY + DAY}, "start_date", "is in the future"),
        ({"icb_id": "A-1"}, "icb_id", "ICB ID A-1 is already recorded for Ben Example"),
        ({"icb_id": "a-1"}, "icb_id", "already recorded for Ben Example"),  # not by letter case
        ({"icb_id": "A\x07"}, "icb_id", "control character"),
        ({"position": "p" * 201}, "position", "too long"),
    ],
)
def test_bad_details_are_refused_beside_their_field_and_change_nothing(world, changes, field, words) -> None:  # type: ignore[no-untyped-def]
    _refused(world, world.ana, field, words, **changes)


def test_an_icb_id_may_repeat_only_for_another_credential(world) -> None:
    """The same person earning a second credential keeps their ICB ID."""
    _edit(world, world.petra, icb_id="A-0")  # Ana's, but Petra works toward CPRS
    with world.uow() as uow:
        with pytest.raises(DomainError, match="already recorded for Ana Example") as caught:
            people.add_supervisee(uow, name="Ana Again", credential="CRSS", icb_id="A-0")
        assert caught.value.field == "icb_id"
        assert people.add_supervisee(uow, name="Ana Example", credential="CADC", icb_id="A-0").id


def test_the_start_date_may_not_fall_after_a_recorded_session(world) -> None:
    with world.uow() as uow:
        session = records.add_session(uow, **session_fields(world, date=TODAY - 10 * DAY))
        uow.commit()
    message = _refused(
        world, world.ana, "start_date", "no record may come before the start date", start_date=TODAY - 9 * DAY
    )
    assert f"already has a session on {(TODAY - 10 * DAY).isoformat()} (record {session.id[:8]})" in message
    assert f"Choose {(TODAY - 10 * DAY).isoformat()} or earlier" in message
    _edit(world, world.ana, start_date=TODAY - 10 * DAY)  # the day of the first session: fine
    _edit(world, world.ana, start_date=None)  # not known: fine
    _edit(world, world.ben, start_date=TODAY - 5 * DAY)  # Ben has no records


def test_the_start_date_may_not_fall_after_logged_experience(world) -> None:
    with world.uow() as uow:
        records.add_experience(uow, **experience_fields(world))  # from 30 days ago
        uow.commit()
    message = _refused(world, world.ana, "start_date", "experience logged from", start_date=TODAY - 29 * DAY)
    assert (TODAY - 30 * DAY).isoformat() in message


def test_a_voided_session_no_longer_holds_the_start_date_back(world) -> None:
    with world.uow() as uow:
        session = records.add_session(uow, **session_fields(world, date=TODAY - 20 * DAY))
        uow.commit()
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD)
        assert first_record(uow, world.ana) == (TODAY - 20 * DAY, "session", session.id)
        signing.void(
            uow,
            record_id=session.id,
            reason="Entered for the wrong person.",
            supervisor_id=world.dana,
            password=PASSWORD,
        )
        assert first_record(uow, world.ana) is None
    _edit(world, world.ana, start_date=TODAY - 10 * DAY)


def test_the_credential_can_change_until_records_are_in_its_domains(world) -> None:
    _edit(world, world.carla, credential="cprs")  # no records yet
    with world.uow() as uow:
        assert people.get_supervisee(uow, world.carla).credential == "CPRS"
        assert credential_locked_reason(uow, world.carla) == ""
        records.add_session(uow, **session_fields(world))
        uow.commit()
        assert "1 pending record in CRSS's performance domains" in credential_locked_reason(uow, world.ana)
    message = _refused(
        world, world.ana, "credential", "The credential cannot change from CRSS to CPRS", credential="CPRS"
    )
    assert "Delete them first" in message
    with world.uow() as uow:
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD)
    message = _refused(
        world, world.ana, "credential", "1 signed record in CRSS's performance domains", credential="CPRS"
    )
    assert "signed records never change" in message
    assert "add them again as a new supervisee" in message
    # Everything else can still be corrected, and the signed record still verifies.
    _edit(world, world.ana, name="Ana M. Example", icb_id="A-7781", start_date=TODAY - 30 * DAY)
    with world.uow() as uow:
        assert signoff.verify(uow).ok
        assert compute_progress(uow, supervisee_id=world.ana).supervision.signed_minutes == 60


def test_the_credential_is_held_by_an_experience_entry_too(world) -> None:
    with world.uow() as uow:
        records.add_experience(uow, **experience_fields(world))
        uow.commit()
    _refused(world, world.ana, "credential", "1 pending record", credential="CADC")


def test_editing_an_unknown_supervisee_is_refused(world) -> None:
    with world.uow() as uow, pytest.raises(DomainError, match="There is no supervisee with id 999"):
        update_supervisee(uow, supervisee_id=999, name="X", credential="CRSS")


# --------------------------------------------------------------------------------------------
# Inactive and back


def test_an_inactive_supervisee_keeps_their_records_and_progress_but_gets_no_new_ones(world) -> None:
    with world.uow() as uow:
        records.add_session(uow, **session_fields(world))
        uow.commit()
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD)
        people.set_active(uow, supervisee_id=world.ana, active=False)
        uow.commit()
        assert _details(uow, world.ana) == {
            "supervisee": world.ana,
            "before": {"active": True},
            "after": {"active": False},
        }
        assert world.ana not in [s.id for s in people.list_supervisees(uow, active_only=True)]
        assert world.ana in [s.id for s in people.list_supervisees(uow)]
        assert len(records.list_records(uow, "session", supervisee_id=world.ana)) == 1
        assert compute_progress(uow, supervisee_id=world.ana).supervision.signed_minutes == 60
        with pytest.raises(DomainError, match="Ana Example is marked inactive"):
            records.add_session(uow, **session_fields(world, date=TODAY - 2 * DAY))
    _edit(world, world.ana, name="Ana Example-Ruiz")  # details of someone who left can still be corrected
    with world.uow() as uow:
        people.set_active(uow, supervisee_id=world.ana, active=True)
        uow.commit()
        assert _details(uow, world.ana)["after"] == {"active": True}
        assert records.add_session(uow, **session_fields(world, date=TODAY - 2 * DAY)).id


def test_marking_inactive_twice_is_refused_and_changes_nothing(world) -> None:
    with world.uow() as uow:
        people.set_active(uow, supervisee_id=world.ben, active=False)
        uow.commit()
    before = snapshot(world.db)
    with world.uow() as uow:
        with pytest.raises(DomainError, match="Ben Example is already marked inactive") as caught:
            people.set_active(uow, supervisee_id=world.ben, active=False)
        assert caught.value.field == "active"
        with pytest.raises(DomainError, match="Ana Example is already active"):
            people.set_active(uow, supervisee_id=world.ana, active=True)
    assert snapshot(world.db) == before


# --------------------------------------------------------------------------------------------
# The agency


def _agency_id(world) -> int:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        agency = people.agency_for(uow, supervisor_id=world.dana)
        assert agency is not None
        return agency.id


def test_editing_the_agency_logs_before_and_after(world) -> None:
    agency_id = _agency_id(world)
    with world.uow() as uow:
        people.update_agency(
            uow,
            agency_id=agency_id,
            name="Prairie Lakes Recovery (TEST)",
            address=" 100 Example Avenue, Springfield, IL 62701 ",
            phone="(217) 555-0100 ext. 12",
        )
        uow.commit()
        agency = people.get_agency(uow, agency_id)
        saved = {"name": agency.name, "address": agency.address, "phone": agency.phone}
        assert (agency.name, agency.address, agency.phone) == (
            "Prairie Lakes Recovery (TEST)",
            "100 Example Avenue, Springfield, IL 62701",
            "(217) 555-0100 ext. 12",
        )
        assert _details(uow) == {
            "agency": agency_id,
            "before": {"name": "Prairie Lakes (TEST)", "address": "", "phone": ""},
            "after": {
                "name": "Prairie Lakes Recovery (TEST)",
                "address": "100 Example Avenue, Springfield, IL 62701",
                "phone": "(217) 555-0100 ext. 12",
            },
        }
        # The agency of a supervisor without one (Rafael) is the first one recorded.
        assert people.agency_for(uow, supervisor_id=world.rafael).id == agency_id  # type: ignore[union-attr]
    before = snapshot(world.db)
    with world.uow() as uow:
        people.update_agency(uow, agency_id=agency_id, **saved)
        uow.commit()
    assert snapshot(world.db) == before  # nothing changed: nothing logged


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"name": ""}, "agency", "Agency name is required."),
        ({"name": "lakeside (test)"}, "agency", "Another agency here is already called 'Lakeside (TEST)'"),
        ({"phone": "call us"}, "phone", "too few digits for a phone number"),
        ({"phone": "555-01"}, "phone", "too few digits"),
        ({"phone": "5" * 41}, "phone", "too long"),
        ({"address": "a" * 401}, "address", "too long"),
    ],
)
def test_bad_agency_details_are_refused_and_change_nothing(world, changes, field, words) -> None:  # type: ignore[no-untyped-def]
    agency_id = _agency_id(world)
    with world.uow() as uow:
        people.get_or_create_agency(uow, name="Lakeside (TEST)")
        uow.commit()
    before = snapshot(world.db)
    fields = {"name": "Prairie Lakes (TEST)", "address": "", "phone": ""} | changes
    with world.uow() as uow, pytest.raises(DomainError) as caught:
        people.update_agency(uow, agency_id=agency_id, **fields)
    assert caught.value.field == field and words in str(caught.value), str(caught.value)
    assert snapshot(world.db) == before
