"""Supervision sessions and experience entries: adding, editing pending ones, amending.

Every rule in DOMAIN.md's "Rules the app checks" that concerns a single record is checked
here, before anything is written; a refusal is a :class:`DomainError` naming the field.

Status model: a row stores ``pending`` or ``signed``. A signed row is *amended* when a signed
amendment supersedes it and *voided* when a void sign-off names it; both are derived from
append-only rows (:func:`display_status_sql`), so a signed row is never touched again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, and_, case, exists, func, literal, or_, select
from sqlalchemy.orm import aliased, selectinload

from supervisor_app.db import UnitOfWork
from supervisor_app.models import (
    DisplayStatus,
    ExperienceAllocation,
    ExperienceEntry,
    ExperienceKind,
    Modality,
    RecordKind,
    RecordStatus,
    SessionAllocation,
    SessionAttendee,
    SessionFormat,
    SignOff,
    SignOffAction,
    Supervisee,
    SupervisionSession,
    Supervisor,
)
from supervisor_app.services import audit
from supervisor_app.services.errors import DomainError
from supervisor_app.services.people import get_supervisee, get_supervisor
from supervisor_app.services.profiles import GENERAL_DOMAIN, CredentialProfile
from supervisor_app.services.validation import clean_text, parse_date, parse_time, whole_minutes

MAX_ENTRY_MINUTES = 12 * 60
"""No single session, and no day of an experience period, may exceed 12 hours."""

MAX_TOPICS_LENGTH = 4000

NO_CLIENT_INFO_REMINDER = (
    "Topics are about the supervisee's work. Do not enter client names or anything that "
    "identifies a client (HIPAA, 42 CFR Part 2)."
)

Record = SupervisionSession | ExperienceEntry


# --------------------------------------------------------------------------------------------
# Status, in SQL


def _model(kind: RecordKind | str) -> type[SupervisionSession] | type[ExperienceEntry]:
    return SupervisionSession if RecordKind(kind) is RecordKind.SESSION else ExperienceEntry


@cache  # static expressions: build once, reuse
def superseded_clause(model: type[Record]) -> ColumnElement[bool]:
    """True where a *signed* amendment replaces the row."""
    newer = aliased(model)
    return exists(
        select(literal(1)).where(newer.supersedes_id == model.id, newer.status == RecordStatus.SIGNED)
    )


@cache  # static expressions: build once, reuse
def voided_clause(model: type[Record]) -> ColumnElement[bool]:
    return exists(
        select(literal(1)).where(SignOff.record_id == model.id, SignOff.action == SignOffAction.VOID)
    )


@cache  # static expressions: build once, reuse
def counts_clause(model: type[Record]) -> ColumnElement[bool]:
    """True for the rows that count toward progress: signed, not replaced, not voided."""
    return and_(model.status == RecordStatus.SIGNED, ~superseded_clause(model), ~voided_clause(model))


@cache  # static expressions: build once, reuse
def display_status_sql(model: type[Record]) -> ColumnElement[str]:
    return case(
        (model.status == RecordStatus.PENDING, literal(DisplayStatus.PENDING.value)),
        (voided_clause(model), literal(DisplayStatus.VOIDED.value)),
        (superseded_clause(model), literal(DisplayStatus.AMENDED.value)),
        else_=literal(DisplayStatus.SIGNED.value),
    )


@cache  # static expressions: build once, reuse
def replaced_by_sql(model: type[Record]) -> Any:
    newer = aliased(model)
    return (
        select(newer.id)
        .where(newer.supersedes_id == model.id, newer.status == RecordStatus.SIGNED)
        .limit(1)
        .scalar_subquery()
    )


def display_status(uow: UnitOfWork, record: Record) -> DisplayStatus:
    model = type(record)
    value = uow.session.scalar(select(display_status_sql(model)).where(model.id == record.id))
    return DisplayStatus(value)


# --------------------------------------------------------------------------------------------
# Finding records


def find_record(uow: UnitOfWork, record_id: str, *, field: str = "record") -> Record:
    """A session or experience entry by id, or by a unique prefix of at least 6 characters."""
    text = (record_id or "").strip().lower()
    if len(text) < 6:
        raise DomainError(
            f"Record id {record_id!r} is too short; give the full id or at least its first 6 characters.",
            field=field,
        )
    found: list[Record] = []
    for model in (SupervisionSession, ExperienceEntry):
        exact = uow.session.get(model, text)
        if exact is not None:
            return exact
        found.extend(uow.session.scalars(select(model).where(model.id.startswith(text)).limit(2)))
    if not found:
        raise DomainError(f"There is no session or experience entry with id {record_id!r}.", field=field)
    if len(found) > 1:
        raise DomainError(
            f"Record id {record_id!r} matches more than one record; give more characters.",
            field=field,
        )
    return found[0]


def record_kind(record: Record) -> RecordKind:
    return RecordKind.SESSION if isinstance(record, SupervisionSession) else RecordKind.EXPERIENCE


def record_supervisee_ids(record: Record) -> list[int]:
    if isinstance(record, SupervisionSession):
        return [a.supervisee_id for a in record.attendees]
    return [record.supervisee_id]


# --------------------------------------------------------------------------------------------
# Validation


@dataclass(frozen=True)
class SessionValues:
    supervisor_id: int
    supervisee_ids: tuple[int, ...]
    date: dt.date
    start_time: dt.time | None
    minutes: int
    format: str
    modality: str
    site: str
    topics: str
    allocations: dict[str, int]


@dataclass(frozen=True)
class ExperienceValues:
    supervisee_id: int
    supervisor_id: int
    period_start: dt.date
    period_end: dt.date
    setting: str
    kind: str
    allocations: dict[str, int]


def _choice(value: str | None, enum_type: type, *, field: str, label: str) -> str:
    text = (value or "").strip().lower().replace("_", "-").replace(" ", "-")
    allowed = [m.value for m in enum_type]
    if text not in allowed:
        raise DomainError(f"{label} must be one of {', '.join(allowed)} (got {value!r}).", field=field)
    return text


def _allocations(
    raw: Mapping[str, Any] | Iterable[tuple[str, Any]] | None,
    *,
    profile: CredentialProfile,
    allow_general: bool,
) -> dict[str, int]:
    pairs = list(raw.items()) if isinstance(raw, Mapping) else list(raw or [])
    if not pairs:
        raise DomainError(
            f"Give the minutes for at least one performance domain ({', '.join(profile.domain_codes)}).",
            field="allocations",
        )
    result: dict[str, int] = {}
    for code, minutes in pairs:
        code = (code or "").strip().lower()
        if code not in profile.domain_codes and not (allow_general and code == GENERAL_DOMAIN):
            valid = list(profile.domain_codes) + ([GENERAL_DOMAIN] if allow_general else [])
            raise DomainError(
                f"{code!r} is not a {profile.code} performance domain. Use one of: {', '.join(valid)}.",
                field="allocations",
            )
        if code in result:
            raise DomainError(f"The domain {profile.label(code)} is given twice.", field="allocations")
        result[code] = whole_minutes(minutes, field="allocations", label=f"Minutes for {profile.label(code)}")
    return result


def _profile_for(uow: UnitOfWork, supervisees: list[Supervisee]) -> CredentialProfile:
    codes = sorted({s.credential for s in supervisees})
    if len(codes) > 1:
        names = ", ".join(f"{s.name} ({s.credential})" for s in supervisees)
        raise DomainError(
            "Everyone in one session must be working toward the same credential, because the "
            f"performance domains differ: {names}. Record a separate session per credential.",
            field="supervisees",
        )
    try:
        return uow.db.profiles.get(codes[0])
    except KeyError as exc:
        raise DomainError(str(exc.args[0]), field="supervisees") from None


def _check_supervisor(supervisor: Supervisor, supervisees: list[Supervisee]) -> None:
    if not supervisor.active:
        raise DomainError(
            f"{supervisor.name} is marked inactive; new records need an active supervisor.",
            field="supervisor",
        )
    for supervisee in supervisees:
        if supervisee.same_person_supervisor_id == supervisor.id:
            raise DomainError(
                f"{supervisor.name} cannot supervise their own hours ({supervisee.name} is the same person).",
                field="supervisor",
            )


def _check_dates(
    start: dt.date, end: dt.date, supervisees: list[Supervisee], *, today: dt.date, field: str
) -> None:
    if end > today:
        raise DomainError(
            f"{end.isoformat()} is in the future; record hours once they have happened.",
            field=field,
        )
    if start.year < 1990:
        raise DomainError(f"{start.isoformat()} is too far in the past to be a real record.", field=field)
    for supervisee in supervisees:
        if supervisee.start_date is not None and start < supervisee.start_date:
            raise DomainError(
                f"{start.isoformat()} is before {supervisee.name}'s start date "
                f"({supervisee.start_date.isoformat()}).",
                field=field,
            )


def _load_supervisees(uow: UnitOfWork, ids: Iterable[int | str]) -> list[Supervisee]:
    ids = list(ids)
    if not ids:
        raise DomainError("Choose at least one supervisee.", field="supervisees")
    supervisees = [get_supervisee(uow, i, field="supervisees") for i in ids]
    seen: set[int] = set()
    for supervisee in supervisees:
        if supervisee.id in seen:
            raise DomainError(f"{supervisee.name} is listed twice.", field="supervisees")
        seen.add(supervisee.id)
        if not supervisee.active:
            raise DomainError(f"{supervisee.name} is marked inactive.", field="supervisees")
    return supervisees


def validate_session(
    uow: UnitOfWork,
    *,
    supervisor_id: int | str,
    supervisee_ids: Iterable[int | str],
    date: str | dt.date,
    minutes: int | str,
    format: str,
    modality: str,
    allocations: Mapping[str, Any] | Iterable[tuple[str, Any]],
    start: str | dt.time | None = None,
    site: str = "",
    topics: str = "",
    ignore_ids: Iterable[str] = (),
    today: dt.date | None = None,
) -> SessionValues:
    """Check a session against every rule; return the cleaned values. Writes nothing."""
    today = today or dt.date.today()
    supervisor = get_supervisor(uow, supervisor_id)
    supervisees = _load_supervisees(uow, supervisee_ids)
    _check_supervisor(supervisor, supervisees)
    profile = _profile_for(uow, supervisees)
    day = parse_date(date, field="date", label="Date")
    _check_dates(day, day, supervisees, today=today, field="date")
    start_time = parse_time(start, field="start", label="Start time")
    length = whole_minutes(minutes, field="minutes", label="Length")
    if length > MAX_ENTRY_MINUTES:
        raise DomainError(
            f"A session of {length} minutes is over 12 hours; check the length.", field="minutes"
        )
    step = profile.supervision.minute_increment.value
    if length % step:
        raise DomainError(
            f"{profile.code} supervision is recorded in {step}-minute steps; {length} minutes is not "
            f"(use {length - length % step or step} or {length - length % step + step}).",
            field="minutes",
        )
    if start_time is not None and start_time.hour * 60 + start_time.minute + length > 24 * 60:
        raise DomainError("The session would run past midnight; split it into two days.", field="minutes")
    session_format = _choice(format, SessionFormat, field="format", label="Format")
    if session_format == SessionFormat.INDIVIDUAL and len(supervisees) != 1:
        raise DomainError(
            f"An individual session has exactly one supervisee ({len(supervisees)} chosen); "
            "choose group for more.",
            field="supervisees",
        )
    if session_format == SessionFormat.GROUP:
        if len(supervisees) < 2:
            raise DomainError("A group session has at least two supervisees.", field="supervisees")
        cap = profile.supervision.max_group_size
        if cap is not None and len(supervisees) > cap.value:
            raise DomainError(
                f"{profile.code} group supervision allows at most {cap.value} supervisees "
                f"({len(supervisees)} chosen).",
                field="supervisees",
            )
    session_modality = _choice(modality, Modality, field="modality", label="Modality")
    allow_general = profile.supervision.allow_general.value
    allocated = _allocations(allocations, profile=profile, allow_general=allow_general)
    total = sum(allocated.values())
    if total > length:
        raise DomainError(
            f"The domains add up to {total} minutes, more than the session's {length}.",
            field="allocations",
        )
    if total < length:
        if not allow_general:
            raise DomainError(
                f"The domains add up to {total} minutes but the session is {length}; "
                f"allocate the other {length - total} minutes to a domain.",
                field="allocations",
            )
        allocated[GENERAL_DOMAIN] = allocated.get(GENERAL_DOMAIN, 0) + length - total
    values = SessionValues(
        supervisor_id=supervisor.id,
        supervisee_ids=tuple(sorted(s.id for s in supervisees)),
        date=day,
        start_time=start_time,
        minutes=length,
        format=session_format,
        modality=session_modality,
        site=clean_text(site, field="site", label="Site"),
        topics=clean_text(
            topics, field="topics", label="Topics", max_length=MAX_TOPICS_LENGTH, multiline=True
        ),
        allocations=dict(sorted(allocated.items())),
    )
    _check_session_overlap(
        uow, values, supervisor=supervisor, supervisees=supervisees, ignore_ids=set(ignore_ids)
    )
    return values


@cache
def _live(model: type[Record]) -> ColumnElement[bool]:
    """Rows that still stand: pending, or signed and neither replaced nor voided."""
    return or_(model.status == RecordStatus.PENDING, counts_clause(model))


def _check_session_overlap(
    uow: UnitOfWork,
    values: SessionValues,
    *,
    supervisor: Supervisor,
    supervisees: list[Supervisee],
    ignore_ids: set[str],
) -> None:
    if values.start_time is None:
        return
    begin = values.start_time.hour * 60 + values.start_time.minute
    end = begin + values.minutes
    same_day = (
        select(SupervisionSession)
        .options(selectinload(SupervisionSession.attendees))
        .where(
            SupervisionSession.date == values.date,
            SupervisionSession.start_time.is_not(None),
            _live(SupervisionSession),
            or_(
                SupervisionSession.supervisor_id == supervisor.id,
                SupervisionSession.id.in_(
                    select(SessionAttendee.session_id).where(
                        SessionAttendee.supervisee_id.in_(values.supervisee_ids)
                    )
                ),
            ),
        )
    )
    for other in uow.session.scalars(same_day):
        if other.id in ignore_ids or other.supersedes_id in ignore_ids:
            continue
        assert other.start_time is not None
        other_begin = other.start_time.hour * 60 + other.start_time.minute
        if other_begin < end and begin < other_begin + other.minutes:
            who = supervisor.name if other.supervisor_id == supervisor.id else None
            if who is None:
                shared = set(values.supervisee_ids) & {a.supervisee_id for a in other.attendees}
                who = ", ".join(s.name for s in supervisees if s.id in shared)
            raise DomainError(
                f"This overlaps another session for {who} on {values.date.isoformat()} at "
                f"{other.start_time.strftime('%H:%M')} ({other.minutes} min, record {other.id[:8]}).",
                field="start",
            )


def validate_experience(
    uow: UnitOfWork,
    *,
    supervisee_id: int | str,
    supervisor_id: int | str,
    period_start: str | dt.date,
    period_end: str | dt.date,
    allocations: Mapping[str, Any] | Iterable[tuple[str, Any]],
    setting: str = "",
    kind: str = ExperienceKind.PAID.value,
    ignore_ids: Iterable[str] = (),
    today: dt.date | None = None,
) -> ExperienceValues:
    today = today or dt.date.today()
    supervisee = get_supervisee(uow, supervisee_id)
    if not supervisee.active:
        raise DomainError(f"{supervisee.name} is marked inactive.", field="supervisee")
    supervisor = get_supervisor(uow, supervisor_id)
    _check_supervisor(supervisor, [supervisee])
    profile = _profile_for(uow, [supervisee])
    start = parse_date(period_start, field="period_start", label="From date")
    end = parse_date(period_end, field="period_end", label="To date")
    if end < start:
        raise DomainError(
            f"The period ends ({end.isoformat()}) before it starts ({start.isoformat()}).",
            field="period_end",
        )
    if (end - start).days > 366:
        raise DomainError(
            "An experience entry covers at most one year; split longer periods.", field="period_end"
        )
    _check_dates(start, end, [supervisee], today=today, field="period_start")
    allocated = _allocations(allocations, profile=profile, allow_general=True)
    total = sum(allocated.values())
    days = (end - start).days + 1
    if total > MAX_ENTRY_MINUTES * days:
        raise DomainError(
            f"{total / 60:.2f} hours in {days} day{'s' if days != 1 else ''} is more than 12 hours a day; "
            "check the hours.",
            field="allocations",
        )
    values = ExperienceValues(
        supervisee_id=supervisee.id,
        supervisor_id=supervisor.id,
        period_start=start,
        period_end=end,
        setting=clean_text(setting, field="setting", label="Setting"),
        kind=_choice(kind, ExperienceKind, field="kind", label="Kind"),
        allocations=dict(sorted(allocated.items())),
    )
    ignore = set(ignore_ids)
    overlapping = uow.session.scalars(
        select(ExperienceEntry).where(
            ExperienceEntry.supervisee_id == supervisee.id,
            ExperienceEntry.period_start <= end,
            ExperienceEntry.period_end >= start,
            _live(ExperienceEntry),
        )
    )
    for other in overlapping:
        if other.id in ignore or other.supersedes_id in ignore:
            continue
        raise DomainError(
            f"{supervisee.name} already has experience logged for {other.period_start.isoformat()} to "
            f"{other.period_end.isoformat()} (record {other.id[:8]}), which overlaps this period. "
            "Edit or amend that entry instead, so no hours are counted twice.",
            field="period_start",
        )
    return values


# --------------------------------------------------------------------------------------------
# Writing


def _apply_session(session: SupervisionSession, values: SessionValues) -> None:
    session.supervisor_id = values.supervisor_id
    session.date = values.date
    session.start_time = values.start_time
    session.minutes = values.minutes
    session.format = values.format
    session.modality = values.modality
    session.site = values.site
    session.topics = values.topics
    session.attendees = [SessionAttendee(supervisee_id=i) for i in values.supervisee_ids]
    session.allocations = [SessionAllocation(domain_code=c, minutes=m) for c, m in values.allocations.items()]


def _apply_experience(entry: ExperienceEntry, values: ExperienceValues) -> None:
    entry.supervisee_id = values.supervisee_id
    entry.supervisor_id = values.supervisor_id
    entry.period_start = values.period_start
    entry.period_end = values.period_end
    entry.setting = values.setting
    entry.kind = values.kind
    entry.allocations = [
        ExperienceAllocation(domain_code=c, minutes=m) for c, m in values.allocations.items()
    ]


def add_session(uow: UnitOfWork, **fields: Any) -> SupervisionSession:
    """Validate and add a pending session (see :func:`validate_session` for the fields)."""
    values = validate_session(uow, **fields)
    session = SupervisionSession(status=RecordStatus.PENDING.value)
    _apply_session(session, values)
    uow.session.add(session)
    uow.flush()
    for supervisee_id in values.supervisee_ids:
        audit.log(
            uow,
            audit.AuditAction.CREATE,
            record_id=session.id,
            supervisee_id=supervisee_id,
            details={"kind": "session", "date": values.date, "minutes": values.minutes},
        )
    return session


def add_experience(uow: UnitOfWork, **fields: Any) -> ExperienceEntry:
    values = validate_experience(uow, **fields)
    entry = ExperienceEntry(status=RecordStatus.PENDING.value)
    _apply_experience(entry, values)
    uow.session.add(entry)
    uow.flush()
    audit.log(
        uow,
        audit.AuditAction.CREATE,
        record_id=entry.id,
        supervisee_id=values.supervisee_id,
        details={
            "kind": "experience",
            "from": values.period_start,
            "to": values.period_end,
            "minutes": sum(values.allocations.values()),
        },
    )
    return entry


def _require_pending(record: Record, action: str) -> None:
    if record.status != RecordStatus.PENDING:
        raise DomainError(
            f"Record {record.id[:8]} is signed and final; it cannot be {action}. "
            "Amend it (with a reason) or void it instead.",
            field="record",
        )


def update_session(uow: UnitOfWork, *, record_id: str, **fields: Any) -> SupervisionSession:
    """Edit a pending session; every rule is checked again."""
    session = find_record(uow, record_id)
    if not isinstance(session, SupervisionSession):
        raise DomainError(f"Record {record_id} is an experience entry, not a session.", field="record")
    _require_pending(session, "edited")
    values = validate_session(uow, ignore_ids={session.id}, **fields)
    before = session_snapshot(session)
    _apply_session(session, values)
    uow.flush()
    for supervisee_id in values.supervisee_ids:
        audit.log(
            uow,
            audit.AuditAction.EDIT,
            record_id=session.id,
            supervisee_id=supervisee_id,
            details={"before": before},
        )
    return session


def update_experience(uow: UnitOfWork, *, record_id: str, **fields: Any) -> ExperienceEntry:
    entry = find_record(uow, record_id)
    if not isinstance(entry, ExperienceEntry):
        raise DomainError(f"Record {record_id} is a session, not an experience entry.", field="record")
    _require_pending(entry, "edited")
    values = validate_experience(uow, ignore_ids={entry.id}, **fields)
    before = experience_snapshot(entry)
    _apply_experience(entry, values)
    uow.flush()
    audit.log(
        uow,
        audit.AuditAction.EDIT,
        record_id=entry.id,
        supervisee_id=entry.supervisee_id,
        details={"before": before},
    )
    return entry


def delete_pending(uow: UnitOfWork, *, record_id: str) -> None:
    record = find_record(uow, record_id)
    _require_pending(record, "deleted")
    snapshot = (
        session_snapshot(record) if isinstance(record, SupervisionSession) else experience_snapshot(record)
    )
    for supervisee_id in record_supervisee_ids(record):
        audit.log(
            uow,
            audit.AuditAction.DELETE_PENDING,
            record_id=record.id,
            supervisee_id=supervisee_id,
            details={"deleted": snapshot},
        )
    uow.session.delete(record)
    uow.flush()


def amend_record(
    uow: UnitOfWork, *, record_id: str, reason: str, today: dt.date | None = None, **changes: Any
) -> Record:
    """A new pending version of a signed record, with a reason. The original is untouched.

    ``changes`` are the same fields as :func:`add_session` / :func:`add_experience`; what is
    not given is copied from the original. Once the amendment is signed, it replaces the
    original in every total and the original shows as *amended*.
    """
    original = find_record(uow, record_id)
    reason = clean_text(
        reason, field="reason", label="Reason for the amendment", max_length=1000, required=True
    )
    status = display_status(uow, original)
    if status is DisplayStatus.PENDING:
        raise DomainError(
            f"Record {original.id[:8]} is not signed yet; edit it directly instead of amending it.",
            field="record",
        )
    if status is DisplayStatus.AMENDED:
        newer = uow.session.scalar(
            select(replaced_by_sql(type(original))).where(type(original).id == original.id)
        )
        raise DomainError(
            f"Record {original.id[:8]} was already replaced by {str(newer)[:8]}; amend that one instead.",
            field="record",
        )
    if status is DisplayStatus.VOIDED:
        raise DomainError(f"Record {original.id[:8]} was voided and cannot be amended.", field="record")
    model = type(original)
    waiting = uow.session.scalar(
        select(model.id).where(model.supersedes_id == original.id, model.status == RecordStatus.PENDING)
    )
    if waiting:
        raise DomainError(
            f"An amendment of {original.id[:8]} is already waiting to be signed ({waiting[:8]}); "
            "edit or delete that one.",
            field="record",
        )
    if isinstance(original, SupervisionSession):
        fields: dict[str, Any] = {
            "supervisor_id": original.supervisor_id,
            "supervisee_ids": [a.supervisee_id for a in original.attendees],
            "date": original.date,
            "start": original.start_time,
            "minutes": original.minutes,
            "format": original.format,
            "modality": original.modality,
            "site": original.site,
            "topics": original.topics,
            "allocations": {a.domain_code: a.minutes for a in original.allocations},
        }
        fields.update({k: v for k, v in changes.items() if v is not None})
        values = validate_session(uow, ignore_ids={original.id}, today=today, **fields)
        amended: Record = SupervisionSession(
            status=RecordStatus.PENDING.value, supersedes_id=original.id, amendment_reason=reason
        )
        _apply_session(amended, values)  # type: ignore[arg-type]
    else:
        fields = {
            "supervisee_id": original.supervisee_id,
            "supervisor_id": original.supervisor_id,
            "period_start": original.period_start,
            "period_end": original.period_end,
            "setting": original.setting,
            "kind": original.kind,
            "allocations": {a.domain_code: a.minutes for a in original.allocations},
        }
        fields.update({k: v for k, v in changes.items() if v is not None})
        values_e = validate_experience(uow, ignore_ids={original.id}, today=today, **fields)
        amended = ExperienceEntry(
            status=RecordStatus.PENDING.value, supersedes_id=original.id, amendment_reason=reason
        )
        _apply_experience(amended, values_e)  # type: ignore[arg-type]
    uow.session.add(amended)
    uow.flush()
    for supervisee_id in set(record_supervisee_ids(original)) | set(record_supervisee_ids(amended)):
        audit.log(
            uow,
            audit.AuditAction.AMEND,
            record_id=amended.id,
            supervisee_id=supervisee_id,
            details={"amends": original.id, "reason": reason},
        )
    return amended


# --------------------------------------------------------------------------------------------
# Reading


def session_snapshot(session: SupervisionSession) -> dict[str, Any]:
    return {
        "id": session.id,
        "supervisor_id": session.supervisor_id,
        "supervisee_ids": sorted(a.supervisee_id for a in session.attendees),
        "date": session.date.isoformat(),
        "start": session.start_time.strftime("%H:%M") if session.start_time else None,
        "minutes": session.minutes,
        "format": session.format,
        "modality": session.modality,
        "site": session.site,
        "topics": session.topics,
        "allocations": {a.domain_code: a.minutes for a in session.allocations},
    }


def experience_snapshot(entry: ExperienceEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "supervisee_id": entry.supervisee_id,
        "supervisor_id": entry.supervisor_id,
        "from": entry.period_start.isoformat(),
        "to": entry.period_end.isoformat(),
        "setting": entry.setting,
        "kind": entry.kind,
        "minutes": entry.minutes,
        "allocations": {a.domain_code: a.minutes for a in entry.allocations},
    }


def list_sessions(
    uow: UnitOfWork,
    *,
    supervisee_id: int | None = None,
    supervisor_id: int | None = None,
    status: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Sessions as plain dicts (every stored field, status, and the replacing id), newest first."""
    S = SupervisionSession
    query = select(
        S, display_status_sql(S).label("display"), replaced_by_sql(S).label("replaced_by")
    ).options(selectinload(S.attendees), selectinload(S.allocations))
    if supervisee_id is not None:
        query = query.where(
            S.id.in_(select(SessionAttendee.session_id).where(SessionAttendee.supervisee_id == supervisee_id))
        )
    if supervisor_id is not None:
        query = query.where(S.supervisor_id == supervisor_id)
    if date_from is not None:
        query = query.where(S.date >= date_from)
    if date_to is not None:
        query = query.where(S.date <= date_to)
    query = query.order_by(S.date.desc(), S.start_time.desc(), S.id)
    if status is not None:
        query = query.where(display_status_sql(S) == status)
    if limit is not None:
        query = query.limit(limit).offset(offset)
    rows = []
    for session, display, replaced_by in uow.session.execute(query):
        item = session_snapshot(session)
        item.update(
            status=display,
            replaced_by=replaced_by,
            supersedes=session.supersedes_id,
            amendment_reason=session.amendment_reason,
            created_at=session.created_at.isoformat(),
            updated_at=session.updated_at.isoformat(),
        )
        rows.append(item)
    return rows


