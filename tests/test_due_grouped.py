"""The Due list reads every active supervisee in a few grouped queries (issue 17): the same items
as the former per-supervisee reads (kept here only as the oracle), and a query count that does
not grow with the number of supervisees; on SQLite and on the agency database."""

from __future__ import annotations

import contextlib
import datetime as dt
import random
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.engine import Engine

from supervisor_app.db import UnitOfWork
from supervisor_app.models import (
    ExperienceAllocation,
    ExperienceEntry,
    PersonCredential,
    SessionAttendee,
    Supervisee,
    SupervisionSession,
)
from supervisor_app.services import due, people, person_credentials, records
from supervisor_app.services.person_credentials import Person
from supervisor_app.services.records import counts_clause, voided_clause
from supervisor_app.usecases import signing
from tests.conftest import PASSWORD, TODAY, World, experience_fields, session_fields

pytestmark = pytest.mark.backends


# -- the oracle: the per-supervisee reads due_items made before (three queries a supervisee) --


def _old_supervision(
    uow: UnitOfWork, supervisee: Supervisee, profile: Any, today: dt.date
) -> list[due.DueItem]:
    if profile.due.supervision_every_days is None:
        return []
    last = uow.session.scalar(
        select(func.max(SupervisionSession.date))
        .join(SessionAttendee, SessionAttendee.session_id == SupervisionSession.id)
        .where(
            SessionAttendee.supervisee_id == supervisee.id,
            SupervisionSession.date <= today,
            ~voided_clause(SupervisionSession),
        )
    )
    return due._supervision(supervisee, profile, today, last)


def _old_window(
    uow: UnitOfWork, supervisee: Supervisee, profile: Any, today: dt.date, horizon: dt.date
) -> list[due.DueItem]:
    window = profile.experience.window_years
    if window is None:
        return []
    years = window.value
    cutoff_now, cutoff_then = due._add_years(today, -years), due._add_years(horizon, -years)
    minutes, first_end = uow.session.execute(
        select(func.coalesce(func.sum(ExperienceAllocation.minutes), 0), func.min(ExperienceEntry.period_end))
        .join(ExperienceEntry, ExperienceEntry.id == ExperienceAllocation.entry_id)
        .where(
            ExperienceEntry.supervisee_id == supervisee.id,
            ExperienceEntry.period_end >= cutoff_now,
            ExperienceEntry.period_end < cutoff_then,
            counts_clause(ExperienceEntry),
        )
    ).one()
    return due._window(supervisee, profile, today, horizon, (minutes, first_end) if minutes else None)


def _old_hire(
    uow: UnitOfWork, supervisee: Supervisee, profile: Any, today: dt.date, horizon: dt.date
) -> list[due.DueItem]:
    held = uow.session.scalar(
        select(func.count())
        .select_from(PersonCredential)
        .where(
            PersonCredential.supervisee_id == supervisee.id, PersonCredential.kind == supervisee.credential
        )
    )
    return due._hire(supervisee, profile, today, horizon, bool(held))


def old_due_items(uow: UnitOfWork, *, today: dt.date, days: int) -> list[due.DueItem]:
    horizon = today + dt.timedelta(days=days)
    profiles = uow.db.profiles
    supervisees = list(
        uow.session.scalars(select(Supervisee).where(Supervisee.active.is_(True)).order_by(Supervisee.name))
    )
    names = {s.id: s.name for s in supervisees}
    supervisors = {s.id: s for s in uow.session.scalars(select(people.Supervisor))}
    items = due._credentials(uow, today, horizon, names, supervisors)
    for supervisee in supervisees:
        profile = profiles.get(supervisee.credential) if supervisee.credential in profiles else None
        if profile is None:
            continue
        items += _old_supervision(uow, supervisee, profile, today)
        items += _old_window(uow, supervisee, profile, today, horizon)
        items += _old_hire(uow, supervisee, profile, today, horizon)
    items += due._pending(uow, today, supervisors)
    items += due._unqualified(uow, today, supervisors)
    items.sort(key=lambda item: (item.date, item.rule, item.text))
    return items


def shown(items: list[due.DueItem]) -> list[tuple[Any, ...]]:
    return [(i.rule, i.date, i.text, i.target, i.supervisee_id, i.supervisor_id) for i in items]


# -- a generated agency --

CREDENTIALS = ["CRSS", "CPRS", "CADC", "LCPC"]


def _years(day: dt.date, years: int) -> dt.date:
    return due._add_years(day, years)


