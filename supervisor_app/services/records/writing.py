"""Adding, editing pending, deleting pending, and amending sessions and experience entries.

Each checks with :mod:`.checks` first, so a refused change writes nothing; nothing here commits.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    insert,
    select,
)

from supervisor_app.db import UnitOfWork
from supervisor_app.i18n import N_, _
from supervisor_app.models import (
    Base,
    DisplayStatus,
    ExperienceAllocation,
    ExperienceEntry,
    RecordStatus,
    SessionAllocation,
    SessionAttendee,
    SupervisionSession,
    utcnow,
)
from supervisor_app.services import audit
from supervisor_app.services.errors import DomainError
from supervisor_app.services.records.checks import (
    ExperienceValues,
    SessionValues,
    validate_experience,
    validate_session,
)
from supervisor_app.services.records.listing import experience_snapshot, session_snapshot
from supervisor_app.services.records.status import (
    Record,
    display_status,
    find_record,
    record_supervisee_ids,
    refuse_arrived,
    replaced_by_sql,
    set_aside_clause,
)
from supervisor_app.services.validation import clean_text

INSERT_BATCH = 20_000
"""Records written per executemany by :func:`insert_checked`."""

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


def new_record_ids(count: int) -> list[str]:
    """``count`` new session or experience entry ids: random UUID4 text, as the models give a
    record added one at a time (:func:`~supervisor_app.models.new_uuid`), made in one go."""
    data = os.urandom(16 * count)
    ids = []
    for start in range(0, 16 * count, 16):
        value = int.from_bytes(data[start : start + 16]) & _UUID4_KEEP | _UUID4_SET  # version 4, RFC variant
        h = f"{value:032x}"
        ids.append(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")
    return ids


_UUID4_KEEP = ~((0xF000 << 64) | (0xC000 << 48)) & ((1 << 128) - 1)
_UUID4_SET = (0x4000 << 64) | (0x8000 << 48)


def _created_session(values: SessionValues) -> dict[str, Any]:
    """The details of a session's create event in the audit trail."""
    return {"kind": "session", "date": values.date, "minutes": values.minutes}


def _created_experience(values: ExperienceValues) -> dict[str, Any]:
    return {
        "kind": "experience",
        "from": values.period_start,
        "to": values.period_end,
        "minutes": sum(values.allocations.values()),
    }


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
            details=_created_session(values),
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
        details=_created_experience(values),
    )
    return entry


