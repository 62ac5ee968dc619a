"""What is due (issue 20): every rule, with its exact text, from real rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from supervisor_app.services import due, people, person_credentials, records
from supervisor_app.services.errors import DomainError
from supervisor_app.services.person_credentials import Person
from supervisor_app.usecases import signing
from tests.conftest import PASSWORD, TODAY, World, experience_fields, session_fields


def day(offset: int) -> dt.date:
    return TODAY + dt.timedelta(days=offset)


def _years(d: dt.date, years: int) -> dt.date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return d.replace(year=d.year + years, day=28)


def credential(world: World, who: Person, **values) -> None:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        person_credentials.add_credential(uow, person=who, **values)
        uow.commit()


def expiring_supervisee(world: World) -> None:
    credential(world, Person(supervisee_id=world.ana), kind="CRSS", number="77", expires_on=day(10))


def expired_licence(world: World) -> None:
    credential(world, Person(supervisor_id=world.dana), kind="LCSW", number="149.1", expires_on=day(-5))
    credential(world, Person(supervisor_id=world.dana), kind="LCSW", number="149.0", expires_on=day(-800))


def later_than_horizon(world: World) -> None:
    credential(world, Person(supervisor_id=world.dana), kind="LCPC", expires_on=day(61))


def supervisor_certification(world: World) -> None:
    with world.uow() as uow:
        people.get_supervisor(uow, world.dana).certification_expires = TODAY
        uow.commit()


def supervision_gap(world: World) -> None:
    with world.uow() as uow:
        records.add_session(uow, **session_fields(world, date=day(-40)))
        records.add_session(uow, **session_fields(world, date=day(-3), supervisee_ids=[world.ben]))
        uow.commit()


def pending_old(world: World) -> None:
    with world.uow() as uow:
        records.add_session(uow, **session_fields(world, date=day(-20), supervisee_ids=[world.ben]))
        records.add_session(uow, **session_fields(world, date=day(-16), supervisee_ids=[world.ben]))
        records.add_session(uow, **session_fields(world, date=day(-5), supervisee_ids=[world.ben]))
        uow.commit()


def window_drop(world: World) -> None:
    end = _years(day(10), -4)
    with world.uow() as uow:
        people.get_supervisee(uow, world.carla).start_date = _years(TODAY, -5)
        entry = records.add_experience(
            uow,
            **experience_fields(
                world, supervisee_id=world.carla, period_start=end - dt.timedelta(days=6), period_end=end
            ),
        )
        uow.commit()
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=[entry.id])


def hire_deadline(world: World) -> None:
    hired = day(10)
    hired = hired.replace(year=hired.year - (1 if hired.month <= 6 else 0), month=(hired.month - 7) % 12 + 1)
    with world.uow() as uow:
        person_credentials.set_hire_date(uow, supervisee_id=world.petra, hire_date=hired)
        person_credentials.set_hire_date(uow, supervisee_id=world.ana, hire_date=hired)
        uow.commit()
    credential(world, Person(supervisee_id=world.ana), kind="CRSS", number="1")  # holds it: not due


def _hired() -> dt.date:
    hired = day(10)
    return hired.replace(year=hired.year - (1 if hired.month <= 6 else 0), month=(hired.month - 7) % 12 + 1)


def _deadline() -> dt.date:
    h = _hired()
    month = h.month - 1 + 6
    year, month = h.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(h.day, last))
        except ValueError:
            continue
    raise AssertionError


DUE_CASES: list[tuple[str, Callable[[World], None], str, list[str]]] = [
    ("a supervisee's credential expiring", expiring_supervisee, "expiring", [
        f"Ana Example's CRSS (no. 77) expires on {day(10).isoformat()}, in 10 days.",
    ]),
    ("its renewal short of CEUs", expiring_supervisee, "renewal", [
        f"Ana Example, renewal by {day(10).isoformat()}: CRSS renewal needs 40.00 more CEU hours (0.00 of 40.00). "
        "CRSS-I (the four domains) needs 15.00 more CEU hours (0.00 of 15.00). "
        "CRSS-II (core functions) needs 25.00 more CEU hours (0.00 of 25.00).",
    ]),
    ("an expired licence, the newest of its kind only", expired_licence, "expiring", [
        f"Dana Whitaker's LCSW (no. 149.1) expired on {day(-5).isoformat()}, 5 days ago.",
    ]),
    ("beyond the horizon: nothing", later_than_horizon, "expiring", []),
    ("a supervisor's certification", supervisor_certification, "expiring", [
        f"Dana Whitaker's certification (no. 5100) expires on {TODAY.isoformat()}, today.",
    ]),
    ("no supervision for longer than the cadence", supervision_gap, "supervision", [
        "Carla Núñez has had no supervision since starting on "
        f"{day(-500).isoformat()} (500 days); the CRSS profile asks for supervision every 30 days.",
        "Petra Nowak has had no supervision since starting on "
        f"{day(-500).isoformat()} (500 days); the CPRS profile asks for supervision every 30 days.",
        f"Ana Example has had no supervision for 40 days (last on {day(-40).isoformat()}); "
        "the CRSS profile asks for supervision every 30 days.",
    ]),
    ("pending records older than 14 days", pending_old, "pending", [
        f"2 pending records of Dana Whitaker are older than 14 days (the oldest from {day(-20).isoformat()}); "
        "sign or correct them.",
    ]),
    ("experience about to leave the window", window_drop, "window", [
        f"30.00 signed experience hours of Carla Núñez leave the 4-year window by {day(60).isoformat()} "
        f"(the first on {day(11).isoformat()}, in 11 days).",
    ]),
    ("the employer's deadline from hire", hire_deadline, "hire", [
        f"Petra Nowak was hired on {_hired().isoformat()}: the 6-month deadline for the CPRS is "
        f"{_deadline().isoformat()}, in {(_deadline() - TODAY).days} days.",
    ]),
]  # fmt: skip


@pytest.mark.parametrize(("case", "build", "rule", "texts"), DUE_CASES, ids=[c[0] for c in DUE_CASES])
def test_each_due_rule_says_exactly_what_is_due(
    world: World, case: str, build: Callable[[World], None], rule: str, texts: list[str]
) -> None:
    build(world)
    with world.uow() as uow:
        items = due.due_items(uow, days=60)
    assert [item.text for item in items if item.rule == rule] == texts


def test_items_say_where_to_act_and_come_by_date(world: World) -> None:
    expiring_supervisee(world)
    pending_old(world)
    with world.uow() as uow:
        items = due.due_items(uow, days=60)
    assert [i.date for i in items] == sorted(i.date for i in items)
    by_rule = {i.rule: i for i in items}
    assert (by_rule["expiring"].target, by_rule["expiring"].supervisee_id) == ("supervisee", world.ana)
    assert (by_rule["pending"].target, by_rule["pending"].supervisor_id) == ("to-sign", world.dana)


def test_an_inactive_supervisee_is_not_due(world: World) -> None:
    expiring_supervisee(world)
    with world.uow() as uow:
        people.set_active(uow, supervisee_id=world.ana, active=False)
        uow.commit()
        assert [i for i in due.due_items(uow, days=60) if i.supervisee_id == world.ana] == []


@pytest.mark.parametrize("days", ["-1", "x", "3651", "1.5"])
def test_a_bad_horizon_is_refused(world: World, days: str) -> None:
    with world.uow() as uow, pytest.raises(DomainError) as info:
        due.due_items(uow, days=days)  # type: ignore[arg-type]
    assert info.value.message == f"Days {days!r} must be a whole number from 0 to 3650."
