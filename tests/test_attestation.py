"""The attestation service: the data behind the printed form, its refusals, and the print record."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest

from conftest import PASSWORD, TODAY, World, experience_fields, session_fields, snapshot
from supervisor_app.models import Attestation, AuditEvent
from supervisor_app.reports.data import VerificationData
from supervisor_app.reports.manifest import fingerprint_of
from supervisor_app.services import attestation, records
from supervisor_app.services.errors import DomainError
from supervisor_app.services.requirements import months_between
from supervisor_app.services.signoff import RecordsFailVerification
from supervisor_app.usecases import printing, signing

DAY = dt.timedelta(days=1)


def _session(world: World, days_ago: int, **overrides) -> str:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        row = records.add_session(uow, **session_fields(world, date=TODAY - days_ago * DAY, **overrides))
        uow.commit()
        return row.id


def _experience(world: World, start_ago: int, end_ago: int, **overrides) -> str:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        row = records.add_experience(
            uow,
            **experience_fields(
                world, period_start=TODAY - start_ago * DAY, period_end=TODAY - end_ago * DAY, **overrides
            ),
        )
        uow.commit()
        return row.id


def _sign(world: World, supervisor: int | None = None) -> None:
    with world.uow() as uow:
        signing.sign(uow, supervisor_id=supervisor or world.dana, password=PASSWORD)


def _records(world: World) -> dict[str, str]:
    """Ana's records: four sessions and two experience entries with Dana, one of each with Rafael."""
    ids = {
        "s40": _session(world, 40),  # individual, advocacy 30 + mentoring 30
        "s30": _session(
            world,
            30,
            minutes=90,
            modality="video",
            allocations={"professional-responsibility": 45, "recovery-support": 45},
        ),
        "g20": _session(
            world,
            20,
            format="group",
            supervisee_ids=[world.ana, world.ben],
            minutes=90,
            start="14:00",
            allocations={"mentoring": 45, "recovery-support": 45},
        ),
        "s10": _session(world, 10, minutes=30, modality="phone", allocations={"advocacy": 30}),
        "paid": _experience(world, 60, 54),  # 1,800 minutes, before the first session
        "volunteer": _experience(world, 45, 40, kind="volunteer", allocations={"mentoring": 600}),
        "rafael": _session(world, 15, supervisor_id=world.rafael),
        "rafael_exp": _experience(world, 20, 16, supervisor_id=world.rafael),
    }
    _sign(world)
    _sign(world, world.rafael)
    return ids


def _prepare(world: World, **kwargs) -> VerificationData:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        return attestation.prepare_verification(
            uow, supervisee_id=kwargs.pop("supervisee_id", world.ana), supervisor_id=world.dana, **kwargs
        )


def _chain_hashes(world: World, record_ids: list[str]) -> list[str]:
    conn = sqlite3.connect(world.db.path)
    try:
        marks = ",".join("?" * len(record_ids))
        return [
            row[0]
            for row in conn.execute(
                f"SELECT chain_hash FROM sign_off WHERE record_id IN ({marks}) ORDER BY seq", record_ids
            )
        ]
    finally:
        conn.close()


