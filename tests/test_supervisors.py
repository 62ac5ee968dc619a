"""Changing who supervises (issue 13): a supervisor's details, a supervisee's supervisor from a
date, a supervisor who leaves and their successor; passwords and recovery keys (issue 14)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from conftest import PASSWORD, TODAY, World, session_fields, snapshot
from supervisor_app.models import SignOff, Supervisor
from supervisor_app.reports import render_verification
from supervisor_app.services import attestation, audit, auth, people, records, signoff, supervisors
from supervisor_app.services.errors import DomainError
from supervisor_app.usecases import signing

NEW_PASSWORD = "a much longer passphrase"


def days_ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def add_session(world: World, **overrides) -> str:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        row = records.add_session(uow, **session_fields(world, **overrides))
        uow.commit()
        return row.id


def sign(world: World, ids: list[str] | None, supervisor: int, password: str = PASSWORD) -> list[str]:
    with world.uow(f"supervisor:{supervisor}") as uow:
        return signing.sign(uow, supervisor_id=supervisor, password=password, record_ids=ids).signed


def refused(world: World, match: str, work) -> None:  # type: ignore[no-untyped-def]
    """``work(uow)`` (then a commit) is refused with ``match`` and nothing changes."""
    before = snapshot(world.db)
    with world.uow() as uow, pytest.raises(DomainError, match=match):
        work(uow)
        uow.commit()
    assert snapshot(world.db) == before


def last_details(world: World) -> dict:  # type: ignore[type-arg]
    with world.uow() as uow:
        return json.loads(audit.list_events(uow, limit=1)[0].details)


# --------------------------------------------------------------------------------------------
# Editing a supervisor


def test_editing_a_supervisor_logs_before_and_after(world: World) -> None:
    with world.uow() as uow:
        changed = supervisors.edit_supervisor(
            uow,
            supervisor_id=world.dana,
            credentials="CRSS, LCPC, CADC",
            license_type="LCPC",
            license_number="180.009999",
            license_expires="2027-03-31",
            title="Clinical Supervisor",  # unchanged: not logged
        )
        uow.commit()
    assert set(changed) == {"credentials", "license_type", "license_number", "license_expires"}
    details = last_details(world)
    assert details["before"] == {
        "credentials": "CRSS, LCPC",
        "license_type": "",
        "license_number": "",
        "license_expires": None,
    }
    assert details["after"]["license_expires"] == "2027-03-31"
    with world.uow() as uow:
        dana = people.get_supervisor(uow, world.dana)
        assert dana.license_expires == dt.date(2027, 3, 31) and dana.credentials == "CRSS, LCPC, CADC"
        assert supervisors.expiry_notes(dana, today=dt.date(2027, 4, 1)) == ["License expired on 2027-03-31."]
        assert supervisors.expiry_notes(dana, today=dt.date(2027, 3, 1)) == ["License expires on 2027-03-31."]
        assert supervisors.expiry_notes(dana, today=dt.date(2026, 1, 1)) == []
        # Nothing changed: nothing logged.
        count = len(audit.list_events(uow))
        assert supervisors.edit_supervisor(uow, supervisor_id=world.dana, name="Dana Whitaker") == {}
        uow.commit()
        assert len(audit.list_events(uow)) == count


@pytest.mark.parametrize(
    ("changes", "match"),
    [
        ({"name": "  "}, "Supervisor name is required"),
        ({"credentials": ""}, "Credentials is required"),
        ({"email": "dana at example.org"}, "does not look like an email"),
        ({"license_expires": "31/03/2027"}, "License expiry '31/03/2027' is not a date"),
        ({"certification_expires": "soon"}, "Certification expiry 'soon' is not a date"),
        ({"license_number": "9" * 61}, "License number is too long"),
        ({"password_hash": "x"}, "Cannot change password_hash"),
    ],
)
def test_a_bad_edit_changes_nothing(world: World, changes: dict[str, str], match: str) -> None:
    refused(world, match, lambda uow: supervisors.edit_supervisor(uow, supervisor_id=world.dana, **changes))


def test_a_signed_record_survives_an_edit_of_its_supervisor(world: World) -> None:
    rid = add_session(world)
    sign(world, [rid], world.dana)
    with world.uow() as uow:
        supervisors.edit_supervisor(uow, supervisor_id=world.dana, name="Dana Whitaker-Lee")
        uow.commit()
        assert signoff.verify(uow).ok


# --------------------------------------------------------------------------------------------
# A supervisee's supervisor, from a date


def test_changing_a_supervisor_keeps_the_earlier_records_with_the_earlier_one(world: World) -> None:
    early = add_session(world, date=days_ago(20))
    sign(world, [early], world.dana)
    late = add_session(world, date=days_ago(3))  # Dana's, after the date: stays Dana's too
    with world.uow() as uow:
        result = supervisors.change_supervisor(
            uow,
            supervisee_id=world.ana,
            supervisor_id=world.rafael,
            effective_from=days_ago(10),
            reason="Caseload",
        )
        uow.commit()
    assert (result.previous_supervisor_id, result.supervisor_id) == (world.dana, world.rafael)
    assert result.records_from_then == 1
    with world.uow() as uow:
        assert people.get_supervisee(uow, world.ana).supervisor_id == world.rafael
        assert records.find_record(uow, early).supervisor_id == world.dana
        assert records.find_record(uow, late).supervisor_id == world.dana
        assert signoff.verify(uow).ok
        history = supervisors.supervisor_history(uow, supervisee_id=world.ana)
        events = audit.list_events(uow, supervisee_id=world.ana, limit=1)
    assert [(h.supervisor_name, h.since, h.until) for h in history] == [
        ("Dana Whitaker", None, days_ago(11)),
        ("Rafael Ortiz", days_ago(10), None),
    ]
    details = json.loads(events[0].details)
    assert details["before"] == {"supervisor_id": world.dana} and details["after"] == {
        "supervisor_id": world.rafael
    }
    assert details["effective_from"] == days_ago(10).isoformat() and details["reason"] == "Caseload"
    # The earlier supervisor still prints their form for the earlier records.
    with world.uow() as uow:
        data = attestation.prepare_verification(
            uow, supervisee_id=world.ana, supervisor_id=world.dana, signed_only=True
        )
    assert data.record_ids == (early,) and data.signed_by_others == ()


def test_a_bad_supervisor_change_changes_nothing(world: World) -> None:
    with world.uow() as uow:
        inactive = people.add_supervisor(uow, name="Gone Away", credentials="CRSS")
        inactive.active = False
        same = people.add_supervisor(uow, name="Carla as supervisor", credentials="CRSS")
        people.get_supervisee(uow, world.carla).same_person_supervisor_id = same.id
        uow.commit()
        inactive_id, same_id = inactive.id, same.id

    def change(supervisee: int, supervisor: int | str, day: object):  # type: ignore[no-untyped-def]
        return lambda uow: supervisors.change_supervisor(
            uow, supervisee_id=supervisee, supervisor_id=supervisor, effective_from=day
        )

    refused(world, "already Ana Example's supervisor", change(world.ana, world.dana, days_ago(1)))
    refused(world, "Gone Away is inactive", change(world.ana, inactive_id, days_ago(1)))
    refused(world, "cannot supervise their own hours", change(world.carla, same_id, days_ago(1)))
    refused(world, "in the future", change(world.ana, world.rafael, TODAY + dt.timedelta(days=1)))
    refused(world, "before Ana Example started", change(world.ana, world.rafael, days_ago(600)))
    refused(world, "Date of the change is required", change(world.ana, world.rafael, ""))
    refused(world, "is not a date", change(world.ana, world.rafael, "yesterday"))
    refused(world, "There is no supervisor with id 99", change(world.ana, 99, days_ago(1)))
    with world.uow() as uow:
        supervisors.change_supervisor(
            uow, supervisee_id=world.ana, supervisor_id=world.rafael, effective_from=days_ago(5)
        )
        uow.commit()
    refused(world, "last changed on .*must come after", change(world.ana, world.dana, days_ago(5)))


# --------------------------------------------------------------------------------------------
# A supervisor who leaves


def test_a_supervisor_who_leaves_hands_over_and_the_successor_signs_as_themselves(world: World) -> None:
    signed = add_session(world, date=days_ago(9))
    sign(world, [signed], world.dana)
    pending = add_session(world, date=days_ago(8))
    with world.uow() as uow:
        result = supervisors.supervisor_leaves(
            uow, supervisor_id=world.dana, successor_id=world.rafael, effective_from=days_ago(2)
        )
        uow.commit()
    assert [m.supervisee_name for m in result.supervisees] == [
        "Ana Example",
        "Ben Example",
        "Carla Núñez",
        "Petra Nowak",
    ]
    assert result.pending == 1
    details = last_details(world)
    assert details["before"]["active"] is True and details["after"] == {
        "active": False,
        "left_on": days_ago(2).isoformat(),
        "successor_id": world.rafael,
    }
    with world.uow() as uow:
        dana = people.get_supervisor(uow, world.dana)
        assert not dana.active and dana.successor_id == world.rafael
        assert all(s.supervisor_id == world.rafael for s in people.list_supervisees(uow))
        assert supervisors.inherited_pending_ids(uow, supervisor_id=world.rafael) == [pending]
    # Dana can no longer sign; Rafael signs what she left pending, as himself.
    with pytest.raises(DomainError, match="inactive"):
        sign(world, [pending], world.dana)
    with pytest.raises(DomainError, match="no pending records"):  # "all" is his own only
        sign(world, None, world.rafael)
    assert sign(world, [pending], world.rafael) == [pending]
    with world.uow() as uow:
        assert signoff.verify(uow).ok
        record = records.find_record(uow, pending)
        assert record.supervisor_id == world.dana  # who supervised
        link = uow.session.execute(select(SignOff.signer_id).where(SignOff.record_id == pending)).scalar_one()
        assert link == world.rafael  # who signed
        signer_of_earlier = uow.session.execute(
            select(SignOff.signer_id).where(SignOff.record_id == signed)
        ).scalar_one()
        assert signer_of_earlier == world.dana  # what she signed stays hers
        events = audit.list_events(uow, record_id=pending, limit=1)
        assert json.loads(events[0].details) == {"as_successor_of": world.dana}
        data = attestation.prepare_verification(uow, supervisee_id=world.ana, supervisor_id=world.dana)
    assert data.supervisor_name == "Dana Whitaker"
    assert data.signed_by_others == (("Rafael Ortiz", 1),)
    pdf = render_verification(data, serial="T-1", generated=TODAY, app_version="test")
    assert pdf.startswith(b"%PDF")


def test_only_the_acting_successor_signs_and_not_after_a_return(world: World) -> None:
    pending = add_session(world, date=days_ago(8))
    with world.uow() as uow:
        lee = people.add_supervisor(uow, name="Lee Tran", credentials="CRSS", password=PASSWORD).id
        uow.commit()
    before = snapshot(world.db)
    with pytest.raises(DomainError, match="belongs to another supervisor"):
        sign(world, [pending], world.rafael)  # Dana is still here
    assert snapshot(world.db) == before
    with world.uow() as uow:
        supervisors.supervisor_leaves(
            uow, supervisor_id=world.dana, successor_id=world.rafael, effective_from=days_ago(5)
        )
        uow.commit()
    with world.uow() as uow:  # Rafael leaves too: Lee, his successor, signs for both
        supervisors.supervisor_leaves(uow, supervisor_id=world.rafael, successor_id=lee)
        uow.commit()
        assert supervisors.acting_successors(uow) == {world.dana: lee, world.rafael: lee}
    with world.uow() as uow:  # Rafael is back: he signs Dana's again, Lee no longer
        supervisors.reactivate_supervisor(uow, supervisor_id=world.rafael)
        uow.commit()
        assert supervisors.acting_successors(uow) == {world.dana: world.rafael}
    with world.uow() as uow:
        supervisors.reactivate_supervisor(uow, supervisor_id=world.dana)
        uow.commit()
    with pytest.raises(DomainError, match="belongs to another supervisor"):
        sign(world, [pending], lee)
    assert sign(world, [pending], world.dana) == [pending]


def test_a_bad_handover_changes_nothing(world: World) -> None:
    add_session(world, date=days_ago(8))
    with world.uow() as uow:
        gone = people.add_supervisor(uow, name="Gone Away", credentials="CRSS")
        gone.active = False
        alone = people.add_supervisor(uow, name="No One Yet", credentials="CRSS")
        uow.commit()
        gone_id, alone_id = gone.id, alone.id

    def leave(who: int, successor: int | None = None, day: object = None):  # type: ignore[no-untyped-def]
        return lambda uow: supervisors.supervisor_leaves(
            uow, supervisor_id=who, successor_id=successor, effective_from=day
        )

    refused(
        world, "4 supervisees and 1 record waiting for signature; choose the successor", leave(world.dana)
    )
    refused(world, "their own successor", leave(world.dana, world.dana))
    refused(world, "Gone Away is inactive and cannot be the successor", leave(world.dana, gone_id))
    refused(world, "already marked inactive", leave(gone_id, world.dana))
    refused(world, "in the future", leave(world.dana, world.rafael, TODAY + dt.timedelta(days=3)))
    refused(
        world, "Ana Example: .*before Ana Example started", leave(world.dana, world.rafael, days_ago(900))
    )
    with world.uow() as uow:  # Petra is also Rafael: he cannot take her over
        people.get_supervisee(uow, world.petra).same_person_supervisor_id = world.rafael
        uow.commit()
    refused(
        world, "Petra Nowak: Rafael Ortiz cannot supervise their own hours", leave(world.dana, world.rafael)
    )
    # Nobody to hand over: no successor needed.
    with world.uow() as uow:
        result = supervisors.supervisor_leaves(uow, supervisor_id=alone_id)
        uow.commit()
    assert result.supervisees == [] and result.successor_id is None


# --------------------------------------------------------------------------------------------
# Passwords and recovery keys (issue 14)


def test_a_new_account_gets_a_recovery_key_that_resets_the_password(world: World) -> None:
    with world.uow() as uow:
        lee, key = supervisors.create_supervisor(uow, name="Lee Tran", credentials="CRSS", password=PASSWORD)
        uow.commit()
        lee_id = lee.id
        stored = lee.recovery_key_hash
    assert key is not None and len(key) == 29 and key.count("-") == 4
    assert stored is not None and stored.startswith("$argon2id$") and key not in stored
    # A wrong key is counted like a wrong password, and changes nothing else.
    before = snapshot(world.db)
    with (
        world.uow() as uow,
        pytest.raises(auth.WrongPassword, match="Wrong recovery key for Lee Tran. 4 attempts"),
    ):
        auth.reset_with_recovery_key(
            uow, supervisor_id=lee_id, recovery_key="AAAAA-AAAAA", new_password=NEW_PASSWORD
        )
    assert snapshot(world.db) != before  # the count (and its audit event) only
    with world.uow() as uow:
        assert people.get_supervisor(uow, lee_id).password_hash is not None
        assert people.get_supervisor(uow, lee_id).failed_attempts == 1
    # Typed in lower case with spaces: still the key. A new key replaces it.
    with world.uow() as uow:
        new_key = auth.reset_with_recovery_key(
            uow, supervisor_id=lee_id, recovery_key=key.lower().replace("-", " "), new_password=NEW_PASSWORD
        )
        uow.commit()
    assert new_key != key
    rid = add_session(world, supervisor_id=lee_id, supervisee_ids=[world.ben])
    assert sign(world, [rid], lee_id, NEW_PASSWORD) == [rid]
    with world.uow() as uow, pytest.raises(auth.WrongPassword, match="Wrong recovery key"):
        auth.reset_with_recovery_key(
            uow, supervisor_id=lee_id, recovery_key=key, new_password="yet another one!"
        )


def test_a_forgotten_password_is_reset_by_another_supervisor(world: World) -> None:
    before = snapshot(world.db)
    with world.uow() as uow, pytest.raises(auth.WrongPassword):
        auth.set_password_by_another(
            uow,
            supervisor_id=world.dana,
            new_password=NEW_PASSWORD,
            by_supervisor_id=world.rafael,
            by_password="nope nope",
        )
    with world.uow() as uow, pytest.raises(DomainError, match="Another supervisor sets this password"):
        auth.set_password_by_another(
            uow,
            supervisor_id=world.dana,
            new_password=NEW_PASSWORD,
            by_supervisor_id=world.dana,
            by_password=PASSWORD,
        )
    with world.uow() as uow:
        key = auth.set_password_by_another(
            uow,
            supervisor_id=world.dana,
            new_password=NEW_PASSWORD,
            by_supervisor_id=world.rafael,
            by_password=PASSWORD,
        )
        uow.commit()
    assert key is not None  # Dana had no recovery key (made before keys existed)
    assert snapshot(world.db) != before
    with world.uow() as uow:
        details = json.loads(audit.list_events(uow, limit=1)[0].details)
    assert details == {"supervisor_id": world.dana, "set_by": world.rafael}
    rid = add_session(world)
    assert sign(world, [rid], world.dana, NEW_PASSWORD) == [rid]


def test_the_first_password_on_a_new_file_needs_nobody(db) -> None:  # type: ignore[no-untyped-def]
    with db.uow("test") as uow:
        first = people.add_supervisor(uow, name="First One", credentials="CRSS").id
        second = people.add_supervisor(uow, name="Second One", credentials="CRSS").id
        uow.commit()
    with db.uow("test") as uow:
        key = auth.change_password(uow, supervisor_id=first, old_password="", new_password=NEW_PASSWORD)
        uow.commit()
    assert key is not None
    with (
        db.uow("test") as uow,
        pytest.raises(DomainError, match="Another supervisor signed in sets the first one"),
    ):
        auth.change_password(uow, supervisor_id=second, old_password="", new_password=NEW_PASSWORD)
    with db.uow("test") as uow:
        assert uow.session.get(Supervisor, second).password_hash is None


def test_a_supervisor_replaces_their_recovery_key_with_their_password(world: World) -> None:
    with world.uow() as uow, pytest.raises(auth.WrongPassword):
        auth.new_recovery_key_for(uow, supervisor_id=world.dana, password="wrong one!")
    with world.uow() as uow:
        key = auth.new_recovery_key_for(uow, supervisor_id=world.dana, password=PASSWORD)
        uow.commit()
    with world.uow() as uow:
        assert auth.reset_with_recovery_key(
            uow, supervisor_id=world.dana, recovery_key=key, new_password=NEW_PASSWORD
        )
