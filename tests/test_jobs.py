"""A supervisee's jobs and the 51% recovery-support answer (issue 18): the service's rules,
the answer printed once on the CRSS/CPRS form (read back as text), and the ``job`` command."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pypdf
import pytest

from conftest import TODAY, World, snapshot
from supervisor_app.cli import main
from supervisor_app.db import Database
from supervisor_app.models import Supervisee
from supervisor_app.reports import render_verification
from supervisor_app.reports.data import VerificationData
from supervisor_app.services import attestation, audit, jobs
from supervisor_app.services.errors import DomainError
from supervisor_app.services.training import MAX_CERTIFICATE_BYTES, CertificateFile

PNG = b"\x89PNG\r\n\x1a\n" + b"1" * 100
PDF = b"%PDF-1.4\n" + b"x" * 100
QUESTION = "51% or more of the applicant's job duties are recovery support:"
BLANK = "The applicant's job description is at least 51% recovery support duties"


def _add(world: World, **values: object) -> int:
    fields = {"title": "Peer Recovery Coach", "employer": "Hope House", "date_from": "2025-01-06"}
    fields.update(values)
    with world.uow() as uow:
        job_id = jobs.add_job(uow, supervisee_id=world.ana, **fields)  # type: ignore[arg-type]
        uow.commit()
    return job_id


# --------------------------------------------------------------------------------------------
# The rules


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"title": "  "}, "title", "Job title is required."),
        ({"date_from": "06/01/2025"}, "date_from", "Start date '06/01/2025' is not a date"),
        ({"date_from": ""}, "date_from", "Start date is required."),
        ({"date_to": "2024-12-31"}, "date_to", "End date 2024-12-31 is before the start date 2025-01-06."),
        ({"date_to": "soon"}, "date_to", "End date 'soon' is not a date"),
        ({"answer": "maybe"}, "answer", "The 51% answer 'maybe' is not one of: yes, no"),
        ({"employer": "x" * 201}, "employer", "Employer or agency is too long"),
        ({"description": "a\x00b"}, "description", "Job description contains a control character"),
    ],
)
def test_a_bad_job_is_refused_and_nothing_changes(
    world: World, values: dict[str, object], field: str, message: str
) -> None:
    before = snapshot(world.db)
    with pytest.raises(DomainError) as caught:
        _add(world, **values)
    assert caught.value.field == field
    assert message in caught.value.message
    assert snapshot(world.db) == before


def test_a_too_large_or_foreign_description_file_is_refused_and_nothing_changes(
    world: World, tmp_path: Path
) -> None:
    job_id = _add(world, answer="yes")
    before = snapshot(world.db)
    big = CertificateFile("job.pdf", b"%PDF-" + b"0" * MAX_CERTIFICATE_BYTES)
    with pytest.raises(DomainError) as caught:
        _add(world, description_file=big)
    assert caught.value.field == "description_file"
    assert caught.value.message.startswith("job.pdf is 5.0 MB; a job description may be at most 5 MB.")
    with (
        world.uow() as uow,
        pytest.raises(DomainError, match="not a PDF, PNG or JPEG file; save the job description"),
    ):
        jobs.edit_job(
            uow, job_id=job_id, title="New title", description_file=CertificateFile("job.docx", b"PK\x03\x04")
        )
    on_disk = tmp_path / "big.pdf"
    on_disk.write_bytes(big.data)
    with pytest.raises(DomainError, match="a job description may be at most 5 MB"):
        jobs.read_description_file(on_disk)
    assert snapshot(world.db) == before


def test_the_answer_records_who_and_when_and_an_edit_is_audited(world: World) -> None:
    job_id = _add(world)
    with world.uow() as uow:
        (row,) = jobs.list_jobs(uow, supervisee_id=world.ana)
        assert (row.answer, row.answered_by, row.answered_at) == (None, "", None)
    with world.db.uow("Dana Whitaker") as uow:
        jobs.edit_job(uow, job_id=job_id, answer="yes", description_file=CertificateFile("jd.png", PNG))
        uow.commit()
    with world.uow() as uow:
        (row,) = jobs.list_jobs(uow, supervisee_id=world.ana)
        assert (row.answer, row.answered_by, row.file_name, row.file_type) == (
            True,
            "Dana Whitaker",
            "jd.png",
            "image/png",
        )
        assert row.answered_at is not None
        assert jobs.description_file(uow, job_id).data == PNG  # type: ignore[union-attr]
        events = [e for e in audit.list_events(uow) if e.action.startswith("job-")]
    assert [e.action for e in events][-2:] == ["job-add", "job-edit"] or [e.action for e in events][:2] == [
        "job-edit",
        "job-add",
    ]
    edit = next(e for e in events if e.action == "job-edit")
    changes = json.loads(edit.details)["changes"]
    assert changes["before"] == {"answer": None, "description_file": None, "description_sha256": None}
    assert changes["after"]["answer"] == "yes" and changes["after"]["description_file"] == "jd.png"


def test_an_edit_keeps_the_fields_not_given_and_can_leave_the_job_open(world: World) -> None:
    job_id = _add(world, date_to="2025-06-30", answer="no")
    with world.uow() as uow:
        jobs.edit_job(uow, job_id=job_id, date_to=None)
        uow.commit()
        (row,) = jobs.list_jobs(uow, supervisee_id=world.ana)
    assert (row.title, row.employer, row.date_to, row.answer) == (
        "Peer Recovery Coach",
        "Hope House",
        None,
        False,
    )


# --------------------------------------------------------------------------------------------
# The form


def _crss(demo_db: Database) -> tuple[int, int]:
    with demo_db.uow("test") as uow:
        for s in uow.session.query(Supervisee).filter_by(credential="CRSS").order_by(Supervisee.id):
            if s.supervisor_id is None:
                continue
            try:
                attestation.prepare_verification(
                    uow, supervisee_id=s.id, supervisor_id=s.supervisor_id, signed_only=True, today=TODAY
                )
            except DomainError:
                continue
            return s.id, s.supervisor_id
    raise AssertionError("no CRSS supervisee with signed sessions in the demo")


def _form_text(demo_db: Database, supervisee: int, supervisor: int) -> tuple[str, VerificationData, bytes]:
    with demo_db.uow("test") as uow:
        data = attestation.prepare_verification(
            uow, supervisee_id=supervisee, supervisor_id=supervisor, signed_only=True, today=TODAY
        )
    pdf = render_verification(data, serial="ATT-2026-000051", generated=TODAY, app_version="1.0")
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.split()), data, pdf


def test_the_form_prints_the_answer_once_for_the_jobs_in_its_period(
    demo_db: Database, tmp_path: Path
) -> None:
    supervisee, supervisor = _crss(demo_db)
    text, data, _ = _form_text(demo_db, supervisee, supervisor)
    assert text.count(BLANK) == 1 and QUESTION not in text  # no job recorded: a blank to complete
    start = data.first_session
    with demo_db.uow("test") as uow:
        jobs.add_job(
            uow, supervisee_id=supervisee, title="Recovery Coach", employer="Prairie Lakes Recovery",
            date_from=start - dt.timedelta(days=30), answer="yes", description_file=CertificateFile("jd.pdf", PDF),
        )  # fmt: skip
        jobs.add_job(  # ended before the form's period: not printed
            uow, supervisee_id=supervisee, title="Old Job", date_from="2001-01-01", date_to="2001-12-31", answer="no"
        )  # fmt: skip
        uow.commit()
    text, _, pdf = _form_text(demo_db, supervisee, supervisor)
    expected = (
        f"{QUESTION} Yes — Recovery Coach, Prairie Lakes Recovery, from "
        f"{(start - dt.timedelta(days=30)).isoformat()} to present; job description attached"
    )
    assert text.count(expected) == 1, text[:3000]
    assert text.count(QUESTION) == 1 and BLANK not in text and "Old Job" not in text

    # A second job in the period, not answered: the question once, the answered job, and
    # blank boxes beside the one not answered.
    with demo_db.uow("test") as uow:
        jobs.add_job(
            uow,
            supervisee_id=supervisee,
            title="Night Peer Aide",
            date_from=start,
            description="Runs the night group.",
        )
        uow.commit()
    text, _, _ = _form_text(demo_db, supervisee, supervisor)
    assert text.count(QUESTION) == 1 and BLANK not in text
    assert f"Night Peer Aide, from {start.isoformat()} to present yes no" in text
    assert "Yes — Recovery Coach" in text


def test_a_form_that_does_not_ask_prints_no_answer(demo_db: Database) -> None:
    with demo_db.uow("test") as uow:
        cadc = uow.session.query(Supervisee).filter_by(credential="CADC").order_by(Supervisee.id).first()
        assert cadc is not None
        jobs.add_job(uow, supervisee_id=cadc.id, title="Counselor", date_from="2000-01-01", answer="yes")
        uow.commit()
        data = attestation.prepare_verification(
            uow,
            supervisee_id=cadc.id,
            supervisor_id=cadc.supervisor_id,  # type: ignore[arg-type]
            signed_only=True,
            today=TODAY,
        )
    assert data.recovery_support_jobs == ()


# --------------------------------------------------------------------------------------------
# The CLI


@pytest.fixture
def run(world: World, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    def call(*argv: object) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(["--db", str(world.db.path), *(str(a) for a in argv)])
        out, err = capsys.readouterr()
        assert "Traceback" not in err, err
        return code, out, err

    world.db.close()
    return call


def test_job_add_list_edit_and_save_the_description(world: World, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    scan = tmp_path / "jd.pdf"
    scan.write_bytes(PDF)
    code, out, err = run(
        "job", "add", "--supervisee", world.ana, "--title", "Recovery Coach", "--employer", "Hope House",
        "--from", "2025-01-06", "--recovery-support-51", "yes", "--description-file", scan, "--json",
    )  # fmt: skip
    assert code == 0, err
    added = json.loads(out)
    assert added["recovery_support_51"] == "yes" and added["description_file"] == "jd.pdf"
    assert added["answered_by"].startswith("cli")
    code, out, err = run("job", "edit", added["id"], "--to", "2025-12-31", "--recovery-support-51", "no")
    assert code == 0, err
    assert "2025-01-06..2025-12-31  Recovery Coach, Hope House  51%: no" in out
    code, out, _ = run("job", "list", "--supervisee", world.ana, "--json")
    (listed,) = json.loads(out)
    assert (listed["to"], listed["recovery_support_51"], listed["title"]) == (
        "2025-12-31",
        "no",
        "Recovery Coach",
    )
    saved = tmp_path / "copy.pdf"
    assert run("job", "description", added["id"], "--out", saved)[0] == 0
    assert saved.read_bytes() == PDF


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--title", "", "--from", "2025-01-06"], "Job title is required."),
        (["--title", "Coach", "--from", "2025-13-01"], "Start date '2025-13-01' is not a date"),
        (["--title", "Coach", "--from", "2025-01-06", "--to", "2024-01-01"], "is before the start date"),
        (
            ["--title", "Coach", "--from", "2025-01-06", "--recovery-support-51", "mostly"],
            "is not one of: yes, no",
        ),
        (
            ["--title", "Coach", "--from", "2025-01-06", "--description-file", "BIG"],
            "a job description may be at most 5 MB",
        ),
    ],
)
def test_job_add_refuses_bad_input_on_stderr_with_exit_2(
    world: World, run, tmp_path: Path, argv: list[str], message: str
) -> None:  # type: ignore[no-untyped-def]
    big = tmp_path / "big.pdf"
    big.write_bytes(b"%PDF-" + b"0" * MAX_CERTIFICATE_BYTES)
    argv = [str(big) if a == "BIG" else a for a in argv]
    before = snapshot(world.db.path)
    code, out, err = run("job", "add", "--supervisee", world.ana, *argv)
    assert code == 2 and out == ""
    assert err.startswith("supervisor-app: ") and message in err, err
    assert snapshot(world.db.path) == before
