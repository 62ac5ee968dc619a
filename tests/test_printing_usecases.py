"""The printing use cases: build, record and commit, then write the file. A refusal, a folder
that cannot be written or a serial number taken meanwhile leaves no file and changes nothing;
a statement print is in the audit trail like a form's."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from supervisor_app.models import AuditEvent
from supervisor_app.services import attestation, records
from supervisor_app.services.errors import DomainError
from supervisor_app.usecases import printing, signing
from tests.conftest import PASSWORD, TODAY, World, session_fields, snapshot


def _signed(world: World, count: int = 2, *, weeks_back: int = 1) -> None:
    with world.uow() as uow:
        ids = [
            records.add_session(
                uow, **session_fields(world, date=TODAY - dt.timedelta(days=7 * (n + weeks_back)))
            ).id
            for n in range(count)
        ]
        uow.commit()
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=ids)


def _prints(world: World) -> list[dict]:  # type: ignore[type-arg]
    with world.uow() as uow:
        return [
            json.loads(e.details)
            for e in uow.session.query(AuditEvent)
            .filter(AuditEvent.action == "print")
            .order_by(AuditEvent.id)
        ]


def test_the_form_is_recorded_then_written(world: World, tmp_path: Path) -> None:
    _signed(world)
    folder = tmp_path / "forms"
    folder.mkdir()
    out = folder / "form.pdf"
    with world.uow("Dana Whitaker") as uow:
        printed = printing.print_form(
            uow,
            printing.FormRequest(world.ana, world.dana),
            printed_by="Dana Whitaker",
            app_version="t",
            out=out,
        )
    assert printed.path == out and out.read_bytes() == printed.pdf
    assert [p.name for p in folder.iterdir()] == ["form.pdf"]  # no staged copy left beside it
    with world.uow() as uow:
        [entry] = attestation.list_attestations(uow)
    assert entry.serial == printed.record.serial and entry.times_printed == 1


def test_a_refused_form_writes_no_file_and_changes_nothing(world: World, tmp_path: Path) -> None:
    _signed(world)
    with world.uow() as uow:
        records.add_session(uow, **session_fields(world, date=TODAY - dt.timedelta(days=1)))
        uow.commit()
    before = snapshot(world.db)
    folder = tmp_path / "forms"
    folder.mkdir()
    with world.uow() as uow, pytest.raises(DomainError) as refused:
        printing.print_form(
            uow,
            printing.FormRequest(world.ana, world.dana),
            printed_by="Dana",
            app_version="t",
            out=folder / "f.pdf",
        )
    assert refused.value.code == "print.pending_records"  # what the CLI reacts to, not the words
    assert list(folder.iterdir()) == []
    assert snapshot(world.db) == before


def test_a_folder_that_cannot_be_written_records_nothing(world: World, tmp_path: Path) -> None:
    _signed(world)
    before = snapshot(world.db)
    with world.uow() as uow, pytest.raises(OSError):
        printing.print_form(
            uow,
            printing.FormRequest(world.ana, world.dana),
            printed_by="Dana",
            app_version="t",
            out=tmp_path / "gone" / "form.pdf",
        )
    assert snapshot(world.db) == before


def test_a_built_form_whose_serial_went_to_another_print_is_not_recorded(
    world: World, tmp_path: Path
) -> None:
    _signed(world)
    request = printing.FormRequest(world.ana, world.dana)
    with world.uow() as uow:
        built = printing.build_form(uow, request, app_version="t")
    _signed(world, 1, weeks_back=5)  # other records: another form, printed first, takes that serial number
    with world.uow() as uow:
        printing.print_form(uow, request, printed_by="Dana", app_version="t")
    before = snapshot(world.db)
    out = tmp_path / "form.pdf"
    with world.uow() as uow, pytest.raises(DomainError) as refused:
        printing.print_form(uow, request, printed_by="Dana", app_version="t", out=out, built=built)
    assert refused.value.code == "print.serial_taken" and built.planned.serial in refused.value.message
    assert not out.exists() and snapshot(world.db) == before


def test_a_statement_print_is_audited_unless_the_database_is_read_only(world: World, tmp_path: Path) -> None:
    _signed(world)
    out = tmp_path / "statement.pdf"
    with world.uow() as uow:
        printed = printing.print_statement(uow, supervisee_id=world.ana, app_version="t", out=out)
    assert printed.recorded and out.read_bytes() == printed.pdf
    assert _prints(world) == [{"document": "progress statement", "file": str(out)}]

    before = snapshot(world.db)
    again = tmp_path / "again.pdf"
    with world.uow() as uow:
        printing.print_statement(uow, supervisee_id=world.ana, app_version="t", out=again, record=False)
    assert again.read_bytes().startswith(b"%PDF") and snapshot(world.db) == before
