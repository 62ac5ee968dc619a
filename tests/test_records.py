"""Every rule a single record must meet: the message a supervisor sees, and nothing written."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import TODAY, World, experience_fields, session_fields, snapshot
from supervisor_app.services import people, records
from supervisor_app.services.errors import DomainError

YESTERDAY = TODAY - dt.timedelta(days=1)

SESSION_CASES = [
    # id, overrides, words the message must contain, field
    (
        "allocations-short",
        {"allocations": {"advocacy": 30}},
        "add up to 30 minutes but the session is 60",
        "allocations",
    ),
    (
        "allocations-over",
        {"allocations": {"advocacy": 45, "mentoring": 30}},
        "more than the session's 60",
        "allocations",
    ),
    (
        "over-12-hours",
        {"minutes": 780, "allocations": {"advocacy": 780}, "start": "06:00"},
        "over 12 hours",
        "minutes",
    ),
    ("future-date", {"date": TODAY + dt.timedelta(days=1)}, "is in the future", "date"),
    (
        "before-start",
        {"date": TODAY - dt.timedelta(days=600)},
        "before Ana Example's start date",
        "date",
    ),
    ("zero-minutes", {"minutes": 0}, "must be more than 0 minutes", "minutes"),
    ("negative-minutes", {"minutes": -60}, "must be more than 0 minutes", "minutes"),
    ("fraction-minutes", {"minutes": "60.5"}, "not a whole number", "minutes"),
    (
        "not-15-minute-steps",
        {"minutes": 50, "allocations": {"advocacy": 50}},
        "15-minute steps",
        "minutes",
    ),
    (
        "unknown-domain",
        {"allocations": {"cooking": 60}},
        "'cooking' is not a CRSS performance domain",
        "allocations",
    ),
    (
        "zero-domain-minutes",
        {"allocations": {"advocacy": 60, "mentoring": 0}},
        "more than 0 minutes",
        "allocations",
    ),
    ("no-domains", {"allocations": {}}, "at least one performance domain", "allocations"),
    (
        "individual-with-two",
        {"supervisee_ids": ["ANA", "BEN"]},
        "exactly one supervisee",
        "supervisees",
    ),
    ("group-of-one", {"format": "group"}, "at least two supervisees", "supervisees"),
    (
        "mixed-credentials",
        {"supervisee_ids": ["ANA", "PETRA"], "format": "group"},
        "same credential",
        "supervisees",
    ),
    ("unknown-supervisee", {"supervisee_ids": [9999]}, "no supervisee with id 9999", "supervisees"),
    ("unknown-supervisor", {"supervisor_id": 9999}, "no supervisor with id 9999", "supervisor"),
    ("bad-format", {"format": "party"}, "Format must be one of individual, group", "format"),
    ("bad-modality", {"modality": "carrier pigeon"}, "Modality must be one of", "modality"),
    ("malformed-date", {"date": "03/02/2026"}, "not a date; write it as YYYY-MM-DD", "date"),
    ("malformed-time", {"start": "25:99"}, "not a time; write it as HH:MM", "start"),
    ("past-midnight", {"start": "23:30"}, "past midnight", "minutes"),
    ("control-character", {"topics": "Boundaries\x07"}, "control character", "topics"),
    ("topics-too-long", {"topics": "x" * 5000}, "too long", "topics"),
    ("no-supervisees", {"supervisee_ids": []}, "at least one supervisee", "supervisees"),
]


def _resolve(world: World, value):  # type: ignore[no-untyped-def]
    names = {"ANA": world.ana, "BEN": world.ben, "PETRA": world.petra}
    if isinstance(value, list):
        return [names.get(v, v) if isinstance(v, str) else v for v in value]
    return value


@pytest.mark.parametrize(
    ("case", "overrides", "message", "field"), SESSION_CASES, ids=[c[0] for c in SESSION_CASES]
)
def test_session_rule_refuses_and_writes_nothing(world: World, case, overrides, message, field):  # type: ignore[no-untyped-def]
    before = snapshot(world.db)
    overrides = {k: _resolve(world, v) for k, v in overrides.items()}
    with world.uow() as uow, pytest.raises(DomainError) as caught:
        records.add_session(uow, **session_fields(world, **overrides))
        uow.commit()
    assert message in caught.value.message
    assert caught.value.field == field
    assert snapshot(world.db) == before


def test_group_size_is_capped_by_the_profile(world: World) -> None:
    with world.uow() as uow:
        extra = [
            people.add_supervisee(uow, name=f"Peer {i}", credential="CRSS", supervisor_id=world.dana).id
            for i in range(7)
        ]
        uow.commit()
    before = snapshot(world.db)
    with world.uow() as uow, pytest.raises(DomainError, match="at most 8 supervisees") as caught:
        records.add_session(
            uow,
            **session_fields(world, format="group", supervisee_ids=[world.ana, world.ben, *extra]),
        )
    assert caught.value.field == "supervisees"
    assert snapshot(world.db) == before


def _add(world: World, **overrides):  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        row = records.add_session(uow, **session_fields(world, **overrides))
        uow.commit()
        return row.id


def test_overlap_for_the_same_supervisee_is_refused(world: World) -> None:
    _add(world)
    before = snapshot(world.db)
    with (
        world.uow() as uow,
        pytest.raises(DomainError, match="overlaps another session for Ana Example") as caught,
    ):
        # Another supervisor, same supervisee, 10:30 while the first runs 10:00-11:00.
        records.add_session(uow, **session_fields(world, supervisor_id=world.rafael, start="10:30"))
    assert caught.value.field == "start"
    assert snapshot(world.db) == before


def test_overlap_for_the_same_supervisor_is_refused(world: World) -> None:
    _add(world)
    before = snapshot(world.db)
    with (
        world.uow() as uow,
        pytest.raises(DomainError, match="overlaps another session for Dana Whitaker"),
    ):
        records.add_session(uow, **session_fields(world, supervisee_ids=[world.ben], start="10:45"))
    assert snapshot(world.db) == before


def test_back_to_back_sessions_are_fine(world: World) -> None:
    _add(world)
    _add(world, supervisee_ids=[world.ben], start="11:00")
    with world.uow() as uow:
        assert len(records.list_records(uow, "session")) == 2


def test_nobody_supervises_their_own_hours(world: World) -> None:
    with world.uow() as uow:
        me = people.add_supervisee(
            uow,
            name="Dana Whitaker",
            credential="CADC",
            supervisor_id=world.rafael,
            same_person_supervisor_id=world.dana,
        ).id
        uow.commit()
    before = snapshot(world.db)
    with world.uow() as uow, pytest.raises(DomainError, match="cannot supervise their own hours"):
        records.add_session(uow, **session_fields(world, supervisee_ids=[me], allocations={"screening": 60}))
    assert snapshot(world.db) == before


def test_inactive_supervisor_gets_no_new_records(world: World) -> None:
    with world.uow() as uow:
        people.set_active(uow, supervisor_id=world.dana, active=False)
        uow.commit()
    before = snapshot(world.db)
    with world.uow() as uow, pytest.raises(DomainError, match="inactive"):
        records.add_session(uow, **session_fields(world))
    assert snapshot(world.db) == before


def test_group_session_credits_every_attendee(world: World) -> None:
    record_id = _add(
        world,
        format="group",
        supervisee_ids=[world.ana, world.ben, world.carla],
        minutes=90,
        allocations={"advocacy": 45, "mentoring": 45},
    )
    with world.uow() as uow:
        for who in (world.ana, world.ben, world.carla):
            rows = records.list_records(uow, "session", supervisee_id=who)
            assert [r["id"] for r in rows] == [record_id]
            assert rows[0]["minutes"] == 90


EXPERIENCE_CASES = [
    (
        "ends-before-start",
        {"period_start": YESTERDAY, "period_end": YESTERDAY - dt.timedelta(days=3)},
        "ends",
        "period_end",
    ),
    (
        "future-end",
        {"period_end": TODAY + dt.timedelta(days=2)},
        "is in the future",
        "period_start",
    ),
    (
        "over-12-hours-a-day",
        {"allocations": {"advocacy": 7 * 13 * 60}},
        "more than 12 hours a day",
        "allocations",
    ),
    ("bad-kind", {"kind": "hobby"}, "Kind must be one of paid, volunteer, internship", "kind"),
    (
        "unknown-domain",
        {"allocations": {"juggling": 60}},
        "not a CRSS performance domain",
        "allocations",
    ),
    (
        "longer-than-a-year",
        {"period_start": TODAY - dt.timedelta(days=450)},
        "at most one year",
        "period_end",
    ),
    ("unknown-supervisee", {"supervisee_id": 4242}, "no supervisee with id 4242", "supervisee"),
    ("supervisee-id-not-a-number", {"supervisee_id": "ana"}, "is not a number", "supervisee"),
]


@pytest.mark.parametrize(
    ("case", "overrides", "message", "field"),
    EXPERIENCE_CASES,
    ids=[c[0] for c in EXPERIENCE_CASES],
)
def test_experience_rule_refuses_and_writes_nothing(world: World, case, overrides, message, field):  # type: ignore[no-untyped-def]
    before = snapshot(world.db)
    with world.uow() as uow, pytest.raises(DomainError) as caught:
        records.add_experience(uow, **experience_fields(world, **overrides))
    assert message in caught.value.message
    assert caught.value.field == field
    assert snapshot(world.db) == before


def test_overlapping_experience_periods_are_refused(world: World) -> None:
    with world.uow() as uow:
        records.add_experience(uow, **experience_fields(world))
        uow.commit()
    before = snapshot(world.db)
    with world.uow() as uow, pytest.raises(DomainError, match="overlaps this period"):
        records.add_experience(
            uow,
            **experience_fields(
                world,
                period_start=TODAY - dt.timedelta(days=26),
                period_end=TODAY - dt.timedelta(days=20),
            ),
        )
    assert snapshot(world.db) == before


def test_pending_records_can_be_edited_and_deleted_with_a_trace(world: World) -> None:
    from supervisor_app.services.audit import list_events

    record_id = _add(world)
    with world.uow() as uow:
        records.update_session(
            uow,
            record_id=record_id,
            **session_fields(world, minutes=45, allocations={"advocacy": 45}),
        )
        uow.commit()
    with world.uow() as uow:
        assert records.list_records(uow, "session")[0]["minutes"] == 45
        records.delete_pending(uow, record_id=record_id[:8])
        uow.commit()
    with world.uow() as uow:
        assert records.list_records(uow, "session") == []
        actions = [e.action for e in list_events(uow, record_id=record_id)]
    assert actions == ["delete-pending", "edit", "create"]


def test_short_or_ambiguous_record_ids_are_refused(world: World) -> None:
    _add(world)
    with world.uow() as uow, pytest.raises(DomainError, match="too short"):
        records.find_record(uow, "abc")
    with world.uow() as uow, pytest.raises(DomainError, match="no session or experience entry"):
        records.find_record(uow, "ffffffff-0000")


def test_ids_and_minutes_in_other_digits_are_plain_errors(world) -> None:  # type: ignore[no-untyped-def]
    """'²' passes str.isdigit() but int() refuses it; an id SQLite cannot store cannot be
    looked up: both are DomainErrors, never a traceback."""
    from supervisor_app.services import people
    from supervisor_app.services.errors import DomainError
    from supervisor_app.services.validation import whole_minutes

    with pytest.raises(DomainError, match="is not a whole number of minutes"):
        whole_minutes("⁶⁰", field="minutes", label="Minutes")
    assert whole_minutes("٦٠", field="minutes", label="Minutes") == 60  # Arabic-Indic digits are digits
    with world.uow() as uow:
        with pytest.raises(DomainError, match="is not a number"):
            people.get_supervisee(uow, "²")
        with pytest.raises(DomainError, match="There is no supervisee with id"):
            people.get_supervisee(uow, 10**30)
