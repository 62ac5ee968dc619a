"""A person's credentials and training: credentials held, training entries (minutes per area),
their certificates and a supervisor's confirmations."""

from __future__ import annotations

import datetime as dt
import enum

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
    enum_check,
    new_uuid,
    utcnow,
)


class TrainingDelivery(enum.StrEnum):
    IN_PERSON = "in-person"
    ONLINE = "online"


_ONE_PERSON = CheckConstraint("(supervisor_id IS NULL) <> (supervisee_id IS NULL)", name="one_person")


class PersonCredential(Timestamps, Base):
    """A credential or licence a person holds: a supervisor's or a supervisee's (exactly one
    of the two ids is set). Renewals and what is due read it; so does the rule on who may
    supervise (a supervisor's kind, number and expiry on a record's date)."""

    __tablename__ = "person_credential"
    __table_args__ = (
        _ONE_PERSON,
        CheckConstraint(
            "expires_on IS NULL OR issued_on IS NULL OR expires_on >= issued_on", name="dates_in_order"
        ),
        Index("ix_person_credential_supervisor", "supervisor_id"),
        Index("ix_person_credential_supervisee", "supervisee_id"),
        Index("ix_person_credential_expires", "expires_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("supervisor.id"))
    supervisee_id: Mapped[int | None] = mapped_column(ForeignKey("supervisee.id"))
    kind: Mapped[str] = mapped_column(String(40))  # CRSS, CPRS, CADC, LCPC, LCSW...
    number: Mapped[str] = mapped_column(String(60), default="")
    issued_on: Mapped[dt.date | None] = mapped_column()
    expires_on: Mapped[dt.date | None] = mapped_column()
    board: Mapped[str] = mapped_column(String(200), default="")


class TrainingEntry(Timestamps, Base):
    """A training or education a person attended; its minutes per topic area are its
    allocations. Self-reported until a supervisor confirms it (:class:`TrainingConfirmation`);
    a confirmed entry never changes (triggers)."""

    __tablename__ = "training_entry"
    __table_args__ = (
        _ONE_PERSON,
        CheckConstraint("date_to >= date_from", name="dates_in_order"),
        enum_check("delivery", TrainingDelivery),
        Index("ix_training_entry_supervisee", "supervisee_id", "date_to"),
        Index("ix_training_entry_supervisor", "supervisor_id", "date_to"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("supervisor.id"))
    supervisee_id: Mapped[int | None] = mapped_column(ForeignKey("supervisee.id"))
    date_from: Mapped[dt.date] = mapped_column()
    date_to: Mapped[dt.date] = mapped_column()
    title: Mapped[str] = mapped_column(String(300))
    provider: Mapped[str] = mapped_column(String(200), default="")
    delivery: Mapped[str] = mapped_column(String(20), default=TrainingDelivery.IN_PERSON.value)

    allocations: Mapped[list[TrainingAllocation]] = relationship(
        back_populates="entry", cascade="all, delete-orphan", order_by="TrainingAllocation.area_code"
    )

    @property
    def minutes(self) -> int:
        return sum(a.minutes for a in self.allocations)


class TrainingAllocation(Base):
    __tablename__ = "training_allocation"
    __table_args__ = (CheckConstraint("minutes > 0", name="minutes_positive"),)

    entry_id: Mapped[str] = mapped_column(
        ForeignKey("training_entry.id", ondelete="CASCADE"), primary_key=True
    )
    area_code: Mapped[str] = mapped_column(String(60), primary_key=True)
    minutes: Mapped[int] = mapped_column(Integer)

    entry: Mapped[TrainingEntry] = relationship(back_populates="allocations")


class TrainingCertificate(Base):
    """The certificate of a training entry (PDF or image), inside the database."""

    __tablename__ = "training_certificate"

    entry_id: Mapped[str] = mapped_column(
        ForeignKey("training_entry.id", ondelete="CASCADE"), primary_key=True
    )
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(40))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    added_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class TrainingConfirmation(Base):
    """A supervisor's keyed signature over a training entry: ``payload`` (exact JSON signed,
    naming the entry's content hash, which covers its certificate's SHA-256) signed with their
    Ed25519 key. Never updated or deleted (triggers)."""

    __tablename__ = "training_confirmation"

    entry_id: Mapped[str] = mapped_column(ForeignKey("training_entry.id"), primary_key=True)
    supervisor_id: Mapped[int] = mapped_column(ForeignKey("supervisor.id"))
    confirmed_at: Mapped[dt.datetime] = mapped_column()
    content_hash: Mapped[str] = mapped_column(String(64))
    key_fingerprint: Mapped[str] = mapped_column(String(64))
    payload: Mapped[str] = mapped_column(Text)
    signature: Mapped[str] = mapped_column(String(128))
