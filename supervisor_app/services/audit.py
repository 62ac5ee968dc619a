"""The append-only audit trail: who did what to which record, and when (UTC)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select

from supervisor_app.db import UnitOfWork
from supervisor_app.models import AuditEvent


class AuditAction:
    CREATE = "create"
    EDIT = "edit"
    DELETE_PENDING = "delete-pending"
    SIGN = "sign"
    AMEND = "amend"
    VOID = "void"
    PRINT = "print"
    EXPORT = "export"
    IMPORT = "import"
    BACKUP = "backup"
    RESTORE = "restore"
    FAILED_SIGN_IN = "failed-sign-in"
    LOCKED = "locked"
    PASSWORD_CHANGED = "password-changed"


def log(
    uow: UnitOfWork,
    action: str,
    *,
    record_id: str | None = None,
    supervisee_id: int | None = None,
    details: dict[str, Any] | None = None,
) -> None:
    """Add one event to the trail, in the caller's transaction."""
    uow.session.add(
        AuditEvent(
            actor=uow.actor,
            action=action,
            record_id=record_id,
            supervisee_id=supervisee_id,
            details=details_text(details),
        )
    )


def details_text(details: dict[str, Any] | None) -> str:
    """How an event's details are stored: sorted JSON, dates as ISO text."""
    return json.dumps(details, sort_keys=True, default=str) if details else ""


def changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """What an edit changed, for an event's details: ``{"before": {...}, "after": {...}}``
    holding only the fields whose value differs (empty when nothing changed)."""
    changed = [key for key in after if before.get(key) != after[key]]
    if not changed:
        return {}
    return {
        "before": {key: before.get(key) for key in changed},
        "after": {key: after[key] for key in changed},
    }


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: dt.datetime
    actor: str
    action: str
    record_id: str | None
    supervisee_id: int | None
    details: str


def list_events(
    uow: UnitOfWork,
    *,
    record_id: str | None = None,
    supervisee_id: int | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[AuditEntry]:
    """The trail, newest first, optionally for one record (prefix allowed) or supervisee."""
    query = select(AuditEvent).order_by(AuditEvent.id.desc())
    if record_id:
        query = query.where(
            or_(AuditEvent.record_id == record_id, AuditEvent.record_id.startswith(record_id))
        )
    if supervisee_id is not None:
        query = query.where(AuditEvent.supervisee_id == supervisee_id)
    if limit is not None:
        query = query.limit(limit).offset(offset)
    return [
        AuditEntry(e.id, e.at, e.actor, e.action, e.record_id, e.supervisee_id, e.details)
        for e in uow.session.scalars(query)
    ]
