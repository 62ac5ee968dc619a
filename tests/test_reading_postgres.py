"""The reading services on the agency database give what they give on a laptop's SQLite file:
progress (per domain, per supervisor), monthly hours, search, overlap refusals, due items, the
supervisee list, the attestation's figures. Every test runs on both (``backends``), with the
same data and the same expected figures; the SQL functions the two spell differently
(supervisor_app/sql_functions.py) are checked on their own, the fold character by character."""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any

import pytest
from sqlalchemy import func, literal, select, text

from conftest import PASSWORD, TODAY, World, experience_fields, session_fields
from supervisor_app.db import Database
from supervisor_app.models import SessionAttendee, SupervisionSession
from supervisor_app.reports.manifest import fingerprint_of
from supervisor_app.services import agency_check, attestation, due, overview, records
from supervisor_app.services.errors import DomainError
from supervisor_app.services.monthly_hours import hours_by_month
from supervisor_app.services.progress import compute_progress
from supervisor_app.services.text_search import register_fold
from supervisor_app.sql_functions import (
    FOLD_TABLE,
    group_concat,
    minutes_of_day,
    month_of,
    search_fold,
)
from supervisor_app.units import fold
from supervisor_app.usecases import signing

pytestmark = pytest.mark.backends

DAY = TODAY - dt.timedelta(days=40)


def _session(world: World, **overrides: Any) -> str:
    with world.uow() as uow:
        row = records.add_session(uow, **session_fields(world, **overrides))
        uow.commit()
        return row.id


def _experience(world: World, **overrides: Any) -> str:
    with world.uow() as uow:
        row = records.add_experience(uow, **experience_fields(world, **overrides))
        uow.commit()
        return row.id


def _pending_agency(world: World) -> dict[str, str]:
    """Pending records of two supervisors, one group, one with an accented topic."""
    return {
        "one": _session(world, date=DAY, start="09:30", minutes=60),
        "group": _session(
            world,
            date=DAY + dt.timedelta(days=35),
            start="14:00",
            minutes=90,
            format="group",
            supervisee_ids=[world.ana, world.ben],
            allocations={"mentoring": 45, "recovery-support": 45},
            topics="Crisis planning",
            site="Ñandú Center",
        ),
        "rafael": _session(
            world,
            supervisor_id=world.rafael,
            date=DAY + dt.timedelta(days=2),
            start="11:00",
            minutes=45,
            allocations={"advocacy": 45},
            topics="Résumé and ÉTICA",
        ),
        "entry": _experience(world),
    }


def _sql(db: Database, expression: Any) -> Any:
    with db.uow(reading=True) as uow:
        return uow.session.scalar(select(expression))


# --------------------------------------------------------------------------------------------
# The dialect helpers


def test_the_fold_table_folds_every_character_as_units_fold_does(db: Database) -> None:
    source, _target, longer = FOLD_TABLE
    chars = sorted(set(source) | {char for char, _folded in longer})
    assert len(chars) > 900
    # Every character of the table, each between two ASCII letters.
    texts = [f"A{char}z" for char in chars]
    with db.uow(reading=True) as uow:
        if not db.is_postgres:
            register_fold(uow)
        folded = {t: uow.session.scalar(select(search_fold(literal(t)))) for t in texts}
    wrong = [
        (char, unicodedata.name(char, hex(ord(char))), got, fold(t))
        for char, t in zip(chars, texts, strict=True)
        if (got := folded[t]) != fold(t)
    ]
    assert wrong == []


def test_the_fold_of_whole_names(db: Database) -> None:
    names = ["Nguyễn Thị Ánh", "Quiñones", "STRAßE", "Łukasz Żółć", "Ørsted", "Ĳsselmeer", "Cafe\u0301"]
    with db.uow(reading=True) as uow:
        if not db.is_postgres:
            register_fold(uow)
        got = [uow.session.scalar(select(search_fold(literal(name)))) for name in names]
    assert got == [fold(name) for name in names]


def test_month_and_minutes_of_day(world: World) -> None:
    day = TODAY - dt.timedelta(days=100)
    _session(world, date=day, start="13:45")
    with world.db.uow(reading=True) as uow:
        row = uow.session.execute(
            select(month_of(SupervisionSession.date), minutes_of_day(SupervisionSession.start_time))
        ).one()
    assert tuple(row) == (day.strftime("%Y-%m"), 13 * 60 + 45)


def test_group_concat_joins_with_the_separator(world: World) -> None:
    _session(world, supervisee_ids=[world.ana, world.ben], format="group")
    with world.db.uow(reading=True) as uow:
        joined = uow.session.scalar(select(group_concat(SessionAttendee.supervisee_id, ";")))
    assert sorted(map(int, joined.split(";"))) == sorted([world.ana, world.ben])


