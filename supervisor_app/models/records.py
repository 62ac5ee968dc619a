"""The records that get signed: supervision sessions (attendees, minutes per domain) and
experience entries (minutes per domain)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from supervisor_app.models.base import (
    Base,
    ExperienceKind,
    Modality,
    RecordStatus,
    SessionFormat,
    Timestamps,
    enum_check,
    new_uuid,
)

if TYPE_CHECKING:
    from supervisor_app.models.people import Supervisee, Supervisor


class SupervisionSession(Timestamps, Base):
    __tablename__ = "supervision_session"
    __table_args__ = (
        enum_check("status", RecordStatus),
        enum_check("format", SessionFormat),
        enum_check("modality", Modality),
        CheckConstraint("minutes > 0", name="minutes_positive"),
        Index("ix_session_supervisor_date", "supervisor_id", "date"),
        Index("ix_session_date", "date"),
        Index("ix_session_supersedes", "supersedes_id"),
        Index("ix_session_pending", "supervisor_id", sqlite_where=text("status = 'pending'")),
        # The totals' columns in id order (services/sums.py): read without the table, merged
        # with the attendees and allocations in the same order instead of hashed.
        Index("ix_session_totals", "id", "status", "supervisor_id", "format", "date").ddl_if(
            dialect="postgresql"
        ),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    supervisor_id: Mapped[int] = mapped_column(ForeignKey("supervisor.id"))
    date: Mapped[dt.date] = mapped_column()
    start_time: Mapped[dt.time | None] = mapped_column()
    minutes: Mapped[int] = mapped_column(Integer)
    format: Mapped[str] = mapped_column(String(20))
    modality: Mapped[str] = mapped_column(String(20))
    site: Mapped[str] = mapped_column(String(200), default="")
    topics: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default=RecordStatus.PENDING.value)
    # An amendment points at the signed version it corrects, with the reason.
    supersedes_id: Mapped[str | None] = mapped_column(ForeignKey("supervision_session.id"))
    amendment_reason: Mapped[str] = mapped_column(Text, default="")

    supervisor: Mapped[Supervisor] = relationship()
    attendees: Mapped[list[SessionAttendee]] = relationship(
        back_populates="session",
        cascade="all, delete-orphan",
        order_by="SessionAttendee.supervisee_id",
    )
    allocations: Mapped[list[SessionAllocation]] = relationship(
        back_populates="session",
        cascade="all, delete-orphan",
        order_by="SessionAllocation.domain_code",
    )


class SessionAttendee(Base):
    __tablename__ = "session_attendee"
    __table_args__ = (Index("ix_attendee_supervisee", "supervisee_id", "session_id"),)

    session_id: Mapped[str] = mapped_column(
        ForeignKey("supervision_session.id", ondelete="CASCADE"), primary_key=True
    )
    supervisee_id: Mapped[int] = mapped_column(ForeignKey("supervisee.id"), primary_key=True)

    session: Mapped[SupervisionSession] = relationship(back_populates="attendees")
    supervisee: Mapped[Supervisee] = relationship()


class SessionAllocation(Base):
    __tablename__ = "session_allocation"
    __table_args__ = (
        CheckConstraint("minutes > 0", name="minutes_positive"),
        Index("ix_session_allocation_totals", "session_id", "domain_code", "minutes").ddl_if(
            dialect="postgresql"
        ),  # services/sums.py
    )

    session_id: Mapped[str] = mapped_column(
        ForeignKey("supervision_session.id", ondelete="CASCADE"), primary_key=True
    )
    domain_code: Mapped[str] = mapped_column(String(60), primary_key=True)
    minutes: Mapped[int] = mapped_column(Integer)

    session: Mapped[SupervisionSession] = relationship(back_populates="allocations")


class ExperienceEntry(Timestamps, Base):
    __tablename__ = "experience_entry"
    __table_args__ = (
        enum_check("status", RecordStatus),
        enum_check("kind", ExperienceKind),
        CheckConstraint("period_end >= period_start", name="period_order"),
        Index("ix_experience_supervisee_period", "supervisee_id", "period_start"),
        Index("ix_experience_supervisor", "supervisor_id"),
        Index("ix_experience_supersedes", "supersedes_id"),
        Index("ix_experience_period", "period_start", "id"),  # the newest-first list
        Index("ix_experience_pending", "supervisor_id", sqlite_where=text("status = 'pending'")),
        # As ix_session_totals: the totals' columns in id order (services/sums.py).
        Index("ix_experience_totals", "id", "status", "supervisee_id", "supervisor_id", "period_end").ddl_if(
            dialect="postgresql"
        ),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    supervisee_id: Mapped[int] = mapped_column(ForeignKey("supervisee.id"))
    supervisor_id: Mapped[int] = mapped_column(ForeignKey("supervisor.id"))
    period_start: Mapped[dt.date] = mapped_column()
    period_end: Mapped[dt.date] = mapped_column()
    setting: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(20), default=ExperienceKind.PAID.value)
    status: Mapped[str] = mapped_column(String(20), default=RecordStatus.PENDING.value)
    supersedes_id: Mapped[str | None] = mapped_column(ForeignKey("experience_entry.id"))
    amendment_reason: Mapped[str] = mapped_column(Text, default="")

    supervisee: Mapped[Supervisee] = relationship()
    supervisor: Mapped[Supervisor] = relationship()
    allocations: Mapped[list[ExperienceAllocation]] = relationship(
        back_populates="entry",
        cascade="all, delete-orphan",
        order_by="ExperienceAllocation.domain_code",
    )

    @property
    def minutes(self) -> int:
        return sum(a.minutes for a in self.allocations)


class ExperienceAllocation(Base):
    __tablename__ = "experience_allocation"
    __table_args__ = (
        CheckConstraint("minutes > 0", name="minutes_positive"),
        Index("ix_experience_allocation_totals", "entry_id", "domain_code", "minutes").ddl_if(
            dialect="postgresql"
        ),  # services/sums.py
    )

    entry_id: Mapped[str] = mapped_column(
        ForeignKey("experience_entry.id", ondelete="CASCADE"), primary_key=True
    )
    domain_code: Mapped[str] = mapped_column(String(60), primary_key=True)
    minutes: Mapped[int] = mapped_column(Integer)

    entry: Mapped[ExperienceEntry] = relationship(back_populates="allocations")