def test_every_field_comes_from_the_signed_records(world: World) -> None:
    ids = _records(world)
    data = _prepare(world)

    assert (data.applicant_name, data.applicant_icb_id, data.credential_code) == (
        "Ana Example",
        "A-0",
        "CRSS",
    )
    assert data.credential_name == "Certified Recovery Support Specialist"
    assert data.start_date == TODAY - 500 * DAY
    assert data.supervisor_name == "Dana Whitaker"
    assert (data.supervisor_credentials, data.supervisor_icb_number) == ("CRSS, LCPC", "5100")
    assert data.supervisor_title == "Clinical Supervisor"
    assert data.agency_name == "Prairie Lakes (TEST)"
    assert data.show_recovery_support_51 is True
    assert data.statement.startswith("I attest that I provided the supervision")

    # Supervision: only Dana's sessions; individual/group split per domain, in profile order.
    assert [d.code for d in data.domains] == [
        "advocacy",
        "professional-responsibility",
        "mentoring",
        "recovery-support",
    ]
    split = {d.code: (d.individual_minutes, d.group_minutes) for d in data.domains}
    assert split == {
        "advocacy": (60, 0),
        "professional-responsibility": (45, 0),
        "mentoring": (30, 45),
        "recovery-support": (45, 45),
    }
    assert (data.individual_minutes, data.group_minutes, data.supervision_minutes) == (180, 90, 270)
    assert (data.sessions_total, data.sessions_individual, data.sessions_group) == (4, 3, 1)
    assert (data.first_session, data.last_session) == (TODAY - 40 * DAY, TODAY - 10 * DAY)
    assert data.span_months == months_between(TODAY - 40 * DAY, TODAY - 10 * DAY)
    assert (data.date_from, data.date_to) == (data.first_session, data.last_session)

    # Experience: Dana's entries only, split by kind, with their own dates.
    assert (data.paid_minutes, data.volunteer_minutes, data.internship_minutes) == (1800, 600, 0)
    assert data.experience_entries == 2
    assert (data.experience_from, data.experience_to) == (TODAY - 60 * DAY, TODAY - 40 * DAY)

    # The log: one row per session, chronological, minutes per domain.
    assert [e.record_id for e in data.log] == [ids["s40"], ids["s30"], ids["g20"], ids["s10"]]
    group = data.log[2]
    assert (group.format, group.attendees, group.start) == ("group", 2, dt.time(14, 0))
    assert group.domain_minutes == (("mentoring", 45), ("recovery-support", 45))
    assert sum(e.minutes for e in data.log if e.counted) == data.supervision_minutes

    # The fingerprint: SHA-256 over the chain hashes of the included signatures, in order.
    included = [ids[k] for k in ("s40", "s30", "g20", "s10", "paid", "volunteer")]
    assert sorted(data.record_ids) == sorted(included)
    chains = _chain_hashes(world, included)
    assert data.signature_count == len(chains) == 6
    assert data.fingerprint == hashlib.sha256("".join(chains).encode()).hexdigest()
    assert data.fingerprint_groups.split() == [data.fingerprint[i : i + 4] for i in range(0, 64, 4)]


def test_the_range_limits_sessions_and_experience(world: World) -> None:
    ids = _records(world)
    data = _prepare(world, date_from=(TODAY - 42 * DAY).isoformat(), date_to=TODAY - 15 * DAY)
    assert [e.record_id for e in data.log] == [ids["s40"], ids["s30"], ids["g20"]]
    assert (data.date_from, data.date_to) == (TODAY - 42 * DAY, TODAY - 15 * DAY)
    assert (data.first_session, data.last_session) == (TODAY - 40 * DAY, TODAY - 20 * DAY)
    assert data.supervision_minutes == 240
    # Whole experience entries count when they overlap the range: the volunteer one (45 to 40
    # days ago) does, the paid one (60 to 54 days ago) does not.
    assert (data.paid_minutes, data.volunteer_minutes) == (0, 600)
    assert (data.experience_from, data.experience_to) == (TODAY - 45 * DAY, TODAY - 40 * DAY)


def test_amended_and_voided_sessions_are_listed_but_not_counted(world: World) -> None:
    ids = _records(world)
    with world.uow() as uow:
        newer = records.amend_record(
            uow,
            record_id=ids["s40"],
            reason="Length from the sign-in sheet",
            minutes=45,
            allocations={"advocacy": 45},
        )
        uow.commit()
        newer_id = newer.id
    _sign(world)
    with world.uow() as uow:
        signing.void(
            uow, record_id=ids["s10"], reason="Entered twice", supervisor_id=world.dana, password=PASSWORD
        )
    data = _prepare(world)

    by_id = {e.record_id: e for e in data.log}
    assert ids["s40"] not in by_id  # the original appears only under its replacement
    replacement = by_id[newer_id]
    assert replacement.counted and replacement.minutes == 45
    assert [(r.record_id, r.status, r.minutes, r.replaced_reason) for r in replacement.replaced] == [
        (ids["s40"], "amended", 60, "Length from the sign-in sheet")
    ]
    voided = by_id[ids["s10"]]
    assert (voided.status, voided.counted, voided.void_reason) == ("voided", False, "Entered twice")
    assert voided.void_seq is not None and voided.void_seq > voided.sign_seq

    assert data.sessions_total == 3
    assert data.supervision_minutes == 45 + 90 + 90
    assert dict((d.code, d.individual_minutes) for d in data.domains)["advocacy"] == 45
    assert sum(e.minutes for e in data.log if e.counted) == data.supervision_minutes
    # The fingerprint covers everything printed: the original's sign link and the void link too.
    printed = [newer_id, ids["s40"], ids["s30"], ids["g20"], ids["s10"], ids["paid"], ids["volunteer"]]
    chains = _chain_hashes(world, printed)
    assert data.signature_count == len(chains) == 8
    assert data.fingerprint == fingerprint_of(chains)


