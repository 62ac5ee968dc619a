"""Hours from several supervisors add up in one supervisee's progress, with the breakdown per
supervisor the board asks for: in the service, the `progress` command (text and JSON) and the
progress statement PDF. Each attestation still covers one supervisor's hours only."""

from __future__ import annotations

import datetime as dt
import io
import json

import pypdf
import pytest

from conftest import PASSWORD, TODAY, World, experience_fields, session_fields
from supervisor_app.cli import main
from supervisor_app.reports import render_statement
from supervisor_app.services import attestation, people, records
from supervisor_app.services.errors import DomainError
from supervisor_app.services.progress import compute_progress
from supervisor_app.usecases import signing

DAY = dt.timedelta(days=1)


def _two_supervisors(world: World) -> int:
    """Ana: 60 individual minutes with Dana, a 90-minute group with Mai of another agency (Ben
    attends too), and experience under each; all signed by the supervisor who held them."""
    with world.uow() as uow:
        mai = people.add_supervisor(
            uow, name="Mai Trần", credentials="CADC", agency="Lakeside Recovery (TEST)", password=PASSWORD
        ).id
        records.add_session(uow, **session_fields(world, date=TODAY - 3 * DAY))
        records.add_session(
            uow,
            **session_fields(
                world,
                supervisor_id=mai,
                supervisee_ids=[world.ana, world.ben],
                date=TODAY - 2 * DAY,
                minutes=90,
                format="group",
                allocations={"advocacy": 45, "recovery-support": 45},
            ),
        )
        records.add_experience(uow, **experience_fields(world))
        records.add_experience(
            uow,
            **experience_fields(
                world,
                supervisor_id=mai,
                period_start=TODAY - 20 * DAY,
                period_end=TODAY - 14 * DAY,
                allocations={"mentoring": 900},
            ),
        )
        uow.commit()
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD)
        signing.sign(uow, supervisor_id=mai, password=PASSWORD)
    return mai


@pytest.mark.parametrize("check_integrity", [True, False])
def test_two_supervisors_hours_add_up_and_show_per_supervisor(world: World, check_integrity: bool) -> None:
    _two_supervisors(world)
    with world.uow() as uow:
        progress = compute_progress(uow, supervisee_id=world.ana, check_integrity=check_integrity)
    assert progress.supervision.signed_minutes == 150
    assert progress.experience.signed_minutes == 1800 + 900
    shares = {s.name: s for s in progress.supervisors}
    assert list(shares) == ["Dana Whitaker", "Mai Trần"]
    dana, mai_form = shares["Dana Whitaker"], shares["Mai Trần"]
    assert (dana.credentials, dana.agency) == ("CRSS, LCPC", "Prairie Lakes (TEST)")
    assert (mai_form.credentials, mai_form.agency) == ("CADC", "Lakeside Recovery (TEST)")
    assert (dana.individual_minutes, dana.group_minutes, dana.experience_minutes) == (60, 0, 1800)
    assert (mai_form.individual_minutes, mai_form.group_minutes, mai_form.experience_minutes) == (0, 90, 900)
    assert sum(s.supervision_minutes for s in progress.supervisors) == progress.supervision.signed_minutes
    assert (
        sum(s.supervision_counted_minutes for s in progress.supervisors)
        == progress.supervision.counted_minutes
    )
    assert (
        sum(s.experience_counted_minutes for s in progress.supervisors) == progress.experience.counted_minutes
    )