# --------------------------------------------------------------------------------------------
# Progress, monthly hours, the list (pending records; signed ones below)


def test_progress_of_pending_records(world: World) -> None:
    _pending_agency(world)
    with world.uow() as uow:
        ana = compute_progress(uow, supervisee_id=world.ana, check_integrity=False)
        ben = compute_progress(uow, supervisee_id=world.ben, check_integrity=False)
    assert ana.supervision.signed_minutes == 0
    assert ana.supervision.pending_minutes == 60 + 90 + 45
    assert ana.supervision.domains["mentoring"].pending_minutes == 30 + 45
    assert ana.supervision.domains["advocacy"].pending_minutes == 30 + 45
    assert ana.experience.pending_minutes == 1800
    assert ben.supervision.pending_minutes == 90
    assert ben.experience.pending_minutes == 0


def test_hours_by_month(world: World) -> None:
    first = (TODAY - dt.timedelta(days=200)).replace(day=1)
    second = (first + dt.timedelta(days=32)).replace(day=1)
    _session(world, date=second - dt.timedelta(days=1), start="09:00", minutes=60)
    _session(
        world, date=first + dt.timedelta(days=4), start="09:00", minutes=30, allocations={"advocacy": 30}
    )
    _session(world, date=second, start="09:00", minutes=45, allocations={"advocacy": 45})
    _experience(world, period_start=second + dt.timedelta(days=2), period_end=second + dt.timedelta(days=8))
    with world.uow() as uow:
        months = hours_by_month(uow, supervisee_id=world.ana)
    assert [(m.month, m.supervision_pending, m.experience_pending) for m in months] == [
        (first, 90, 0),
        (second, 45, 1800),
    ]
    assert all(m.supervision_signed == 0 and m.experience_signed == 0 for m in months)


def test_the_agency_list_of_pending_records(world: World) -> None:
    _pending_agency(world)
    with world.uow() as uow:
        rows = overview.supervisee_summaries(uow, include_inactive=True)
        dana = overview.supervisee_summaries(uow, supervisor_id=world.dana)
    by_name = {row.name: row for row in rows}
    assert list(by_name) == ["Ana Example", "Ben Example", "Carla Núñez", "Petra Nowak"]
    ana = by_name["Ana Example"]
    assert (ana.supervision_pending_minutes, ana.experience_pending_minutes) == (195, 1800)
    assert ana.last_session == DAY + dt.timedelta(days=35)
    assert by_name["Ben Example"].supervision_pending_minutes == 90
    assert by_name["Carla Núñez"].last_session is None
    assert [row.name for row in dana] == list(by_name)


# --------------------------------------------------------------------------------------------
# Search


@pytest.mark.parametrize(
    ("needle", "found"),
    [
        ("boundaries", {"one"}),  # ASCII, another case
        ("CRISIS", {"group"}),
        ("resume", {"rafael"}),  # accents in the row, none in the needle
        ("ética", {"rafael"}),  # accents in both, case folded beyond ASCII
        ("nandu", {"group"}),  # the site
        ("nunez", set()),  # Carla attends nothing
        ("ben exa", {"group"}),  # an attendee's name
        ("50%", set()),  # LIKE's wildcards are text
    ],
)
def test_searching_sessions(world: World, needle: str, found: set[str]) -> None:
    ids = _pending_agency(world)
    search = overview.SessionFilter(search=needle)
    with world.uow() as uow:
        page = overview.session_page(uow, filter=search)
        count = overview.count_sessions(uow, filter=search)
    names = {name for name, rid in ids.items() if rid in {row.id for row in page}}
    assert names == found
    assert count == len(found)


def test_searching_experience_by_setting_and_name(world: World) -> None:
    ids = _pending_agency(world)
    _experience(
        world,
        supervisee_id=world.carla,
        setting="Peer café",
        period_start=DAY,
        period_end=DAY + dt.timedelta(days=6),
    )
    with world.uow() as uow:
        cafe = overview.experience_page(uow, filter=overview.ExperienceFilter(search="CAFE"))
        carla = overview.count_experience(uow, filter=overview.ExperienceFilter(search="núñez"))
        drop_in = overview.experience_page(uow, filter=overview.ExperienceFilter(search="drop-IN"))
    assert [row.supervisee_name for row in cafe] == ["Carla Núñez"]
    assert carla == 1
    assert [row.id for row in drop_in] == [ids["entry"]]


# --------------------------------------------------------------------------------------------
# Overlaps, due items


