"""A supervisee's jobs and the CRSS/CPRS 51% recovery-support question (issue 18).

The board asks whether at least 51% of the applicant's job duties are recovery support, with
the job description. The answer is recorded here per job (title, employer, from/to), with who
answered and when; the job description is its text or a file (PDF, PNG or JPEG) kept in the
database, checked exactly as a training certificate is (:mod:`supervisor_app.services.training`).
The verification form prints the answer for the jobs overlapping its period
(:func:`form_answers`); a job not answered stays a blank for the supervisor to complete.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select

from supervisor_app.db import UnitOfWork
from supervisor_app.i18n import N_, _
from supervisor_app.models import JobDescriptionFile, SuperviseeJob, utcnow
from supervisor_app.reports.data import FormJob
from supervisor_app.services import audit
from supervisor_app.services.errors import DomainError
from supervisor_app.services.people import get_supervisee, int_id
from supervisor_app.services.training import CertificateFile, certificate_type, read_certificate_file
from supervisor_app.services.validation import clean_text, parse_date, shown

WHAT = N_("job description")
MAX_DESCRIPTION_CHARS = 20_000

YES, NO, UNANSWERED = "yes", "no", ""
_ANSWERS = {"yes": True, "y": True, "no": False, "n": False, "": None, "unanswered": None}


def read_description_file(path: Any) -> CertificateFile:
    """A job description on disk, checked (type and size) as a certificate is."""
    return read_certificate_file(path, what=WHAT, field="description_file")


def parse_answer(value: object) -> bool | None:
    """yes / no / '' (not answered) as True / False / None, or a DomainError."""
    if value is None or isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text not in _ANSWERS:
        raise DomainError(
            _("The 51% answer {value} is not one of: yes, no, or empty (not answered yet).").format(
                value=shown(value)
            ),
            field="answer",
            code="job.bad_answer",
            params={"value": value},
        )
    return _ANSWERS[text]


def answer_word(value: bool | None) -> str:
    return UNANSWERED if value is None else (YES if value else NO)


@dataclass(frozen=True)
class JobValues:
    title: str
    employer: str
    date_from: dt.date
    date_to: dt.date | None
    answer: bool | None
    description: str


def check_job(
    *,
    title: str,
    employer: str = "",
    date_from: str | dt.date | None,
    date_to: str | dt.date | None = None,
    answer: object = None,
    description: str = "",
) -> JobValues:
    """The values as stored, or a DomainError naming the field."""
    title = clean_text(title, field="title", label=N_("Job title"), max_length=200, required=True)
    employer = clean_text(employer, field="employer", label=N_("Employer or agency"), max_length=200)
    start = parse_date(date_from, field="date_from", label=N_("Start date"))
    end = None
    if date_to is not None and not (isinstance(date_to, str) and not date_to.strip()):
        end = parse_date(date_to, field="date_to", label=N_("End date"))
        if end < start:
            raise DomainError(
                _("End date {end} is before the start date {start}.").format(
                    end=end.isoformat(), start=start.isoformat()
                ),
                field="date_to",
                code="job.end_before_start",
                params={"end": end, "start": start},
            )
    text = clean_text(
        description,
        field="description",
        label=N_("Job description"),
        max_length=MAX_DESCRIPTION_CHARS,
        multiline=True,
    )
    return JobValues(title, employer, start, end, parse_answer(answer), text)


def _file_row(job_id: int, file: CertificateFile) -> JobDescriptionFile:
    name = clean_text(file.filename, field="description_file", label=N_("File name"), max_length=255)
    media_type = certificate_type(name or _("The file"), file.data, what=WHAT, field="description_file")
    return JobDescriptionFile(
        job_id=job_id,
        filename=name or "job-description",
        media_type=media_type,
        size=len(file.data),
        sha256=hashlib.sha256(file.data).hexdigest(),
        data=file.data,
        added_at=utcnow(),
    )


def _fields(job: SuperviseeJob, file: JobDescriptionFile | None) -> dict[str, Any]:
    return {
        "title": job.title,
        "employer": job.employer,
        "from": job.date_from.isoformat(),
        "to": job.date_to.isoformat() if job.date_to else None,
        "answer": answer_word(job.recovery_support_51) or None,
        "description_chars": len(job.description),
        "description_file": file.filename if file is not None else None,
        "description_sha256": file.sha256 if file is not None else None,
    }


def add_job(
    uow: UnitOfWork,
    *,
    supervisee_id: int | str,
    description_file: CertificateFile | None = None,
    answered_by: str = "",
    now: dt.datetime | None = None,
    **values: Any,
) -> int:
    """Record a job of a supervisee; returns its id. ``answered_by``: who answered the 51%
    question (default: the unit of work's actor). The caller commits."""
    supervisee = get_supervisee(uow, supervisee_id)
    checked = check_job(**values)
    if description_file is not None:  # checked before anything is written
        _file_row(0, description_file)
    job = SuperviseeJob(
        supervisee_id=supervisee.id,
        title=checked.title,
        employer=checked.employer,
        date_from=checked.date_from,
        date_to=checked.date_to,
        recovery_support_51=checked.answer,
        answered_by=(answered_by or uow.actor) if checked.answer is not None else "",
        answered_at=(now or utcnow()) if checked.answer is not None else None,
        description=checked.description,
    )
    uow.session.add(job)
    uow.session.flush()
    row = _file_row(job.id, description_file) if description_file is not None else None
    if row is not None:
        uow.session.add(row)
        uow.session.flush()
    audit.log(uow, "job-add", record_id=str(job.id), supervisee_id=supervisee.id, details=_fields(job, row))
    return job.id


def get_job(uow: UnitOfWork, job_id: int | str) -> SuperviseeJob:
    job = uow.session.get(SuperviseeJob, int_id(job_id, field="job", label=N_("Job")))
    if job is None:
        raise DomainError(
            _("There is no job with id {job_id}.").format(job_id=job_id),
            field="job",
            code="job.unknown",
            params={"job_id": job_id},
        )
    return job


def description_file(uow: UnitOfWork, job_id: int | str) -> JobDescriptionFile | None:
    return uow.session.get(JobDescriptionFile, get_job(uow, job_id).id)


_KEEP: Any = object()


def edit_job(
    uow: UnitOfWork,
    *,
    job_id: int | str,
    description_file: CertificateFile | None = None,
    remove_description_file: bool = False,
    answered_by: str = "",
    now: dt.datetime | None = None,
    **changes: Any,
) -> None:
    """Change a job: the fields given (the others stay), a new description file, or none.
    A changed answer records who answered and when. The caller commits."""
    job = get_job(uow, job_id)
    unknown = set(changes) - {"title", "employer", "date_from", "date_to", "answer", "description"}
    if unknown:
        raise TypeError(f"edit_job: unknown fields {sorted(unknown)}")
    old_file = uow.session.get(JobDescriptionFile, job.id)
    current = {
        "title": job.title,
        "employer": job.employer,
        "date_from": job.date_from,
        "date_to": job.date_to,
        "answer": job.recovery_support_51,
        "description": job.description,
    }
    checked = check_job(**{**current, **changes})
    new_row = _file_row(job.id, description_file) if description_file is not None else None
    if remove_description_file and old_file is None and new_row is None:
        raise DomainError(
            _("Job {job} has no job description file.").format(job=job.id),
            field="description_file",
            code="job.no_description",
            params={"job": job.id},
        )
    before = _fields(job, old_file)
    if checked.answer != job.recovery_support_51:
        job.recovery_support_51 = checked.answer
        job.answered_by = (answered_by or uow.actor) if checked.answer is not None else ""
        job.answered_at = (now or utcnow()) if checked.answer is not None else None
    job.title, job.employer = checked.title, checked.employer
    job.date_from, job.date_to = checked.date_from, checked.date_to
    job.description = checked.description
    kept = old_file
    if old_file is not None and (new_row is not None or remove_description_file):
        uow.session.delete(old_file)
        uow.session.flush()
        kept = None
    if new_row is not None:
        uow.session.add(new_row)
        kept = new_row
    uow.session.flush()
    diff = audit.changes(before, _fields(job, kept))
    if diff:
        audit.log(uow, "job-edit", record_id=str(job.id), supervisee_id=job.supervisee_id,
                  details={"changes": diff})  # fmt: skip


@dataclass
class JobRow:
    id: int
    supervisee_id: int
    title: str
    employer: str
    date_from: dt.date
    date_to: dt.date | None
    answer: bool | None
    answered_by: str
    answered_at: dt.datetime | None
    description: str
    file_name: str = ""
    file_type: str = ""

    @property
    def has_description(self) -> bool:
        return bool(self.description or self.file_name)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "supervisee_id": self.supervisee_id,
            "title": self.title,
            "employer": self.employer,
            "from": self.date_from.isoformat(),
            "to": self.date_to.isoformat() if self.date_to else None,
            "recovery_support_51": answer_word(self.answer) or None,
            "answered_by": self.answered_by or None,
            "answered_at": self.answered_at.isoformat() if self.answered_at else None,
            "description": self.description,
            "description_file": self.file_name or None,
        }