def test_a_capped_group_total_is_shared_out_so_the_parts_add_up(world: World) -> None:
    # Two supervisors run groups only; the 50% cap of 100 h allows 50 h of group: 3 x 12 h
    # with Dana and 2 x 12 h with Mai (60 h) are cut to 50 h, shared out 30 / 20.
    with world.uow() as uow:
        for index in range(5):
            records.add_session(
                uow,
                **session_fields(
                    world,
                    supervisor_id=world.dana if index < 3 else world.rafael,
                    supervisee_ids=[world.ana, world.ben],
                    date=TODAY - (10 + index) * DAY,
                    minutes=720,
                    format="group",
                    allocations={"advocacy": 720},
                ),
            )
        uow.commit()
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD)
        signing.sign(uow, supervisor_id=world.rafael, password=PASSWORD)
        progress = compute_progress(uow, supervisee_id=world.ana)
    assert progress.supervision.counted_minutes == 3000
    counted = {s.name: s.supervision_counted_minutes for s in progress.supervisors}
    assert counted == {"Dana Whitaker": 1800, "Rafael Ortiz": 1200}


def test_the_progress_command_shows_the_breakdown(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    mai = _two_supervisors(world)
    db = str(world.db.path)
    assert main(["--db", db, "progress", "--supervisee", str(world.ana)]) == 0
    text = capsys.readouterr().out
    assert "By supervisor" in text
    dana = next(line for line in text.splitlines() if "Dana Whitaker" in line)
    assert "(CRSS, LCPC), Prairie Lakes (TEST)" in dana and "1.00 h" in dana and "30.00 h" in dana
    mai_form = next(line for line in text.splitlines() if "Mai Trần" in line)
    assert "1.50 h" in mai_form and "15.00 h" in mai_form
    assert main(["--db", db, "--json", "progress", "--supervisee", str(world.ana)]) == 0
    data = json.loads(capsys.readouterr().out)
    by_name = {s["name"]: s for s in data["supervisors"]}
    assert by_name["Dana Whitaker"]["supervision_minutes"] == 60
    assert by_name["Mai Trần"] == {
        "id": mai,
        "name": "Mai Trần",
        "credentials": "CADC",
        "agency": "Lakeside Recovery (TEST)",
        "supervision_minutes": 90,
        "individual_minutes": 0,
        "group_minutes": 90,
        "supervision_counted_minutes": 90,
        "experience_minutes": 900,
        "experience_counted_minutes": 900,
    }


def test_the_progress_statement_lists_the_hours_by_supervisor(world: World) -> None:
    _two_supervisors(world)
    with world.uow() as uow:
        data = attestation.prepare_statement(uow, supervisee_id=world.ana)
    pdf = render_statement(data, generated=TODAY, app_version="1.0")
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    section = text[text.index("HOURS BY SUPERVISOR") :].split("\n")
    header = section.index("Experience h")
    assert section[header - 2 : header] == ["Supervisor (agency)", "Supervision h"]
    assert section[header + 1 : header + 9] == [
        "Dana Whitaker (CRSS, LCPC)",
        "1.00",
        "30.00",
        "Prairie Lakes (TEST)",
        "Mai Trần (CADC)",
        "1.50",
        "15.00",
        "Lakeside Recovery (TEST)",
    ]


def test_an_attestation_covers_one_supervisors_hours_only(world: World) -> None:
    mai = _two_supervisors(world)
    with world.uow() as uow:
        dana = attestation.prepare_verification(uow, supervisee_id=world.ana, supervisor_id=world.dana)
        mai_form = attestation.prepare_verification(uow, supervisee_id=world.ana, supervisor_id=mai)
    assert (dana.supervision_minutes, dana.experience_minutes) == (60, 1800)
    assert (mai_form.supervision_minutes, mai_form.experience_minutes) == (90, 900)
    assert not set(dana.record_ids) & set(mai_form.record_ids)
    assert {e.record_id for e in dana.log}.isdisjoint({e.record_id for e in mai_form.log})


def test_no_attestation_for_a_supervisor_without_signed_sessions_for_them(world: World) -> None:
    _two_supervisors(world)
    with world.uow() as uow, pytest.raises(DomainError, match="no signed supervision sessions by Dana"):
        attestation.prepare_verification(uow, supervisee_id=world.ben, supervisor_id=world.dana)