def generated_agency(world: World, seed: int, size: int = 14) -> list[int]:
    """``size`` more supervisees of varied profiles, starts, hires and activity, with sessions
    (some signed, some voided), experience around the 4-year window's edge (signed, pending,
    voided) and some holding their credential."""
    rng = random.Random(seed)
    ids: list[int] = []
    starts: dict[int, dt.date | None] = {}
    with world.uow() as uow:
        for kind in ("LCPC", "CADC"):  # Dana may supervise everyone generated here
            person_credentials.add_credential(
                uow,
                person=Person(supervisor_id=world.dana),
                kind=kind,
                number=f"D-{kind}",
                expires_on=_years(TODAY, 5),
            )
        # the first three always reach the employer's deadline: holding nothing, their own
        # credential (not due), another credential (due)
        fixed = [(None, 300), ("own", 300), ("other", 300)]
        for n in range(size):
            start = TODAY - dt.timedelta(days=rng.randrange(0, 900)) if rng.random() < 0.8 else None
            held, hired_ago = (
                fixed[n]
                if n < len(fixed)
                else (
                    rng.choice([None, "own", "other"]),
                    rng.randrange(0, 400) if rng.random() < 0.6 else None,
                )
            )
            supervisee = people.add_supervisee(
                uow,
                name=f"Gen {n % 9} Example",  # repeated names: ties must keep the same order
                credential="CRSS" if n < len(fixed) else rng.choice(CREDENTIALS),
                supervisor_id=world.dana,
                icb_id=f"G-{seed}-{n}",
            )
            ids.append(supervisee.id)
            starts[supervisee.id] = start  # set once the records are in (they may come before it)
            if hired_ago is not None:
                hired = TODAY - dt.timedelta(days=hired_ago)
                person_credentials.set_hire_date(uow, supervisee_id=supervisee.id, hire_date=hired)
            if held is not None:
                other = CREDENTIALS[(CREDENTIALS.index(supervisee.credential) + 1) % len(CREDENTIALS)]
                person_credentials.add_credential(
                    uow,
                    person=Person(supervisee_id=supervisee.id),
                    kind=supervisee.credential if held == "own" else other,
                    number=f"H-{n}",
                    expires_on=TODAY + dt.timedelta(days=rng.randrange(-100, 900)),
                )
        uow.commit()
        everyone = ids + [world.ana, world.ben, world.carla, world.petra]
        credential = {i: people.get_supervisee(uow, i).credential for i in everyone}
        domains = {code: uow.db.profiles.get(code).domain_codes for code in CREDENTIALS}
        most = {code: uow.db.profiles.get(code).supervision.individual_max for code in CREDENTIALS}
        to_sign, to_void = [], []
        for k, offset in enumerate(rng.sample(range(0, 260), 40)):
            code = credential[rng.choice(everyone)]
            same = [i for i in everyone if credential[i] == code]
            attendees = rng.sample(same, min(len(same), rng.randint(1, 3)))
            session = records.add_session(
                uow,
                **session_fields(
                    world,
                    date=TODAY - dt.timedelta(days=offset),
                    start=f"{8 + k % 9:02d}:00",
                    supervisee_ids=attendees,
                    format="group" if len(attendees) > most[code] else "individual",
                    allocations={domains[code][0]: 60},
                ),
            )
            roll = rng.random()
            if roll < 0.6:
                to_sign.append(session.id)
            if roll < 0.15:
                to_void.append(session.id)
        edge = _years(TODAY, -4)
        for supervisee_id in everyone:
            people.get_supervisee(uow, supervisee_id).start_date = None
            for slot in rng.sample(range(-8, 60), rng.randint(0, 4)):
                end = edge + dt.timedelta(days=slot * 8)
                entry = records.add_experience(
                    uow,
                    **experience_fields(
                        world,
                        supervisee_id=supervisee_id,
                        period_start=end - dt.timedelta(days=6),
                        period_end=end,
                        allocations={domains[credential[supervisee_id]][0]: rng.choice([30, 600, 1201])},
                    ),
                )
                roll = rng.random()
                if roll < 0.7:
                    to_sign.append(entry.id)
                if roll < 0.1:
                    to_void.append(entry.id)
        uow.commit()
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=to_sign)
        for record_id in to_void:
            signing.void(
                uow, record_id=record_id, reason="entered twice", supervisor_id=world.dana, password=PASSWORD
            )
        for supervisee_id, start in starts.items():
            people.get_supervisee(uow, supervisee_id).start_date = start
        for supervisee_id in rng.sample(everyone, 3):
            people.set_active(uow, supervisee_id=supervisee_id, active=False)
        uow.commit()
    return ids


@pytest.mark.parametrize("seed", [1, 2])
def test_the_grouped_reads_give_the_same_items_as_the_per_supervisee_reads(world: World, seed: int) -> None:
    generated_agency(world, seed)
    checked = set()
    with world.uow() as uow:
        for shift in (-400, -30, 0, 45, 200, 1500):
            for days in (0, 7, 60, 400):
                today = TODAY + dt.timedelta(days=shift)
                new = shown(due.due_items(uow, today=today, days=days))
                assert new == shown(old_due_items(uow, today=today, days=days)), (shift, days)
                checked.update(item[0] for item in new)
    # the generated agency reaches every per-supervisee rule (a comparison of empty lists proves nothing)
    assert {"supervision", "window", "hire"} <= checked


@contextlib.contextmanager
def counting() -> Iterator[list[int]]:
    count = [0]

    def one(*_args: Any, **_kwargs: Any) -> None:
        count[0] += 1

    event.listen(Engine, "before_cursor_execute", one)
    try:
        yield count
    finally:
        event.remove(Engine, "before_cursor_execute", one)


def test_the_number_of_queries_does_not_grow_with_the_supervisees(world: World) -> None:
    def queries() -> tuple[int, int]:
        with world.uow() as uow, counting() as count:
            items = due.due_items(uow)
        return count[0], len(items)

    with world.uow() as uow:
        hired = TODAY - dt.timedelta(days=200)
        person_credentials.set_hire_date(uow, supervisee_id=world.ana, hire_date=hired)
        uow.commit()
    before, items_before = queries()
    with world.uow() as uow:
        for n in range(12):
            supervisee = people.add_supervisee(
                uow,
                name=f"More {n}",
                credential=CREDENTIALS[n % 4],
                start_date=TODAY - dt.timedelta(days=300),
                supervisor_id=world.dana,
            )
            person_credentials.set_hire_date(uow, supervisee_id=supervisee.id, hire_date=hired)
        uow.commit()
    after, items_after = queries()
    assert items_after > items_before  # the new supervisees are due (no supervision, hire deadline)
    assert after == before