# --------------------------------------------------------------------------------------------
# Refusals: nothing written, nothing rendered


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    import supervisor_app.reports as reports

    calls: list[int] = []
    real = reports.render_verification

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(reports, "render_verification", counting)
    return calls


def _attest_to_file(world: World, out: Path, **kwargs) -> None:  # type: ignore[no-untyped-def]
    """What the CLI does: prepare (may refuse), record and render, then write the file."""
    with world.uow("Dana Whitaker") as uow:
        request = printing.FormRequest(world.ana, world.dana, **kwargs)
        printing.print_form(uow, request, printed_by="Dana Whitaker", app_version="test", out=out)


def test_refuses_when_there_is_nothing_signed(world: World, tmp_path: Path, renders: list[int]) -> None:
    _session(world, 5)  # pending only
    before = snapshot(world.db)
    out = tmp_path / "form.pdf"
    with pytest.raises(DomainError) as refused:
        _attest_to_file(world, out)
    message = str(refused.value)
    assert "There are no signed supervision sessions by Dana Whitaker for Ana Example" in message
    assert message.startswith("There are no signed supervision sessions by Dana Whitaker for Ana Example, so")
    assert "1 record is waiting for Dana Whitaker's signature; sign it first." in message
    assert snapshot(world.db) == before and not out.exists() and renders == []


def test_refuses_pending_records_in_range_unless_signed_only(
    world: World, tmp_path: Path, renders: list[int]
) -> None:
    _records(world)
    _session(world, 5)
    _session(world, 4)
    _experience(world, 3, 2, allocations={"advocacy": 600})
    before = snapshot(world.db)
    out = tmp_path / "form.pdf"
    with pytest.raises(DomainError) as refused:
        _attest_to_file(world, out)
    assert str(refused.value).startswith(
        "2 sessions and 1 experience entry for Ana Example are still waiting for Dana Whitaker's signature."
    )
    assert "print the signed records only (the 3 pending records will be left off the form)" in str(
        refused.value
    )
    assert refused.value.field == "signed_only"
    assert snapshot(world.db) == before and not out.exists() and renders == []

    # Outside the range they do not matter; with signed_only they are left out.
    assert _prepare(world, date_to=TODAY - 10 * DAY).pending_left_out == 0
    data = _prepare(world, signed_only=True)
    assert data.pending_left_out == 3 and data.sessions_total == 4
    _attest_to_file(world, out, signed_only=True)
    assert out.read_bytes().startswith(b"%PDF") and renders == [1]


def test_refuses_records_that_fail_verification(world: World, tmp_path: Path, renders: list[int]) -> None:
    ids = _records(world)
    conn = sqlite3.connect(world.db.path)  # someone edits the file behind the app's back
    try:
        conn.execute("DROP TRIGGER supervision_session_final_update")
        conn.execute("UPDATE supervision_session SET minutes = 120 WHERE id = ?", (ids["s30"],))
        conn.commit()
    finally:
        conn.close()
    before = snapshot(world.db)
    out = tmp_path / "form.pdf"
    with pytest.raises(RecordsFailVerification) as refused:
        _attest_to_file(world, out)
    assert [p.record_id for p in refused.value.problems] == [ids["s30"]]
    assert ids["s30"] in str(refused.value) and "content changed after it was signed" in str(refused.value)
    assert snapshot(world.db) == before and not out.exists() and renders == []


def test_refuses_a_backwards_range_and_unknown_people(world: World) -> None:
    _records(world)
    with pytest.raises(DomainError, match="ends .* before it starts"):
        _prepare(world, date_from=TODAY - 5 * DAY, date_to=TODAY - 10 * DAY)
    with world.uow() as uow, pytest.raises(DomainError, match="no supervisee with id 999"):
        attestation.prepare_verification(uow, supervisee_id=999, supervisor_id=world.dana)


# --------------------------------------------------------------------------------------------
# Recording prints


def _audit_prints(world: World) -> list[str | None]:
    from sqlalchemy import select

    with world.uow() as uow:
        return list(
            uow.session.scalars(
                select(AuditEvent.record_id).where(AuditEvent.action == "print").order_by(AuditEvent.id)
            )
        )