def list_experience(
    uow: UnitOfWork,
    *,
    supervisee_id: int | None = None,
    supervisor_id: int | None = None,
    status: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    E = ExperienceEntry
    query = select(
        E, display_status_sql(E).label("display"), replaced_by_sql(E).label("replaced_by")
    ).options(selectinload(E.allocations))
    if supervisee_id is not None:
        query = query.where(E.supervisee_id == supervisee_id)
    if supervisor_id is not None:
        query = query.where(E.supervisor_id == supervisor_id)
    if status is not None:
        query = query.where(display_status_sql(E) == status)
    query = query.order_by(E.period_start.desc(), E.id.desc())
    if limit is not None:
        query = query.limit(limit).offset(offset)
    rows = []
    for entry, display, replaced_by in uow.session.execute(query):
        item = experience_snapshot(entry)
        item.update(
            status=display,
            replaced_by=replaced_by,
            supersedes=entry.supersedes_id,
            amendment_reason=entry.amendment_reason,
            created_at=entry.created_at.isoformat(),
            updated_at=entry.updated_at.isoformat(),
        )
        rows.append(item)
    return rows


def count_pending(uow: UnitOfWork, *, supervisor_id: int | None = None) -> int:
    total = 0
    for model in (SupervisionSession, ExperienceEntry):
        query = select(func.count()).select_from(model).where(model.status == RecordStatus.PENDING)
        if supervisor_id is not None:
            query = query.where(model.supervisor_id == supervisor_id)
        total += uow.session.scalar(query) or 0
    return total