def test_an_overlapping_session_is_refused_and_nothing_is_written(world: World) -> None:
    _pending_agency(world)
    with world.uow() as uow:
        before = uow.session.scalar(select(func.count()).select_from(SupervisionSession))
    at_ten = {"date": DAY, "start": "10:15", "minutes": 30, "allocations": {"advocacy": 30}}
    with world.uow() as uow, pytest.raises(DomainError, match="for Dana Whitaker on .* at 09:30 .60 min"):
        records.add_session(uow, **session_fields(world, **at_ten, supervisee_ids=[world.carla]))
    with world.uow() as uow, pytest.raises(DomainError, match="for Ana Example on .* at 09:30 .60 min"):
        records.add_session(uow, **session_fields(world, **at_ten, supervisor_id=world.rafael))
    with world.uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(SupervisionSession)) == before
    _session(world, date=DAY, start="10:30", minutes=30, allocations={"advocacy": 30})  # back to back


def test_due_items(world: World) -> None:
    _pending_agency(world)
    with world.uow() as uow:
        items = due.due_items(uow, days=60)
    texts = [item.text for item in items]
    assert any("pending" in t and "Dana Whitaker" in t for t in texts), texts
    assert any("pending" in t and "Rafael Ortiz" in t for t in texts), texts


def test_a_reading_unit_of_work_reads_search_and_sums(world: World) -> None:
    """The window's reads run in a read-only transaction on both."""
    _pending_agency(world)
    with world.db.uow(reading=True) as uow:
        assert overview.count_sessions(uow, filter=overview.SessionFilter(search="ética")) == 1
        assert len(overview.supervisee_summaries(uow)) == 4
        assert uow.session.execute(text("SELECT 1")).scalar() == 1


# --------------------------------------------------------------------------------------------
# Signed records: progress with its integrity check, the list, the forms' figures


def _sign(world: World, supervisor_id: int) -> None:
    with world.uow() as uow:
        signing.sign(uow, supervisor_id=supervisor_id, password=PASSWORD)


def _signed_agency(world: World) -> dict[str, str]:
    """The pending agency signed by both supervisors; then Dana's first session amended (90
    minutes, signed) and Rafael's voided."""
    ids = _pending_agency(world)
    ids["rafael_entry"] = _experience(
        world,
        supervisor_id=world.rafael,
        period_start=DAY,
        period_end=DAY + dt.timedelta(days=6),
        allocations={"advocacy": 300},
    )
    ids["late"] = _session(
        world, supervisor_id=world.rafael, date=DAY + dt.timedelta(days=3), start="11:00", minutes=30,
        allocations={"mentoring": 30},
    )  # fmt: skip
    _sign(world, world.dana)
    _sign(world, world.rafael)
    with world.uow() as uow:
        ids["amendment"] = records.amend_record(
            uow, record_id=ids["one"], reason="Sign-in sheet", minutes=90, allocations={"advocacy": 90}
        ).id
        uow.commit()
    _sign(world, world.dana)
    with world.uow() as uow:
        signing.void(
            uow, record_id=ids["late"], reason="Entered twice", supervisor_id=world.rafael, password=PASSWORD
        )
    return ids


def test_progress_of_signed_records_per_domain_and_supervisor(world: World) -> None:
    _signed_agency(world)
    with world.uow() as uow:
        ana = compute_progress(uow, supervisee_id=world.ana)  # the integrity check, then the sums
        unchecked = compute_progress(uow, supervisee_id=world.ana, check_integrity=False)  # SQL
        ben = compute_progress(uow, supervisee_id=world.ben)
    for result in (ana, unchecked):
        assert result.supervision.signed_minutes == 90 + 90 + 45  # the amendment, the group, Rafael's
        assert result.supervision.pending_minutes == 0
        assert result.individual_minutes == 135 and result.group_minutes == 90
        assert {
            code: d.signed_minutes for code, d in result.supervision.domains.items() if d.signed_minutes
        } == {
            "advocacy": 135,
            "mentoring": 45,
            "recovery-support": 45,
        }
        assert result.experience.signed_minutes == 1800 + 300
        assert result.sessions_signed == 3
        shares = [
            (s.name, s.individual_minutes, s.group_minutes, s.experience_minutes, s.agency)
            for s in result.supervisors
        ]
        assert shares == [
            ("Dana Whitaker", 90, 90, 1800, "Prairie Lakes (TEST)"),
            ("Rafael Ortiz", 45, 0, 300, "Prairie Lakes (TEST)"),  # the one agency
        ]
    assert ben.supervision.signed_minutes == 90 and ben.group_minutes == 90


