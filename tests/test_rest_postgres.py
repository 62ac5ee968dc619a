"""The rest of the services on the agency database (issue 17): supervisor changes and
handovers, hire dates, the agency's details, the audit trail's pages, credentials, training,
jobs, import and export. Each runs on both databases (the ``db`` fixture, and ``world`` on it)
with the same result; bad input is refused with nothing changed on either."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select
from test_importexport import csv_bytes, experience_row, session_row, xlsx_bytes

from conftest import PASSWORD, TODAY, World
from supervisor_app.models import (
    AuditEvent,
    ExperienceEntry,
    PersonCredential,
    SuperviseeJob,
    SupervisionSession,
    TrainingEntry,
)
from supervisor_app.services import audit_pages, jobs, people, person_credentials, supervisors, training
from supervisor_app.services.errors import DomainError
from supervisor_app.services.person_credentials import Person
from supervisor_app.services.training import CertificateFile
from supervisor_app.usecases import transfer

pytestmark = pytest.mark.backends

PNG = b"\x89PNG\r\n\x1a\n" + b"1" * 100


def count(world: World, model: type) -> int:
    with world.db.uow(reading=True) as uow:
        return int(uow.session.scalar(select(func.count()).select_from(model)) or 0)


def events(world: World) -> int:
    return count(world, AuditEvent)


# --------------------------------------------------------------------------------------------
# Supervisor changes, handovers, hire dates, the agency


def test_a_transfer_a_handover_and_a_return(world: World) -> None:
    with world.uow() as uow:
        moved = supervisors.change_supervisor(
            uow,
            supervisee_id=world.ana,
            supervisor_id=world.rafael,
            effective_from=TODAY - dt.timedelta(days=10),
            reason="caseload",
        )
        uow.commit()
    assert (moved.previous_supervisor_id, moved.supervisor_id) == (world.dana, world.rafael)
    with world.uow() as uow:
        history = supervisors.supervisor_history(uow, supervisee_id=world.ana)
    assert [line.supervisor_id for line in history][-1] == world.rafael

    with world.uow() as uow:
        handover = supervisors.supervisor_leaves(uow, supervisor_id=world.dana, successor_id=world.rafael)
        uow.commit()
    assert sorted(r.supervisee_id for r in handover.supervisees) == sorted(
        [world.ben, world.carla, world.petra]
    )
    with world.uow() as uow:
        assert not people.get_supervisor(uow, world.dana).active
        assert {s.supervisor_id for s in people.list_supervisees(uow)} == {world.rafael}
        supervisors.reactivate_supervisor(uow, supervisor_id=world.dana)
        uow.commit()
    with world.uow() as uow:
        assert people.get_supervisor(uow, world.dana).active


def test_a_bad_transfer_changes_nothing(world: World) -> None:
    before = events(world)
    with world.uow() as uow, pytest.raises(DomainError):
        supervisors.change_supervisor(
            uow,
            supervisee_id=world.ana,
            supervisor_id=world.rafael,
            effective_from=TODAY + dt.timedelta(days=3),  # in the future
        )
    with world.uow() as uow, pytest.raises(DomainError):
        supervisors.supervisor_leaves(uow, supervisor_id=world.dana, successor_id=world.dana)
    with world.uow() as uow:
        assert people.get_supervisee(uow, world.ana).supervisor_id == world.dana
        assert people.get_supervisor(uow, world.dana).active
    assert events(world) == before


def test_hire_date_and_the_agency_details(world: World) -> None:
    with world.uow() as uow:
        person_credentials.set_hire_date(
            uow, supervisee_id=world.ana, hire_date=TODAY - dt.timedelta(days=90)
        )
        agency = people.agency_for(uow, supervisor_id=world.dana)
        assert agency is not None
        people.update_agency(
            uow, agency_id=agency.id, name="Prairie Lakes", address="1 Main St", phone="(217) 555-0100"
        )
        uow.commit()
    before = events(world)
    with world.uow() as uow, pytest.raises(DomainError):
        person_credentials.set_hire_date(uow, supervisee_id=world.ana, hire_date="someday")
    with world.uow() as uow, pytest.raises(DomainError):
        people.update_agency(uow, agency_id=agency.id, name="", address="", phone="")
    with world.uow() as uow:
        assert people.get_supervisee(uow, world.ana).hire_date == TODAY - dt.timedelta(days=90)
        again = people.get_agency(uow, agency.id)
        assert (again.name, again.address, again.phone) == ("Prairie Lakes", "1 Main St", "(217) 555-0100")
    assert events(world) == before


# --------------------------------------------------------------------------------------------
# The audit trail's pages


def test_the_audit_pages_filter_and_count_alike(world: World) -> None:
    with world.uow("cli:Dana") as uow:
        person_credentials.set_hire_date(uow, supervisee_id=world.ana, hire_date=TODAY)
        uow.commit()
    with world.db.uow(reading=True) as uow:
        everything = audit_pages.audit_page(uow)
        assert audit_pages.count_audit(uow) == len(everything) == events(world)
        by_actor = audit_pages.AuditFilter(actor="DANA")
        assert [e.actor for e in audit_pages.audit_page(uow, filter=by_actor)] == ["cli:Dana"]
        assert audit_pages.count_audit(uow, filter=by_actor) == 1
        ana = audit_pages.AuditFilter(supervisee_id=world.ana, date_from=TODAY, date_to=TODAY)
        assert {e.supervisee_id for e in audit_pages.audit_page(uow, filter=ana)} == {world.ana}
        older = audit_pages.audit_page(uow, before_id=everything[0].id, limit=2)
        assert [e.id for e in older] == [e.id for e in everything[1:3]]
        assert "cli:Dana" in audit_pages.audit_actors(uow)


# --------------------------------------------------------------------------------------------
# Credentials, training, jobs


def test_credentials_added_listed_and_deleted(world: World) -> None:
    dana = Person(supervisor_id=world.dana)
    with world.uow() as uow:
        held = person_credentials.add_credential(
            uow, person=dana, kind="lcpc", number="180-1", expires_on=TODAY + dt.timedelta(days=30)
        )
        uow.commit()
    before = (events(world), count(world, PersonCredential))
    with world.uow() as uow, pytest.raises(DomainError):
        person_credentials.add_credential(uow, person=dana, kind="", number="x")
    with world.uow() as uow, pytest.raises(DomainError):
        person_credentials.add_credential(
            uow, person=dana, kind="lcpc", issued_on=TODAY, expires_on=TODAY - dt.timedelta(days=1)
        )
    assert (events(world), count(world, PersonCredential)) == before
    with world.uow() as uow:
        listed = person_credentials.list_credentials(uow, person=dana)
        assert held in [c.id for c in listed]
        person_credentials.delete_credential(uow, credential_id=held)
        uow.commit()
    assert count(world, PersonCredential) == before[1] - 1


def test_training_added_confirmed_and_deleted(world: World) -> None:
    ana = Person(supervisee_id=world.ana)
    fields = {
        "date_from": TODAY - dt.timedelta(days=9),
        "title": "Advocacy basics",
        "allocations": {"advocacy": 210},
    }
    with world.uow() as uow:
        confirmed = training.add_training(
            uow, person=ana, certificate=CertificateFile("c.png", PNG), **fields
        )
        dropped = training.add_training(uow, person=ana, **fields)
        uow.commit()
    with world.uow() as uow:
        training.confirm_training(uow, entry_id=confirmed, supervisor_id=world.dana, password=PASSWORD)
        uow.commit()
    before = (events(world), count(world, TrainingEntry))
    with world.uow() as uow, pytest.raises(DomainError):
        training.add_training(uow, person=ana, **{**fields, "allocations": {"advocacy": -5}})
    with world.uow() as uow, pytest.raises(DomainError):
        training.delete_training(uow, entry_id=confirmed)  # confirmed: signed, never changed
    assert (events(world), count(world, TrainingEntry)) == before
    with world.uow() as uow:
        training.delete_training(uow, entry_id=dropped)
        uow.commit()
    with world.db.uow(reading=True) as uow:
        rows = training.list_training(uow, person=ana)
        assert [(r.id, r.status) for r in rows] == [(confirmed, "confirmed")]
        saved = training.certificate(uow, confirmed)
        assert saved is not None and saved.data == PNG


def test_jobs_added_edited_and_refused(world: World) -> None:
    with world.uow() as uow:
        job = jobs.add_job(
            uow,
            supervisee_id=world.ana,
            title="Peer Recovery Coach",
            employer="Hope House",
            date_from="2025-01-06",
            answer="yes",
            description_file=CertificateFile("jd.png", PNG),
        )
        uow.commit()
    before = (events(world), count(world, SuperviseeJob))
    with world.uow() as uow, pytest.raises(DomainError):
        jobs.add_job(uow, supervisee_id=world.ana, title="", date_from="2025-01-06")
    with world.uow() as uow, pytest.raises(DomainError):
        jobs.edit_job(uow, job_id=job, date_to="2024-01-01")  # before it started
    assert (events(world), count(world, SuperviseeJob)) == before
    with world.uow() as uow:
        jobs.edit_job(uow, job_id=job, title="Peer Specialist", answer="no")
        uow.commit()
    with world.db.uow(reading=True) as uow:
        listed = jobs.list_jobs(uow, supervisee_id=world.ana)
        assert [(j.title, j.answer) for j in listed] == [("Peer Specialist", False)]
        described = jobs.description_file(uow, job)
        assert described is not None and described.data == PNG


# --------------------------------------------------------------------------------------------
# Import and export


def test_import_all_or_nothing_and_the_export(world: World, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes([session_row(), session_row(minutes="-5")]))
    before = (events(world), count(world, SupervisionSession), count(world, ExperienceEntry))
    report = transfer.import_records(world.db, "test", bad, today=TODAY)
    assert not report.ok and not report.committed
    assert (events(world), count(world, SupervisionSession), count(world, ExperienceEntry)) == before

    good = tmp_path / "records.csv"
    good.write_bytes(csv_bytes([session_row(), experience_row()]))
    report = transfer.import_records(world.db, "test", good, today=TODAY)
    assert report.ok and report.committed, report.text()
    assert (count(world, SupervisionSession), count(world, ExperienceEntry)) == (1, 1)
    workbook = tmp_path / "more.xlsx"
    workbook.write_bytes(xlsx_bytes([session_row(date=TODAY - dt.timedelta(days=5), start=dt.time(9, 0))]))
    report = transfer.import_records(world.db, "test", workbook, today=TODAY)
    assert report.ok and report.committed and report.file_format == "xlsx", report.text()
    assert count(world, SupervisionSession) == 2

    transfer.export_archive(world.db, "test", tmp_path / "all.json", as_json=True)
    tables = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))["tables"]
    assert [s["minutes"] for s in tables["supervision_session"]] == [60, 60]
    assert sorted(p["name"] for p in tables["supervisee"])[0] == "Ana Example"
    assert all("password_hash" not in s for s in tables["supervisor"])
    assert transfer.export_records(world.db, "test", tmp_path / "again.csv") == 3
