"""The audit trail, filtered, one page at a time (newest first), for the Audit page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from supervisor_app.db import UnitOfWork
from supervisor_app.models import AuditEvent, Supervisor
from supervisor_app.services.audit import AuditEntry
from supervisor_app.services.text_search import contains, register_fold
from supervisor_app.units import fold


@dataclass(frozen=True)
class AuditFilter:
    record_id: str = ""
    supervisee_id: int | None = None
    action: str = ""
    actor: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def _audit_where(flt: AuditFilter) -> list[Any]:
    clauses: list[Any] = []
    if flt.record_id.strip():
        clauses.append(AuditEvent.record_id.startswith(flt.record_id.strip().lower()))
    if flt.supervisee_id is not None:
        clauses.append(AuditEvent.supervisee_id == flt.supervisee_id)
    if flt.action:
        clauses.append(AuditEvent.action == flt.action)
    if flt.actor.strip():
        clauses.append(contains(AuditEvent.actor, fold(flt.actor.strip())))
    start, end = local_day_bounds(flt)
    if start is not None:
        clauses.append(AuditEvent.at >= start)
    if end is not None:
        clauses.append(AuditEvent.at < end)
    return clauses


def local_day_bounds(flt: AuditFilter) -> tuple[dt.datetime | None, dt.datetime | None]:
    """The filter's local dates as UTC instants: from the start of ``date_from``, to before
    the day after ``date_to`` (None: no bound)."""
    start = end = None
    if flt.date_from is not None:
        start = dt.datetime.combine(flt.date_from, dt.time(), tzinfo=dt.UTC) - _local_offset()
    if flt.date_to is not None:
        end = (
            dt.datetime.combine(flt.date_to + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
            - _local_offset()
        )
    return start, end


def _local_offset() -> dt.timedelta:
    """Dates in the filter are local dates; events are stored in UTC."""
    return dt.datetime.now().astimezone().utcoffset() or dt.timedelta()


def count_audit(uow: UnitOfWork, *, filter: AuditFilter = AuditFilter()) -> int:  # noqa: A002, B008
    if filter.actor.strip():
        register_fold(uow)
    query = select(func.count()).select_from(AuditEvent)
    for clause in _audit_where(filter):
        query = query.where(clause)
    return int(uow.session.scalar(query) or 0)


def audit_page(
    uow: UnitOfWork,
    *,
    filter: AuditFilter = AuditFilter(),  # noqa: A002, B008
    before_id: int | None = None,
    limit: int = 200,
) -> list[AuditEntry]:
    if filter.actor.strip():
        register_fold(uow)
    query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)
    for clause in _audit_where(filter):
        query = query.where(clause)
    if before_id is not None:
        query = query.where(AuditEvent.id < before_id)
    return [
        AuditEntry(e.id, e.at, e.actor, e.action, e.record_id, e.supervisee_id, e.details)
        for e in uow.session.scalars(query)
    ]


def audit_actors(uow: UnitOfWork) -> list[str]:
    return list(uow.session.scalars(select(AuditEvent.actor).distinct().order_by(AuditEvent.actor)))


def actor_names(uow: UnitOfWork) -> dict[str, str]:
    """``supervisor:3`` -> the supervisor's name, for showing the trail in words."""
    return {
        f"supervisor:{sid}": name for sid, name in uow.session.execute(select(Supervisor.id, Supervisor.name))
    }