def test_the_agency_list_of_signed_records_agrees_with_progress(world: World) -> None:
    _signed_agency(world)
    with world.uow() as uow:
        before = {row.id: row.verified for row in overview.supervisee_summaries(uow, include_inactive=True)}
        report = agency_check.verify_file(uow)
        rows = overview.supervisee_summaries(uow, include_inactive=True)
        progress = {row.id: compute_progress(uow, supervisee_id=row.id) for row in rows}
    assert report.ok
    assert set(before.values()) == {None}  # not known before the whole database is verified
    for row in rows:
        expected = progress[row.id]
        assert row.verified is True
        assert (
            row.supervision_counted_minutes,
            row.supervision_pending_minutes,
            row.experience_counted_minutes,
            row.experience_pending_minutes,
        ) == (
            expected.supervision.counted_minutes,
            expected.supervision.pending_minutes,
            expected.experience.counted_minutes,
            expected.experience.pending_minutes,
        )
    ana = next(row for row in rows if row.id == world.ana)
    assert (ana.supervision_counted_minutes, ana.experience_counted_minutes) == (225, 2100)


def test_hours_by_month_of_signed_and_amended_records(world: World) -> None:
    ids = _signed_agency(world)
    with world.uow() as uow:
        months = {m.month: m for m in hours_by_month(uow, supervisee_id=world.ben)}
        ana = hours_by_month(uow, supervisee_id=world.ana)
    group_day = DAY + dt.timedelta(days=35)
    assert [(m.month, m.supervision_signed) for m in months.values()] == [(group_day.replace(day=1), 90)]
    assert sum(m.supervision_signed for m in ana) == 225
    assert sum(m.experience_signed for m in ana) == 2100
    assert all(m.supervision_pending == 0 for m in ana), ids


def test_the_attestation_and_the_statement(world: World) -> None:
    ids = _signed_agency(world)
    with world.uow() as uow:
        data = attestation.prepare_verification(uow, supervisee_id=world.ana, supervisor_id=world.dana)
        statement = attestation.prepare_statement(uow, supervisee_id=world.ana)
        chains = [
            row[0]
            for row in uow.rows(
                "SELECT chain_hash FROM sign_off WHERE record_id IN (?, ?, ?, ?) ORDER BY seq",
                [ids["amendment"], ids["one"], ids["group"], ids["entry"]],
            )
        ]
    assert (data.applicant_name, data.supervisor_name, data.agency_name) == (
        "Ana Example",
        "Dana Whitaker",
        "Prairie Lakes (TEST)",
    )
    assert (data.individual_minutes, data.group_minutes, data.supervision_minutes) == (90, 90, 180)
    assert (data.sessions_total, data.sessions_individual, data.sessions_group) == (2, 1, 1)
    assert (data.first_session, data.last_session) == (DAY, DAY + dt.timedelta(days=35))
    assert data.paid_minutes == 1800 and data.experience_entries == 1
    assert [entry.record_id for entry in data.log] == [ids["amendment"], ids["group"]]
    assert [r.record_id for r in data.log[0].replaced] == [ids["one"]]
    assert data.log[1].start == dt.time(14, 0)
    assert data.signature_count == len(chains) == 4
    assert data.fingerprint == fingerprint_of(chains)
    assert statement.supervision.signed_minutes == 225
    assert statement.experience.signed_minutes == 2100
    assert (statement.individual_minutes, statement.group_minutes, statement.sessions_signed) == (135, 90, 3)
    assert (statement.first_session, statement.last_session) == (DAY, DAY + dt.timedelta(days=35))


def test_searching_signed_sessions_by_status(world: World) -> None:
    ids = _signed_agency(world)
    with world.uow() as uow:

        def found(**kwargs: Any) -> set[str]:
            return {row.id for row in overview.session_page(uow, filter=overview.SessionFilter(**kwargs))}

        assert found(status="voided") == {ids["late"]}
        assert found(status="amended") == {ids["one"]}
        assert found(status="signed", search="ÉTICA") == {ids["rafael"]}
        assert found(supervisor_id=world.rafael) == {ids["rafael"], ids["late"]}


def test_the_session_list_pages_by_its_key(world: World) -> None:
    made = [
        _session(
            world, date=DAY + dt.timedelta(days=day), start=start, minutes=30, allocations={"advocacy": 30}
        )
        for day, start in ((0, "09:00"), (0, "13:30"), (1, "08:00"), (2, "10:00"), (2, "16:15"))
    ]
    _session(world, date=DAY, start=None, minutes=30, modality="phone", allocations={"advocacy": 30})
    seen: list[str] = []
    starts: list[str] = []
    after = None
    with world.uow() as uow:
        while page := overview.session_page(uow, after=after, limit=2):
            seen += [row.id for row in page]
            starts += [row.start for row in page]
            after = page[-1].key
    assert len(seen) == len(set(seen)) == 6 and set(made) <= set(seen)
    assert starts == ["16:15", "10:00", "08:00", "13:30", "09:00", ""]  # newest first, untimed last
