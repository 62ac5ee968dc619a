"""The tables. A supervisor's ten years of records live here: change only through migrations.

Conventions:
- Minutes are integers everywhere; hours exist only on screen and paper.
- Timestamps are timezone-aware UTC (stored naive-UTC by :class:`UTCDateTime`).
- Supervision sessions and experience entries have UUID text ids: they are the records that
  get signed, amended and voided, and their ids appear on printed forms.
- A record's stored ``status`` is only ``pending`` or ``signed``. Whether a signed record was
  later *amended* or *voided* is derived from other append-only rows (a signed amendment that
  supersedes it, a void sign-off), so a signed row never needs to change: see
  :mod:`supervisor_app.services.records`.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    Time,
    TypeDecorator,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out; stored without offset."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect):  # type: ignore[no-untyped-def]
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware (UTC)")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect):  # type: ignore[no-untyped-def]
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def new_uuid() -> str:
    return str(uuid.uuid4())


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dt.datetime: UTCDateTime(), dt.date: Date(), dt.time: Time()}


class RecordStatus(enum.StrEnum):
    """What is stored on a record row. Amended/voided are derived (see module doc)."""

    PENDING = "pending"
    SIGNED = "signed"


class DisplayStatus(enum.StrEnum):
    """What a person sees: the stored status plus what later rows say about it."""

    PENDING = "pending"
    SIGNED = "signed"
    AMENDED = "amended"  # signed, then replaced by a signed amendment
    VOIDED = "voided"  # signed, then withdrawn by a signed void


class SessionFormat(enum.StrEnum):
    INDIVIDUAL = "individual"
    GROUP = "group"


class Modality(enum.StrEnum):
    IN_PERSON = "in-person"
    VIDEO = "video"
    PHONE = "phone"


class ExperienceKind(enum.StrEnum):
    PAID = "paid"
    VOLUNTEER = "volunteer"
    INTERNSHIP = "internship"


class RecordKind(enum.StrEnum):
    SESSION = "session"
    EXPERIENCE = "experience"


class SignOffAction(enum.StrEnum):
    SIGN = "sign"
    VOID = "void"


def _enum_check(column: str, values: type[enum.StrEnum]) -> CheckConstraint:
    allowed = ", ".join(f"'{v.value}'" for v in values)
    return CheckConstraint(f"{column} IN ({allowed})", name=f"{column}_valid")


class Timestamps:
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


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


class SupervisionSession(Timestamps, Base):
    __tablename__ = "supervision_session"
    __table_args__ = (
        _enum_check("status", RecordStatus),
        _enum_check("format", SessionFormat),
        _enum_check("modality", Modality),
        CheckConstraint("minutes > 0", name="minutes_positive"),
        Index("ix_session_supervisor_date", "supervisor_id", "date"),
        Index("ix_session_date", "date"),
        Index("ix_session_supersedes", "supersedes_id"),
        Index("ix_session_pending", "supervisor_id", sqlite_where=text("status = 'pending'")),
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
    __table_args__ = (CheckConstraint("minutes > 0", name="minutes_positive"),)

    session_id: Mapped[str] = mapped_column(
        ForeignKey("supervision_session.id", ondelete="CASCADE"), primary_key=True
    )
    domain_code: Mapped[str] = mapped_column(String(60), primary_key=True)
    minutes: Mapped[int] = mapped_column(Integer)

    session: Mapped[SupervisionSession] = relationship(back_populates="allocations")


class ExperienceEntry(Timestamps, Base):
    __tablename__ = "experience_entry"
    __table_args__ = (
        _enum_check("status", RecordStatus),
        _enum_check("kind", ExperienceKind),
        CheckConstraint("period_end >= period_start", name="period_order"),
        Index("ix_experience_supervisee_period", "supervisee_id", "period_start"),
        Index("ix_experience_supervisor", "supervisor_id"),
        Index("ix_experience_supersedes", "supersedes_id"),
        Index("ix_experience_period", "period_start", "id"),  # the newest-first list
        Index("ix_experience_pending", "supervisor_id", sqlite_where=text("status = 'pending'")),
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
    __table_args__ = (CheckConstraint("minutes > 0", name="minutes_positive"),)

    entry_id: Mapped[str] = mapped_column(
        ForeignKey("experience_entry.id", ondelete="CASCADE"), primary_key=True
    )
    domain_code: Mapped[str] = mapped_column(String(60), primary_key=True)
    minutes: Mapped[int] = mapped_column(Integer)

    entry: Mapped[ExperienceEntry] = relationship(back_populates="allocations")


class SignOff(Base):
    """One link of the signature chain: a signing or a void, in signing order.

    ``content_hash`` is SHA-256 over the record's canonical content (for a void: over the
    voided record's hash and the reason); ``chain_hash`` is SHA-256 over this link's fields and
    the previous link's ``chain_hash``. Rows are never updated or deleted (triggers).
    """

    __tablename__ = "sign_off"
    __table_args__ = (
        _enum_check("record_kind", RecordKind),
        _enum_check("action", SignOffAction),
        Index("ix_sign_off_record", "record_id", "action"),
    )

    seq: Mapped[int] = mapped_column(primary_key=True)
    record_kind: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[str] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(10))
    signer_id: Mapped[int] = mapped_column(ForeignKey("supervisor.id"))
    signed_at: Mapped[dt.datetime] = mapped_column()
    reason: Mapped[str] = mapped_column(Text, default="")
    content_hash: Mapped[str] = mapped_column(String(64))
    prev_chain_hash: Mapped[str] = mapped_column(String(64))
    chain_hash: Mapped[str] = mapped_column(String(64), unique=True)


class Attestation(Base):
    """One printed attestation form: what was printed, for whom, over which records.

    The fingerprint is SHA-256 over the chain hashes of the signatures it includes, in order;
    printing the same records again reuses the row (and its serial number).
    """

    __tablename__ = "attestation"
    __table_args__ = (
        Index("ix_attestation_supervisee", "supervisee_id"),
        Index(
            "ix_attestation_lookup", "supervisee_id", "supervisor_id", "date_from", "date_to", "fingerprint"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    serial: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="verification")
    fingerprint: Mapped[str] = mapped_column(String(64))
    supervisee_id: Mapped[int] = mapped_column(ForeignKey("supervisee.id"))
    supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("supervisor.id"))
    date_from: Mapped[dt.date | None] = mapped_column()
    date_to: Mapped[dt.date | None] = mapped_column()
    record_count: Mapped[int] = mapped_column(Integer, default=0)
    supervision_minutes: Mapped[int] = mapped_column(Integer, default=0)
    experience_minutes: Mapped[int] = mapped_column(Integer, default=0)
    printed_by: Mapped[str] = mapped_column(String(200))
    printed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # The print records' own hash chain (services/trails.py), written by the one function that
    # inserts them: deleting or editing a print record breaks it.
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class DatabaseIdentity(Base):
    """This database file's own identity (one row): the "chain id" its keyed signatures name,
    and the first link of its chain that must be covered by a keyed signature (links before it
    were signed before keys existed). Made by migration 0006."""

    __tablename__ = "database_identity"

    id: Mapped[int] = mapped_column(primary_key=True)
    global_id: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    keys_from_seq: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class SupervisorKey(Base):
    """A supervisor's Ed25519 key pair. The public key is in clear; the private key only sealed
    under a key derived from their password (argon2id, AES-256-GCM; see services.keys), or ""
    for a key of a supervisor of another database. Never deleted; a retired key still verifies
    what it signed. Triggers forbid DELETE and changing the public key, fingerprint or owner."""

    __tablename__ = "supervisor_key"
    __table_args__ = (Index("ix_supervisor_key_supervisor", "supervisor_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    supervisor_id: Mapped[int] = mapped_column(ForeignKey("supervisor.id"))
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    public_key: Mapped[str] = mapped_column(String(64))
    sealed_private_key: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    retired_at: Mapped[dt.datetime | None] = mapped_column()


class Signature(Base):
    """A keyed signature over a signing batch or a void: the Ed25519 signature of ``payload``
    (the exact UTF-8 JSON signed, see services.signatures), which lists the ``sign_off`` links
    ``first_seq``..``last_seq`` of the chain ``chain_id``. Never updated or deleted (triggers)."""

    __tablename__ = "signature"
    __table_args__ = (Index("ix_signature_chain_seq", "chain_id", "first_seq"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    chain_id: Mapped[str] = mapped_column(String(36))
    key_fingerprint: Mapped[str] = mapped_column(String(64))
    first_seq: Mapped[int] = mapped_column(Integer)
    last_seq: Mapped[int] = mapped_column(Integer)
    signed_at: Mapped[dt.datetime] = mapped_column()
    payload: Mapped[str] = mapped_column(Text)
    signature: Mapped[str] = mapped_column(String(128))


class ForeignLink(Base):
    """A sign or void link of a record that arrived in an hours file, exactly as the chain
    ``chain_id`` (another database) stored it; the keyed ``signature`` covering it is stored
    verbatim. ``people``: JSON of the global ids the record names as signed. Never updated or
    deleted (triggers). See services.hours_files."""

    __tablename__ = "foreign_link"
    __table_args__ = (Index("ix_foreign_link_record", "record_id", "action"),)

    chain_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    signature_id: Mapped[str] = mapped_column(String(36))
    record_kind: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[str] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(10))
    signer_id: Mapped[int] = mapped_column(Integer)  # the signer's id in that database, not here
    signed_at: Mapped[str] = mapped_column(String(40))  # the stamp text its chain hash covers
    reason: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    prev_chain_hash: Mapped[str] = mapped_column(String(64))
    chain_hash: Mapped[str] = mapped_column(String(64))
    people: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class ForeignChain(Base):
    """Another database records came from: its chain id and the agency it named."""

    __tablename__ = "foreign_chain"

    chain_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    agency: Mapped[str] = mapped_column(String(200))
    first_imported_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class SuperviseeAlias(Base):
    """Another global id of a supervisee here, linked by the user's choice on import."""

    __tablename__ = "supervisee_alias"

    global_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    supervisee_id: Mapped[int] = mapped_column(ForeignKey("supervisee.id"))
    linked_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class AuditEvent(Base):
    """The append-only audit trail (triggers forbid UPDATE and DELETE), hash-chained: each
    event's ``hash`` covers its fields and ``prev_hash``, the hash of the event before it
    (services/trails.py). Events are written only by :func:`services.audit.append_events`."""

    __tablename__ = "audit_event"
    __table_args__ = (
        Index("ix_audit_record", "record_id"),
        # A supervisee's sign and void events are read on every progress view and form
        # (verification): covering, so they come from a few index pages, not a page each.
        Index("ix_audit_supervisee_action", "supervisee_id", "action", "record_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str | None] = mapped_column(String(36))
    supervisee_id: Mapped[int | None] = mapped_column(Integer)
    details: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


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
        _enum_check("delivery", TrainingDelivery),
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


class OutsideCopy(Base):
    """What a copy of this database's chains that left the file knows (an hours file given
    out or taken in): its newest signature link and audit event. ``verify`` compares the file
    with these (and with the backups), so signatures cut off the end of the chain are seen.
    Append-only (triggers)."""

    __tablename__ = "outside_copy"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(String(400))
    last_seq: Mapped[int | None] = mapped_column(Integer)
    last_chain_hash: Mapped[str | None] = mapped_column(String(64))
    audit_head_id: Mapped[int | None] = mapped_column(Integer)
    audit_head_hash: Mapped[str | None] = mapped_column(String(64))
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


__all__ = [
    "Agency",
    "Attestation",
    "AuditEvent",
    "Base",
    "DatabaseIdentity",
    "DisplayStatus",
    "ExperienceAllocation",
    "ExperienceEntry",
    "ExperienceKind",
    "ForeignChain",
    "ForeignLink",
    "JobDescriptionFile",
    "Modality",
    "OutsideCopy",
    "PersonCredential",
    "RecordKind",
    "RecordStatus",
    "SessionAllocation",
    "SessionAttendee",
    "SessionFormat",
    "SignOff",
    "Signature",
    "SignOffAction",
    "Supervisee",
    "SuperviseeAlias",
    "SuperviseeJob",
    "Supervisor",
    "SupervisorChange",
    "SupervisorKey",
    "SupervisionSession",
    "TrainingAllocation",
    "TrainingCertificate",
    "TrainingConfirmation",
    "TrainingDelivery",
    "TrainingEntry",
    "UTCDateTime",
    "utcnow",
]