def test_a_reprint_reuses_the_serial_and_the_date(world: World) -> None:
    _records(world)
    first_print = dt.datetime(2026, 3, 2, 15, 0, tzinfo=dt.UTC)
    with world.uow("Dana Whitaker") as uow:
        data = attestation.prepare_verification(uow, supervisee_id=world.ana, supervisor_id=world.dana)
        first = attestation.record_print(uow, data, printed_by="Dana Whitaker", now=first_print)
        uow.commit()
    with world.uow("Dana Whitaker") as uow:
        again = attestation.prepare_verification(uow, supervisee_id=world.ana, supervisor_id=world.dana)
        second = attestation.record_print(uow, again, printed_by="Dana Whitaker")
        uow.commit()
    assert again == data
    assert first.serial == second.serial == f"ATT-{first_print.astimezone().year}-000001"
    assert (first.reprint, second.reprint) == (False, True)
    assert second.generated == first.generated == first_print.astimezone().date()
    assert _audit_prints(world) == [first.serial, first.serial]

    with world.uow() as uow:
        rows = [
            (
                r.fingerprint,
                r.record_count,
                r.supervision_minutes,
                r.experience_minutes,
                r.date_from,
                r.date_to,
                r.printed_by,
            )
            for r in uow.session.query(Attestation)
        ]
        listed = attestation.list_attestations(uow, supervisee_id=world.ana)
    assert rows == [(data.fingerprint, 6, 270, 2400, data.first_session, data.last_session, "Dana Whitaker")]
    assert [(a.serial, a.times_printed, a.supervisee_name, a.supervisor_name) for a in listed] == [
        (first.serial, 2, "Ana Example", "Dana Whitaker")
    ]
    assert listed[0].to_json()["times_printed"] == 2


def test_new_records_or_another_range_get_a_new_serial(world: World) -> None:
    _records(world)
    with world.uow() as uow:
        first = attestation.record_print(
            uow,
            attestation.prepare_verification(uow, supervisee_id=world.ana, supervisor_id=world.dana),
            printed_by="D",
        )
        uow.commit()
    _session(world, 5)
    _sign(world)
    with world.uow() as uow:
        more = attestation.record_print(
            uow,
            attestation.prepare_verification(uow, supervisee_id=world.ana, supervisor_id=world.dana),
            printed_by="D",
        )
        ranged = attestation.record_print(
            uow,
            attestation.prepare_verification(
                uow, supervisee_id=world.ana, supervisor_id=world.dana, date_to=TODAY - 20 * DAY
            ),
            printed_by="D",
        )
        listed = attestation.list_attestations(uow)
    assert len({first.serial, more.serial, ranged.serial}) == 3
    assert not (first.reprint or more.reprint or ranged.reprint)
    assert [a.serial for a in listed] == [ranged.serial, more.serial, first.serial]  # newest first
    assert ranged.serial.endswith("-000003")


def test_a_failed_render_records_nothing(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    import supervisor_app.reports as reports

    _records(world)
    before = snapshot(world.db)

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("printer on fire")

    monkeypatch.setattr(reports, "render_verification", broken)
    with world.uow() as uow, pytest.raises(RuntimeError):
        printing.print_form(
            uow, printing.FormRequest(world.ana, world.dana), printed_by="Dana", app_version="test"
        )
    assert snapshot(world.db) == before


# --------------------------------------------------------------------------------------------
# The progress statement


def test_statement_data_shows_signed_and_pending(world: World) -> None:
    ids = _records(world)
    _session(world, 5, minutes=60, allocations={"mentoring": 60})
    with world.uow() as uow:
        data = attestation.prepare_statement(uow, supervisee_id=world.ana)
    assert (data.applicant_name, data.credential_code, data.supervisor_name) == (
        "Ana Example",
        "CRSS",
        "Dana Whitaker",
    )
    # Progress counts every signed session of Ana (Rafael's too), pending apart.
    assert data.supervision.signed_minutes == 270 + 60
    assert data.supervision.pending_minutes == 60
    bars = {b.code: b for b in data.supervision.domains}
    assert bars["mentoring"].pending_minutes == 60
    assert not data.eligible and any(u.startswith("Supervision needs") for u in data.unmet)
    assert any(n.startswith("Verify with ICB") for n in data.notes)
    assert data.sources and data.verify_notes
    chains = _chain_hashes(world, list(ids.values()))  # every signed record of Ana's, both supervisors
    assert data.signature_count == len(chains) == 8
    assert data.fingerprint == fingerprint_of(chains)
