"""What every table shares: the declarative Base and its naming convention, UTC timestamps,
ids, the enumerations stored as text, and their CHECK constraints."""

from __future__ import annotations

import datetime as dt
import enum
import uuid

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    MetaData,
    Time,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


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


def enum_check(column: str, values: type[enum.StrEnum]) -> CheckConstraint:
    allowed = ", ".join(f"'{v.value}'" for v in values)
    return CheckConstraint(f"{column} IN ({allowed})", name=f"{column}_valid")


class Timestamps:
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
