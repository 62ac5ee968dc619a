"""Reading sessions and experience entries as plain dicts, for lists, exports and the CLI."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    func,
    select,
)
from sqlalchemy.orm import selectinload

from supervisor_app.db import UnitOfWork
from supervisor_app.models import (
    ExperienceEntry,
    RecordKind,
    RecordStatus,
    SessionAttendee,
    SupervisionSession,
)
from supervisor_app.services.records.status import Record, display_status_sql, replaced_by_sql

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


def list_records(
    uow: UnitOfWork,
    kind: RecordKind | str,
    *,
    supervisee_id: int | None = None,
    supervisor_id: int | None = None,
    status: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Sessions or experience entries (``kind``) as plain dicts (every stored field, status,
    and the replacing id), newest first. ``date_from``/``date_to``: a session's day, or an
    entry's period overlapping them."""
    if RecordKind(kind) is RecordKind.SESSION:
        model: type[Record] = SupervisionSession
        options = (selectinload(SupervisionSession.attendees), selectinload(SupervisionSession.allocations))
        snapshot: Any = session_snapshot
    else:
        model = ExperienceEntry
        options = (selectinload(ExperienceEntry.allocations),)
        snapshot = experience_snapshot
    query = select(
        model, display_status_sql(model).label("display"), replaced_by_sql(model).label("replaced_by")
    ).options(*options)
    if supervisee_id is not None:
        if model is SupervisionSession:
            attended = select(SessionAttendee.session_id).where(
                SessionAttendee.supervisee_id == supervisee_id
            )
            query = query.where(SupervisionSession.id.in_(attended))
        else:
            query = query.where(ExperienceEntry.supervisee_id == supervisee_id)
    if supervisor_id is not None:
        query = query.where(model.supervisor_id == supervisor_id)
    if model is SupervisionSession:
        S = SupervisionSession
        if date_from is not None:
            query = query.where(S.date >= date_from)
        if date_to is not None:
            query = query.where(S.date <= date_to)
        query = query.order_by(S.date.desc(), S.start_time.desc(), S.id)
    else:
        E = ExperienceEntry
        if date_from is not None:
            query = query.where(E.period_end >= date_from)
        if date_to is not None:
            query = query.where(E.period_start <= date_to)
        query = query.order_by(E.period_start.desc(), E.id.desc())
    if status is not None:
        query = query.where(display_status_sql(model) == status)
    if limit is not None:
        query = query.limit(limit).offset(offset)
    rows = []
    for record, display, replaced_by in uow.session.execute(query):
        item = snapshot(record)
        item.update(
            status=display,
            replaced_by=replaced_by,
            supersedes=record.supersedes_id,
            amendment_reason=record.amendment_reason,
            created_at=record.created_at.isoformat(),
            updated_at=record.updated_at.isoformat(),
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