def insert_checked(
    uow: UnitOfWork,
    *,
    sessions: Sequence[tuple[str, SessionValues]] = (),
    experience: Sequence[tuple[str, ExperienceValues]] = (),
) -> None:
    """Insert many records already checked by every rule (:func:`check_session` and
    :func:`check_session_overlap`, or the experience equivalents), as pending, under the
    given ids (:func:`new_record_ids`), with the same create events in the audit trail as
    :func:`add_session` / :func:`add_experience`. One executemany per table (per
    :data:`INSERT_BATCH` records), in the unit of work's transaction; nothing is committed.
    For the import: thousands of rows at once."""
    # In id order: each table's primary key index then takes the new ids page by page instead
    # of at random places all over a big file (UUIDs are random), which is most of the time.
    sessions = sorted(sessions, key=lambda item: item[0])
    experience = sorted(experience, key=lambda item: item[0])
    now = utcnow()
    pending = RecordStatus.PENDING.value
    details: dict[tuple[Any, ...], str] = {}  # thousands of records share a few texts

    actor, create = uow.actor, audit.AuditAction.CREATE

    def event(record_id: str, supervisee_id: int, what: dict[str, Any]) -> dict[str, Any]:
        key = tuple(what.values())
        text = details.get(key)
        if text is None:
            text = details[key] = audit.details_text(what)
        return {"at": now, "actor": actor, "action": create, "record_id": record_id,
                "supervisee_id": supervisee_id, "details": text}  # fmt: skip

    # A batch at a time, so a big file's rows are not all held twice over as table rows.
    for begin in range(0, max(len(sessions), len(experience)), INSERT_BATCH):
        session_batch = sessions[begin : begin + INSERT_BATCH]
        experience_batch = experience[begin : begin + INSERT_BATCH]
        session_rows, attendee_rows, allocation_rows, events = [], [], [], []
        for record_id, v in session_batch:
            session_rows.append(
                (record_id, v.supervisor_id, v.date, v.start_time, v.minutes, v.format, v.modality, v.site,
                 v.topics, pending, None, "", now, now)
            )  # fmt: skip
            attendee_rows.extend((record_id, i) for i in v.supervisee_ids)
            allocation_rows.extend((record_id, c, m) for c, m in v.allocations.items())
            created = _created_session(v)
            events.extend(event(record_id, i, created) for i in v.supervisee_ids)
        entry_rows, entry_allocation_rows = [], []
        for record_id, e in experience_batch:
            entry_rows.append(
                (record_id, e.supervisee_id, e.supervisor_id, e.period_start, e.period_end, e.setting, e.kind,
                 pending, None, "", now, now)
            )  # fmt: skip
            entry_allocation_rows.extend((record_id, c, m) for c, m in e.allocations.items())
            events.append(event(record_id, e.supervisee_id, _created_experience(e)))
        record_columns = ("status", "supersedes_id", "amendment_reason", "created_at", "updated_at")
        _insert_many(
            uow,
            SupervisionSession,
            ("id", "supervisor_id", "date", "start_time", "minutes", "format", "modality", "site", "topics",
             *record_columns),
            session_rows,
        )  # fmt: skip
        _insert_many(uow, SessionAttendee, ("session_id", "supervisee_id"), attendee_rows)
        _insert_many(uow, SessionAllocation, ("session_id", "domain_code", "minutes"), allocation_rows)
        _insert_many(
            uow,
            ExperienceEntry,
            ("id", "supervisee_id", "supervisor_id", "period_start", "period_end", "setting", "kind",
             *record_columns),
            entry_rows,
        )  # fmt: skip
        _insert_many(uow, ExperienceAllocation, ("entry_id", "domain_code", "minutes"), entry_allocation_rows)
        audit.append_events(uow, events)


def _insert_many(
    uow: UnitOfWork, model: type[Base], columns: Sequence[str], rows: list[tuple[Any, ...]]
) -> None:
    """One executemany of ``rows`` (tuples in ``columns`` order) straight to the driver: the
    statement and the column types' conversions (dates, times, timestamps) are SQLAlchemy's,
    applied once per distinct value, without its per-row parameter handling.

    On PostgreSQL (psycopg's named parameters) SQLAlchemy's own executemany (its
    insertmanyvalues: many rows per statement) with the Python values."""
    if not rows:
        return
    table = model.__table__
    connection = uow.session.connection()
    if not connection.dialect.positional:
        connection.execute(insert(table), [dict(zip(columns, row, strict=True)) for row in rows])
        return
    compiled = insert(table).compile(dialect=connection.dialect, column_keys=list(columns))
    assert tuple(compiled.positiontup or ()) == tuple(columns), compiled.positiontup
    dialect = connection.dialect
    processors = [table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in columns]
    if any(processors):
        by_column = list(zip(*rows, strict=True))
        for index, process in enumerate(processors):
            if process is not None:  # a date, time or timestamp: convert each distinct value once
                text = {value: process(value) for value in set(by_column[index]) if value is not None}
                by_column[index] = tuple(map(text.get, by_column[index]))
        rows = list(zip(*by_column, strict=True))
    connection.exec_driver_sql(str(compiled), rows)


def _require_pending(record: Record, action: str) -> None:
    if record.status != RecordStatus.PENDING:
        raise DomainError(
            _(
                "Record {record} is signed and final; it cannot be {action}. Amend it (with a reason) or void it instead."
            ).format(record=record.id[:8], action=_(action)),
            field="record",
            code="records.signed_final",
            params={"record": record.id, "action": action},
        )