def list_jobs(
    uow: UnitOfWork,
    *,
    supervisee_id: int | str,
    overlapping: tuple[dt.date, dt.date] | None = None,
) -> list[JobRow]:
    """A supervisee's jobs, oldest first; ``overlapping``: only those held some day of it."""
    supervisee = get_supervisee(uow, supervisee_id)
    query = select(SuperviseeJob).where(SuperviseeJob.supervisee_id == supervisee.id)
    if overlapping is not None:
        start, end = overlapping
        query = query.where(
            SuperviseeJob.date_from <= end,
            or_(SuperviseeJob.date_to.is_(None), SuperviseeJob.date_to >= start),
        )
    jobs = list(uow.session.scalars(query.order_by(SuperviseeJob.date_from, SuperviseeJob.id)))
    files = {
        r[0]: (r[1], r[2])
        for r in uow.session.execute(
            select(
                JobDescriptionFile.job_id, JobDescriptionFile.filename, JobDescriptionFile.media_type
            ).where(JobDescriptionFile.job_id.in_([j.id for j in jobs]))
        )
    }
    return [
        JobRow(
            j.id,
            j.supervisee_id,
            j.title,
            j.employer,
            j.date_from,
            j.date_to,
            j.recovery_support_51,
            j.answered_by,
            j.answered_at,
            j.description,
            *files.get(j.id, ("", "")),
        )
        for j in jobs
    ]


def form_answers(uow: UnitOfWork, *, supervisee_id: int, start: dt.date, end: dt.date) -> tuple[FormJob, ...]:
    """The jobs held some day between ``start`` and ``end``, as the form prints them."""
    return tuple(
        FormJob(
            r.title,
            r.employer,
            r.date_from,
            r.date_to,
            r.answer,
            "attached" if r.file_name else ("on file" if r.description else ""),
        )
        for r in list_jobs(uow, supervisee_id=supervisee_id, overlapping=(start, end))
    )
