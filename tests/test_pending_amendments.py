"""Pending figures with an amendment waiting: the amendment counts in place of the signed
original it will replace (signed + pending never counts both), and the signed figure keeps
the original until the amendment is signed. The same in every place that adds them up."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import PASSWORD, TODAY, World, experience_fields, session_fields
from supervisor_app.services import monthly_hours, overview, records
from supervisor_app.services.progress import compute_progress
from supervisor_app.usecases import signing


def _signed_session(world: World, **overrides) -> str:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        rid = records.add_session(uow, **session_fields(world, **overrides)).id
        uow.commit()
    with world.uow() as uow:
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=[rid])
    return rid


def _amend(world: World, record_id: str, **changes) -> str:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        rid = records.amend_record(uow, record_id=record_id, reason="Wrong length", **changes).id
        uow.commit()
    return rid


def _figures(world: World, supervisee_id: int, *, check_integrity: bool = True) -> dict[str, object]:
    with world.uow() as uow:
        progress = compute_progress(uow, supervisee_id=supervisee_id, check_integrity=check_integrity)
        (summary,) = overview.supervisee_summaries(uow, supervisee_ids=[supervisee_id])
        months = monthly_hours.hours_by_month(uow, supervisee_id=supervisee_id)
    return {
        "signed": progress.supervision.signed_minutes,
        "pending": progress.supervision.pending_minutes,
        "domains": {
            c: d.pending_minutes for c, d in progress.supervision.domains.items() if d.pending_minutes
        },
        "list_signed": summary.supervision_counted_minutes,
        "list_pending": summary.supervision_pending_minutes,
        "chart_signed": sum(m.supervision_signed for m in months),
        "chart_pending": sum(m.supervision_pending for m in months),
        "exp_signed": progress.experience.signed_minutes,
        "exp_pending": progress.experience.pending_minutes,
        "list_exp_pending": summary.experience_pending_minutes,
        "chart_exp_pending": sum(m.experience_pending for m in months),
    }


@pytest.mark.parametrize("check_integrity", [True, False])
def test_a_pending_amendment_counts_instead_of_the_original(world: World, check_integrity: bool) -> None:
    original = _signed_session(world)  # 60 min: advocacy 30, mentoring 30
    _amend(world, original, minutes=90, allocations={"advocacy": 30, "mentoring": 60})
    figures = _figures(world, world.ana, check_integrity=check_integrity)
    assert figures["signed"] == figures["list_signed"] == figures["chart_signed"] == 60  # the original
    # Signing the amendment will take the total from 60 to 90 minutes: 30 pending, not 90.
    assert figures["pending"] == figures["list_pending"] == figures["chart_pending"] == 30
    assert figures["domains"] == {"mentoring": 30}


def test_an_amendment_that_shortens_a_session_shows_what_it_takes_away(world: World) -> None:
    original = _signed_session(world, minutes=90, allocations={"advocacy": 60, "mentoring": 30})
    _amend(world, original, minutes=60, allocations={"advocacy": 30, "mentoring": 30})
    figures = _figures(world, world.ana)
    assert figures["signed"] == 90
    assert figures["pending"] == figures["list_pending"] == figures["chart_pending"] == -30
    assert figures["domains"] == {"advocacy": -30}


def test_once_the_amendment_is_signed_only_it_counts(world: World) -> None:
    original = _signed_session(world)
    amendment = _amend(world, original, minutes=90, allocations={"advocacy": 30, "mentoring": 60})
    with world.uow() as uow:
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=[amendment])
    figures = _figures(world, world.ana)
    assert figures["signed"] == figures["list_signed"] == figures["chart_signed"] == 90
    assert figures["pending"] == figures["list_pending"] == figures["chart_pending"] == 0


def test_a_new_pending_session_still_counts_whole(world: World) -> None:
    original = _signed_session(world)
    _amend(world, original, topics="Boundaries, corrected")  # same minutes: nothing to add
    with world.uow() as uow:
        records.add_session(uow, **session_fields(world, date=TODAY - dt.timedelta(days=3)))
        uow.commit()
    figures = _figures(world, world.ana)
    assert figures["signed"] == 60
    assert figures["pending"] == figures["list_pending"] == figures["chart_pending"] == 60


def test_experience_amendments_count_the_same_way(world: World) -> None:
    with world.uow() as uow:
        rid = records.add_experience(uow, **experience_fields(world)).id  # 1,800 minutes
        uow.commit()
    with world.uow() as uow:
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=[rid])
    _amend(world, rid, allocations={"recovery-support": 1500, "advocacy": 600})
    figures = _figures(world, world.ana)
    assert figures["exp_signed"] == 1800
    assert figures["exp_pending"] == figures["list_exp_pending"] == figures["chart_exp_pending"] == 300