def _replacing(record: Record) -> set[str]:
    """What an edit of ``record`` may overlap: itself and, for a pending amendment, the signed
    original it will replace (which still stands until the amendment is signed)."""
    return {record.id} | ({record.supersedes_id} if record.supersedes_id else set())


def update_session(uow: UnitOfWork, *, record_id: str, **fields: Any) -> SupervisionSession:
    """Edit a pending session; every rule is checked again."""
    session = find_record(uow, record_id)
    if not isinstance(session, SupervisionSession):
        raise DomainError(
            _("Record {record} is an experience entry, not a session.").format(record=record_id),
            field="record",
            code="records.not_a_session",
            params={"record": record_id},
        )
    _require_pending(session, N_("edited"))
    values = validate_session(uow, ignore_ids=_replacing(session), **fields)
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
        raise DomainError(
            _("Record {record} is a session, not an experience entry.").format(record=record_id),
            field="record",
            code="records.not_experience",
            params={"record": record_id},
        )
    _require_pending(entry, N_("edited"))
    values = validate_experience(uow, ignore_ids=_replacing(entry), **fields)
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


def describe(record: Record) -> str:
    """A record in words, for messages: "the session of 2026-03-04"."""
    if isinstance(record, SupervisionSession):
        return _("the session of {date}").format(date=record.date.isoformat())
    return _("the experience entry {period_start} to {period_end}").format(
        period_start=record.period_start.isoformat(), period_end=record.period_end.isoformat()
    )


def waiting_amendment(uow: UnitOfWork, record_id: str) -> Record | None:
    """The pending amendment of a signed record, if one waits to be signed (one at a time)."""
    for model in (SupervisionSession, ExperienceEntry):
        found = uow.session.scalars(
            select(model)
            .where(model.supersedes_id == record_id, model.status == RecordStatus.PENDING)
            .limit(1)
        ).first()
        if found is not None:
            return found
    return None


def delete_pending(uow: UnitOfWork, *, record_id: str) -> None:
    record = find_record(uow, record_id)
    _require_pending(record, N_("deleted"))
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
    # One signed in another database: only its own supervisor amends it here (in this chain);
    # checked again below with the amendment's supervisor.
    refuse_arrived(uow, original, N_("amended"), supervisor_id=original.supervisor_id)
    reason = clean_text(
        reason, field="reason", label=_("Reason for the amendment"), max_length=1000, required=True
    )
    status = display_status(uow, original)
    if status is DisplayStatus.PENDING:
        raise DomainError(
            _("Record {original} is not signed yet; edit it directly instead of amending it.").format(
                original=original.id[:8]
            ),
            field="record",
            code="records.amend_not_signed",
            params={"original": original.id},
        )
    if status is DisplayStatus.AMENDED:
        newer = uow.session.scalar(
            select(replaced_by_sql(type(original))).where(type(original).id == original.id)
        )
        raise DomainError(
            _("Record {original} was already replaced by {newer}; amend that one instead.").format(
                original=original.id[:8], newer=str(newer)[:8]
            ),
            field="record",
            code="records.amend_replaced",
            params={"original": original.id},
        )
    if status is DisplayStatus.VOIDED:
        raise DomainError(
            _("Record {original} was voided and cannot be amended.").format(original=original.id[:8]),
            field="record",
            code="records.amend_voided",
            params={"original": original.id},
        )
    model = type(original)
    if uow.session.scalar(select(set_aside_clause(model)).where(model.id == original.id)):
        raise DomainError(
            _(
                "Record {original} is one of two signed amendments of {record} and does not count; "
                "void one of the two, or amend the one that counts."
            ).format(original=original.id[:8], record=str(original.supersedes_id)[:8]),
            field="record",
            code="records.amend_set_aside",
            params={"original": original.id},
        )
    if waiting_amendment(uow, original.id) is not None:
        raise DomainError(
            _(
                "An amendment of {record} is already waiting to be signed; sign, edit or "
                "delete that amendment before amending again."
            ).format(record=describe(original)),
            field="record",
            code="records.amendment_waiting",
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
    refuse_arrived(uow, original, N_("amended"), supervisor_id=amended.supervisor_id)
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
