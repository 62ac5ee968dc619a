"""The agency and its people: supervisors, supervisees, who supervises whom over time, and
a supervisee's jobs (their job description files)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from supervisor_app.models.base import (
    Base,
    Timestamps,
    new_uuid,
    utcnow,
)


class Agency(Timestamps, Base):
    __tablename__ = "agency"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    address: Mapped[str] = mapped_column(String(400), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    # Kinds of credential that also qualify a supervisor here (comma-separated), for profiles
    # whose list an agency may extend (services.qualification).
    supervisor_kinds: Mapped[str] = mapped_column(String(400), default="", server_default="")


class Supervisor(Timestamps, Base):
    __tablename__ = "supervisor"
    __table_args__ = (Index("uq_supervisor_global_id", "global_id", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agency.id"))
    name: Mapped[str] = mapped_column(String(200))
    credentials: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(String(200), default="")
    icb_number: Mapped[str] = mapped_column(String(60), default="")
    license_type: Mapped[str] = mapped_column(String(60), default="")
    license_number: Mapped[str] = mapped_column(String(60), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    active: Mapped[bool] = mapped_column(default=True)
    # argon2id hash only; the clear password is never stored or logged.
    password_hash: Mapped[str | None] = mapped_column(String(200))
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column()
    # Expiry of the ICB certification and of the license (printed beside their numbers).
    certification_expires: Mapped[dt.date | None] = mapped_column()
    license_expires: Mapped[dt.date | None] = mapped_column()
    # argon2id hash of the recovery key shown once at account creation; it resets the password.
    recovery_key_hash: Mapped[str | None] = mapped_column(String(200))
    # A supervisor who left: the day the successor took over, and who that is. The successor
    # (or theirs, if they left too) may sign what this supervisor left pending, as their own word.
    # No foreign key: a column with one could not be added to this table (which every record
    # refers to) in place; services.supervisors checks the id.
    left_on: Mapped[dt.date | None] = mapped_column()
    successor_id: Mapped[int | None] = mapped_column(Integer)
    # Who this person is anywhere (not this file's row id): a uuid4 made once, never changed
    # (a trigger fills it for a row inserted without one, and refuses a change). Keyed
    # signatures name people by it (see services.signatures). Nullable only because it was
    # added to a table every record refers to, in place.
    global_id: Mapped[str | None] = mapped_column(String(36), default=new_uuid)

    agency: Mapped[Agency | None] = relationship()


class Supervisee(Timestamps, Base):
    __tablename__ = "supervisee"
    __table_args__ = (
        Index("ix_supervisee_supervisor", "supervisor_id"),
        Index("uq_supervisee_global_id", "global_id", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agency.id"))
    supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("supervisor.id"))
    name: Mapped[str] = mapped_column(String(200))
    icb_id: Mapped[str] = mapped_column(String(60), default="")
    credential: Mapped[str] = mapped_column(String(20))
    position: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[dt.date | None] = mapped_column()
    active: Mapped[bool] = mapped_column(default=True)
    # Set when this supervisee is also a supervisor here (e.g. a CRSS supervisor earning a
    # CADC): that supervisor may never sign records in which this person is supervised.
    same_person_supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("supervisor.id"))
    # Who this person is anywhere: as Supervisor.global_id.
    global_id: Mapped[str | None] = mapped_column(String(36), default=new_uuid)
    # The day the agency hired them, where recorded (an employer's credential deadline).
    hire_date: Mapped[dt.date | None] = mapped_column()
    # The language of their progress statement and review mode ("en", "es"); None: as the app.
    # Not part of their signed identity (services.signatures.SUPERVISEE_FIELDS).
    language: Mapped[str | None] = mapped_column(String(10))

    agency: Mapped[Agency | None] = relationship()
    supervisor: Mapped[Supervisor | None] = relationship(foreign_keys=[supervisor_id])


class SupervisorChange(Base):
    """A supervisee's supervisor of record changed on ``effective_from`` (append-only history).

    Records keep the supervisor who supervised them: a change never touches a record, so the
    records before the date stay with the earlier supervisor.
    """

    __tablename__ = "supervisor_change"
    __table_args__ = (Index("ix_supervisor_change_supervisee", "supervisee_id", "effective_from"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    supervisee_id: Mapped[int] = mapped_column(ForeignKey("supervisee.id"))
    previous_supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("supervisor.id"))
    supervisor_id: Mapped[int] = mapped_column(ForeignKey("supervisor.id"))
    effective_from: Mapped[dt.date] = mapped_column()
    reason: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class SuperviseeJob(Timestamps, Base):
    """A job (or volunteer post) a supervisee holds for their experience, and the answer to the
    CRSS/CPRS question whether at least 51% of its duties are recovery support: ``None`` until
    someone answers it (who and when are kept). The job description is its text here, or a
    file (:class:`JobDescriptionFile`)."""

    __tablename__ = "supervisee_job"
    __table_args__ = (
        CheckConstraint("date_to IS NULL OR date_to >= date_from", name="dates_in_order"),
        Index("ix_supervisee_job_supervisee", "supervisee_id", "date_from"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    supervisee_id: Mapped[int] = mapped_column(ForeignKey("supervisee.id"))
    title: Mapped[str] = mapped_column(String(200))
    employer: Mapped[str] = mapped_column(String(200), default="")
    date_from: Mapped[dt.date] = mapped_column()
    date_to: Mapped[dt.date | None] = mapped_column()  # None: still in this job
    recovery_support_51: Mapped[bool | None] = mapped_column()  # None: not answered yet
    answered_by: Mapped[str] = mapped_column(String(200), default="")
    answered_at: Mapped[dt.datetime | None] = mapped_column()
    description: Mapped[str] = mapped_column(Text, default="")


class JobDescriptionFile(Base):
    """A job's description as a file (PDF or image), inside the database; checked and stored
    as a training certificate is (:mod:`supervisor_app.services.training`)."""

    __tablename__ = "job_description_file"

    job_id: Mapped[int] = mapped_column(ForeignKey("supervisee_job.id", ondelete="CASCADE"), primary_key=True)
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(40))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    added_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
