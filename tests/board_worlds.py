"""Signed records for the profiles the demo agency has no supervisee of (LCPC, QMHP): a
licensed counselor's two years of weekly supervision and experience, and a Rule 132
practicum. Built through the services, as a supervisor would enter and sign them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from supervisor_app.db import Database
from supervisor_app.services import people, records
from supervisor_app.usecases import signing

PASSWORD = "correct horse battery"
DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class BoardWorld:
    supervisor: int
    supervisee: int
    peer: int  # a second supervisee of the same credential (for 2-person sessions)
    gap_weeks: tuple[dt.date, ...]  # Mondays of the weeks left without supervision


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def build(db: Database, credential: str, *, today: dt.date, weeks: int = 104) -> BoardWorld:
    """``weeks`` of signed weekly supervision (three weeks skipped) and monthly experience
    entries for one supervisee of ``credential`` (LCPC or QMHP), all signed."""
    lcpc = credential == "LCPC"
    first_monday = _monday(today - weeks * 7 * DAY)
    skipped = (first_monday + 10 * 7 * DAY, first_monday + 11 * 7 * DAY, first_monday + 40 * 7 * DAY)
    with db.uow("test") as uow:
        supervisor = people.add_supervisor(
            uow,
            name="Dana Whitaker" if lcpc else "Grace Okafor",
            credentials="LCPC" if lcpc else "LCSW, QMHP",
            title="Clinical Director",
            license_type="LCPC" if lcpc else "LCSW",
            license_number="180.004417" if lcpc else "149.011208",
            license_expires=dt.date(2027, 3, 31),
            email="dana.whitaker@example.org" if lcpc else "grace.okafor@example.org",
            phone="(217) 555-0142",
            agency="Prairie Lakes Counseling (TEST)",
            password=PASSWORD,
        )
        supervisee = people.add_supervisee(
            uow,
            name="Ana Example" if lcpc else "Ben Example",
            credential=credential,
            icb_id="178.012345" if lcpc else "E-2207",
            position="Staff Therapist" if lcpc else "Practicum Student",
            start_date=first_monday - 14 * DAY,
            supervisor_id=supervisor.id,
        )
        peer = people.add_supervisee(
            uow,
            name="Carla Example",
            credential=credential,
            start_date=first_monday - 14 * DAY,
            supervisor_id=supervisor.id,
        )
        direct = "direct-service"
        other = "other-clinical" if lcpc else "other-practicum"
        for week in range(weeks):
            monday = first_monday + week * 7 * DAY
            if monday in skipped or monday + 2 * DAY > today:
                continue
            together = week % 8 == 3  # now and then both counselors: individual for the LCPC
            records.add_session(
                uow,
                supervisor_id=supervisor.id,
                supervisee_ids=[supervisee.id, peer.id] if together and lcpc else [supervisee.id],
                date=monday + 2 * DAY,
                start="10:00",
                minutes=60,
                format="individual",
                modality="video" if week % 5 == 0 else "in-person",
                allocations={direct: 30, other: 30} if not lcpc else {direct: 45},
            )
        # Experience: every 4 weeks an entry; LCPC ~140 h each (over 1,680 h in the first year).
        for block in range(weeks // 4):
            start = first_monday + block * 28 * DAY
            end = start + 27 * DAY
            if end > today:
                break
            total = (140 * 60 if lcpc else 40 * 60) + (15 * 60 if block < 13 and lcpc else 0)
            records.add_experience(
                uow,
                supervisor_id=supervisor.id,
                supervisee_id=supervisee.id,
                period_start=start,
                period_end=end,
                allocations={
                    direct: total * 55 // 100 // 15 * 15,
                    other: total - total * 55 // 100 // 15 * 15,
                },
                setting="Outpatient clinic",
                kind="paid" if lcpc else "internship",
            )
        uow.commit()
        signing.sign(
            uow, supervisor_id=supervisor.id, password=PASSWORD, record_ids=None, clock_is_right=True
        )
    return BoardWorld(supervisor.id, supervisee.id, peer.id, skipped)
