"""Progress: SQL sums of signed minutes, pending apart, and plain words for what is missing."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import PASSWORD, TODAY, World, experience_fields, session_fields
from supervisor_app.services import records
from supervisor_app.services.progress import compute_progress
from supervisor_app.services.requirements import months_between
from supervisor_app.units import hours
from supervisor_app.usecases import signing


def _sign_all(world: World) -> None:
    with world.uow() as uow:
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD)


def _session(world: World, days_ago: int, **overrides) -> str:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        row = records.add_session(
            uow, **session_fields(world, date=TODAY - dt.timedelta(days=days_ago), **overrides)
        )
        uow.commit()
        return row.id


def test_pending_minutes_never_count_as_met(world: World) -> None:
    _session(world, 3)
    with world.uow() as uow:
        result = compute_progress(uow, supervisee_id=world.ana)
    assert result.supervision.signed_minutes == 0
    assert result.supervision.pending_minutes == 60
    assert result.supervision.domains["advocacy"].pending_minutes == 30
    assert not result.eligible
    assert "Supervision needs 100.00 more hours (0.00 of 100.00 signed)." in result.unmet


def test_signed_minutes_per_domain_and_format(world: World) -> None:
    _session(world, 10)
    _session(
        world,
        5,
        format="group",
        supervisee_ids=[world.ana, world.ben],
        minutes=90,
        allocations={"mentoring": 45, "recovery-support": 45},
    )
    _sign_all(world)
    with world.uow() as uow:
        ana = compute_progress(uow, supervisee_id=world.ana)
        ben = compute_progress(uow, supervisee_id=world.ben)
    assert ana.supervision.signed_minutes == 150
    assert ana.individual_minutes == 60 and ana.group_minutes == 90
    assert ana.supervision.domains["mentoring"].signed_minutes == 75
    assert ana.supervision.domains["mentoring"].group_minutes == 45
    assert ben.supervision.signed_minutes == 90  # each attendee is credited the session's time
    assert (
        "Professional Responsibility has no signed supervision yet; every domain must be covered."
        in ana.unmet
    )
    assert ana.sessions_signed == 2


def test_json_shape_is_the_contract(world: World) -> None:
    _session(world, 2)
    with world.uow() as uow:
        data = compute_progress(uow, supervisee_id=world.ana).to_json()
    assert set(data) == {
        "supervisee",
        "credential",
        "eligible",
        "supervision",
        "experience",
        "unmet",
        "notes",
        "weekly_gaps",
        "supervisors",
    }
    assert data["supervisee"] == {"id": world.ana, "name": "Ana Example"}
    assert data["credential"] == "CRSS"
    for part in ("supervision", "experience"):
        assert set(data[part]) == {
            "required_minutes",
            "signed_minutes",
            "pending_minutes",
            "counted_minutes",
            "domains",
        }
        for domain in data[part]["domains"].values():
            assert set(domain) == {"label", "required_minutes", "signed_minutes", "pending_minutes"}
            assert all(
                isinstance(domain[k], int) for k in ("required_minutes", "signed_minutes", "pending_minutes")
            )
    assert data["supervision"]["required_minutes"] == 6000
    assert data["experience"]["required_minutes"] == 120000
    assert list(data["supervision"]["domains"]) == [
        "advocacy",
        "professional-responsibility",
        "mentoring",
        "recovery-support",
    ]


def test_span_in_months() -> None:
    assert months_between(dt.date(2025, 1, 6), dt.date(2026, 1, 6)) == 12
    assert months_between(dt.date(2025, 1, 6), dt.date(2026, 1, 5)) == 11
    assert months_between(dt.date(2025, 3, 31), dt.date(2025, 4, 30)) == 0


def test_span_requirement_is_explained(world: World) -> None:
    _session(world, 220)
    _session(world, 2)
    _sign_all(world)
    with world.uow() as uow:
        result = compute_progress(uow, supervisee_id=world.ana)
    months = months_between(TODAY - dt.timedelta(days=220), TODAY - dt.timedelta(days=2))
    assert f"Supervision spans {months} of 12 months." in result.unmet


def test_experience_totals_and_window(world: World) -> None:
    with world.uow() as uow:
        records.add_experience(uow, **experience_fields(world))
        uow.commit()
    _sign_all(world)
    with world.uow() as uow:
        result = compute_progress(uow, supervisee_id=world.ana)
        # The same entry seen from five years on: it has left the 4-year window.
        later = compute_progress(uow, supervisee_id=world.ana, today=TODAY + dt.timedelta(days=5 * 365))
    assert result.experience.signed_minutes == 1800
    assert result.experience.domains["recovery-support"].signed_minutes == 1200
    assert later.experience.signed_minutes == 0
    assert later.outside_window_minutes == 1800
    assert any("no longer count" in note for note in later.notes)


def test_group_cap_limits_what_counts(world: World) -> None:
    # CRSS ships a 50% group cap of the 100 h requirement: at most 50 h of group time counts.
    for week in range(36):
        _session(
            world,
            3 + week * 7,
            format="group",
            supervisee_ids=[world.ana, world.ben],
            minutes=90,
            allocations={"advocacy": 30, "mentoring": 30, "recovery-support": 30},
            start="14:00",
        )
    _sign_all(world)
    with world.uow() as uow:
        result = compute_progress(uow, supervisee_id=world.ana)
    assert result.group_minutes == 36 * 90
    assert result.supervision.counted_minutes == 3000
    assert any("group hours count" in note for note in result.notes)


def test_demo_has_supervisees_at_every_stage(demo_db) -> None:  # type: ignore[no-untyped-def]
    from supervisor_app.services.people import list_supervisees

    with demo_db.uow() as uow:
        results = [compute_progress(uow, supervisee_id=s.id) for s in list_supervisees(uow)]
    eligible = [r for r in results if r.eligible]
    assert eligible, "the demo needs at least one eligible supervisee"
    assert any(r.supervision.signed_minutes == 0 or r.supervision.counted_minutes < 1500 for r in results)
    assert any(any("no signed supervision" in u or "needs" in u for u in r.unmet) for r in results)
    assert all(r.supervision.signed_minutes % 15 == 0 for r in results)
    assert any(r.supervision.pending_minutes > 0 for r in results)


@pytest.mark.parametrize(
    ("minutes", "text"), [(0, "0.00"), (90, "1.50"), (6000, "100.00"), (7, "0.12"), (120000, "2,000.00")]
)
def test_hours_are_two_decimals_from_minutes(minutes: int, text: str) -> None:
    assert hours(minutes) == text
